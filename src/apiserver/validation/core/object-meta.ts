// The core group's ObjectMeta validation (pkg/apis/core/validation/validation.go):
// apimachinery's, plus the rule that a finalizer without a '/' must be one of
// the standard ones; and the core kinds' name functions. Other groups call
// this ValidateObjectMeta too.
import {
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  validateNamespaceName as apimachineryValidateNamespaceName,
  validateServiceAccountName as apimachineryValidateServiceAccountName,
  type ValidateNameFunc,
} from "../../apimachinery/generic.js";
import {
  FINALIZER_DELETE_DEPENDENTS,
  FINALIZER_ORPHAN_DEPENDENTS,
  validateFinalizerName as apimachineryValidateFinalizerName,
  validateObjectMeta as apimachineryValidateObjectMeta,
} from "../../apimachinery/objectmeta.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { arrayOf, dig } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export const validatePodName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateReplicationControllerName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateServiceName: ValidateNameFunc = nameIsDNS1035Label;
export const validateNodeName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateNamespaceName: ValidateNameFunc = apimachineryValidateNamespaceName;
export const validateLimitRangeName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateResourceQuotaName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateSecretName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateServiceAccountName: ValidateNameFunc = apimachineryValidateServiceAccountName;
export const validateEndpointsName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateConfigMapName: ValidateNameFunc = nameIsDNSSubdomain;
export const validatePersistentVolumeName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateClassName: ValidateNameFunc = nameIsDNSSubdomain;
export const validatePriorityClassName: ValidateNameFunc = nameIsDNSSubdomain;

/** helper.IsStandardFinalizerName: kubernetes, orphan, foregroundDeletion. */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(["kubernetes", FINALIZER_ORPHAN_DEPENDENTS, FINALIZER_DELETE_DEPENDENTS]);

/** validateKubeFinalizerName: a finalizer without a '/' must be a standard one. */
export function validateKubeFinalizerName(finalizer: string, fldPath: FieldPath): ErrorList {
  if (finalizer.split("/").length === 1 && !STANDARD_FINALIZERS.has(finalizer)) {
    return [invalid(fldPath, finalizer, "name is neither a standard finalizer name nor is it fully qualified")];
  }
  return [];
}

/** validateFinalizerName: a qualified name that is standard or has a '/' (a Namespace's spec.finalizers). */
export function validateFinalizerName(finalizer: string, fldPath: FieldPath): ErrorList {
  return [...apimachineryValidateFinalizerName(finalizer, fldPath), ...validateKubeFinalizerName(finalizer, fldPath)];
}

/** ValidateObjectMeta of the core group: apimachinery's, then each finalizer's name. */
export function validateObjectMeta(
  metadata: unknown,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  fldPath: FieldPath,
  kubernetesVersion: string,
): ErrorList {
  const errors = apimachineryValidateObjectMeta(metadata, requiresNamespace, nameFn, fldPath, kubernetesVersion);
  arrayOf(dig(metadata, "finalizers")).forEach((finalizer, index) => {
    if (typeof finalizer === "string") appendAll(errors, validateKubeFinalizerName(finalizer, fldPath.child("finalizers").index(index)));
  });
  return errors;
}
