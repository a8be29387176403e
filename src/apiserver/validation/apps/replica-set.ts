// ReplicaSet validation (pkg/apis/apps/validation/validation.go:
// ValidateReplicaSet, ValidateReplicaSetSpec) and the template check that
// Deployments share, ValidatePodTemplateSpecForReplicaSet.
import { labelSelectorAsSelector, type Selector } from "../../apimachinery/label-selector.js";
import { forbidden, invalid, notSupported, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet, obj, str } from "../core/fields.js";
import { validatePodTemplateSpec, type PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { selectorValue, validateRequiredSelector, validateSelectorMatchesTemplate } from "./selector.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** The kinds whose pods must always restart name themselves in this error. */
type AlwaysRestartingKind = "ReplicaSet" | "ReplicationController" | "DaemonSet" | "StatefulSet";

/** A restartPolicy other than Always, and activeDeadlineSeconds, in a template of a controller that keeps its pods running. */
export function validateAlwaysRestarting(templateSpec: JsonRecord, kind: AlwaysRestartingKind, specPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  // RestartPolicy has already been first-order validated by ValidatePodTemplateSpec.
  const restartPolicy = str(templateSpec, "restartPolicy");
  if (restartPolicy !== "Always") errors.push({ ...notSupported(specPath.child("restartPolicy"), restartPolicy, ["Always"]), suggestion: "Always" });
  if (isSet(templateSpec, "activeDeadlineSeconds")) errors.push(forbidden(specPath.child("activeDeadlineSeconds"), `activeDeadlineSeconds in ${kind} is not Supported`));
  return errors;
}

/** ValidatePodTemplateSpecForReplicaSet: the selector selects the template, which is a valid pod template of pods that always restart. */
export function validatePodTemplateSpecForReplicaSet(template: JsonRecord, selector: Selector, written: unknown, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors = validateSelectorMatchesTemplate(selector, written, template, fldPath, opts.kubernetesVersion);
  appendAll(errors, validatePodTemplateSpec(template, fldPath, opts));
  appendAll(errors, validateAlwaysRestarting(obj(template, "spec") ?? {}, "ReplicaSet", fldPath.child("spec")));
  return errors;
}

/** The selector parsed, and the template checked against it: "invalid label selector" when it does not parse. */
export function validateTemplateAgainstSelector(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const selector = labelSelectorAsSelector(spec.selector);
  if (!selector) return [invalid(fldPath.child("selector"), selectorValue(spec.selector, opts.kubernetesVersion), "invalid label selector")];
  return validatePodTemplateSpecForReplicaSet(obj(spec, "template") ?? {}, selector, spec.selector, fldPath.child("template"), opts);
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors = validateNonnegativeField(int(spec, "replicas") ?? 0, fldPath.child("replicas"));
  appendAll(errors, validateNonnegativeField(int(spec, "minReadySeconds") ?? 0, fldPath.child("minReadySeconds")));
  // ReplicaSets share the Deployment's word for an empty selector.
  appendAll(errors, validateRequiredSelector(spec.selector, "deployment", fldPath.child("selector"), opts.kubernetesVersion));
  appendAll(errors, validateTemplateAgainstSelector(spec, fldPath, opts));
  return errors;
}

/** ValidateReplicaSet. */
export function validateReplicaSet(replicaSet: JsonRecord, opts: PodValidationOptions): ErrorList {
  // ValidateReplicaSetName = NameIsDNSSubdomain.
  const errors = validateObjectMeta(replicaSet.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateReplicaSetSpec(obj(replicaSet, "spec") ?? {}, FieldPath.root("spec"), opts)];
}
