// ResourceQuota validation on create (pkg/apis/core/validation/validation.go:
// ValidateResourceQuota, ValidateResourceQuotaSpec, ValidateResourceQuantityValue,
// validateResourceQuotaScopes, validateScopedResourceSelectorRequirement).
// The status is cleared by the strategy before validation.
import { invalid, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson, stringListValue } from "../../field/values.js";
import { list, obj, str, strings } from "./fields.js";
import { validateObjectMeta, validateResourceQuotaName } from "./object-meta.js";
import { isStandardQuotaResourceName, resourceNameValue, resourceQuotaResourceNameDetails } from "./resource-names.js";
import { resourceList, validateResourceQuantityValue } from "./resources.js";
import { atLeast } from "../../../util/release.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

const POD_COMPUTE_RESOURCES = ["cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"];
const POD_SCOPES = ["Terminating", "NotTerminating", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];
const EXISTS_ONLY_SCOPES = ["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"];
const INVALID_SCOPE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["BestEffort", "NotBestEffort"],
  ["Terminating", "NotTerminating"],
];

/** helper.IsStandardResourceQuotaScope; VolumeAttributesClass since 1.33. */
function isStandardResourceQuotaScope(scope: string, kubernetesVersion: string): boolean {
  const scopes = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];
  if (atLeast(kubernetesVersion, "1.33")) scopes.push("VolumeAttributesClass");
  return scopes.includes(scope);
}

/** helper.IsResourceQuotaScopeValidForResource. */
function isResourceQuotaScopeValidForResource(scope: string, resource: string, kubernetesVersion: string): boolean {
  if (POD_SCOPES.includes(scope)) return resource === "pods" || POD_COMPUTE_RESOURCES.includes(resource);
  if (scope === "BestEffort") return resource === "pods";
  if (scope === "VolumeAttributesClass" && atLeast(kubernetesVersion, "1.33")) return resource === "persistentvolumeclaims" || resource === "requests.storage";
  return true;
}

/** A []core.ResourceQuotaScope bad value; an empty one is nil. */
function scopesListValue(scopes: string[], kubernetesVersion: string): PrintedValue {
  if (scopes.length > 0) return new PrintedValue(stringListValue(scopes, "core.ResourceQuotaScope", kubernetesVersion));
  return new PrintedValue(rendersCompositeAsJson(kubernetesVersion) ? "null" : "[]core.ResourceQuotaScope(nil)");
}

function validateResourceQuotaScopes(spec: JsonRecord, hard: string[], fld: FieldPath, kubernetesVersion: string): ErrorList {
  const scopes = strings(spec, "scopes");
  if (scopes.length === 0) return [];
  const errors: ErrorList = [];
  const fldPath = fld.child("scopes");
  const scopesValue = scopesListValue(scopes, kubernetesVersion);
  for (const scope of scopes) {
    if (!isStandardResourceQuotaScope(scope, kubernetesVersion)) errors.push(invalid(fldPath, scopesValue, "unsupported scope"));
    for (const resource of hard) {
      if (isStandardQuotaResourceName(resource) && !isResourceQuotaScopeValidForResource(scope, resource, kubernetesVersion)) {
        errors.push(invalid(fldPath, scopesValue, "unsupported scope applied to resource"));
      }
    }
  }
  for (const [a, b] of INVALID_SCOPE_PAIRS) if (scopes.includes(a) && scopes.includes(b)) errors.push(invalid(fldPath, scopesValue, "conflicting scopes"));
  return errors;
}

