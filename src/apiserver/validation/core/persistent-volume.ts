// PersistentVolume validation on create (pkg/apis/core/validation/validation.go:
// ValidatePersistentVolume, ValidatePersistentVolumeSpec and the checks of the
// persistent volume sources; the pod volume sources' checks where upstream's are
// the same), and the volume plugins' check of the mount options annotation
// (pkg/volume/validation/pv_validation.go).
import { posix } from "node:path";
import { featureEnabled } from "../../features.js";
import { forbidden, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson } from "../../field/values.js";
import { validateNodeSelector } from "./affinity.js";
import { isSet, obj, str, stringMap, strings } from "./fields.js";
import { validateClassName, validateNamespaceName, validateObjectMeta, validatePersistentVolumeName } from "./object-meta.js";
import { validateDNS1123Label, validateDNS1123Subdomain } from "./names.js";
import { validatePathNoBacksteps } from "./paths.js";
import { SUPPORTED_VOLUME_MODES, validateAccessModeValues } from "./persistent-volume-claim.js";
import { resourceList } from "./resources.js";
import {
  validateAWSElasticBlockStoreVolumeSource,
  validateAzureDisk,
  validateCephFSVolumeSource,
  validateCSIDriverName,
  validateFCVolumeSource,
  validateFlexVolumeSource,
  validateFlockerVolumeSource,
  validateGCEPersistentDiskVolumeSource,
  validateISCSIPersistentVolumeSource,
  validateNFSVolumeSource,
  validatePhotonPersistentDiskVolumeSource,
  validatePortworxVolumeSource,
  validateQuobyteVolumeSource,
  validateRBDVolumeSource,
  validateScaleIOVolumeSource,
  validateVsphereVolumeSource,
} from "./volume-sources.js";
import { validateHostPathVolumeSource } from "./volumes.js";
import { formatQuantity, wholeValue, type Quantity } from "../../../util/quantity.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** api.MountOptionAnnotation. */
export const MOUNT_OPTION_ANNOTATION = "volume.beta.kubernetes.io/mount-options";
const SUPPORTED_RECLAIM_POLICIES = ["Delete", "Recycle", "Retain"];

/** validateBasicResource and ValidatePositiveQuantityValue, for one capacity entry. */
function validateCapacityQuantity(quantity: Quantity, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const value = wholeValue(quantity);
  if (value < 0n) errors.push(invalid(fldPath, Number(value), "must be a valid resource quantity"));
  if (quantity.nanos <= 0n) errors.push(invalid(fldPath, formatQuantity(quantity), "must be greater than zero"));
  return errors;
}

/**
 * The capacity as a bad value: a core.ResourceList in JSON. Before 1.34 the API
 * server printed Go's syntax of its quantities' internals, which kubeplan does
 * not reproduce.
 */
function capacityValue(capacity: Map<string, Quantity>): PrintedValue {
  const entries = [...capacity.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new PrintedValue(`{${entries.map(([name, quantity]) => `${goJson(name)}:${goJson(formatQuantity(quantity))}`).join(",")}}`);
}

/** validatePVSecretReference. */
function validatePVSecretReference(secretRef: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = str(secretRef, "name");
  if (name === "") errors.push(required(fldPath.child("name")));
  else appendAll(errors, validateDNS1123Subdomain(name, fldPath.child("name")));
  const namespace = str(secretRef, "namespace");
  if (namespace === "") errors.push(required(fldPath.child("namespace")));
  else appendAll(errors, validateDNS1123Label(namespace, fldPath.child("namespace")));
  return errors;
}

/** A secret reference whose name and namespace are both required (Cinder, StorageOS). */
function secretRefNameAndNamespace(source: JsonRecord, fldPath: FieldPath): ErrorList {
  const secretRef = obj(source, "secretRef");
  if (!secretRef) return [];
  const errors: ErrorList = [];
  if (str(secretRef, "name") === "") errors.push(required(fldPath.child("secretRef", "name")));
  if (str(secretRef, "namespace") === "") errors.push(required(fldPath.child("secretRef", "namespace")));
  return errors;
}

function validateGlusterfsPersistentVolumeSource(glusterfs: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(glusterfs, "endpoints") === "") errors.push(required(fldPath.child("endpoints")));
  if (str(glusterfs, "path") === "") errors.push(required(fldPath.child("path")));
  if (isRecord(glusterfs) && typeof glusterfs.endpointsNamespace === "string") {
    const namespace = glusterfs.endpointsNamespace;
    const path = fldPath.child("endpointsNamespace");
    if (namespace === "") errors.push(invalid(path, namespace, "if the endpointnamespace is set, it must be a valid namespace name"));
    else for (const message of validateNamespaceName(namespace, false)) errors.push(invalid(path, namespace, message));
  }
  return errors;
}

