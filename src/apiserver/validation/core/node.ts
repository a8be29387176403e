// Node validation on create (pkg/apis/core/validation/validation.go: ValidateNode,
// ValidateNodeSpecificAnnotations, ValidateTaintsInNodeAnnotations,
// validateNodeTaints, ValidateNodeResources). Nodes may set their status on
// create: its capacity and allocatable are checked too.
import { validateLabelName } from "../../apimachinery/meta-v1-validation.js";
import { isDualStackCIDRStrings } from "../../apimachinery/net.js";
import { isLabelValue } from "../../apimachinery/validation.js";
import { duplicate, internalError, invalid, PrintedValue, type ErrorList } from "../../field/errors.js";
import { goUnmarshalStructListError } from "../../field/go-json.js";
import { FieldPath } from "../../field/path.js";
import { pointerField, printedFor, scalarField, stringListValue, structField } from "../../field/values.js";
import { list, obj, str, stringMap, strings } from "./fields.js";
import { isValidCIDRForLegacyField } from "./ip.js";
import { validateNodeName, validateObjectMeta } from "./object-meta.js";
import { resourceList, validateResourceQuantityValue } from "./resources.js";
import { validateTaintEffect } from "./tolerations.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export const TAINTS_ANNOTATION_KEY = "scheduler.alpha.kubernetes.io/taints";

/** A core.Taint as a bad value: Go syntax before 1.34, JSON with the internal type's field names since. */
function taintValue(taint: JsonRecord, kubernetesVersion: string): PrintedValue {
  const timeAdded = taint.timeAdded === undefined ? undefined : { go: "", json: JSON.stringify(String(taint.timeAdded)) };
  const value = structField("core.Taint", [
    ["Key", scalarField(str(taint, "key"))],
    ["Value", scalarField(str(taint, "value"))],
    ["Effect", scalarField(str(taint, "effect"))],
    ["TimeAdded", pointerField("v1.Time", timeAdded)],
  ]);
  return new PrintedValue(printedFor(value, kubernetesVersion));
}

/** validateNodeTaints: key, value and effect of each taint; one taint per key and effect. */
function validateNodeTaints(taints: JsonRecord[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const uniqueTaints = new Map<string, Set<string>>();
  taints.forEach((taint, i) => {
    const idxPath = fldPath.index(i);
    const key = str(taint, "key");
    const value = str(taint, "value");
    const effect = str(taint, "effect");
    appendAll(errors, validateLabelName(key, idxPath.child("key")));
    const valueErrors = isLabelValue(value);
    if (valueErrors.length > 0) errors.push(invalid(idxPath.child("value"), value, valueErrors.join(";")));
    appendAll(errors, validateTaintEffect(effect, false, idxPath.child("effect")));
    const keys = uniqueTaints.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      errors.push({ ...duplicate(idxPath, taintValue(taint, kubernetesVersion)), detail: "taints must be unique by key and effect pair" });
      return;
    }
    keys.add(key);
    uniqueTaints.set(effect, keys);
  });
  return errors;
}

/** ValidateTaintsInNodeAnnotations: the deprecated taints annotation, a JSON list of taints. */
function validateTaintsInNodeAnnotations(annotations: Record<string, string>, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const text = annotations[TAINTS_ANNOTATION_KEY]!;
  const error = goUnmarshalStructListError(text, "core.Taint");
  if (error) return [invalid(fldPath, TAINTS_ANNOTATION_KEY, error)];
  const taints = (JSON.parse(text) as unknown[] | null) ?? [];
  return validateNodeTaints(taints.map((taint) => (isRecord(taint) ? taint : {})), fldPath.child(TAINTS_ANNOTATION_KEY), kubernetesVersion);
}

/** ValidateNodeSpecificAnnotations. */
function validateNodeSpecificAnnotations(annotations: Record<string, string>, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (!annotations[TAINTS_ANNOTATION_KEY]) return [];
  return validateTaintsInNodeAnnotations(annotations, fldPath, kubernetesVersion);
}

/** ValidateNodeResources: capacity and allocatable (paths by child, as upstream builds them). */
function validateNodeResources(node: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const status = obj(node, "status");
  for (const field of ["capacity", "allocatable"]) {
    for (const [name, quantity] of resourceList(status?.[field])) {
      appendAll(errors, validateResourceQuantityValue(name, quantity, FieldPath.root("status", field, name), kubernetesVersion));
    }
  }
  return errors;
}

/** The pod CIDRs: each a CIDR; two at most, one of each family. */
function validatePodCIDRs(podCIDRs: string[], kubernetesVersion: string): ErrorList {
  const podCIDRsField = FieldPath.root("spec", "podCIDRs");
  const errors: ErrorList = podCIDRs.flatMap((value, idx) => isValidCIDRForLegacyField(podCIDRsField.index(idx), value, kubernetesVersion));
  if (podCIDRs.length <= 1) return errors;
  const { dualStack, error } = isDualStackCIDRStrings(podCIDRs);
  if (error) errors.push(internalError(podCIDRsField, `invalid PodCIDRs. failed to check with dual stack with error:${error}`));
  if (!dualStack || podCIDRs.length > 2) {
    errors.push(invalid(podCIDRsField, new PrintedValue(stringListValue(podCIDRs, "string", kubernetesVersion)), "may specify no more than one CIDR for each IP family"));
  }
  return errors;
}

/** ValidateNode. Upstream reports the spec's taints under `metadata.taints`. */
export function validateNode(node: JsonRecord, kubernetesVersion: string): ErrorList {
  const fldPath = FieldPath.root("metadata");
  const errors = validateObjectMeta(node.metadata, false, validateNodeName, fldPath, kubernetesVersion);
  appendAll(errors, validateNodeSpecificAnnotations(stringMap(obj(node, "metadata"), "annotations"), fldPath.child("annotations"), kubernetesVersion));
  const spec = obj(node, "spec");
  const taints = list(spec, "taints");
  if (taints.length > 0) {
    // The same checks on the real path, for where each finding points.
    const located = validateNodeTaints(taints, FieldPath.root("spec", "taints"), kubernetesVersion);
    validateNodeTaints(taints, fldPath.child("taints"), kubernetesVersion).forEach((error, i) => errors.push({ ...error, at: { field: located[i]!.field, key: false } }));
  }
  appendAll(errors, validateNodeResources(node, kubernetesVersion));
  // The internal type has podCIDRs only: a v1 podCIDR alone converts to a list of it.
  const podCIDRs = strings(spec, "podCIDRs").length > 0 ? strings(spec, "podCIDRs") : str(spec, "podCIDR") ? [str(spec, "podCIDR")] : [];
  if (podCIDRs.length > 0) appendAll(errors, validatePodCIDRs(podCIDRs, kubernetesVersion));
  return errors;
}
