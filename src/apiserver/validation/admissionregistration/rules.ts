// The rules of webhooks and admission policies (pkg/apis/admissionregistration/validation):
// API groups, versions and resources with their wildcards, operations, scope,
// and a policy's match resources.
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isPathSegmentName } from "../../apimachinery/validation.js";
import { duplicate, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { stringListValue } from "../../field/values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, list, obj, str, strings } from "../core/fields.js";
import { appendAll } from "../../../util/append.js";

const VALID_SCOPES = ["*", "Cluster", "Namespaced"];
const SUPPORTED_OPERATIONS = ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"];
export const SUPPORTED_MATCH_POLICIES = ["Equivalent", "Exact"];

/** A `[]string` (or another string slice type) bad value, printed for the release. */
export function listValue(items: readonly string[], goElementType: string, kubernetesVersion: string): PrintedValue {
  return new PrintedValue(stringListValue(items, goElementType, kubernetesVersion));
}

function hasWildcard(items: readonly string[]): boolean {
  return items.includes("*");
}

// validateResources: resources and subresources, their wildcards (a lone star, star-slash-star, x-slash-star, star-slash-x) not overlapping.
function validateResources(resources: string[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (resources.length === 0) errors.push(required(fldPath));
  const resourcesWithWildcardSubresources = new Set<string>();
  const subResourcesWithWildcardResource = new Set<string>();
  let hasDoubleWildcard = false;
  let hasSingleWildcard = false;
  let hasResourceWithoutSubresource = false;
  resources.forEach((resSub, i) => {
    if (resSub === "") {
      errors.push(required(fldPath.index(i)));
      return;
    }
    if (resSub === "*/*") hasDoubleWildcard = true;
    if (resSub === "*") hasSingleWildcard = true;
    const slash = resSub.indexOf("/");
    if (slash < 0) {
      hasResourceWithoutSubresource = resSub !== "*";
      return;
    }
    const res = resSub.slice(0, slash);
    const sub = resSub.slice(slash + 1);
    if (resourcesWithWildcardSubresources.has(res)) errors.push(invalid(fldPath.index(i), resSub, `if '${res}/*' is present, must not specify ${resSub}`));
    if (subResourcesWithWildcardResource.has(sub)) errors.push(invalid(fldPath.index(i), resSub, `if '*/${sub}' is present, must not specify ${resSub}`));
    if (sub === "*") resourcesWithWildcardSubresources.add(res);
    if (res === "*") subResourcesWithWildcardResource.add(sub);
  });
  if (resources.length > 1 && hasDoubleWildcard) {
    errors.push(invalid(fldPath, listValue(resources, "string", kubernetesVersion), "if '*/*' is present, must not specify other resources"));
  }
  if (hasSingleWildcard && hasResourceWithoutSubresource) {
    errors.push(invalid(fldPath, listValue(resources, "string", kubernetesVersion), "if '*' is present, must not specify other resources without subresources"));
  }
  return errors;
}

/** validateRule: API groups, API versions, resources, scope. */
function validateRule(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const apiGroups = strings(rule, "apiGroups");
  if (apiGroups.length === 0) errors.push(required(fldPath.child("apiGroups")));
  if (apiGroups.length > 1 && hasWildcard(apiGroups)) {
    errors.push(invalid(fldPath.child("apiGroups"), listValue(apiGroups, "string", kubernetesVersion), "if '*' is present, must not specify other API groups"));
  }
  const apiVersions = strings(rule, "apiVersions");
  if (apiVersions.length === 0) errors.push(required(fldPath.child("apiVersions")));
  if (apiVersions.length > 1 && hasWildcard(apiVersions)) {
    errors.push(invalid(fldPath.child("apiVersions"), listValue(apiVersions, "string", kubernetesVersion), "if '*' is present, must not specify other API versions"));
  }
  apiVersions.forEach((version, i) => {
    if (version === "") errors.push(required(fldPath.child("apiVersions").index(i)));
  });
  appendAll(errors, validateResources(strings(rule, "resources"), fldPath.child("resources"), kubernetesVersion));
  if (isSet(rule, "scope") && !VALID_SCOPES.includes(str(rule, "scope"))) errors.push(notSupported(fldPath.child("scope"), str(rule, "scope"), VALID_SCOPES));
  return errors;
}

/** validateRuleWithOperations: operations (`*` alone), then the rule. */
export function validateRuleWithOperations(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const operations = strings(rule, "operations");
  if (operations.length === 0) errors.push(required(fldPath.child("operations")));
  if (operations.length > 1 && hasWildcard(operations)) {
    errors.push(invalid(fldPath.child("operations"), listValue(operations, "admissionregistration.OperationType", kubernetesVersion), "if '*' is present, must not specify other operations"));
  }
  operations.forEach((operation, i) => {
    if (!SUPPORTED_OPERATIONS.includes(operation)) errors.push(notSupported(fldPath.child("operations").index(i), operation, SUPPORTED_OPERATIONS));
  });
  return [...errors, ...validateRule(rule, fldPath, kubernetesVersion)];
}

/** validateNamedRuleWithOperations: resource names (path segments, no repeats), then the rule. */
function validateNamedRuleWithOperations(rule: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  strings(rule, "resourceNames").forEach((name, i) => {
    const namePath = fldPath.child("resourceNames").index(i);
    // path.ValidatePathSegmentName.
    for (const detail of isPathSegmentName(name)) errors.push(invalid(namePath, name, detail));
    if (names.has(name)) errors.push(duplicate(namePath, name));
    else names.add(name);
  });
  return [...errors, ...validateRuleWithOperations(rule, fldPath, kubernetesVersion)];
}

/** validateMatchResources: match policy, selectors (required, strict), resource rules. */
export function validateMatchResources(match: JsonRecord | undefined, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (!match) return [];
  const errors: ErrorList = [];
  if (!isSet(match, "matchPolicy")) errors.push(required(fldPath.child("matchPolicy")));
  else if (!SUPPORTED_MATCH_POLICIES.includes(str(match, "matchPolicy"))) errors.push(notSupported(fldPath.child("matchPolicy"), str(match, "matchPolicy"), SUPPORTED_MATCH_POLICIES));
  for (const key of ["namespaceSelector", "objectSelector"]) {
    const selector = obj(match, key);
    if (!isSet(match, key)) errors.push(required(fldPath.child(key)));
    else appendAll(errors, validateLabelSelector(selector, { allowInvalidLabelValueInSelector: false }, fldPath.child(key)));
  }
  for (const key of ["resourceRules", "excludeResourceRules"]) {
    list(match, key).forEach((rule, i) => appendAll(errors, validateNamedRuleWithOperations(rule, fldPath.child(key).index(i), kubernetesVersion)));
  }
  return errors;
}
