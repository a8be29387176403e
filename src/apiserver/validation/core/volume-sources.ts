// The checks of each network, cloud and plugin volume source a pod may use
// (pkg/apis/core/validation/validation.go: validateISCSIVolumeSource,
// validateNFSVolumeSource, validateAzureDisk, validateCSIVolumeSource...).
import { inclusiveRangeError, isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { invalid, PrintedValue, notSupported, required, tooLong, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { stringListValue } from "../../field/values.js";
import { validateDNS1123Label } from "./names.js";
import { bool, int, isSet, obj, str, strings } from "./fields.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const PD_PARTITION_ERROR = inclusiveRangeError(1, 255);

// RE2's [[:alnum:]] and \s are ASCII-only; the iqn pattern is not anchored at its start.
const ISCSI_IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9.-]+)(:[^,;*&$|\t\n\f\r ]+)$/;
const ISCSI_EUI = /^eui.[A-Za-z0-9]{16}$/;
const ISCSI_NAA = /^naa.[A-Za-z0-9]{32}$/;


/** The IQN, EUI or NAA format of an iSCSI name; `startMessage` is said when the prefix is none of them. */
function iscsiNameErrors(value: string, fldPath: FieldPath, startMessage: string): ErrorList {
  const errors: ErrorList = [];
  const isIqn = value.startsWith("iqn");
  const isEui = value.startsWith("eui");
  const isNaa = value.startsWith("naa");
  if (!isIqn && !isEui && !isNaa) errors.push(invalid(fldPath, value, startMessage));
  if ((isIqn && !ISCSI_IQN.test(value)) || (!isIqn && isEui && !ISCSI_EUI.test(value)) || (!isIqn && !isEui && isNaa && !ISCSI_NAA.test(value))) {
    errors.push(invalid(fldPath, value, "must be valid format"));
  }
  return errors;
}

export function validateISCSIVolumeSource(iscsi: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(iscsi, "targetPortal") === "") errors.push(required(fldPath.child("targetPortal")));
  const iqn = str(iscsi, "iqn");
  if (iqn === "") errors.push(required(fldPath.child("iqn")));
  else appendAll(errors, iscsiNameErrors(iqn, fldPath.child("iqn"), "must be valid format starting with iqn, eui, or naa"));
  const lun = int(iscsi, "lun") ?? 0;
  if (lun < 0 || lun > 255) errors.push(invalid(fldPath.child("lun"), lun, inclusiveRangeError(0, 255)));
  if ((bool(iscsi, "chapAuthDiscovery") || bool(iscsi, "chapAuthSession")) && !isSet(iscsi, "secretRef")) errors.push(required(fldPath.child("secretRef")));
  if (isSet(iscsi, "initiatorName")) {
    appendAll(errors, iscsiNameErrors(str(iscsi, "initiatorName"), fldPath.child("initiatorname"), "must be valid format starting with iqn, eui, or naa"));
  }
  return errors;
}

/** validateISCSIPersistentVolumeSource: as a pod's, plus the length of `<volume name>:<target portal>` with an initiator name, and the secret's name. */
export function validateISCSIPersistentVolumeSource(iscsi: JsonRecord, pvName: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const targetPortal = str(iscsi, "targetPortal");
  if (targetPortal === "") errors.push(required(fldPath.child("targetPortal")));
  if (isSet(iscsi, "initiatorName") && `${pvName}:${targetPortal}`.length > 64) {
    errors.push(invalid(fldPath.child("targetportal"), targetPortal, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."));
  }
  const iqn = str(iscsi, "iqn");
  if (iqn === "") errors.push(required(fldPath.child("iqn")));
  else appendAll(errors, iscsiNameErrors(iqn, fldPath.child("iqn"), "must be valid format"));
  const lun = int(iscsi, "lun") ?? 0;
  if (lun < 0 || lun > 255) errors.push(invalid(fldPath.child("lun"), lun, inclusiveRangeError(0, 255)));
  if ((bool(iscsi, "chapAuthDiscovery") || bool(iscsi, "chapAuthSession")) && !isSet(iscsi, "secretRef")) errors.push(required(fldPath.child("secretRef")));
  const secretRef = obj(iscsi, "secretRef");
  if (secretRef && str(secretRef, "name") === "") errors.push(required(fldPath.child("secretRef", "name")));
  if (isSet(iscsi, "initiatorName")) appendAll(errors, iscsiNameErrors(str(iscsi, "initiatorName"), fldPath.child("initiatorname"), "must be valid format"));
  return errors;
}

export function validateFCVolumeSource(fc: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const targetWWNs = strings(fc, "targetWWNs");
  const wwids = strings(fc, "wwids");
  if (targetWWNs.length < 1 && wwids.length < 1) errors.push(required(fldPath.child("targetWWNs"), "must specify either targetWWNs or wwids, but not both"));
  if (targetWWNs.length !== 0 && wwids.length !== 0) {
    errors.push(invalid(fldPath.child("targetWWNs"), new PrintedValue(stringListValue(targetWWNs, "string", kubernetesVersion)), "targetWWNs and wwids can not be specified simultaneously"));
  }
  if (targetWWNs.length !== 0) {
    const lun = int(fc, "lun");
    if (lun === undefined) errors.push(required(fldPath.child("lun"), "lun is required if targetWWNs is specified"));
    else if (lun < 0 || lun > 255) errors.push(invalid(fldPath.child("lun"), lun, inclusiveRangeError(0, 255)));
  }
  return errors;
}

export function validateGCEPersistentDiskVolumeSource(pd: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(pd, "pdName") === "") errors.push(required(fldPath.child("pdName")));
  const partition = int(pd, "partition") ?? 0;
  if (partition < 0 || partition > 255) errors.push(invalid(fldPath.child("partition"), partition, PD_PARTITION_ERROR));
  return errors;
}

export function validateAWSElasticBlockStoreVolumeSource(pd: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(pd, "volumeID") === "") errors.push(required(fldPath.child("volumeID")));
  const partition = int(pd, "partition") ?? 0;
  if (partition < 0 || partition > 255) errors.push(invalid(fldPath.child("partition"), partition, PD_PARTITION_ERROR));
  return errors;
}

