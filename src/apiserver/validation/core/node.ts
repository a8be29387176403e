// Node validation on create (pkg/apis/core/validation/validation.go: ValidateNode,
// ValidateNodeSpecificAnnotations, ValidateTaintsInNodeAnnotations,
// ValidateAvoidPodsInNodeAnnotations, validateNodeTaints, ValidateNodeResources,
// validateNodeSwapStatus). Nodes may set their status on create: its capacity,
// allocatable and swap capacity are checked too.
import { validateLabelName } from "../../apimachinery/meta-v1-validation.js";
import { isDualStackCIDRStrings } from "../../apimachinery/net.js";
import { isLabelValue } from "../../apimachinery/validation.js";
import { duplicate, internalError, invalid, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { goJsonSyntaxError, goUnmarshalStructListError } from "../../field/go-json.js";
import { FieldPath } from "../../field/path.js";
import { pointerField, printedFor, scalarField, stringListValue, structField } from "../../field/values.js";
import { int, list, obj, str, stringMap, strings } from "./fields.js";
import { isValidCIDRForLegacyField } from "./ip.js";
import { validateNodeName, validateObjectMeta } from "./object-meta.js";
import { resourceList, validateResourceQuantityValue } from "./resources.js";
import { validateTaintEffect } from "./tolerations.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";
import { withLabelContentWords } from "../../field/release-details.js";

export const TAINTS_ANNOTATION_KEY = "scheduler.alpha.kubernetes.io/taints";
export const PREFER_AVOID_PODS_ANNOTATION_KEY = "scheduler.alpha.kubernetes.io/preferAvoidPods";

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
    if (valueErrors.length > 0) errors.push(withLabelContentWords(invalid(idxPath.child("value"), value, valueErrors.join(";"))));
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

/** The name encoding/json gives a JSON value's kind in its type errors. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (isRecord(value)) return "object";
  return typeof value === "string" ? "string" : typeof value === "boolean" ? "bool" : "number";
}

/** A field of a decoded object as encoding/json finds it: its exact key, else one of another case. */
function goField(record: JsonRecord, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

/**
 * The first type error json.Unmarshal meets decoding the annotation into a
 * v1.AvoidPods, down to each entry's `podSignature.podController.controller`
 * (the entries' other fields are not type-checked).
 */
function avoidPodsTypeError(avoidPods: unknown): string | undefined {
  const cannot = (value: unknown, into: string) => `json: cannot unmarshal ${jsonKind(value)} into ${into}`;
  if (avoidPods === null) return undefined;
  if (!isRecord(avoidPods)) return cannot(avoidPods, "Go value of type v1.AvoidPods");
  const entries = goField(avoidPods, "preferAvoidPods");
  if (entries === undefined || entries === null) return undefined;
  if (!Array.isArray(entries)) return cannot(entries, "Go struct field AvoidPods.preferAvoidPods of type []v1.PreferAvoidPodsEntry");
  for (const entry of entries) {
    if (entry === null) continue;
    if (!isRecord(entry)) return cannot(entry, "Go struct field AvoidPods.preferAvoidPods of type v1.PreferAvoidPodsEntry");
    const signature = goField(entry, "podSignature");
    if (signature === undefined || signature === null) continue;
    if (!isRecord(signature)) return cannot(signature, "Go struct field PreferAvoidPodsEntry.preferAvoidPods.podSignature of type v1.PodSignature");
    const controller = goField(signature, "podController");
    if (controller === undefined || controller === null) continue;
    if (!isRecord(controller)) return cannot(controller, "Go struct field PodSignature.preferAvoidPods.podSignature.podController of type v1.OwnerReference");
    const isController = goField(controller, "controller");
    if (isController !== undefined && isController !== null && typeof isController !== "boolean") {
      return cannot(isController, "Go struct field OwnerReference.preferAvoidPods.podSignature.podController.controller of type bool");
    }
  }
  return undefined;
}

/**
 * validatePreferAvoidPodsEntry: a pod controller, that is a controller. An
 * entry whose controller has no `controller` flag is left alone: upstream
 * dereferences it unchecked and fails the request with an internal error.
 */
function validatePreferAvoidPodsEntry(entry: unknown, fldPath: FieldPath): ErrorList {
  const signature = isRecord(entry) ? goField(entry, "podSignature") : undefined;
  const podController = isRecord(signature) ? goField(signature, "podController") : undefined;
  if (!isRecord(podController)) return [required(fldPath.child("PodSignature"))];
  const controller = goField(podController, "controller");
  return controller === false ? [invalid(fldPath.child("PodSignature", "PodController", "Controller"), false, "must point to a controller")] : [];
}

/** ValidateAvoidPodsInNodeAnnotations: the deprecated preferAvoidPods annotation, a JSON AvoidPods. */
function validateAvoidPodsInNodeAnnotations(annotations: Record<string, string>, fldPath: FieldPath): ErrorList {
  const text = annotations[PREFER_AVOID_PODS_ANNOTATION_KEY]!;
  const syntax = goJsonSyntaxError(new TextEncoder().encode(text));
  const decoded: unknown = syntax ? undefined : JSON.parse(text);
  const error = syntax ?? avoidPodsTypeError(decoded);
  if (error) return [invalid(fldPath.child("AvoidPods"), PREFER_AVOID_PODS_ANNOTATION_KEY, error)];
  const entries = isRecord(decoded) ? goField(decoded, "preferAvoidPods") : undefined;
  const entriesPath = fldPath.child(PREFER_AVOID_PODS_ANNOTATION_KEY);
  return Array.isArray(entries) ? entries.flatMap((entry, i) => validatePreferAvoidPodsEntry(entry, entriesPath.index(i))) : [];
}

/** ValidateNodeSpecificAnnotations. */
function validateNodeSpecificAnnotations(annotations: Record<string, string>, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (annotations[TAINTS_ANNOTATION_KEY]) appendAll(errors, validateTaintsInNodeAnnotations(annotations, fldPath, kubernetesVersion));
  if (annotations[PREFER_AVOID_PODS_ANNOTATION_KEY]) appendAll(errors, validateAvoidPodsInNodeAnnotations(annotations, fldPath));
  return errors;
}

/** validateNodeSwapStatus (the field exists from 1.33): a swap capacity above zero, reported under `metadata` as upstream does. */
function validateNodeSwapStatus(node: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const capacity = int(obj(obj(obj(node, "status"), "nodeInfo"), "swap"), "capacity");
  if (!atLeast(kubernetesVersion, "1.33") || capacity === undefined || capacity > 0) return [];
  // Shown at the field written, not at the path upstream names.
  return [{ ...invalid(fldPath.child("capacity"), capacity, "must be greater than zero"), at: { field: FieldPath.root("status", "nodeInfo", "swap", "capacity"), key: false } }];
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
  appendAll(errors, validateNodeSwapStatus(node, fldPath.child("nodeSwapStatus"), kubernetesVersion));
  // The internal type has podCIDRs only: a v1 podCIDR alone converts to a list of it.
  const podCIDRs = strings(spec, "podCIDRs").length > 0 ? strings(spec, "podCIDRs") : str(spec, "podCIDR") ? [str(spec, "podCIDR")] : [];
  if (podCIDRs.length > 0) appendAll(errors, validatePodCIDRs(podCIDRs, kubernetesVersion));
  return errors;
}
