// The selector a Deployment, ReplicaSet or StatefulSet must have (apps
// validation: required, validated strictly, not empty), and the bad values
// of the selector and of template labels as the API server prints them.
import type { Selector } from "../../apimachinery/label-selector.js";
import { invalid, PrintedValue, required, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { labelSelectorValue, stringMapValue } from "../../field/values.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { arrayOf, isRecord, recordOf, stringMapOf, type JsonRecord } from "../../../util/object-access.js";

/** A *metav1.LabelSelector bad value. */
export function selectorValue(selector: unknown, kubernetesVersion: string): PrintedValue {
  return new PrintedValue(labelSelectorValue(selector, kubernetesVersion));
}

/** Whether a selector has neither matchLabels nor matchExpressions (len(MatchLabels)+len(MatchExpressions) == 0). */
export function isEmptySelector(selector: JsonRecord): boolean {
  return Object.keys(recordOf(selector.matchLabels)).length + arrayOf(selector.matchExpressions).length === 0;
}

/**
 * The selector block of ValidateDeploymentSpec, ValidateReplicaSetSpec and
 * ValidateStatefulSetSpec: required, strictly valid (spec.selector was always
 * required to pass LabelSelectorAsSelector), and not empty.
 */
export function validateRequiredSelector(selector: unknown, kindWord: string, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (!isRecord(selector)) return [required(fldPath)];
  const errors = validateLabelSelector(selector, { allowInvalidLabelValueInSelector: false }, fldPath);
  if (isEmptySelector(selector)) errors.push(invalid(fldPath, selectorValue(selector, kubernetesVersion), `empty selector is invalid for ${kindWord}`));
  return errors;
}

/** The labels of a pod template (values of other types than strings are the schema layer's to report). */
export function templateLabels(template: JsonRecord): Record<string, string> {
  return stringMapOf(recordOf(template.metadata).labels);
}

/** The `key=value` pairs of a selector's matchLabels that the labels lack: the fix of a mismatch. */
function missingLabels(selector: unknown, labels: Record<string, string>): string | undefined {
  const missing = Object.entries(stringMapOf(recordOf(selector).matchLabels))
    .filter(([key, value]) => labels[key] !== value)
    .map(([key, value]) => `${key}=${value}`);
  return missing.length > 0 ? missing.sort().join(",") : undefined;
}

/**
 * "`selector` does not match template `labels`" at `<template>.metadata.labels`,
 * when a selector that is not empty does not select the template's labels.
 * `selector` is what LabelSelectorAsSelector made of `written`.
 */
export function validateSelectorMatchesTemplate(selector: Selector, written: unknown, template: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const labels = templateLabels(template);
  if (selector.empty || selector.matches(labels)) return [];
  const rawLabels = recordOf(template.metadata).labels;
  const shown = new PrintedValue(stringMapValue(isRecord(rawLabels) ? labels : undefined, kubernetesVersion));
  const error: FieldError = invalid(fldPath.child("metadata", "labels"), shown, "`selector` does not match template `labels`");
  const suggestion = missingLabels(written, labels);
  return [suggestion ? { ...error, suggestion } : error];
}

