import { describe, expect, it } from "vitest";
import { errorMessage } from "../../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../../src/apiserver/field/path.js";
import { podValidationOptions } from "../../../../src/apiserver/validation/core/pod-options.js";
import { validateVolumes } from "../../../../src/apiserver/validation/core/volumes.js";

function check(volume: Record<string, unknown>, version = "1.36"): string[] {
  const [, errors] = validateVolumes([{ name: "v", ...volume }], undefined, FieldPath.root("spec", "volumes"), podValidationOptions(version, true));
  return errors.map((error) => errorMessage(error, version));
}

const P = "spec.volumes[0]";

describe("network, cloud and plugin volume sources", () => {
  it.each<[string, Record<string, unknown>, string[], string?]>([
    ["iscsi without portal and iqn, lun out of range, CHAP without secret", { iscsi: { lun: 256, chapAuthSession: true } }, [`${P}.iscsi.targetPortal: Required value`, `${P}.iscsi.iqn: Required value`, `${P}.iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive`, `${P}.iscsi.secretRef: Required value`]],
    ["iscsi iqn of no known format", { iscsi: { targetPortal: "t", iqn: "abc" } }, [`${P}.iscsi.iqn: Invalid value: "abc": must be valid format starting with iqn, eui, or naa`]],
    ["iscsi iqn and initiator malformed", { iscsi: { targetPortal: "t", iqn: "iqn.20-1.x", initiatorName: "eui.12" } }, [`${P}.iscsi.iqn: Invalid value: "iqn.20-1.x": must be valid format`, `${P}.iscsi.initiatorname: Invalid value: "eui.12": must be valid format`]],
    ["iscsi with an initiator and a long name:portal", { iscsi: { targetPortal: "p".repeat(70), iqn: "naa." + "a".repeat(32), initiatorName: "iqn.2001-04.com.example:x" } }, [`${P}.name: Invalid value: "v": Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.`]],
    ["fc with neither WWNs nor wwids", { fc: {} }, [`${P}.fc.targetWWNs: Required value: must specify either targetWWNs or wwids, but not both`]],
    ["fc with both, no lun", { fc: { targetWWNs: ["a"], wwids: ["b"] } }, [`${P}.fc.targetWWNs: Invalid value: ["a"]: targetWWNs and wwids can not be specified simultaneously`, `${P}.fc.lun: Required value: lun is required if targetWWNs is specified`]],
    ["fc with both before 1.34 (Go syntax)", { fc: { targetWWNs: ["a"], wwids: ["b"], lun: 300 } }, [`${P}.fc.targetWWNs: Invalid value: []string{"a"}: targetWWNs and wwids can not be specified simultaneously`, `${P}.fc.lun: Invalid value: 300: must be between 0 and 255, inclusive`], "1.33"],
    ["a GCE disk, reported under persistentDisk", { gcePersistentDisk: { partition: 300 } }, [`${P}.persistentDisk.pdName: Required value`, `${P}.persistentDisk.partition: Invalid value: 300: must be between 1 and 255, inclusive`]],
    ["an EBS volume", { awsElasticBlockStore: { partition: -1 } }, [`${P}.awsElasticBlockStore.volumeID: Required value`, `${P}.awsElasticBlockStore.partition: Invalid value: -1: must be between 1 and 255, inclusive`]],
    ["nfs without server, a relative path", { nfs: { path: "export" } }, [`${P}.nfs.server: Required value`, `${P}.nfs.path: Invalid value: "export": must be an absolute path`]],
    ["quobyte registry not host:port", { quobyte: { registry: "reg,reg:1", volume: "" } }, [`${P}.quobyte.registry: Invalid value: "reg,reg:1": must be a host:port pair or multiple pairs separated by commas`, `${P}.quobyte.volume: Required value`]],
    ["quobyte tenant too long", { quobyte: { registry: "r:1", tenant: "t".repeat(65), volume: "v" } }, [`${P}.quobyte.tenant: Required value: must be a UUID and may not exceed a length of 64 characters`]],
    ["glusterfs", { glusterfs: {} }, [`${P}.glusterfs.endpoints: Required value`, `${P}.glusterfs.path: Required value`]],
    ["flocker with both names", { flocker: { datasetName: "a/b", datasetUUID: "u" } }, [`${P}.flocker: Invalid value: "resource": datasetName and datasetUUID can not be specified simultaneously`, `${P}.flocker.datasetName: Invalid value: "a/b": must not contain '/'`]],
    ["flocker with neither", { flocker: {} }, [`${P}.flocker: Required value: one of datasetName and datasetUUID is required`]],
    ["rbd", { rbd: { monitors: [] } }, [`${P}.rbd.monitors: Required value`, `${P}.rbd.image: Required value`]],
    ["cinder with an unnamed secret", { cinder: { volumeID: "v", secretRef: {} } }, [`${P}.cinder.secretRef.name: Required value`]],
    ["cephfs", { cephfs: {} }, [`${P}.cephfs.monitors: Required value`]],
    ["flexVolume with a reserved option", { flexVolume: { driver: "", options: { "kubernetes.io/x": "1", "example.com/y": "2" } } }, [`${P}.flexVolume.driver: Required value`, `${P}.flexVolume.options[kubernetes.io/x]: Invalid value: "kubernetes.io/x": kubernetes.io and k8s.io namespaces are reserved`]],
    ["azureFile", { azureFile: {} }, [`${P}.azureFile.secretName: Required value`, `${P}.azureFile.shareName: Required value`]],
    ["azureDisk of unknown kind and caching", { azureDisk: { diskName: "d", diskURI: "https://x", cachingMode: "Fast", kind: "Big" } }, [`${P}.azureDisk.cachingMode: Unsupported value: "Fast": supported values: "None", "ReadOnly", "ReadWrite"`, `${P}.azureDisk.kind: Unsupported value: "Big": supported values: "Dedicated", "Managed", "Shared"`]],
    ["a managed azureDisk with a blob URI", { azureDisk: { diskName: "d", diskURI: "https://x", kind: "Managed" } }, [`${P}.azureDisk.diskURI: Unsupported value: "https://x": supported values: "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"`]],
    ["a shared azureDisk without a blob URI", { azureDisk: { diskName: "", diskURI: "", kind: "Shared" } }, [`${P}.azureDisk.diskName: Required value`, `${P}.azureDisk.diskURI: Required value`, `${P}.azureDisk.diskURI: Unsupported value: "": supported values: "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"`]],
    ["vsphere, photon, portworx", { vsphereVolume: {} }, [`${P}.vsphereVolume.volumePath: Required value`]],
    ["photon", { photonPersistentDisk: {} }, [`${P}.photonPersistentDisk.pdID: Required value`]],
    ["portworx", { portworxVolume: {} }, [`${P}.portworxVolume.volumeID: Required value`]],
    ["scaleIO", { scaleIO: {} }, [`${P}.scaleIO.gateway: Required value`, `${P}.scaleIO.system: Required value`, `${P}.scaleIO.volumeName: Required value`]],
    ["storageos with a bad namespace", { storageos: { volumeName: "v", volumeNamespace: "A", secretRef: {} } }, [`${P}.storageos.volumeNamespace: Invalid value: "A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`, `${P}.storageos.secretRef.name: Required value`]],
    ["csi without driver", { csi: { driver: "" } }, [`${P}.csi.driver: Required value`, `${P}.csi.driver: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
    ["csi with a long driver and an unnamed secret", { csi: { driver: "d".repeat(64), nodePublishSecretRef: { name: "" } } }, [`${P}.csi.driver: Too long: may not be more than 63 bytes`, `${P}.csi.nodePublishSecretRef.name: Required value`]],
    ["csi with a bad secret name, reported at the volume's name", { csi: { driver: "d", nodePublishSecretRef: { name: "Bad" } } }, [`${P}.csi.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`]],
  ])("reports %s", (_name, volume, expected, version = "1.36") => {
    expect(check(volume, version)).toEqual(expected);
  });
});
