import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { SUBDOMAIN } from "../../../rules/messages.js";

const INLINE = "in the context of inline volumes";
const attachment = (...spec: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: VolumeAttachment", "metadata: {name: va}", "spec:", ...spec.map((l) => "  " + l));

describe("validateVolumeAttachment", () => {
  it.each([
    ["a persistent volume on a node", attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source: {persistentVolumeName: pv-1}")],
    ["a status, which the create clears", attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source: {persistentVolumeName: pv-1}").replace("spec:", "status: {attached: true, attachError: {message: x, errorCode: -1}}\nspec:")],
    [
      "an inline CSI volume, Retain and Filesystem",
      attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source:", "  inlineVolumeSpec:", "    accessModes: [ReadWriteOnce]", "    persistentVolumeReclaimPolicy: Retain", "    volumeMode: Filesystem", "    csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}"),
    ],
    [
      "an inline volume with an empty volume attributes class, which the inline context does not check",
      attachment("attacher: a.b", "nodeName: node-1", "source:", "  inlineVolumeSpec:", "    accessModes: [ReadOnlyMany]", "    volumeAttributesClassName: ''", "    csi: {driver: a.b, volumeHandle: v}"),
    ],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "no attacher, no source, no node",
      attachment("nodeName: ''"),
      [
        { severity: "error", line: 4, column: 1, message: "spec.attacher: Required value" },
        { severity: "error", line: 4, column: 1, message: "spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName" },
        { severity: "error", line: 4, column: 1, message: `spec.attacher: Invalid value: "": ${SUBDOMAIN}` },
        { severity: "error", line: 5, column: 13, message: `spec.nodeName: Invalid value: "": ${SUBDOMAIN}` },
      ],
    ],
    [
      "both sources",
      attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source: {persistentVolumeName: pv, inlineVolumeSpec: {}}"),
      [{ severity: "error", line: 7, column: 3, message: "spec.source: Forbidden: must specify exactly one of inlineVolumeSpec and persistentVolumeName" }],
    ],
    [
      "an attacher that is not a DNS subdomain, and a bad persistent volume name",
      attachment("attacher: my_driver", "nodeName: node-1", "source: {persistentVolumeName: PV}"),
      [
        { severity: "error", line: 5, column: 13, message: `spec.attacher: Invalid value: "my_driver": ${SUBDOMAIN}` },
        { severity: "error", line: 7, column: 34, message: `spec.source.persistentVolumeName: Invalid value: "PV": ${SUBDOMAIN}` },
      ],
    ],
    [
      "an empty persistent volume name",
      attachment("attacher: a.b", "nodeName: node-1", "source: {persistentVolumeName: ''}"),
      [
        { severity: "error", line: 7, column: 34, message: "spec.source.persistentVolumeName: Required value: must specify non empty persistentVolumeName" },
        { severity: "error", line: 7, column: 34, message: `spec.source.persistentVolumeName: Invalid value: "": ${SUBDOMAIN}` },
      ],
    ],
    [
      "an empty inline volume: no access modes, no CSI source, no volume type",
      attachment("attacher: a.b", "nodeName: node-1", "source: {inlineVolumeSpec: {}}"),
      [
        { severity: "error", line: 7, column: 12, message: `spec.source.inlineVolumeSpec.csi: Required value: has to be specified ${INLINE}` },
        { severity: "error", line: 7, column: 12, message: "spec.source.inlineVolumeSpec.accessModes: Required value" },
        { severity: "error", line: 7, column: 30, message: "spec.source.inlineVolumeSpec: Required value: must specify a volume type" },
      ],
    ],
    [
      "an inline volume with what only a PersistentVolume may set",
      attachment(
        "attacher: a.b",
        "nodeName: node-1",
        "source:",
        "  inlineVolumeSpec:",
        "    accessModes: [ReadWriteOnce]",
        "    claimRef: {name: c, namespace: d}",
        "    capacity: {storage: 1Gi}",
        "    persistentVolumeReclaimPolicy: Delete",
        "    storageClassName: fast",
        "    volumeMode: Block",
        "    nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: In, values: [b]}]}]}}",
        "    csi: {driver: a.b, volumeHandle: v}",
      ),
      [
        { severity: "error", line: 10, column: 7, message: `spec.source.inlineVolumeSpec.claimRef: Forbidden: may not be specified ${INLINE}` },
        { severity: "error", line: 11, column: 7, message: `spec.source.inlineVolumeSpec.capacity: Forbidden: may not be specified ${INLINE}` },
        { severity: "error", line: 12, column: 7, message: `spec.source.inlineVolumeSpec.persistentVolumeReclaimPolicy: Forbidden: may only be Retain ${INLINE}` },
        { severity: "error", line: 13, column: 7, message: `spec.source.inlineVolumeSpec.storageClassName: Forbidden: may not be specified ${INLINE}` },
        { severity: "error", line: 14, column: 7, message: `spec.source.inlineVolumeSpec.volumeMode: Forbidden: may not specify volumeMode other than Filesystem ${INLINE}` },
        { severity: "error", line: 15, column: 7, message: `spec.source.inlineVolumeSpec.nodeAffinity: Forbidden: may not be specified ${INLINE}` },
      ],
    ],
    [
      "an inline volume that is not CSI, and a bad CSI source",
      attachment("attacher: a.b", "nodeName: node-1", "source:", "  inlineVolumeSpec:", "    accessModes: [ReadWriteOncePod, ReadOnlyMany]", "    nfs: {server: s, path: /p}", "    csi: {driver: '', volumeHandle: ''}"),
      [
        { severity: "error", line: 9, column: 7, message: "spec.source.inlineVolumeSpec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes" },
        { severity: "error", line: 11, column: 7, message: "spec.source.inlineVolumeSpec.csi: Forbidden: may not specify more than 1 volume type" },
      ],
    ],
    [
      "an inline CSI volume without driver or handle",
      attachment("attacher: a.b", "nodeName: node-1", "source:", "  inlineVolumeSpec:", "    accessModes: [ReadWriteOnce]", "    csi: {driver: '', volumeHandle: ''}"),
      [
        { severity: "error", line: 10, column: 21, message: "spec.source.inlineVolumeSpec.csi.driver: Required value" },
        { severity: "error", line: 10, column: 21, message: `spec.source.inlineVolumeSpec.csi.driver: Invalid value: "": ${SUBDOMAIN}` },
        { severity: "error", line: 10, column: 39, message: "spec.source.inlineVolumeSpec.csi.volumeHandle: Required value" },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