/** A core.ScopeSelector bad value: JSON of its requirements since 1.34, Go syntax before. */
function scopeSelectorValue(selector: JsonRecord, kubernetesVersion: string): PrintedValue {
  const requirements = list(selector, "matchExpressions").map((requirement) => ({ scopeName: str(requirement, "scopeName"), operator: str(requirement, "operator"), values: strings(requirement, "values") }));
  if (rendersCompositeAsJson(kubernetesVersion)) {
    const items = requirements.map((r) => `{"ScopeName":${goJson(r.scopeName)},"Operator":${goJson(r.operator)},"Values":${r.values.length > 0 ? goJson(r.values) : "null"}}`);
    return new PrintedValue(`{"MatchExpressions":[${items.join(",")}]}`);
  }
  const items = requirements.map((r) => {
    const values = r.values.length > 0 ? `[]string{${r.values.map(goQuote).join(", ")}}` : "[]string(nil)";
    return `core.ScopedResourceSelectorRequirement{ScopeName:${goQuote(r.scopeName)}, Operator:${goQuote(r.operator)}, Values:${values}}`;
  });
  return new PrintedValue(`core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{${items.join(", ")}}}`);
}

function validateScopedResourceSelectorRequirement(spec: JsonRecord, selector: JsonRecord, hard: string[], fld: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const fldPath = fld.child("matchExpressions");
  const scopes = new Set<string>();
  // Until 1.30 the message said 'Exist'.
  const exists = atLeast(kubernetesVersion, "1.31") ? "Exists" : "Exist";
  for (const requirement of list(selector, "matchExpressions")) {
    const scopeName = str(requirement, "scopeName");
    const operator = str(requirement, "operator");
    if (!isStandardResourceQuotaScope(scopeName, kubernetesVersion)) errors.push(invalid(fldPath.child("scopeName"), scopeName, "unsupported scope"));
    for (const resource of hard) {
      if (isStandardQuotaResourceName(resource) && !isResourceQuotaScopeValidForResource(scopeName, resource, kubernetesVersion)) {
        errors.push(invalid(fldPath, scopeSelectorValue(selector, kubernetesVersion), "unsupported scope applied to resource"));
      }
    }
    if (EXISTS_ONLY_SCOPES.includes(scopeName) && operator !== "Exists") {
      errors.push(
        invalid(
          fldPath.child("operator"),
          operator,
          `must be '${exists}' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity`,
        ),
      );
    }
    const values = strings(requirement, "values");
    switch (operator) {
      case "In":
      case "NotIn":
        if (values.length === 0) errors.push(required(fldPath.child("values"), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (values.length !== 0) {
          const shown = new PrintedValue(stringListValue(values, "string", kubernetesVersion));
          errors.push(invalid(fldPath.child("values"), shown, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
        }
        break;
      default:
        errors.push(invalid(fldPath.child("operator"), operator, "not a valid selector operator"));
    }
    scopes.add(scopeName);
  }
  // Upstream prints spec.scopes here, not the selector.
  const scopesValue = scopesListValue(strings(spec, "scopes"), kubernetesVersion);
  for (const [a, b] of INVALID_SCOPE_PAIRS) if (scopes.has(a) && scopes.has(b)) errors.push(invalid(fldPath, scopesValue, "conflicting scopes"));
  return errors;
}

/** ValidateResourceQuotaSpec. */
export function validateResourceQuotaSpec(spec: JsonRecord, fld: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const hard = resourceList(spec.hard);
  for (const [name, value] of hard) {
    const path = fld.child("hard").key(name);
    const shown = new PrintedValue(resourceNameValue(name, kubernetesVersion));
    appendAll(errors, resourceQuotaResourceNameDetails(name).map((detail) => withLabelContentWords(invalid(path, shown, detail))));
    appendAll(errors, validateResourceQuantityValue(name, value, path, kubernetesVersion));
  }
  // Upstream walks the hard limits in sorted order.
  const names = [...hard.keys()].sort();
  appendAll(errors, validateResourceQuotaScopes(spec, names, fld, kubernetesVersion));
  const selector = spec.scopeSelector;
  if (isRecord(selector)) appendAll(errors, validateScopedResourceSelectorRequirement(spec, selector, names, fld.child("scopeSelector"), kubernetesVersion));
  return errors;
}

/** ValidateResourceQuota. */
export function validateResourceQuota(resourceQuota: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(resourceQuota.metadata, true, validateResourceQuotaName, FieldPath.root("metadata"), kubernetesVersion);
  appendAll(errors, validateResourceQuotaSpec(obj(resourceQuota, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion));
  return errors;
}
