// ValidateVolumes and validateVolumeSource (pkg/apis/core/validation/validation.go):
// names, exactly one source per volume, and the checks of the sources whose
// files land in the pod (hostPath, emptyDir, secret, configMap, downwardAPI,
// persistentVolumeClaim, ephemeral, image). Network and cloud sources are in
// volume-sources.ts, projected volumes in projected.ts.
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { forbidden, invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import {
  validateContainerResourceFieldSelector,
  validateObjectFieldSelector,
  VALID_CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS,
  VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES,
  VALID_VOLUME_DOWNWARD_API_FIELD_PATH_EXPRESSIONS,
} from "./downward-api.js";
import { validatePullPolicy } from "./containers.js";
import { int, isSet, list, obj, str } from "./fields.js";
import { validateDNS1123Label } from "./names.js";
import { validateLocalNonReservedPath, validatePathNoBacksteps } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import { validatePersistentVolumeClaimTemplate } from "./persistent-volume-claim-template.js";
import { validateProjectedVolumeSource } from "./projected.js";
import * as sources from "./volume-sources.js";
import type { VolumeSources } from "./volume-mounts.js";
import { parseQuantity } from "../../../util/quantity.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

/** The pod's metadata, when the spec is a Pod's (ephemeral claim names need its name). */
export interface PodMeta {
  name: string;
}


/** A file mode (defaultMode, mode): 0 to 0777. */
export function validateFileMode(mode: number | undefined, fldPath: FieldPath): ErrorList {
  return mode !== undefined && (mode > 0o777 || mode < 0) ? [invalid(fldPath, mode, FILE_MODE_ERROR)] : [];
}

/** ValidateVolumes: each volume, then its name (a unique DNS-1123 label). */
export function validateVolumes(volumes: unknown, podMeta: PodMeta | undefined, fldPath: FieldPath, opts: PodValidationOptions): [VolumeSources, ErrorList] {
  const items = list({ volumes }, "volumes");
  const errors: ErrorList = [];
  const allNames = new Set<string>();
  // The claims the pod's ephemeral volumes will create; only known with the pod's name.
  const createdClaims = new Set<string>();
  if (podMeta && podMeta.name !== "") {
    for (const volume of items) if (isSet(volume, "ephemeral")) createdClaims.add(`${podMeta.name}-${str(volume, "name")}`);
  }
  const valid = new Map<string, JsonRecord>();
  items.forEach((volume, index) => {
    const idxPath = fldPath.index(index);
    const namePath = idxPath.child("name");
    const name = str(volume, "name");
    const volumeErrors = validateVolumeSource(volume, idxPath, name, podMeta, opts);
    if (name === "") volumeErrors.push(required(namePath));
    else appendAll(volumeErrors, validateDNS1123Label(name, namePath));
    if (allNames.has(name)) volumeErrors.push({ type: "FieldValueDuplicate", field: namePath, badValue: name, detail: "" });
    if (volumeErrors.length === 0) {
      allNames.add(name);
      valid.set(name, volume);
    } else {
      appendAll(errors, volumeErrors);
    }
    const claim = obj(volume, "persistentVolumeClaim");
    if (claim && createdClaims.has(str(claim, "claimName"))) {
      errors.push(invalid(idxPath.child("persistentVolumeClaim", "claimName"), str(claim, "claimName"), "must not reference a PVC that gets created for an ephemeral volume"));
    }
  });
  return [valid, errors];
}

type SourceCheck = (source: JsonRecord, fldPath: FieldPath) => ErrorList;

interface SourceKind {
  /** The volume's field. */
  field: string;
  /** The name upstream's "more than 1" error gives it (two differ from the field). */
  shownAs: string;
  /** The path upstream checks the source at (the GCE disk's differs from the field). */
  checkedAs: string;
  check: SourceCheck;
}

/** validateVolumeSource: the sources in upstream's order, each checked when it is the first one set. */
function sourceKinds(opts: PodValidationOptions): SourceKind[] {
  const at = (field: string, shownAs: string, check: SourceCheck, checkedAs = field): SourceKind => ({ field, shownAs, checkedAs, check });
  return [
    at("emptyDir", "emptyDir", validateEmptyDirVolumeSource),
    at("hostPath", "hostPath", validateHostPathVolumeSource),
    at("gitRepo", "gitRepo", validateGitRepoVolumeSource),
    at("gcePersistentDisk", "gcePersistentDisk", sources.validateGCEPersistentDiskVolumeSource, "persistentDisk"),
    at("awsElasticBlockStore", "awsElasticBlockStore", sources.validateAWSElasticBlockStoreVolumeSource),
    at("secret", "secret", validateSecretVolumeSource),
    at("nfs", "nfs", sources.validateNFSVolumeSource),
    at("iscsi", "iscsi", sources.validateISCSIVolumeSource),
    at("glusterfs", "glusterfs", sources.validateGlusterfsVolumeSource),
    at("flocker", "flocker", sources.validateFlockerVolumeSource),
    at("persistentVolumeClaim", "persistentVolumeClaim", validatePersistentClaimVolumeSource),
    at("rbd", "rbd", sources.validateRBDVolumeSource),
    at("cinder", "cinder", sources.validateCinderVolumeSource),
    at("cephfs", "cephFS", sources.validateCephFSVolumeSource),
    at("quobyte", "quobyte", sources.validateQuobyteVolumeSource),
    at("downwardAPI", "downwarAPI", validateDownwardAPIVolumeSource),
    at("fc", "fc", (s, p) => sources.validateFCVolumeSource(s, p, opts.kubernetesVersion)),
    at("flexVolume", "flexVolume", sources.validateFlexVolumeSource),
    at("configMap", "configMap", validateConfigMapVolumeSource),
    at("azureFile", "azureFile", sources.validateAzureFile),
    at("vsphereVolume", "vsphereVolume", sources.validateVsphereVolumeSource),
    at("photonPersistentDisk", "photonPersistentDisk", sources.validatePhotonPersistentDiskVolumeSource),
    at("portworxVolume", "portworxVolume", sources.validatePortworxVolumeSource),
    at("azureDisk", "azureDisk", sources.validateAzureDisk),
    at("storageos", "storageos", sources.validateStorageOSVolumeSource),
    at("projected", "projected", (s, p) => validateProjectedVolumeSource(s, p, opts)),
    at("scaleIO", "scaleIO", sources.validateScaleIOVolumeSource),
    at("csi", "csi", sources.validateCSIVolumeSource),
    at("ephemeral", "ephemeral", (s, p) => validateEphemeralVolumeSource(s, p, opts)),
    at("image", "image", (s, p) => validateImageVolumeSource(s, p, opts)),
  ];
}

export function validateVolumeSource(volume: JsonRecord, fldPath: FieldPath, volName: string, podMeta: PodMeta | undefined, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  let numVolumes = 0;
  for (const kind of sourceKinds(opts)) {
    if (!isSet(volume, kind.field)) continue;
    if (numVolumes > 0) {
      errors.push(forbidden(fldPath.child(kind.shownAs), "may not specify more than 1 volume type"));
    } else {
      numVolumes++;
      const source = isRecord(volume[kind.field]) ? (volume[kind.field] as JsonRecord) : {};
      appendAll(errors, kind.check(source, fldPath.child(kind.checkedAs)));
      if (kind.field === "ephemeral") appendAll(errors, ephemeralClaimNameErrors(fldPath.child("name"), volName, podMeta));
    }
    // The iSCSI initiator name check counts the volume name, whatever the order.
    const iscsi = kind.field === "iscsi" ? obj(volume, "iscsi") : undefined;
    if (iscsi && isSet(iscsi, "initiatorName") && Buffer.byteLength(`${volName}:${str(iscsi, "targetPortal")}`) > 64) {
      errors.push(invalid(fldPath.child("name"), volName, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified."));
    }
  }
  if (numVolumes === 0) errors.push(required(fldPath, "must specify a volume type"));
  return errors;
}

function validateEmptyDirVolumeSource(emptyDir: JsonRecord, fldPath: FieldPath): ErrorList {
  const sizeLimit = emptyDir.sizeLimit;
  const parsed = typeof sizeLimit === "string" || typeof sizeLimit === "number" ? parseQuantity(sizeLimit) : undefined;
  return parsed && parsed.nanos < 0n ? [forbidden(fldPath.child("sizeLimit"), "SizeLimit field must be a valid resource quantity")] : [];
}

const SUPPORTED_HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

export function validateHostPathVolumeSource(hostPath: JsonRecord, fldPath: FieldPath): ErrorList {
  const path = str(hostPath, "path");
  if (path === "") return [required(fldPath.child("path"))];
  const errors = validatePathNoBacksteps(path, fldPath.child("path"));
  if (isSet(hostPath, "type") && !SUPPORTED_HOST_PATH_TYPES.includes(str(hostPath, "type"))) {
    errors.push(notSupported(fldPath.child("type"), str(hostPath, "type"), SUPPORTED_HOST_PATH_TYPES));
  }
  return errors;
}

function validateGitRepoVolumeSource(gitRepo: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(gitRepo, "repository") === "") errors.push(required(fldPath.child("repository")));
  const directory = str(gitRepo, "directory");
  const directoryPath = fldPath.child("directory");
  if (directory.startsWith("/")) errors.push(invalid(directoryPath, directory, "must be a relative path"));
  appendAll(errors, validatePathNoBacksteps(directory, directoryPath));
  return errors;
}

/** validateKeyToPath: an item of a secret or configMap source. */
export function validateKeyToPath(item: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const path = str(item, "path");
  if (str(item, "key") === "") errors.push(required(fldPath.child("key")));
  if (path === "") errors.push(required(fldPath.child("path")));
  appendAll(errors, validateLocalNonReservedPath(path, fldPath.child("path")));
  appendAll(errors, validateFileMode(int(item, "mode"), fldPath.child("mode")));
  return errors;
}

function validateSecretVolumeSource(secret: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(secret, "secretName") === "") errors.push(required(fldPath.child("secretName")));
  appendAll(errors, validateFileMode(int(secret, "defaultMode"), fldPath.child("defaultMode")));
  list(secret, "items").forEach((item, index) => appendAll(errors, validateKeyToPath(item, fldPath.child("items").index(index))));
  return errors;
}

function validateConfigMapVolumeSource(configMap: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(configMap, "name") === "") errors.push(required(fldPath.child("name")));
  appendAll(errors, validateFileMode(int(configMap, "defaultMode"), fldPath.child("defaultMode")));
  list(configMap, "items").forEach((item, index) => appendAll(errors, validateKeyToPath(item, fldPath.child("items").index(index))));
  return errors;
}