export function validateNFSVolumeSource(nfs: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const path = str(nfs, "path");
  if (str(nfs, "server") === "") errors.push(required(fldPath.child("server")));
  if (path === "") errors.push(required(fldPath.child("path")));
  if (!path.startsWith("/")) errors.push(invalid(fldPath.child("path"), path, "must be an absolute path"));
  return errors;
}

/** net.SplitHostPort accepts it: `host:port` or `[ipv6]:port`, the port possibly empty. */
function isHostPort(text: string): boolean {
  const colon = text.lastIndexOf(":");
  if (colon < 0) return false;
  let hostStart = 0;
  let hostEnd = colon;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0 || end + 1 !== colon) return false;
    hostStart = 1;
    hostEnd = end + 1;
  } else if (text.slice(0, colon).includes(":")) {
    return false;
  }
  return !text.slice(hostStart).includes("[") && !text.slice(hostEnd).includes("]");
}

export function validateQuobyteVolumeSource(quobyte: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const registry = str(quobyte, "registry");
  const message = "must be a host:port pair or multiple pairs separated by commas";
  if (registry === "") errors.push(required(fldPath.child("registry"), message));
  else if (str(quobyte, "tenant").length >= 65) errors.push(required(fldPath.child("tenant"), "must be a UUID and may not exceed a length of 64 characters"));
  else for (const pair of registry.split(",")) if (!isHostPort(pair)) errors.push(invalid(fldPath.child("registry"), registry, message));
  if (str(quobyte, "volume") === "") errors.push(required(fldPath.child("volume")));
  return errors;
}

export function validateGlusterfsVolumeSource(glusterfs: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(glusterfs, "endpoints") === "") errors.push(required(fldPath.child("endpoints")));
  if (str(glusterfs, "path") === "") errors.push(required(fldPath.child("path")));
  return errors;
}

export function validateFlockerVolumeSource(flocker: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const datasetName = str(flocker, "datasetName");
  const datasetUUID = str(flocker, "datasetUUID");
  if (datasetName === "" && datasetUUID === "") errors.push(required(fldPath, "one of datasetName and datasetUUID is required"));
  if (datasetName !== "" && datasetUUID !== "") errors.push(invalid(fldPath, "resource", "datasetName and datasetUUID can not be specified simultaneously"));
  if (datasetName.includes("/")) errors.push(invalid(fldPath.child("datasetName"), datasetName, "must not contain '/'"));
  return errors;
}

export function validateRBDVolumeSource(rbd: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (strings(rbd, "monitors").length === 0) errors.push(required(fldPath.child("monitors")));
  if (str(rbd, "image") === "") errors.push(required(fldPath.child("image")));
  return errors;
}

export function validateCinderVolumeSource(cinder: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(cinder, "volumeID") === "") errors.push(required(fldPath.child("volumeID")));
  const secretRef = obj(cinder, "secretRef");
  if (secretRef && str(secretRef, "name") === "") errors.push(required(fldPath.child("secretRef", "name")));
  return errors;
}

export function validateCephFSVolumeSource(cephfs: JsonRecord, fldPath: FieldPath): ErrorList {
  return strings(cephfs, "monitors").length === 0 ? [required(fldPath.child("monitors"))] : [];
}

