// Deployment validation (pkg/apis/apps/validation/validation.go:
// ValidateDeployment, ValidateDeploymentSpec, ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment, ValidateRollback), on the defaulted object.
import { intOrStringOf, intOrStringValue } from "../../apimachinery/intstr.js";
import { forbidden, invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet, obj, str } from "../core/fields.js";
import type { PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { rollingStrategyValue } from "./strategy-value.js";
import { getIntOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from "./int-or-percent.js";
import { validateTemplateAgainstSelector } from "./replica-set.js";
import { validateRequiredSelector } from "./selector.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** apps/v1 carries spec.rollbackTo in this annotation (the internal DeploymentSpec.RollbackTo). */
const ROLLBACK_ANNOTATION = "deprecated.deployment.rollback.to";

/** ValidateRollingUpdateDeployment: maxUnavailable and maxSurge not both 0, maxUnavailable up to 100%. */
export function validateRollingUpdateDeployment(rollingUpdate: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const maxUnavailable = intOrStringOf(rollingUpdate.maxUnavailable);
  const maxSurge = intOrStringOf(rollingUpdate.maxSurge);
  // A value of another type does not decode: the schema layer reports it.
  if (maxUnavailable === undefined || maxSurge === undefined) return [];
  const maxUnavailablePath = fldPath.child("maxUnavailable");
  const errors = validatePositiveIntOrPercent(maxUnavailable, maxUnavailablePath, kubernetesVersion);
  appendAll(errors, validatePositiveIntOrPercent(maxSurge, fldPath.child("maxSurge"), kubernetesVersion));
  if (getIntOrPercentValue(maxUnavailable) === 0 && getIntOrPercentValue(maxSurge) === 0) {
    // Both MaxSurge and MaxUnavailable cannot be zero.
    errors.push(invalid(maxUnavailablePath, intOrStringValue(maxUnavailable, kubernetesVersion), "may not be 0 when `maxSurge` is 0"));
  }
  appendAll(errors, isNotMoreThan100Percent(maxUnavailable, maxUnavailablePath, kubernetesVersion));
  return errors;
}

/** ValidateDeploymentStrategy. */
export function validateDeploymentStrategy(strategy: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const rollingUpdate = obj(strategy, "rollingUpdate");
  switch (str(strategy, "type")) {
    case "Recreate":
      return isSet(strategy, "rollingUpdate") ? [forbidden(fldPath.child("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case "RollingUpdate":
      // Defaulting always sets it; only a value of another type is left out.
      if (!rollingUpdate) return [required(fldPath.child("rollingUpdate"), "this should be defaulted and never be nil")];
      return validateRollingUpdateDeployment(rollingUpdate, fldPath.child("rollingUpdate"), kubernetesVersion);
    default:
      return [notSupported(fldPath, rollingStrategyValue(strategy, "apps.DeploymentStrategy", "apps.RollingUpdateDeployment", kubernetesVersion), ["Recreate", "RollingUpdate"])];
  }
}

/** The revision of the rollback apps/v1 keeps in an annotation; undefined without one (or when it is not a number, a decoding error). */
function rollbackRevision(deployment: JsonRecord): number | undefined {
  const annotation = obj(obj(deployment, "metadata"), "annotations")?.[ROLLBACK_ANNOTATION];
  return typeof annotation === "string" && /^[+-]?[0-9]+$/.test(annotation) ? Number(annotation) : undefined;
}

/** ValidateDeploymentSpec. `rollbackRevision` is the internal spec.rollbackTo.revision. */
export function validateDeploymentSpec(spec: JsonRecord, rollbackTo: number | undefined, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const version = opts.kubernetesVersion;
  const errors = validateNonnegativeField(int(spec, "replicas") ?? 0, fldPath.child("replicas"));
  appendAll(errors, validateRequiredSelector(spec.selector, "deployment", fldPath.child("selector"), version));
  appendAll(errors, validateTemplateAgainstSelector(spec, fldPath, opts));
  appendAll(errors, validateDeploymentStrategy(obj(spec, "strategy") ?? {}, fldPath.child("strategy"), version));
  const minReadySeconds = int(spec, "minReadySeconds") ?? 0;
  appendAll(errors, validateNonnegativeField(minReadySeconds, fldPath.child("minReadySeconds")));
  // Zero is a valid revisionHistoryLimit.
  const revisionHistoryLimit = int(spec, "revisionHistoryLimit");
  if (revisionHistoryLimit !== undefined) appendAll(errors, validateNonnegativeField(revisionHistoryLimit, fldPath.child("revisionHistoryLimit")));
  // ValidateRollback.
  if (rollbackTo !== undefined) appendAll(errors, validateNonnegativeField(rollbackTo, fldPath.child("rollback", "version")));
  const progressDeadlineSeconds = int(spec, "progressDeadlineSeconds");
  if (progressDeadlineSeconds !== undefined) {
    const progressPath = fldPath.child("progressDeadlineSeconds");
    appendAll(errors, validateNonnegativeField(progressDeadlineSeconds, progressPath));
    if (progressDeadlineSeconds <= minReadySeconds) errors.push(invalid(progressPath, progressDeadlineSeconds, "must be greater than minReadySeconds"));
  }
  return errors;
}

/** ValidateDeployment. */
export function validateDeployment(deployment: JsonRecord, opts: PodValidationOptions): ErrorList {
  // ValidateDeploymentName = NameIsDNSSubdomain.
  const errors = validateObjectMeta(deployment.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateDeploymentSpec(obj(deployment, "spec") ?? {}, rollbackRevision(deployment), FieldPath.root("spec"), opts)];
}
