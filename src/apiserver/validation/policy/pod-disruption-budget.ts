// PodDisruptionBudget validation (pkg/apis/policy/validation/validation.go:
// ValidatePodDisruptionBudget, ValidatePodDisruptionBudgetSpec).
import { intOrStringOf, type IntOrString } from "../../apimachinery/intstr.js";
import { invalid, notSupported, PrintedValue, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, labelSelectorValue, pointerField, printedFor, structField, type StructField } from "../../field/values.js";
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from "../apps/int-or-percent.js";
import { isSet, obj, str } from "../core/fields.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** Sorted, as sets.List returns them. */
const UNHEALTHY_POD_EVICTION_POLICIES = ["AlwaysAllow", "IfHealthyBudget"];

/** A *intstr.IntOrString field of the spec. */
function intOrStringPointer(value: IntOrString | undefined): StructField {
  return pointerField("intstr.IntOrString", value === undefined ? undefined : { go: "", json: goJson(value) });
}

/** The internal PodDisruptionBudgetSpec as a bad value (its pointers are addresses in Go syntax). */
function specValue(spec: JsonRecord, kubernetesVersion: string): PrintedValue {
  const selector = isSet(spec, "selector") ? { go: "", json: labelSelectorValue(spec.selector, "1.34") } : undefined;
  const policy = isSet(spec, "unhealthyPodEvictionPolicy") ? { go: "", json: goJson(str(spec, "unhealthyPodEvictionPolicy")) } : undefined;
  const value = structField("policy.PodDisruptionBudgetSpec", [
    ["MinAvailable", intOrStringPointer(intOrStringOf(spec.minAvailable))],
    ["Selector", pointerField("v1.LabelSelector", selector)],
    ["MaxUnavailable", intOrStringPointer(intOrStringOf(spec.maxUnavailable))],
    ["UnhealthyPodEvictionPolicy", pointerField("policy.UnhealthyPodEvictionPolicyType", policy)],
  ]);
  return new PrintedValue(printedFor(value, kubernetesVersion));
}

/** minAvailable or maxUnavailable: a count or a percentage, up to 100%. */
function validateBudget(spec: JsonRecord, name: "minAvailable" | "maxUnavailable", fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const value = intOrStringOf(spec[name]);
  if (value === undefined) return [];
  const path = fldPath.child(name);
  return [...validatePositiveIntOrPercent(value, path, kubernetesVersion), ...isNotMoreThan100Percent(value, path, kubernetesVersion)];
}

/** ValidatePodDisruptionBudgetSpec. */
export function validatePodDisruptionBudgetSpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (isSet(spec, "minAvailable") && isSet(spec, "maxUnavailable")) {
    errors.push(invalid(fldPath, specValue(spec, kubernetesVersion), "minAvailable and maxUnavailable cannot be both set"));
  }
  appendAll(errors, validateBudget(spec, "minAvailable", fldPath, kubernetesVersion));
  appendAll(errors, validateBudget(spec, "maxUnavailable", fldPath, kubernetesVersion));
  appendAll(errors, validateLabelSelector(spec.selector, { allowInvalidLabelValueInSelector: false }, fldPath.child("selector")));
  if (isSet(spec, "unhealthyPodEvictionPolicy")) {
    const policy = str(spec, "unhealthyPodEvictionPolicy");
    if (!UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) errors.push(notSupported(fldPath.child("unhealthyPodEvictionPolicy"), policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errors;
}

/** ValidatePodDisruptionBudget: the spec (the metadata is checked by the generic registry). */
export function validatePodDisruptionBudget(pdb: JsonRecord, kubernetesVersion: string): ErrorList {
  return validatePodDisruptionBudgetSpec(obj(pdb, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}