function validateCinderPersistentVolumeSource(cinder: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = str(cinder, "volumeID") === "" ? [required(fldPath.child("volumeID"))] : [];
  return [...errors, ...secretRefNameAndNamespace(cinder, fldPath)];
}

function validateAzureFilePV(azure: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(azure, "secretName") === "") errors.push(required(fldPath.child("secretName")));
  if (str(azure, "shareName") === "") errors.push(required(fldPath.child("shareName")));
  if (azure.secretNamespace === "") errors.push(required(fldPath.child("secretNamespace")));
  return errors;
}

function validateLocalVolumeSource(local: JsonRecord, fldPath: FieldPath): ErrorList {
  const path = str(local, "path");
  if (path === "") return [required(fldPath.child("path"))];
  return validatePathNoBacksteps(path, fldPath.child("path"));
}

function validateStorageOSPersistentVolumeSource(storageos: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const volumeName = str(storageos, "volumeName");
  if (volumeName === "") errors.push(required(fldPath.child("volumeName")));
  else appendAll(errors, validateDNS1123Label(volumeName, fldPath.child("volumeName")));
  const volumeNamespace = str(storageos, "volumeNamespace");
  if (volumeNamespace !== "") appendAll(errors, validateDNS1123Label(volumeNamespace, fldPath.child("volumeNamespace")));
  return [...errors, ...secretRefNameAndNamespace(storageos, fldPath)];
}

const CSI_SECRET_REFS = ["controllerPublishSecretRef", "controllerExpandSecretRef", "nodePublishSecretRef", "nodeExpandSecretRef"];

function validateCSIPersistentVolumeSource(csi: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateCSIDriverName(str(csi, "driver"), fldPath.child("driver"));
  if (str(csi, "volumeHandle") === "") errors.push(required(fldPath.child("volumeHandle")));
  for (const field of CSI_SECRET_REFS) {
    const secretRef = obj(csi, field);
    if (secretRef) appendAll(errors, validatePVSecretReference(secretRef, fldPath.child(field)));
  }
  return errors;
}

/** validateVolumeNodeAffinity: whether it is set, and its errors. */
function validateVolumeNodeAffinity(nodeAffinity: JsonRecord | undefined, fldPath: FieldPath): [boolean, ErrorList] {
  if (!nodeAffinity) return [false, []];
  const requiredTerms = obj(nodeAffinity, "required");
  if (!requiredTerms) return [true, [required(fldPath.child("required"), "must specify required node constraints")]];
  return [true, validateNodeSelector(requiredTerms, false, fldPath.child("required"))];
}

interface PersistentVolumeSource {
  /** The JSON field. */
  field: string;
  /** Where "may not specify more than 1 volume type" is reported (upstream's names). */
  forbiddenAs: string;
  /** Where the source's own errors are reported. */
  validatedAs: string;
  /** FlexVolume counts as a source without the one-source check. */
  unchecked?: boolean;
  validate(source: JsonRecord, fldPath: FieldPath, pvName: string, kubernetesVersion: string): ErrorList;
}

