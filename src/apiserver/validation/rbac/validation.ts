// RBAC validation (pkg/apis/rbac/validation/validation.go): rules (verbs,
// resources, non-resource URLs only in cluster roles), cluster role
// aggregation, bindings' roleRef and subjects.
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isDNS1123Subdomain, isPathSegmentName } from "../../apimachinery/validation.js";
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { list, obj, str, strings } from "../core/fields.js";
import { listValue } from "../admissionregistration/rules.js";
import { appendAll } from "../../../util/append.js";

const GROUP_NAME = "rbac.authorization.k8s.io";

/** ValidateRBACName: names of roles and bindings need only be path segments. */
export function validateRBACName(name: string): string[] {
  return isPathSegmentName(name);
}

/** ValidatePolicyRule: verbs, and either non-resource URLs (cluster roles only) or API groups and resources. */
export function validatePolicyRule(rule: JsonRecord, isNamespaced: boolean, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (strings(rule, "verbs").length === 0) errors.push(required(fldPath.child("verbs"), "verbs must contain at least one value"));
  const nonResourceURLs = strings(rule, "nonResourceURLs");
  if (nonResourceURLs.length > 0) {
    const shown = listValue(nonResourceURLs, "string", kubernetesVersion);
    if (isNamespaced) errors.push(invalid(fldPath.child("nonResourceURLs"), shown, "namespaced rules cannot apply to non-resource URLs"));
    if (strings(rule, "apiGroups").length > 0 || strings(rule, "resources").length > 0 || strings(rule, "resourceNames").length > 0) {
      errors.push(invalid(fldPath.child("nonResourceURLs"), shown, "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errors;
  }
  if (strings(rule, "apiGroups").length === 0) errors.push(required(fldPath.child("apiGroups"), "resource rules must supply at least one api group"));
  if (strings(rule, "resources").length === 0) errors.push(required(fldPath.child("resources"), "resource rules must supply at least one resource"));
  return errors;
}

function validateRules(role: JsonRecord, isNamespaced: boolean, kubernetesVersion: string): ErrorList {
  return list(role, "rules").flatMap((rule, i) => validatePolicyRule(rule, isNamespaced, FieldPath.root("rules").index(i), kubernetesVersion));
}

/** ValidateRole, after ObjectMeta. */
export function validateRole(role: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateRules(role, true, kubernetesVersion);
}

/** ValidateClusterRole, after ObjectMeta: rules, and an aggregation rule's selectors. */
export function validateClusterRole(role: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateRules(role, false, kubernetesVersion);
  const aggregationRule = obj(role, "aggregationRule");
  if (!aggregationRule) return errors;
  const selectorsPath = FieldPath.root("aggregationRule", "clusterRoleSelectors");
  const selectors = list(aggregationRule, "clusterRoleSelectors");
  if (selectors.length === 0) errors.push(required(selectorsPath, "at least one clusterRoleSelector required if aggregationRule is non-nil"));
  selectors.forEach((selector, i) => {
    const selectorErrors = validateLabelSelector(selector, { allowInvalidLabelValueInSelector: false }, selectorsPath.index(i));
    appendAll(errors, selectorErrors);
    // LabelSelectorAsSelector fails on what ValidateLabelSelector reports; its nil selector prints as null.
    if (selectorErrors.length > 0) errors.push(invalid(selectorsPath.index(i), null, "invalid label selector."));
  });
  return errors;
}

/** ValidateRoleBindingSubject: a name, and per kind its API group (and a namespace for service accounts of cluster bindings). */
function validateRoleBindingSubject(subject: JsonRecord, isNamespaced: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = str(subject, "name");
  const apiGroup = str(subject, "apiGroup");
  if (name.length === 0) errors.push(required(fldPath.child("name")));
  switch (str(subject, "kind")) {
    case "ServiceAccount":
      // ValidateServiceAccountName: a DNS subdomain.
      if (name.length > 0) for (const detail of isDNS1123Subdomain(name)) errors.push(invalid(fldPath.child("name"), name, detail));
      if (apiGroup.length > 0) errors.push(notSupported(fldPath.child("apiGroup"), apiGroup, [""]));
      if (!isNamespaced && str(subject, "namespace").length === 0) errors.push(required(fldPath.child("namespace")));
      break;
    case "User":
    case "Group":
      if (apiGroup !== GROUP_NAME) errors.push(notSupported(fldPath.child("apiGroup"), apiGroup, [GROUP_NAME]));
      break;
    default:
      errors.push(notSupported(fldPath.child("kind"), str(subject, "kind"), ["ServiceAccount", "User", "Group"]));
  }
  return errors;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding, after ObjectMeta. */
export function validateRoleBinding(binding: JsonRecord, isNamespaced: boolean): ErrorList {
  const errors: ErrorList = [];
  const roleRef = obj(binding, "roleRef") ?? {};
  const apiGroup = str(roleRef, "apiGroup");
  if (apiGroup !== GROUP_NAME) errors.push(notSupported(FieldPath.root("roleRef", "apiGroup"), apiGroup, [GROUP_NAME]));
  const kinds = isNamespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  const kind = str(roleRef, "kind");
  if (!kinds.includes(kind)) errors.push(notSupported(FieldPath.root("roleRef", "kind"), kind, kinds));
  const name = str(roleRef, "name");
  if (name.length === 0) errors.push(required(FieldPath.root("roleRef", "name")));
  else for (const detail of validateRBACName(name)) errors.push(invalid(FieldPath.root("roleRef", "name"), name, detail));
  list(binding, "subjects").forEach((subject, i) => appendAll(errors, validateRoleBindingSubject(subject, isNamespaced, FieldPath.root("subjects").index(i))));
  return errors;
}
