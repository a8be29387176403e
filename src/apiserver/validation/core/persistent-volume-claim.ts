// ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation/validation.go): a
// claim's access modes, selector, storage request, class, volume mode and data
// sources. Used by PersistentVolumeClaim and by ephemeral volumes' claim templates.
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { featureEnabled } from "../../features.js";
import { forbidden, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { isSet, obj, str, strings } from "./fields.js";
import { validateObjectMeta, validatePersistentVolumeName } from "./object-meta.js";
import { formatQuantity, parseQuantity } from "../../../util/quantity.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export interface PersistentVolumeClaimSpecValidationOptions {
  kubernetesVersion: string;
  /** Accept selector values that are not label values (claims stored before the check). */
  allowInvalidLabelValueInSelector: boolean;
}

const SUPPORTED_ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
export const SUPPORTED_VOLUME_MODES = ["Block", "Filesystem"];

/** validateDataSource and validateDataSourceRef: a named object of a kind; an object of the core group is a claim. */
function validateDataSource(source: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const kind = str(source, "kind");
  const apiGroup = str(source, "apiGroup");
  if (str(source, "name") === "") errors.push(required(fldPath.child("name")));
  if (kind === "") errors.push(required(fldPath.child("kind")));
  if (apiGroup === "" && kind !== "PersistentVolumeClaim") errors.push(invalid(fldPath, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (apiGroup !== "") for (const message of isDNS1123Subdomain(apiGroup)) errors.push(invalid(fldPath.child("apiGroup"), apiGroup, message));
  return errors;
}

/** isDataSourceEqualDataSourceRef. */
function sameDataSource(dataSource: JsonRecord, dataSourceRef: JsonRecord): boolean {
  return isSet(dataSource, "apiGroup") === isSet(dataSourceRef, "apiGroup") && ["apiGroup", "kind", "name"].every((key) => str(dataSource, key) === str(dataSourceRef, key));
}

/**
 * The access modes' values, as claims and volumes both check them: supported
 * modes, and ReadWriteOncePod alone.
 */
export function validateAccessModeValues(accessModes: string[], fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  let readWriteOncePod = false;
  let otherModes = false;
  for (const mode of accessModes) {
    if (!SUPPORTED_ACCESS_MODES.includes(mode)) errors.push(notSupported(fldPath, mode, SUPPORTED_ACCESS_MODES));
    if (mode === "ReadWriteOncePod") readWriteOncePod = true;
    else if (SUPPORTED_ACCESS_MODES.includes(mode)) otherModes = true;
  }
  if (readWriteOncePod && otherModes) errors.push(forbidden(fldPath, "may not use ReadWriteOncePod with other access modes"));
  return errors;
}

export function validatePersistentVolumeClaimSpec(spec: JsonRecord, fldPath: FieldPath, opts: PersistentVolumeClaimSpecValidationOptions): ErrorList {
  const errors: ErrorList = [];
  if (strings(spec, "accessModes").length === 0) errors.push(required(fldPath.child("accessModes"), "at least 1 access mode is required"));
  if (isSet(spec, "selector")) {
    appendAll(errors, validateLabelSelector(spec.selector, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, fldPath.child("selector")));
  }
  appendAll(errors, validateAccessModeValues(strings(spec, "accessModes"), fldPath.child("accessModes")));

  // Upstream names the request `resources[storage]`, without `requests`.
  const storagePath = fldPath.child("resources").key("storage");
  const requests = obj(obj(spec, "resources"), "requests");
  const storage = requests?.storage;
  if (storage === undefined || storage === null) {
    errors.push(required(storagePath));
  } else {
    const quantity = typeof storage === "string" || typeof storage === "number" ? parseQuantity(storage) : undefined;
    if (quantity && quantity.nanos <= 0n) errors.push(invalid(storagePath, formatQuantity(quantity), "must be greater than zero"));
  }

  const storageClassName = str(spec, "storageClassName");
  if (storageClassName !== "") for (const message of nameIsDNSSubdomain(storageClassName, false)) errors.push(invalid(fldPath.child("storageClassName"), storageClassName, message));
  if (isSet(spec, "volumeMode") && !SUPPORTED_VOLUME_MODES.includes(str(spec, "volumeMode"))) {
    errors.push(notSupported(fldPath.child("volumeMode"), str(spec, "volumeMode"), SUPPORTED_VOLUME_MODES));
  }
  const dataSource = obj(spec, "dataSource");
  const dataSourceRef = obj(spec, "dataSourceRef");
  if (dataSource) appendAll(errors, validateDataSource(dataSource, fldPath.child("dataSource")));
  if (dataSourceRef) appendAll(errors, validateDataSource(dataSourceRef, fldPath.child("dataSourceRef")));
  // dataSourceRef.namespace is dropped on create while CrossNamespaceVolumeDataSource is off (every release here).
  if (dataSource && dataSourceRef && !sameDataSource(dataSource, dataSourceRef)) {
    // The bad value is a field path, printed as text.
    errors.push(invalid(fldPath, new PrintedValue(fldPath.child("dataSource").toString()), "must match dataSourceRef"));
  }
  const volumeAttributesClassName = str(spec, "volumeAttributesClassName");
  if (volumeAttributesClassName !== "" && featureEnabled("VolumeAttributesClass", opts.kubernetesVersion)) {
    for (const message of nameIsDNSSubdomain(volumeAttributesClassName, false)) errors.push(invalid(fldPath.child("volumeAttributesClassName"), volumeAttributesClassName, message));
  }
  return errors;
}

/** ValidatePersistentVolumeClaim. */
export function validatePersistentVolumeClaim(claim: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(claim.metadata, true, validatePersistentVolumeName, FieldPath.root("metadata"), kubernetesVersion);
  const opts = { kubernetesVersion, allowInvalidLabelValueInSelector: false };
  appendAll(errors, validatePersistentVolumeClaimSpec(obj(claim, "spec") ?? {}, FieldPath.root("spec"), opts));
  return errors;
}