/** The persistent volume sources in upstream's order of checks. */
const PERSISTENT_VOLUME_SOURCES: readonly PersistentVolumeSource[] = [
  { field: "hostPath", forbiddenAs: "hostPath", validatedAs: "hostPath", validate: (source, path) => validateHostPathVolumeSource(source, path) },
  { field: "gcePersistentDisk", forbiddenAs: "gcePersistentDisk", validatedAs: "persistentDisk", validate: (source, path) => validateGCEPersistentDiskVolumeSource(source, path) },
  { field: "awsElasticBlockStore", forbiddenAs: "awsElasticBlockStore", validatedAs: "awsElasticBlockStore", validate: (source, path) => validateAWSElasticBlockStoreVolumeSource(source, path) },
  { field: "glusterfs", forbiddenAs: "glusterfs", validatedAs: "glusterfs", validate: (source, path) => validateGlusterfsPersistentVolumeSource(source, path) },
  { field: "flocker", forbiddenAs: "flocker", validatedAs: "flocker", validate: (source, path) => validateFlockerVolumeSource(source, path) },
  { field: "nfs", forbiddenAs: "nfs", validatedAs: "nfs", validate: (source, path) => validateNFSVolumeSource(source, path) },
  { field: "rbd", forbiddenAs: "rbd", validatedAs: "rbd", validate: (source, path) => validateRBDVolumeSource(source, path) },
  { field: "quobyte", forbiddenAs: "quobyte", validatedAs: "quobyte", validate: (source, path) => validateQuobyteVolumeSource(source, path) },
  { field: "cephfs", forbiddenAs: "cephFS", validatedAs: "cephfs", validate: (source, path) => validateCephFSVolumeSource(source, path) },
  { field: "iscsi", forbiddenAs: "iscsi", validatedAs: "iscsi", validate: (source, path, pvName) => validateISCSIPersistentVolumeSource(source, pvName, path) },
  { field: "cinder", forbiddenAs: "cinder", validatedAs: "cinder", validate: (source, path) => validateCinderPersistentVolumeSource(source, path) },
  { field: "fc", forbiddenAs: "fc", validatedAs: "fc", validate: (source, path, _name, version) => validateFCVolumeSource(source, path, version) },
  { field: "flexVolume", forbiddenAs: "flexVolume", validatedAs: "flexVolume", unchecked: true, validate: (source, path) => validateFlexVolumeSource(source, path) },
  { field: "azureFile", forbiddenAs: "azureFile", validatedAs: "azureFile", validate: (source, path) => validateAzureFilePV(source, path) },
  { field: "vsphereVolume", forbiddenAs: "vsphereVolume", validatedAs: "vsphereVolume", validate: (source, path) => validateVsphereVolumeSource(source, path) },
  { field: "photonPersistentDisk", forbiddenAs: "photonPersistentDisk", validatedAs: "photonPersistentDisk", validate: (source, path) => validatePhotonPersistentDiskVolumeSource(source, path) },
  { field: "portworxVolume", forbiddenAs: "portworxVolume", validatedAs: "portworxVolume", validate: (source, path) => validatePortworxVolumeSource(source, path) },
  { field: "azureDisk", forbiddenAs: "azureDisk", validatedAs: "azureDisk", validate: (source, path) => validateAzureDisk(source, path) },
  { field: "scaleIO", forbiddenAs: "scaleIO", validatedAs: "scaleIO", validate: (source, path) => validateScaleIOVolumeSource(source, path) },
  { field: "local", forbiddenAs: "local", validatedAs: "local", validate: (source, path) => validateLocalVolumeSource(source, path) },
  { field: "storageos", forbiddenAs: "storageos", validatedAs: "storageos", validate: (source, path) => validateStorageOSPersistentVolumeSource(source, path) },
  { field: "csi", forbiddenAs: "csi", validatedAs: "csi", validate: (source, path) => validateCSIPersistentVolumeSource(source, path) },
];

/** PersistentVolumeSpecValidationOptions: the volume attributes class is checked only where its gate is on. */
export interface PersistentVolumeSpecValidationOptions {
  enableVolumeAttributesClass: boolean;
}

/** ValidationOptionsForPersistentVolume, on create. */
export function validationOptionsForPersistentVolume(kubernetesVersion: string): PersistentVolumeSpecValidationOptions {
  return { enableVolumeAttributesClass: featureEnabled("VolumeAttributesClass", kubernetesVersion) };
}

const INLINE_CONTEXT = "in the context of inline volumes";