function validatePersistentClaimVolumeSource(claim: JsonRecord, fldPath: FieldPath): ErrorList {
  return str(claim, "claimName") === "" ? [required(fldPath.child("claimName"))] : [];
}

/** validateDownwardAPIVolumeFile: upstream reports an item's errors at the source (`fldPath`), not at the item. */
export function validateDownwardAPIVolumeFile(file: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const path = str(file, "path");
  if (path === "") errors.push(required(fldPath.child("path")));
  appendAll(errors, validateLocalNonReservedPath(path, fldPath.child("path")));
  const fieldRef = obj(file, "fieldRef");
  const resourceFieldRef = obj(file, "resourceFieldRef");
  if (fieldRef) {
    appendAll(errors, validateObjectFieldSelector(fieldRef, VALID_VOLUME_DOWNWARD_API_FIELD_PATH_EXPRESSIONS, fldPath.child("fieldRef")));
    if (resourceFieldRef) errors.push(invalid(fldPath, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
  } else if (resourceFieldRef) {
    errors.push(
      ...validateContainerResourceFieldSelector(
        resourceFieldRef,
        VALID_CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS,
        VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES,
        fldPath.child("resourceFieldRef"),
        true,
      ),
    );
  } else {
    errors.push(required(fldPath, "one of fieldRef and resourceFieldRef is required"));
  }
  appendAll(errors, validateFileMode(int(file, "mode"), fldPath.child("mode")));
  return errors;
}

function validateDownwardAPIVolumeSource(downwardAPI: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateFileMode(int(downwardAPI, "defaultMode"), fldPath.child("defaultMode"));
  for (const file of list(downwardAPI, "items")) appendAll(errors, validateDownwardAPIVolumeFile(file, fldPath));
  return errors;
}

function validateEphemeralVolumeSource(ephemeral: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const template = obj(ephemeral, "volumeClaimTemplate");
  if (!template) return [required(fldPath.child("volumeClaimTemplate"))];
  return validatePersistentVolumeClaimTemplate(template, fldPath.child("volumeClaimTemplate"), opts.kubernetesVersion);
}

/** The claim an ephemeral volume creates is named `<pod>-<volume>`: it must be a valid claim name. */
function ephemeralClaimNameErrors(namePath: FieldPath, volName: string, podMeta: PodMeta | undefined): ErrorList {
  if (!podMeta || podMeta.name === "" || volName === "") return [];
  const claimName = `${podMeta.name}-${volName}`;
  return nameIsDNSSubdomain(claimName, false).map((message) => invalid(namePath, volName, `PVC name ${goQuote(claimName)}: ${message}`));
}

function validateImageVolumeSource(image: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  if (opts.resourceIsPod && str(image, "reference") === "") errors.push(required(fldPath.child("reference")));
  appendAll(errors, validatePullPolicy(str(image, "pullPolicy"), fldPath.child("pullPolicy")));
  return errors;
}