export function validateFlexVolumeSource(flex: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(flex, "driver") === "") errors.push(required(fldPath.child("driver")));
  // User options must not use the kubernetes.io and k8s.io namespaces.
  for (const key of Object.keys(obj(flex, "options") ?? {})) {
    const slash = key.indexOf("/");
    const namespace = "." + (slash >= 0 ? key.slice(0, slash) : key).toLowerCase();
    if (namespace.endsWith(".kubernetes.io") || namespace.endsWith(".k8s.io")) {
      errors.push(invalid(fldPath.child("options").key(key), key, "kubernetes.io and k8s.io namespaces are reserved"));
    }
  }
  return errors;
}

export function validateAzureFile(azure: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(azure, "secretName") === "") errors.push(required(fldPath.child("secretName")));
  if (str(azure, "shareName") === "") errors.push(required(fldPath.child("shareName")));
  return errors;
}

const AZURE_CACHING_MODES = ["None", "ReadOnly", "ReadWrite"];
const AZURE_DISK_KINDS = ["Dedicated", "Managed", "Shared"];

export function validateAzureDisk(azure: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const diskURI = str(azure, "diskURI");
  if (str(azure, "diskName") === "") errors.push(required(fldPath.child("diskName")));
  if (diskURI === "") errors.push(required(fldPath.child("diskURI")));
  if (isSet(azure, "cachingMode") && !AZURE_CACHING_MODES.includes(str(azure, "cachingMode"))) {
    errors.push(notSupported(fldPath.child("cachingMode"), str(azure, "cachingMode"), AZURE_CACHING_MODES));
  }
  if (isSet(azure, "kind")) {
    const kind = str(azure, "kind");
    if (!AZURE_DISK_KINDS.includes(kind)) errors.push(notSupported(fldPath.child("kind"), kind, AZURE_DISK_KINDS));
    if (kind === "Managed" && !diskURI.startsWith("/subscriptions/")) {
      errors.push(notSupported(fldPath.child("diskURI"), diskURI, ["/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"]));
    }
    if (kind !== "Managed" && !diskURI.startsWith("https://")) {
      errors.push(notSupported(fldPath.child("diskURI"), diskURI, ["https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"]));
    }
  }
  return errors;
}

export function validateVsphereVolumeSource(vsphere: JsonRecord, fldPath: FieldPath): ErrorList {
  return str(vsphere, "volumePath") === "" ? [required(fldPath.child("volumePath"))] : [];
}

export function validatePhotonPersistentDiskVolumeSource(photon: JsonRecord, fldPath: FieldPath): ErrorList {
  return str(photon, "pdID") === "" ? [required(fldPath.child("pdID"))] : [];
}

export function validatePortworxVolumeSource(portworx: JsonRecord, fldPath: FieldPath): ErrorList {
  return str(portworx, "volumeID") === "" ? [required(fldPath.child("volumeID"))] : [];
}

export function validateScaleIOVolumeSource(scaleIO: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const name of ["gateway", "system", "volumeName"]) if (str(scaleIO, name) === "") errors.push(required(fldPath.child(name)));
  return errors;
}

export function validateStorageOSVolumeSource(storageos: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const volumeName = str(storageos, "volumeName");
  if (volumeName === "") errors.push(required(fldPath.child("volumeName")));
  else appendAll(errors, validateDNS1123Label(volumeName, fldPath.child("volumeName")));
  const volumeNamespace = str(storageos, "volumeNamespace");
  if (volumeNamespace !== "") appendAll(errors, validateDNS1123Label(volumeNamespace, fldPath.child("volumeNamespace")));
  const secretRef = obj(storageos, "secretRef");
  if (secretRef && str(secretRef, "name") === "") errors.push(required(fldPath.child("secretRef", "name")));
  return errors;
}

/** ValidateCSIDriverName: at most 63 characters, a DNS subdomain once lower-cased. */
export function validateCSIDriverName(driverName: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (driverName === "") errors.push(required(fldPath));
  if (Buffer.byteLength(driverName) > 63) errors.push(tooLong(fldPath, "", 63));
  for (const message of isDNS1123Subdomain(driverName.toLowerCase())) errors.push(invalid(fldPath, driverName, message));
  return errors;
}

export function validateCSIVolumeSource(csi: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateCSIDriverName(str(csi, "driver"), fldPath.child("driver"));
  const secretRef = obj(csi, "nodePublishSecretRef");
  if (secretRef) {
    const name = str(secretRef, "name");
    if (name === "") errors.push(required(fldPath.child("nodePublishSecretRef", "name")));
    // Upstream names the volume's `name` here, not the secret reference's.
    else for (const message of nameIsDNSSubdomain(name, false)) errors.push(invalid(fldPath.child("name"), name, message));
  }
  return errors;
}