/** The checks only an inline volume (a VolumeAttachment's inlineVolumeSpec) gets first: no claim, no capacity, a CSI source. */
function validateInlinePersistentVolumeSpecSources(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isSet(spec, "claimRef")) errors.push(forbidden(fldPath.child("claimRef"), `may not be specified ${INLINE_CONTEXT}`));
  if (resourceList(spec.capacity).size !== 0) errors.push(forbidden(fldPath.child("capacity"), `may not be specified ${INLINE_CONTEXT}`));
  if (!obj(spec, "csi")) errors.push(required(fldPath.child("csi"), `has to be specified ${INLINE_CONTEXT}`));
  return errors;
}

/** The capacity of a PersistentVolume: storage only, each quantity positive. */
function validatePersistentVolumeCapacity(spec: JsonRecord, capacityPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const capacity = resourceList(spec.capacity);
  if (capacity.size === 0) errors.push(required(capacityPath));
  if (!capacity.has("storage") || capacity.size > 1) errors.push(notSupported(capacityPath, capacityValue(capacity), ["storage"]));
  for (const [name, quantity] of capacity) appendAll(errors, validateCapacityQuantity(quantity, capacityPath.key(name)));
  return errors;
}

/** The reclaim policy: one of the supported ones, or only Retain for an inline volume. */
function validateReclaimPolicy(reclaimPolicy: string, validateInlinePersistentVolumeSpec: boolean, fldPath: FieldPath): ErrorList {
  if (reclaimPolicy === "") return [];
  if (validateInlinePersistentVolumeSpec) return reclaimPolicy === "Retain" ? [] : [forbidden(fldPath, `may only be Retain ${INLINE_CONTEXT}`)];
  return SUPPORTED_RECLAIM_POLICIES.includes(reclaimPolicy) ? [] : [notSupported(fldPath, reclaimPolicy, SUPPORTED_RECLAIM_POLICIES)];
}

/** The storage class name and the volume mode; an inline volume takes no class and only the Filesystem mode. */
function validatePersistentVolumeClassAndMode(spec: JsonRecord, validateInlinePersistentVolumeSpec: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const storageClassName = str(spec, "storageClassName");
  if (storageClassName !== "") {
    if (validateInlinePersistentVolumeSpec) errors.push(forbidden(fldPath.child("storageClassName"), `may not be specified ${INLINE_CONTEXT}`));
    else for (const message of validateClassName(storageClassName, false)) errors.push(invalid(fldPath.child("storageClassName"), storageClassName, message));
  }
  if (typeof spec.volumeMode !== "string") return errors;
  const volumeMode = spec.volumeMode;
  if (validateInlinePersistentVolumeSpec) {
    if (volumeMode !== "Filesystem") errors.push(forbidden(fldPath.child("volumeMode"), `may not specify volumeMode other than Filesystem ${INLINE_CONTEXT}`));
  } else if (!SUPPORTED_VOLUME_MODES.includes(volumeMode)) errors.push(notSupported(fldPath.child("volumeMode"), volumeMode, SUPPORTED_VOLUME_MODES));
  return errors;
}

/**
 * ValidatePersistentVolumeSpec, for a PersistentVolume or, with
 * validateInlinePersistentVolumeSpec, for an inline volume.
 */
