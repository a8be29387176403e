import { describe, expect, it } from "vitest";
import { errorMessage } from "../../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../../src/apiserver/field/path.js";
import { podValidationOptions } from "../../../../src/apiserver/validation/core/pod-options.js";
import { validateVolumes } from "../../../../src/apiserver/validation/core/volumes.js";
import { LABEL, LABEL_KEY_NAME, SUBDOMAIN } from "../../../rules/messages.js";

const VOLUMES = FieldPath.root("spec", "volumes");

function check(volumes: unknown[], version = "1.36", podName?: string, resourceIsPod = true): string[] {
  const [, errors] = validateVolumes(volumes, podName === undefined ? undefined : { name: podName }, VOLUMES, podValidationOptions(version, resourceIsPod));
  return errors.map((error) => errorMessage(error, version));
}

const CLAIM = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } };
const MODE = "must be a number between 0 and 0777 (octal), both inclusive";

describe("validateVolumes", () => {
  it.each<[string, unknown[]]>([
    ["common sources", [{ name: "a", emptyDir: {} }, { name: "b", configMap: { name: "c", items: [{ key: "k", path: "dir/file", mode: 0o644 }] } }, { name: "c", secret: { secretName: "s", defaultMode: 0o400 } }, { name: "d", persistentVolumeClaim: { claimName: "data" } }, { name: "e", hostPath: { path: "/var/log", type: "Directory" } }]],
    ["a downwardAPI volume", [{ name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels" } }, { path: "cpu", resourceFieldRef: { containerName: "app", resource: "limits.cpu", divisor: "1m" } }, { path: "app", fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['app']" } }] } }]],
    ["a projected volume", [{ name: "p", projected: { sources: [{ secret: { name: "s", items: [{ key: "a", path: "a" }] } }, { configMap: { name: "c", items: [{ key: "b", path: "b" }] } }, { serviceAccountToken: { path: "token", expirationSeconds: 3600, audience: "api" } }] } }]],
    ["network sources", [{ name: "n", nfs: { server: "nfs", path: "/export" } }, { name: "i", iscsi: { targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0 } }, { name: "f", fc: { targetWWNs: ["500a0982991b8dc5"], lun: 2 } }, { name: "q", quobyte: { registry: "reg:7861,[::1]:7861", volume: "v" } }]],
    ["cloud disks", [{ name: "g", gcePersistentDisk: { pdName: "disk", partition: 1 } }, { name: "a", awsElasticBlockStore: { volumeID: "vol" } }, { name: "z", azureDisk: { diskName: "d", diskURI: "https://acct.blob.core.windows.net/c/d.vhd", kind: "Shared", cachingMode: "ReadWrite" } }, { name: "m", azureDisk: { diskName: "d", diskURI: "/subscriptions/x/disks/d", kind: "Managed" } }]],
    ["a csi volume", [{ name: "c", csi: { driver: "secrets-store.csi.k8s.io", nodePublishSecretRef: { name: "creds" } } }]],
    ["an ephemeral volume of a named pod", [{ name: "scratch", ephemeral: { volumeClaimTemplate: { metadata: { labels: { app: "x" }, annotations: { "example.com/Owner": "team" } }, spec: CLAIM } } }]],
    ["an image volume in a template without reference", [{ name: "img", image: { pullPolicy: "IfNotPresent" } }]],
  ])("accepts %s", (_name, volumes) => {
    expect(check(volumes, "1.36", "web", false)).toEqual([]);
  });

  it.each<[string, unknown[], string[], string?, string?]>([
    ["no source", [{ name: "data" }], ["spec.volumes[0]: Required value: must specify a volume type"]],
    ["two sources", [{ name: "data", emptyDir: {}, persistentVolumeClaim: { claimName: "d" } }], ["spec.volumes[0].persistentVolumeClaim: Forbidden: may not specify more than 1 volume type"]],
    ["a second downwardAPI source, named by upstream's misspelt path", [{ name: "i", emptyDir: {}, downwardAPI: { items: [] } }], ["spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type"]],
    ["a second cephfs source", [{ name: "i", emptyDir: {}, cephfs: { monitors: ["m"] } }], ["spec.volumes[0].cephFS: Forbidden: may not specify more than 1 volume type"]],
    ["an empty name", [{ name: "", emptyDir: {} }], ["spec.volumes[0].name: Required value"]],
    ["a name with an underscore", [{ name: "my_data", emptyDir: {} }], [`spec.volumes[0].name: Invalid value: "my_data": ${LABEL}`]],
    ["a name with a dot", [{ name: "app.config", emptyDir: {} }], ['spec.volumes[0].name: Invalid value: "app.config": must not contain dots']],
    ["a duplicate name", [{ name: "data", emptyDir: {} }, { name: "data", configMap: { name: "c" } }], ['spec.volumes[1].name: Duplicate value: "data"']],
    ["a negative emptyDir sizeLimit", [{ name: "d", emptyDir: { sizeLimit: "-1Gi" } }], ["spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity"]],
    ["a hostPath without path", [{ name: "h", hostPath: { path: "" } }], ["spec.volumes[0].hostPath.path: Required value"]],
    ["a hostPath with ..", [{ name: "h", hostPath: { path: "/var/../etc" } }], ['spec.volumes[0].hostPath.path: Invalid value: "/var/../etc": must not contain \'..\'']],
    ["a hostPath type unknown", [{ name: "h", hostPath: { path: "/x", type: "Dir" } }], ['spec.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"']],
    ["a gitRepo without repository, an absolute directory", [{ name: "g", gitRepo: { repository: "", directory: "/abs" } }], ["spec.volumes[0].gitRepo.repository: Required value", 'spec.volumes[0].gitRepo.directory: Invalid value: "/abs": must be a relative path']],
    ["a secret without secretName", [{ name: "s", secret: { name: "tls" } }], ["spec.volumes[0].secret.secretName: Required value"]],
    ["a secret defaultMode above 0777", [{ name: "s", secret: { secretName: "s", defaultMode: 0o1000 } }], [`spec.volumes[0].secret.defaultMode: Invalid value: 512: ${MODE}`]],
    ["configMap items: absolute, .., empty, negative mode", [{ name: "c", configMap: { name: "c", items: [{ key: "a", path: "/etc/a" }, { key: "b", path: "../b" }, { key: "", path: "" }, { key: "d", path: "..d", mode: -1 }] } }], [
      'spec.volumes[0].configMap.items[0].path: Invalid value: "/etc/a": must be a relative path',
      'spec.volumes[0].configMap.items[1].path: Invalid value: "../b": must not contain \'..\'',
      "spec.volumes[0].configMap.items[2].key: Required value",
      "spec.volumes[0].configMap.items[2].path: Required value",
      'spec.volumes[0].configMap.items[3].path: Invalid value: "..d": must not start with \'..\'',
      `spec.volumes[0].configMap.items[3].mode: Invalid value: -1: ${MODE}`,
    ]],
    ["a claim with an empty name", [{ name: "d", persistentVolumeClaim: { claimName: "" } }], ["spec.volumes[0].persistentVolumeClaim.claimName: Required value"]],
    ["downwardAPI items: both refs, neither, bad path", [{ name: "i", downwardAPI: { items: [
      { path: "a", fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" }, resourceFieldRef: { containerName: "c", resource: "limits.cpu" } },
      { path: "b" },
      { path: "spec", fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } },
      { path: "x", fieldRef: { apiVersion: "v1", fieldPath: "status.foo" } },
      { path: "t", fieldRef: { apiVersion: "v1", fieldPath: "spec.terminationGracePeriodSeconds" } },
      { path: "y", fieldRef: { apiVersion: "v2", fieldPath: "metadata.name" } },
      { path: "z", fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['bad key']" } },
    ] } }], [
      'spec.volumes[0].downwardAPI: Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously',
      "spec.volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required",
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: "spec.nodeName": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Invalid value: "status.foo": error converting fieldPath: field label not supported: status.foo',
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Invalid value: "spec.terminationGracePeriodSeconds": error converting fieldPath: field label not supported: spec.terminationGracePeriodSeconds',
      'spec.volumes[0].downwardAPI.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2',
      `spec.volumes[0].downwardAPI.fieldRef: Invalid value: "bad key": ${LABEL_KEY_NAME}`,
    ]],
    ["downwardAPI resourceFieldRef: no container, bad resource, bad divisor", [{ name: "i", downwardAPI: { items: [
      { path: "a", resourceFieldRef: { resource: "limits.cpu" } },
      { path: "b", resourceFieldRef: { containerName: "c", resource: "limits.gpu" } },
      { path: "c", resourceFieldRef: { containerName: "c", resource: "limits.cpu", divisor: "1Gi" } },
      { path: "d", resourceFieldRef: { containerName: "c", resource: "requests.hugepages-2Mi", divisor: "1m" } },
    ] } }], [
      "spec.volumes[0].downwardAPI.resourceFieldRef.containerName: Required value",
      'spec.volumes[0].downwardAPI.resourceFieldRef.resource: Unsupported value: "limits.gpu": supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"',
      'spec.volumes[0].downwardAPI.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource',
      'spec.volumes[0].downwardAPI.resourceFieldRef.divisor: Invalid value: "requests.hugepages-2Mi": only divisor\'s values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource',
    ]],
    ["an ephemeral claim name that is too long", [{ name: "v".repeat(60), ephemeral: { volumeClaimTemplate: { spec: CLAIM } } }], [`spec.volumes[0].name: Invalid value: "${"v".repeat(60)}": PVC name "${"p".repeat(200)}-${"v".repeat(60)}": must be no more than 253 characters`], "1.36", "p".repeat(200)],
    ["an ephemeral template with an annotation key that is no qualified name", [{ name: "e", ephemeral: { volumeClaimTemplate: { metadata: { annotations: { "a b": "c" } }, spec: CLAIM } } }], [
      `spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.annotations: Invalid value: "a b": ${LABEL_KEY_NAME}`,
    ]],
    ["an ephemeral volume without template", [{ name: "e", ephemeral: {} }], ["spec.volumes[0].ephemeral.volumeClaimTemplate: Required value"]],
    ["an ephemeral template with a name", [{ name: "e", ephemeral: { volumeClaimTemplate: { metadata: { name: "x", labels: { "a b": "c" } }, spec: CLAIM } } }], [
      `spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.labels: Invalid value: "a b": ${LABEL_KEY_NAME}`,
      "spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set",
    ]],
    ["an ephemeral claim spec: no access mode, no storage", [{ name: "e", ephemeral: { volumeClaimTemplate: { spec: {} } } }], [
      "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required",
      "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value",
    ]],
    ["an ephemeral claim spec: modes, size, class, volume mode, data sources", [{ name: "e", ephemeral: { volumeClaimTemplate: { spec: {
      accessModes: ["ReadWriteOncePod", "ReadWriteOnce", "WriteMany"], resources: { requests: { storage: "0" } }, storageClassName: "Fast_SSD", volumeMode: "Raw",
      dataSource: { kind: "VolumeSnapshot", name: "snap" }, dataSourceRef: { apiGroup: "snapshot.storage.k8s.io", kind: "VolumeSnapshot", name: "snap" }, volumeAttributesClassName: "Gold",
    } } } }], [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Unsupported value: "WriteMany": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      "spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes",
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Invalid value: "0": must be greater than zero',
      `spec.volumes[0].ephemeral.volumeClaimTemplate.spec.storageClassName: Invalid value: "Fast_SSD": ${SUBDOMAIN}`,
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource: Invalid value: "VolumeSnapshot": must be \'PersistentVolumeClaim\' when referencing the default apiGroup',
      "spec.volumes[0].ephemeral.volumeClaimTemplate.spec: Invalid value: spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource: must match dataSourceRef",
      `spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName: Invalid value: "Gold": ${SUBDOMAIN}`,
    ]],
    ["a claim of a pod's ephemeral volume", [{ name: "scratch", ephemeral: { volumeClaimTemplate: { spec: CLAIM } } }, { name: "d", persistentVolumeClaim: { claimName: "web-scratch" } }], ['spec.volumes[1].persistentVolumeClaim.claimName: Invalid value: "web-scratch": must not reference a PVC that gets created for an ephemeral volume'], "1.36", "web"],
    ["an image volume of a pod without reference, a bad pull policy", [{ name: "img", image: { pullPolicy: "Sometimes" } }], ["spec.volumes[0].image.reference: Required value", 'spec.volumes[0].image.pullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'], "1.36", "web"],
    ["a projected config map without name", [{ name: "p", projected: { sources: [{ configMap: { items: [{ key: "b", path: "b" }] } }] } }], ["spec.volumes[0].projected.sources[0].configMap.name: Required value"]],
    ["a projected source with two projections", [{ name: "p", projected: { sources: [{ secret: { name: "s" }, configMap: { name: "c" } }] } }], ["spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source"]],
    ["projected files at the same path, unnamed sources", [{ name: "p", projected: { defaultMode: -1, sources: [{ secret: { name: "s", items: [{ key: "a", path: "f" }] } }, { configMap: { name: "", items: [{ key: "b", path: "f" }] } }, { downwardAPI: { items: [{ path: "f", fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } }] } }] } }], [
      `spec.volumes[0].projected.defaultMode: Invalid value: -1: ${MODE}`,
      "spec.volumes[0].projected.sources[1].configMap.name: Required value",
      'spec.volumes[0].projected: Invalid value: "": conflicting duplicate paths',
      'spec.volumes[0].projected: Invalid value: "f": conflicting duplicate paths',
    ]],
    ["service account tokens: short, long, no path, absolute path", [{ name: "p", projected: { sources: [{ serviceAccountToken: { expirationSeconds: 60, path: "t" } }, { serviceAccountToken: { expirationSeconds: 2 ** 33, path: "" } }, { serviceAccountToken: { expirationSeconds: 3600, path: "/abs" } }] } }], [
      "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes",
      "spec.volumes[0].projected.sources[1].serviceAccountToken.expirationSeconds: Invalid value: 8589934592: may not specify a duration larger than 2^32 seconds",
      "spec.volumes[0].projected.path: Required value",
      'spec.volumes[0].projected.path: Invalid value: "/abs": must be a relative path',
    ]],
  ])("reports %s", (_name, volumes, expected, version = "1.36", podName = undefined) => {
    expect(check(volumes, version, podName)).toEqual(expected);
  });

  it("returns the valid volumes by name, for volumeMounts", () => {
    const [volumes] = validateVolumes([{ name: "ok", emptyDir: {} }, { name: "bad", emptyDir: {}, secret: { secretName: "s" } }, 7], undefined, VOLUMES, podValidationOptions("1.36", true));
    expect([...volumes.keys()]).toEqual(["ok"]);
  });
});
