import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { SUBDOMAIN } from "../../../rules/messages.js";

const attachment = (...spec: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: VolumeAttachment", "metadata: {name: va}", "spec:", ...spec.map((l) => "  " + l));

describe("validateVolumeAttachment", () => {
  it.each([
    ["a persistent volume on a node", attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source: {persistentVolumeName: pv-1}")],
    ["a status, which the create clears", attachment("attacher: ebs.csi.aws.com", "nodeName: node-1", "source: {persistentVolumeName: pv-1}").replace("spec:", "status: {attached: true, attachError: {message: x, errorCode: -1}}\nspec:")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "no attacher, no source, no node",
      attachment("nodeName: ''"),
      [
        { severity: "error", line: 4, column: 1, message: `spec.attacher: Invalid value: "": ${SUBDOMAIN}` },
        { severity: "error", line: 4, column: 1, message: "spec.attacher: Required value" },
        { severity: "error", line: 4, column: 1, message: "spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName" },
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
        { severity: "error", line: 7, column: 34, message: `spec.source.persistentVolumeName: Invalid value: "": ${SUBDOMAIN}` },
        { severity: "error", line: 7, column: 34, message: "spec.source.persistentVolumeName: Required value: must specify non empty persistentVolumeName" },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
