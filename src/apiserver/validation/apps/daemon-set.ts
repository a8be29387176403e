// DaemonSet validation (pkg/apis/apps/validation/validation.go:
// ValidateDaemonSet, ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy,
// ValidateRollingUpdateDaemonSet), on the defaulted object.
import { intOrStringOf, intOrStringValue } from "../../apimachinery/intstr.js";
import { labelSelectorAsSelector } from "../../apimachinery/label-selector.js";
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, obj, str } from "../core/fields.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { validatePodTemplateSpec, type PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { rollingStrategyValue } from "./strategy-value.js";
import { getIntOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from "./int-or-percent.js";
import { validateAlwaysRestarting } from "./replica-set.js";
import { isEmptySelector, selectorValue, validateSelectorMatchesTemplate } from "./selector.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ValidateRollingUpdateDaemonSet: each a count or a percentage up to 100%, exactly one of them non-zero. */
export function validateRollingUpdateDaemonSet(rollingUpdate: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const maxUnavailable = intOrStringOf(rollingUpdate.maxUnavailable);
  const maxSurge = intOrStringOf(rollingUpdate.maxSurge);
  // A value of another type does not decode: the schema layer reports it.
  if (maxUnavailable === undefined || maxSurge === undefined) return [];
  const maxUnavailablePath = fldPath.child("maxUnavailable");
  const maxSurgePath = fldPath.child("maxSurge");
  const errors = [
    ...validatePositiveIntOrPercent(maxUnavailable, maxUnavailablePath, kubernetesVersion),
    ...validatePositiveIntOrPercent(maxSurge, maxSurgePath, kubernetesVersion),
    ...isNotMoreThan100Percent(maxUnavailable, maxUnavailablePath, kubernetesVersion),
    ...isNotMoreThan100Percent(maxSurge, maxSurgePath, kubernetesVersion),
  ];
  const hasUnavailable = getIntOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = getIntOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    // maxUnavailable defaults to 1: a DaemonSet that only sets maxSurge must set maxUnavailable to 0.
    errors.push({ ...invalid(maxSurgePath, intOrStringValue(maxSurge, kubernetesVersion), "may not be set when maxUnavailable is non-zero"), suggestion: "maxUnavailable: 0" });
  } else if (!hasUnavailable && !hasSurge) {
    errors.push(required(maxUnavailablePath, "cannot be 0 when maxSurge is 0"));
  }
  return errors;
}

/** ValidateDaemonSetUpdateStrategy. */
export function validateDaemonSetUpdateStrategy(strategy: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  switch (str(strategy, "type")) {
    case "OnDelete":
      return [];
    case "RollingUpdate": {
      const rollingUpdate = obj(strategy, "rollingUpdate");
      if (!rollingUpdate) return [required(fldPath.child("rollingUpdate"))];
      return validateRollingUpdateDaemonSet(rollingUpdate, fldPath.child("rollingUpdate"), kubernetesVersion);
    }
    default:
      return [notSupported(fldPath, rollingStrategyValue(strategy, "apps.DaemonSetUpdateStrategy", "apps.RollingUpdateDaemonSet", kubernetesVersion), ["RollingUpdate", "OnDelete"])];
  }
}

/** ValidateDaemonSetSpec. */
export function validateDaemonSetSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const version = opts.kubernetesVersion;
  const template = obj(spec, "template") ?? {};
  const errors = validateLabelSelector(spec.selector, { allowInvalidLabelValueInSelector: false }, fldPath.child("selector"));
  // A missing selector selects nothing, so the template never matches it.
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector) appendAll(errors, validateSelectorMatchesTemplate(selector, spec.selector, template, fldPath.child("template"), version));
  if (isRecord(spec.selector) && isEmptySelector(spec.selector)) {
    errors.push(invalid(fldPath.child("selector"), selectorValue(spec.selector, version), "empty selector is invalid for daemonset"));
  }
  appendAll(errors, validatePodTemplateSpec(template, fldPath.child("template"), opts));
  appendAll(errors, validateAlwaysRestarting(obj(template, "spec") ?? {}, "DaemonSet", fldPath.child("template", "spec")));
  appendAll(errors, validateNonnegativeField(int(spec, "minReadySeconds") ?? 0, fldPath.child("minReadySeconds")));
  // templateGeneration (an annotation in apps/v1) is set to 1 on create: never negative here.
  appendAll(errors, validateDaemonSetUpdateStrategy(obj(spec, "updateStrategy") ?? {}, fldPath.child("updateStrategy"), version));
  // Zero is a valid revisionHistoryLimit.
  const revisionHistoryLimit = int(spec, "revisionHistoryLimit");
  if (revisionHistoryLimit !== undefined) appendAll(errors, validateNonnegativeField(revisionHistoryLimit, fldPath.child("revisionHistoryLimit")));
  return errors;
}

/** ValidateDaemonSet. */
export function validateDaemonSet(daemonSet: JsonRecord, opts: PodValidationOptions): ErrorList {
  // ValidateDaemonSetName = NameIsDNSSubdomain.
  const errors = validateObjectMeta(daemonSet.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateDaemonSetSpec(obj(daemonSet, "spec") ?? {}, FieldPath.root("spec"), opts)];
}
