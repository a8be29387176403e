// validateAffinity (pkg/apis/core/validation/validation.go): node affinity
// (node selector terms, their requirements and field requirements, preferred
// weights) and pod (anti-)affinity terms (selectors, namespaces, topology key,
// matchLabelKeys/mismatchLabelKeys). ValidateNodeSelector also serves a
// PersistentVolume's node affinity.
import { nameIsDNSSubdomain, validateNamespaceName } from "../../apimachinery/generic.js";
import { validateLabelName, validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isLabelValue } from "../../apimachinery/validation.js";
import { forbidden, invalid, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { int, isSet, list, obj, str, strings } from "./fields.js";
import type { PodValidationOptions } from "./pod-options.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** ValidateNodeSelectorRequirement: values by operator, the key a qualified name, values label values unless allowed. */
export function validateNodeSelectorRequirement(requirement: JsonRecord, allowInvalidLabelValueInRequiredNodeAffinity: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const operator = str(requirement, "operator");
  const values = strings(requirement, "values");
  switch (operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) errors.push(required(fldPath.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) errors.push(forbidden(fldPath.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) errors.push(required(fldPath.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errors.push(invalid(fldPath.child("operator"), operator, "not a valid selector operator"));
  }
  appendAll(errors, validateLabelName(str(requirement, "key"), fldPath.child("key")));
  if (!allowInvalidLabelValueInRequiredNodeAffinity) {
    values.forEach((value, index) => {
      for (const message of isLabelValue(value)) errors.push(withLabelContentWords(invalid(fldPath.child("values").index(index), value, message)));
    });
  }
  return errors;
}

/** Node fields a node selector may match, and how their values are checked. */
const NODE_FIELD_SELECTOR_VALIDATORS: Readonly<Record<string, (value: string, prefix: boolean) => string[]>> = {
  "metadata.name": nameIsDNSSubdomain,
};

/** ValidateNodeFieldSelectorRequirement: only `metadata.name`, with In or NotIn and one value. */
export function validateNodeFieldSelectorRequirement(requirement: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const operator = str(requirement, "operator");
  const values = strings(requirement, "values");
  if (operator === "In" || operator === "NotIn") {
    if (values.length !== 1) errors.push(required(fldPath.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errors.push(invalid(fldPath.child("operator"), operator, "not a valid selector operator"));
  }
  const key = str(requirement, "key");
  const validator = Object.hasOwn(NODE_FIELD_SELECTOR_VALIDATORS, key) ? NODE_FIELD_SELECTOR_VALIDATORS[key] : undefined;
  if (!validator) {
    errors.push(invalid(fldPath.child("key"), key, "not a valid field selector key"));
  } else {
    values.forEach((value, index) => {
      for (const message of validator(value, false)) errors.push(invalid(fldPath.child("values").index(index), value, message));
    });
  }
  return errors;
}

/** ValidateNodeSelectorTerm. */
export function validateNodeSelectorTerm(term: JsonRecord, allowInvalidLabelValueInRequiredNodeAffinity: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  list(term, "matchExpressions").forEach((requirement, index) => {
    appendAll(errors, validateNodeSelectorRequirement(requirement, allowInvalidLabelValueInRequiredNodeAffinity, fldPath.child("matchExpressions").index(index)));
  });
  list(term, "matchFields").forEach((requirement, index) => {
    appendAll(errors, validateNodeFieldSelectorRequirement(requirement, fldPath.child("matchFields").index(index)));
  });
  return errors;
}

/** ValidateNodeSelector: at least one term. */
export function validateNodeSelector(nodeSelector: JsonRecord, allowInvalidLabelValueInRequiredNodeAffinity: boolean, fldPath: FieldPath): ErrorList {
  const termsPath = fldPath.child("nodeSelectorTerms");
  const terms = list(nodeSelector, "nodeSelectorTerms");
  if (terms.length === 0) return [required(termsPath, "must have at least one node selector term")];
  return terms.flatMap((term, index) => validateNodeSelectorTerm(term, allowInvalidLabelValueInRequiredNodeAffinity, termsPath.index(index)));
}

function weightErrors(term: JsonRecord, fldPath: FieldPath): ErrorList {
  const weight = int(term, "weight") ?? 0;
  return weight <= 0 || weight > 100 ? [invalid(fldPath.child("weight"), weight, "must be in the range 1-100")] : [];
}

/** ValidatePreferredSchedulingTerms: weights 1-100; invalid label values are allowed (they may still match one node). */
export function validatePreferredSchedulingTerms(terms: JsonRecord[], fldPath: FieldPath): ErrorList {
  return terms.flatMap((term, index) => [
    ...weightErrors(term, fldPath.index(index)),
    ...validateNodeSelectorTerm(obj(term, "preference") ?? {}, true, fldPath.index(index).child("preference")),
  ]);
}

/** validateNodeAffinity. */
function validateNodeAffinity(nodeAffinity: JsonRecord, opts: PodValidationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const requiredTerms = obj(nodeAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
  if (requiredTerms) {
    appendAll(errors, validateNodeSelector(requiredTerms, opts.allowInvalidLabelValueInRequiredNodeAffinity, fldPath.child("requiredDuringSchedulingIgnoredDuringExecution")));
  }
  const preferred = list(nodeAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
  if (preferred.length > 0) appendAll(errors, validatePreferredSchedulingTerms(preferred, fldPath.child("preferredDuringSchedulingIgnoredDuringExecution")));
  return errors;
}

/** The keys of a label selector's matchLabels and matchExpressions. */
function selectorKeys(selector: JsonRecord | undefined): { labels: Set<string>; expressions: string[] } {
  const labels = new Set(Object.keys(obj(selector, "matchLabels") ?? {}));
  const expressions = list(selector, "matchExpressions").map((expression) => str(expression, "key"));
  return { labels, expressions };
}

/** validateLabelKeys: each key a label name; only with a labelSelector. */
function validateLabelKeys(fldPath: FieldPath, labelKeys: string[], labelSelector: JsonRecord | undefined): ErrorList {
  if (labelKeys.length === 0) return [];
  if (!labelSelector) return [forbidden(fldPath, "must not be specified when labelSelector is not set")];
  return labelKeys.flatMap((key, index) => validateLabelName(key, fldPath.index(index)));
}

/** validateMatchLabelKeysAndMismatchLabelKeys. */
export function validateMatchLabelKeysAndMismatchLabelKeys(
  fldPath: FieldPath,
  matchLabelKeys: string[],
  mismatchLabelKeys: string[],
  labelSelector: JsonRecord | undefined,
): ErrorList {
  const errors = [
    ...validateLabelKeys(fldPath.child("matchLabelKeys"), matchLabelKeys, labelSelector),
    ...validateLabelKeys(fldPath.child("mismatchLabelKeys"), mismatchLabelKeys, labelSelector),
  ];
  if (labelSelector) {
    // A matchLabelKeys key whose requirement the server merged into the selector appears twice there.
    const indexByKey = new Map(matchLabelKeys.map((key, index) => [key, index]));
    const { labels, expressions } = selectorKeys(labelSelector);
    for (const key of expressions) {
      const index = indexByKey.get(key);
      // Upstream reports it at the term's path indexed by the key's position.
      if (index !== undefined && labels.has(key)) errors.push(invalid(fldPath.index(index), key, "exists in both matchLabelKeys and labelSelector"));
      labels.add(key);
    }
  }
  const mismatch = new Set(mismatchLabelKeys);
  matchLabelKeys.forEach((key, index) => {
    if (mismatch.has(key)) errors.push(invalid(fldPath.child("matchLabelKeys").index(index), key, "exists in both matchLabelKeys and mismatchLabelKeys"));
  });
  return errors;
}

/** ValidatePodAffinityTermSelector. */
function validatePodAffinityTermSelector(term: JsonRecord, allowInvalidLabelValueInSelector: boolean, fldPath: FieldPath): ErrorList {
  const options = { allowInvalidLabelValueInSelector };
  return [
    ...validateLabelSelector(term.labelSelector, options, fldPath.child("labelSelector")),
    ...validateLabelSelector(term.namespaceSelector, options, fldPath.child("namespaceSelector")),
  ];
}

/** validatePodAffinityTerm. */
function validatePodAffinityTerm(term: JsonRecord, allowInvalidLabelValueInSelector: boolean, fldPath: FieldPath): ErrorList {
  const errors = validatePodAffinityTermSelector(term, allowInvalidLabelValueInSelector, fldPath);
  for (const name of strings(term, "namespaces")) {
    for (const message of validateNamespaceName(name, false)) errors.push(invalid(fldPath.child("namespace"), name, message));
  }
  const labelSelector = isRecord(term.labelSelector) ? term.labelSelector : undefined;
  appendAll(errors, validateMatchLabelKeysAndMismatchLabelKeys(fldPath, strings(term, "matchLabelKeys"), strings(term, "mismatchLabelKeys"), labelSelector));
  const topologyKey = str(term, "topologyKey");
  if (topologyKey === "") errors.push(required(fldPath.child("topologyKey"), "can not be empty"));
  appendAll(errors, validateLabelName(topologyKey, fldPath.child("topologyKey")));
  return errors;
}

function validatePodAffinityTerms(terms: JsonRecord[], allowInvalidLabelValueInSelector: boolean, fldPath: FieldPath): ErrorList {
  return terms.flatMap((term, index) => validatePodAffinityTerm(term, allowInvalidLabelValueInSelector, fldPath.index(index)));
}

function validateWeightedPodAffinityTerms(terms: JsonRecord[], allowInvalidLabelValueInSelector: boolean, fldPath: FieldPath): ErrorList {
  return terms.flatMap((term, index) => [
    ...weightErrors(term, fldPath.index(index)),
    ...validatePodAffinityTerm(obj(term, "podAffinityTerm") ?? {}, allowInvalidLabelValueInSelector, fldPath.index(index).child("podAffinityTerm")),
  ]);
}

/** validatePodAffinity and validatePodAntiAffinity (the same checks). */
function validatePodAffinity(podAffinity: JsonRecord, allowInvalidLabelValueInSelector: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isSet(podAffinity, "requiredDuringSchedulingIgnoredDuringExecution")) {
    const terms = list(podAffinity, "requiredDuringSchedulingIgnoredDuringExecution");
    appendAll(errors, validatePodAffinityTerms(terms, allowInvalidLabelValueInSelector, fldPath.child("requiredDuringSchedulingIgnoredDuringExecution")));
  }
  if (isSet(podAffinity, "preferredDuringSchedulingIgnoredDuringExecution")) {
    const terms = list(podAffinity, "preferredDuringSchedulingIgnoredDuringExecution");
    appendAll(errors, validateWeightedPodAffinityTerms(terms, allowInvalidLabelValueInSelector, fldPath.child("preferredDuringSchedulingIgnoredDuringExecution")));
  }
  return errors;
}

/** validateAffinity. */
export function validateAffinity(affinity: unknown, opts: PodValidationOptions, fldPath: FieldPath): ErrorList {
  if (!isRecord(affinity)) return [];
  const errors: ErrorList = [];
  const nodeAffinity = obj(affinity, "nodeAffinity");
  if (nodeAffinity) appendAll(errors, validateNodeAffinity(nodeAffinity, opts, fldPath.child("nodeAffinity")));
  const podAffinity = obj(affinity, "podAffinity");
  if (podAffinity) appendAll(errors, validatePodAffinity(podAffinity, opts.allowInvalidLabelValueInSelector, fldPath.child("podAffinity")));
  const podAntiAffinity = obj(affinity, "podAntiAffinity");
  if (podAntiAffinity) appendAll(errors, validatePodAffinity(podAntiAffinity, opts.allowInvalidLabelValueInSelector, fldPath.child("podAntiAffinity")));
  return errors;
}
