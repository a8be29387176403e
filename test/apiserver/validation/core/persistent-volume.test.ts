import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const volume = (...spec: string[]) => yaml("apiVersion: v1", "kind: PersistentVolume", "metadata: {name: pv1}", "spec:", ...spec.map((line) => "  " + line));
const base = ["accessModes: [ReadWriteOnce]", "capacity: {storage: 10Gi}"];
const withSource = (...source: string[]) => volume(...base, ...source);
const errors = (text: string, version = "1.36") => createPath(text, version).filter((finding) => finding.severity === "error").map((finding) => finding.message);
const affinity = "nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]}]}}";

describe("validatePersistentVolume: accepted", () => {
  it.each([
    ["an NFS volume", withSource("nfs: {server: nfs.example.com, path: /exports}")],
    ["a hostPath volume with a type", withSource("hostPath: {path: /data, type: DirectoryOrCreate}")],
    ["a local volume with node affinity", withSource("local: {path: /mnt/disks/ssd1}", affinity)],
    ["a CSI volume with its secrets", withSource("csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1, nodePublishSecretRef: {name: creds, namespace: kube-system}}")],
    ["an iSCSI volume", withSource("iscsi: {targetPortal: 10.0.0.1:3260, iqn: 'iqn.2001-04.com.example:storage.disk1', lun: 0}")],
    ["a block volume with a class and the Recycle policy", withSource("nfs: {server: s, path: /x}", "volumeMode: Block", "storageClassName: slow", "persistentVolumeReclaimPolicy: Recycle")],
    ["a flexVolume next to another source (upstream does not count it)", withSource("nfs: {server: s, path: /x}", "flexVolume: {driver: example/driver}")],
    ["mount options on a source that takes them", yaml("apiVersion: v1", "kind: PersistentVolume", "metadata:", "  name: pv1", "  annotations: {volume.beta.kubernetes.io/mount-options: 'hard'}", "spec:", ...[...base, "nfs: {server: s, path: /x}"].map((l) => "  " + l))],
    ["a volume attributes class with CSI", withSource("csi: {driver: d.example.com, volumeHandle: h}", "volumeAttributesClassName: gold")],
  ])("%s", (_name, text) => {
    expect(errors(text)).toEqual([]);
  });
});