export function validatePersistentVolumeSpec(
  spec: JsonRecord,
  pvName: string,
  validateInlinePersistentVolumeSpec: boolean,
  fldPath: FieldPath,
  opts: PersistentVolumeSpecValidationOptions,
  kubernetesVersion: string,
): ErrorList {
  const errors = validateInlinePersistentVolumeSpec ? validateInlinePersistentVolumeSpecSources(spec, fldPath) : [];
  if (strings(spec, "accessModes").length === 0) errors.push(required(fldPath.child("accessModes")));
  appendAll(errors, validateAccessModeValues(strings(spec, "accessModes"), fldPath.child("accessModes")));
  if (!validateInlinePersistentVolumeSpec) appendAll(errors, validatePersistentVolumeCapacity(spec, fldPath.child("capacity")));
  const reclaimPolicy = str(spec, "persistentVolumeReclaimPolicy");
  appendAll(errors, validateReclaimPolicy(reclaimPolicy, validateInlinePersistentVolumeSpec, fldPath.child("persistentVolumeReclaimPolicy")));
  let nodeAffinitySpecified = false;
  if (isSet(spec, "nodeAffinity")) {
    if (validateInlinePersistentVolumeSpec) errors.push(forbidden(fldPath.child("nodeAffinity"), `may not be specified ${INLINE_CONTEXT}`));
    else {
      const [specified, nodeAffinityErrors] = validateVolumeNodeAffinity(obj(spec, "nodeAffinity"), fldPath.child("nodeAffinity"));
      nodeAffinitySpecified = specified;
      appendAll(errors, nodeAffinityErrors);
    }
  }
  let numVolumes = 0;
  for (const source of PERSISTENT_VOLUME_SOURCES) {
    const value = obj(spec, source.field);
    if (!value) continue;
    if (numVolumes > 0 && !source.unchecked) {
      errors.push(forbidden(fldPath.child(source.forbiddenAs), "may not specify more than 1 volume type"));
      continue;
    }
    numVolumes++;
    appendAll(errors, source.validate(value, fldPath.child(source.validatedAs), pvName, kubernetesVersion));
    if (source.field === "local" && !nodeAffinitySpecified) errors.push(required(fldPath.child("nodeAffinity"), "Local volume requires node affinity"));
  }
  if (numVolumes === 0) errors.push(required(fldPath, "must specify a volume type"));
  // A hostPath of / may not be recycled (path.Clean, as Go cleans it).
  if (obj(spec, "hostPath") && posix.normalize(str(obj(spec, "hostPath"), "path")) === "/" && reclaimPolicy === "Recycle") {
    errors.push(forbidden(fldPath.child("persistentVolumeReclaimPolicy"), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  appendAll(errors, validatePersistentVolumeClassAndMode(spec, validateInlinePersistentVolumeSpec, fldPath));
  if (typeof spec.volumeAttributesClassName === "string" && opts.enableVolumeAttributesClass) {
    const className = spec.volumeAttributesClassName;
    const classPath = fldPath.child("volumeAttributesClassName");
    if (className === "") errors.push(required(classPath, "an empty string is disallowed"));
    else for (const message of validateClassName(className, false)) errors.push(invalid(classPath, className, message));
    if (!obj(spec, "csi")) errors.push(required(fldPath.child("csi"), "has to be specified when using volumeAttributesClassName"));
  }
  return errors;
}

/** Sources whose volume plugins take mount options (checkMountOption). */
const MOUNT_OPTION_SOURCES = ["gcePersistentDisk", "awsElasticBlockStore", "glusterfs", "nfs", "rbd", "quobyte", "iscsi", "cinder", "cephfs", "azureFile", "vsphereVolume", "azureDisk", "photonPersistentDisk"];

/** volumevalidation.ValidatePersistentVolume: the mount options annotation only on sources that take mount options. */
function checkMountOption(pv: JsonRecord): ErrorList {
  const spec = obj(pv, "spec");
  if (MOUNT_OPTION_SOURCES.some((field) => obj(spec, field))) return [];
  if (!Object.hasOwn(stringMap(obj(pv, "metadata"), "annotations"), MOUNT_OPTION_ANNOTATION)) return [];
  // Upstream names the annotation as a child field, not as a key.
  return [{ ...forbidden(FieldPath.root("metadata", "annotations", MOUNT_OPTION_ANNOTATION), "may not specify mount options for this volume type"), at: { field: FieldPath.root("metadata", "annotations").key(MOUNT_OPTION_ANNOTATION), key: true } }];
}

/** ValidatePersistentVolume, then the volume plugins' check. */
export function validatePersistentVolume(pv: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(pv.metadata, false, validatePersistentVolumeName, FieldPath.root("metadata"), kubernetesVersion);
  const name = str(obj(pv, "metadata"), "name");
  const opts = validationOptionsForPersistentVolume(kubernetesVersion);
  appendAll(errors, validatePersistentVolumeSpec(obj(pv, "spec") ?? {}, name, false, FieldPath.root("spec"), opts, kubernetesVersion));
  appendAll(errors, checkMountOption(pv));
  return errors;
}
