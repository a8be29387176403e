// ValidateStorageClass (pkg/apis/storage/validation/validation.go): the
// provisioner, parameters (at most 512, 256 KiB in all), reclaim policy,
// binding mode and allowed topologies.
import { duplicate, invalid, notSupported, required, tooLong, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { byteLength } from "../../../util/api-values.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { isSet, list, str } from "../core/fields.js";
import { validateQualifiedName } from "../core/names.js";
import { validateTopologySelectorTerm, type TopologyExpressionMap } from "../core/topology-selector.js";
import { appendAll } from "../../../util/append.js";

const MAX_PROVISIONER_PARAMETER_SIZE = 256 * 1024;
const MAX_PROVISIONER_PARAMETER_LEN = 512;
const SUPPORTED_RECLAIM_POLICIES = ["Delete", "Retain"];
const SUPPORTED_VOLUME_BINDING_MODES = ["Immediate", "WaitForFirstConsumer"];

/** validateProvisioner: required, a qualified name once lower-cased (also VolumeAttributesClass's driverName). */
export function validateProvisioner(provisioner: string, fldPath: FieldPath): ErrorList {
  if (provisioner.length === 0) return [required(fldPath)];
  return validateQualifiedName(provisioner.toLowerCase(), fldPath);
}

/** validateParameters: at most 512 entries, no empty key, 256 KiB of keys and values. */
export function validateParameters(params: unknown, allowEmpty: boolean, fldPath: FieldPath): ErrorList {
  const entries = isRecord(params) ? Object.entries(params) : [];
  if (entries.length > MAX_PROVISIONER_PARAMETER_LEN) return [tooLong(fldPath, "", MAX_PROVISIONER_PARAMETER_LEN)];
  const errors: ErrorList = [];
  let totalSize = 0;
  for (const [key, value] of entries) {
    if (key.length < 1) errors.push(invalid(fldPath, key, "field can not be empty."));
    totalSize += byteLength(key) + (typeof value === "string" ? byteLength(value) : 0);
  }
  if (totalSize > MAX_PROVISIONER_PARAMETER_SIZE) errors.push(tooLong(fldPath, "", MAX_PROVISIONER_PARAMETER_SIZE));
  if (!allowEmpty && entries.length === 0) errors.push(required(fldPath, "must contain at least one key/value pair"));
  return errors;
}

/** validateReclaimPolicy: Delete or Retain (defaulted to Delete). */
function validateReclaimPolicy(reclaimPolicy: string, fldPath: FieldPath): ErrorList {
  return reclaimPolicy.length > 0 && !SUPPORTED_RECLAIM_POLICIES.includes(reclaimPolicy) ? [notSupported(fldPath, reclaimPolicy, SUPPORTED_RECLAIM_POLICIES)] : [];
}

/** validateVolumeBindingMode (defaulted to Immediate). */
function validateVolumeBindingMode(storageClass: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(storageClass, "volumeBindingMode")) return [required(fldPath)];
  const mode = str(storageClass, "volumeBindingMode");
  return SUPPORTED_VOLUME_BINDING_MODES.includes(mode) ? [] : [notSupported(fldPath, mode, SUPPORTED_VOLUME_BINDING_MODES)];
}

/** Semantic equality of two terms in raw form (an empty term equals a nil one). */
function sameExpressions(a: TopologyExpressionMap | undefined, b: TopologyExpressionMap | undefined): boolean {
  const left = a ?? new Map<string, Set<string>>();
  const right = b ?? new Map<string, Set<string>>();
  if (left.size !== right.size) return false;
  for (const [key, values] of left) {
    const other = right.get(key);
    if (!other || other.size !== values.size || [...values].some((value) => !other.has(value))) return false;
  }
  return true;
}

/** validateAllowedTopologies: each term, and no term twice. */
function validateAllowedTopologies(storageClass: JsonRecord, fldPath: FieldPath): ErrorList {
  const topologies = list(storageClass, "allowedTopologies");
  if (topologies.length === 0) return [];
  const errors: ErrorList = [];
  // Upstream's list starts with one nil entry per term, so an empty term is always a duplicate.
  const rawTopologies: Array<TopologyExpressionMap | undefined> = new Array(topologies.length).fill(undefined);
  topologies.forEach((term, i) => {
    const { expressions, errors: termErrors } = validateTopologySelectorTerm(term, fldPath.index(i));
    appendAll(errors, termErrors);
    for (const raw of rawTopologies) {
      if (sameExpressions(expressions, raw)) errors.push(duplicate(fldPath.index(i).child("matchLabelExpressions"), ""));
    }
    rawTopologies.push(expressions);
  });
  return errors;
}

/** ValidateStorageClass, after ObjectMeta. */
export function validateStorageClass(storageClass: JsonRecord): ErrorList {
  return [
    ...validateProvisioner(str(storageClass, "provisioner"), FieldPath.root("provisioner")),
    ...validateParameters(storageClass.parameters, true, FieldPath.root("parameters")),
    ...validateReclaimPolicy(str(storageClass, "reclaimPolicy"), FieldPath.root("reclaimPolicy")),
    ...validateVolumeBindingMode(storageClass, FieldPath.root("volumeBindingMode")),
    ...validateAllowedTopologies(storageClass, FieldPath.root("allowedTopologies")),
  ];
}