describe("validatePersistentVolume: rejected", () => {
  it.each([
    ["no access mode, capacity or source", volume("storageClassName: ''"), [
      "spec.accessModes: Required value",
      "spec.capacity: Required value",
      "spec.capacity: Unsupported value: {}: supported values: \"storage\"",
      "spec: Required value: must specify a volume type",
    ]],
    ["a capacity of another resource", volume("accessModes: [ReadWriteOnce]", "capacity: {storage: 1Gi, cpu: '1'}", "nfs: {server: s, path: /x}"), ['spec.capacity: Unsupported value: {"cpu":"1","storage":"1Gi"}: supported values: "storage"']],
    ["a zero capacity", volume("accessModes: [ReadWriteOnce]", "capacity: {storage: '0'}", "nfs: {server: s, path: /x}"), ['spec.capacity[storage]: Invalid value: "0": must be greater than zero']],
    ["a negative capacity", volume("accessModes: [ReadWriteOnce]", "capacity: {storage: '-1'}", "nfs: {server: s, path: /x}"), [
      "spec.capacity[storage]: Invalid value: -1: must be a valid resource quantity",
      'spec.capacity[storage]: Invalid value: "-1": must be greater than zero',
    ]],
    ["an unknown reclaim policy", withSource("nfs: {server: s, path: /x}", "persistentVolumeReclaimPolicy: Keep"), ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"']],
    ["two sources", withSource("nfs: {server: s, path: /x}", "hostPath: {path: /data}"), ["spec.nfs: Forbidden: may not specify more than 1 volume type"]],
    ["a local volume without node affinity", withSource("local: {path: /mnt/disk}"), ["spec.nodeAffinity: Required value: Local volume requires node affinity"]],
    ["a local path with ..", withSource("local: {path: /mnt/../etc}", affinity), ["spec.local.path: Invalid value: \"/mnt/../etc\": must not contain '..'"]],
    ["node affinity without required terms", withSource("nfs: {server: s, path: /x}", "nodeAffinity: {}"), ["spec.nodeAffinity.required: Required value: must specify required node constraints"]],
    ["a hostPath of / with Recycle", withSource("hostPath: {path: /a/..}", "persistentVolumeReclaimPolicy: Recycle"), [
      "spec.hostPath.path: Invalid value: \"/a/..\": must not contain '..'",
      "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'",
    ]],
    ["a class name with capitals", withSource("nfs: {server: s, path: /x}", "storageClassName: Slow"), [`spec.storageClassName: Invalid value: "Slow": ${SUBDOMAIN}`]],
    ["an unknown volume mode", withSource("nfs: {server: s, path: /x}", "volumeMode: Raw"), ['spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"']],
    ["an empty volume attributes class, without CSI", withSource("nfs: {server: s, path: /x}", "volumeAttributesClassName: ''"), [
      "spec.csi: Required value: has to be specified when using volumeAttributesClassName",
      "spec.volumeAttributesClassName: Required value: an empty string is disallowed",
    ]],
    ["a GCE disk without a name (upstream's path)", withSource("gcePersistentDisk: {partition: 1}"), ["spec.persistentDisk.pdName: Required value"]],
    ["an iSCSI volume whose name and portal are too long with an initiator", withSource(`iscsi: {targetPortal: '${"p".repeat(61)}', iqn: 'iqn.2001-04.com.example:d', initiatorName: 'bad'}`), [
      `spec.iscsi.targetportal: Invalid value: "${"p".repeat(61)}": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.`,
      "spec.iscsi.initiatorname: Invalid value: \"bad\": must be valid format",
    ]],
    ["an iSCSI iqn of no known form, and a secret without a name", withSource("iscsi: {targetPortal: t, iqn: xyz, chapAuthSession: true, secretRef: {}}"), [
      'spec.iscsi.iqn: Invalid value: "xyz": must be valid format',
      "spec.iscsi.secretRef.name: Required value",
    ]],
    ["a Glusterfs endpoints namespace that is empty", withSource("glusterfs: {endpoints: ep, path: vol, endpointsNamespace: ''}"), ['spec.glusterfs.endpointsNamespace: Invalid value: "": if the endpointnamespace is set, it must be a valid namespace name']],
    ["a Cinder secret without a namespace", withSource("cinder: {volumeID: v, secretRef: {name: s}}"), ["spec.cinder.secretRef.namespace: Required value"]],
    ["an Azure file share with an empty secret namespace", withSource("azureFile: {secretName: s, shareName: share, secretNamespace: ''}"), ["spec.azureFile.secretNamespace: Required value"]],
    ["a StorageOS volume name that is not a label", withSource("storageos: {volumeName: Vol_1}"), [expect.stringMatching(/^spec.storageos.volumeName: Invalid value: "Vol_1": a lowercase RFC 1123 label/)]],
    ["CSI without a handle and a secret reference without a namespace", withSource("csi: {driver: d.example.com, controllerPublishSecretRef: {name: s}}"), [
      "spec.csi.volumeHandle: Required value",
      "spec.csi.controllerPublishSecretRef.namespace: Required value",
    ]],
    ["mount options on a hostPath volume", yaml("apiVersion: v1", "kind: PersistentVolume", "metadata:", "  name: pv1", "  annotations: {volume.beta.kubernetes.io/mount-options: 'hard'}", "spec:", ...[...base, "hostPath: {path: /data}"].map((l) => "  " + l)), [
      "metadata.annotations.volume.beta.kubernetes.io/mount-options: Forbidden: may not specify mount options for this volume type",
    ]],
    ["a namespace-style name (cluster-scoped: a DNS subdomain)", yaml("apiVersion: v1", "kind: PersistentVolume", "metadata: {name: PV_1}", "spec:", ...[...base, "nfs: {server: s, path: /x}"].map((l) => "  " + l)), [
      `metadata.name: Invalid value: "PV_1": ${SUBDOMAIN}`,
    ]],
  ])("%s", (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });
});

describe("GetWarningsForPersistentVolume", () => {
  const warnings = (text: string, version = "1.36") => createPath(text, version).filter((finding) => finding.severity === "warning").map((finding) => finding.message);

  it("warns about deprecated annotations, Recycle, node labels and plugins", () => {
    const text = yaml(
      "apiVersion: v1",
      "kind: PersistentVolume",
      "metadata:",
      "  name: pv1",
      "  annotations: {volume.beta.kubernetes.io/storage-class: slow, volume.beta.kubernetes.io/mount-options: hard}",
      "spec:",
      "  accessModes: [ReadWriteOnce]",
      "  capacity: {storage: 1Gi}",
      "  persistentVolumeReclaimPolicy: Recycle",
      "  rbd: {monitors: [m], image: i}",
      "  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: beta.kubernetes.io/os, operator: In, values: [linux]}]}]}}",
    );
    expect(warnings(text).sort()).toEqual([
      'metadata.annotations[volume.beta.kubernetes.io/mount-options]: deprecated since v1.31; use "mountOptions" attribute instead',
      'metadata.annotations[volume.beta.kubernetes.io/storage-class]: deprecated since v1.8; use "storageClassName" attribute instead',
      "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use \"kubernetes.io/os\" instead",
      "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.",
      "spec.rbd: deprecated in v1.28, non-functional in v1.31+",
    ]);
    expect(warnings(text, "1.30")).not.toContain('metadata.annotations[volume.beta.kubernetes.io/mount-options]: deprecated since v1.31; use "mountOptions" attribute instead');
  });

  it("says nothing about a plain volume", () => {
    expect(warnings(withSource("nfs: {server: s, path: /x}"))).toEqual([]);
  });
});
