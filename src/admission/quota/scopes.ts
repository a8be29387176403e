// ResourceQuota scopes (spec.scopes and spec.scopeSelector) and how a pod
// matches them (pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc).
import type { KubeObject } from "../../types.js";
import { arrayOf, dig, isRecord, recordOf, recordsOf, stringOf } from "../../util/object-access.js";
import { matchesSetRequirement } from "../../util/selectors.js";
import { qosClassOf } from "../qos.js";

export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values: string[];
}

/** getScopeSelectorsFromQuota: each scope as `Exists`, then the selector's expressions. */
export function scopeRequirementsOf(quota: KubeObject): ScopeRequirement[] {
  const spec = recordOf(quota.spec);
  const fromScopes = arrayOf(spec.scopes)
    .filter((scope): scope is string => typeof scope === "string")
    .map((scopeName) => ({ scopeName, operator: "Exists", values: [] }));
  const fromSelector = recordsOf(dig(spec, "scopeSelector", "matchExpressions")).map((e) => ({
    scopeName: stringOf(e.scopeName) ?? "",
    operator: stringOf(e.operator) ?? "",
    values: arrayOf(e.values).map(String),
  }));
  return [...fromScopes, ...fromSelector];
}

/** A scope requirement as a label selector over `{<scopeName>: value}` (ScopedResourceSelectorRequirementsAsSelector). */
export function matchesScopedValue(requirement: ScopeRequirement, value: string | undefined): boolean {
  const labels = value === undefined ? {} : { [requirement.scopeName]: value };
  return matchesSetRequirement(labels, { key: requirement.scopeName, operator: requirement.operator, values: requirement.values });
}

function isTerminating(pod: KubeObject): boolean {
  const deadline = dig(pod, "spec", "activeDeadlineSeconds");
  return typeof deadline === "number" && deadline >= 0;
}

function crossNamespaceTerms(terms: unknown): boolean {
  return recordsOf(terms).some((term) => arrayOf(term.namespaces).length > 0 || isRecord(term.namespaceSelector));
}

/** usesCrossNamespacePodAffinity: any affinity or anti-affinity term naming namespaces or a namespace selector. */
function usesCrossNamespacePodAffinity(pod: KubeObject): boolean {
  const affinity = recordOf(dig(pod, "spec", "affinity"));
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const section = recordOf(affinity[kind]);
    if (crossNamespaceTerms(section.requiredDuringSchedulingIgnoredDuringExecution)) return true;
    const weighted = recordsOf(section.preferredDuringSchedulingIgnoredDuringExecution).map((w) => recordOf(w.podAffinityTerm));
    if (crossNamespaceTerms(weighted)) return true;
  }
  return false;
}

export function podMatchesScope(requirement: ScopeRequirement, pod: KubeObject): boolean {
  switch (requirement.scopeName) {
    case "Terminating":
      return isTerminating(pod);
    case "NotTerminating":
      return !isTerminating(pod);
    case "BestEffort":
      return qosClassOf(pod) === "BestEffort";
    case "NotBestEffort":
      return qosClassOf(pod) !== "BestEffort";
    case "PriorityClass": {
      const className = stringOf(dig(pod, "spec", "priorityClassName")) || undefined;
      if (requirement.operator === "Exists") return className !== undefined;
      return matchesScopedValue(requirement, className);
    }
    case "CrossNamespacePodAffinity":
      return usesCrossNamespacePodAffinity(pod);
    default:
      return false;
  }
}

/** A readable form of the scopes, for the quota table. */
export function describeScope(requirement: ScopeRequirement): string {
  if (requirement.operator === "Exists") return requirement.scopeName;
  if (requirement.operator === "DoesNotExist") return `!${requirement.scopeName}`;
  return `${requirement.scopeName} ${requirement.operator} (${requirement.values.join(",")})`;
}
