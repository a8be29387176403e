// ReplicationController validation (pkg/apis/core/validation/validation.go:
// ValidateReplicationController, ValidateReplicationControllerSpec,
// ValidateNonEmptySelector, ValidatePodTemplateSpecForRC).
import { selectorFromSet } from "../../apimachinery/label-selector.js";
import { required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, obj } from "./fields.js";
import { validateAlwaysRestarting } from "../apps/replica-set.js";
import { validateSelectorMatchesTemplate } from "../apps/selector.js";
import { validatePodTemplateSpec, type PodValidationOptions } from "./pod.js";
import { validateNonnegativeField } from "./probes.js";
import { validateObjectMeta, validateReplicationControllerName } from "./object-meta.js";
import { stringMapOf, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ValidateNonEmptySelector: a selector map with at least one label. */
function validateNonEmptySelector(selector: Record<string, string>, fldPath: FieldPath): ErrorList {
  return selectorFromSet(selector).empty ? [required(fldPath)] : [];
}

/** ValidatePodTemplateSpecForRC: a template the selector selects, of pods that always restart. */
export function validatePodTemplateSpecForRC(template: JsonRecord | undefined, selectorMap: unknown, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (!template) return [required(fldPath)];
  const selector = selectorFromSet(stringMapOf(selectorMap));
  // A map selector is a matchLabels selector: the suggestion reads it the same way.
  const errors = validateSelectorMatchesTemplate(selector, { matchLabels: selectorMap }, template, fldPath, opts.kubernetesVersion);
  appendAll(errors, validatePodTemplateSpec(template, fldPath, opts));
  appendAll(errors, validateAlwaysRestarting(obj(template, "spec") ?? {}, "ReplicationController", fldPath.child("spec")));
  return errors;
}

/** ValidateReplicationControllerSpec. */
export function validateReplicationControllerSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors = validateNonnegativeField(int(spec, "minReadySeconds") ?? 0, fldPath.child("minReadySeconds"));
  appendAll(errors, validateNonEmptySelector(stringMapOf(spec.selector), fldPath.child("selector")));
  appendAll(errors, validateNonnegativeField(int(spec, "replicas") ?? 0, fldPath.child("replicas")));
  appendAll(errors, validatePodTemplateSpecForRC(obj(spec, "template"), spec.selector, fldPath.child("template"), opts));
  return errors;
}

/** ValidateReplicationController. */
export function validateReplicationController(controller: JsonRecord, opts: PodValidationOptions): ErrorList {
  const errors = validateObjectMeta(controller.metadata, true, validateReplicationControllerName, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateReplicationControllerSpec(obj(controller, "spec") ?? {}, FieldPath.root("spec"), opts)];
}
