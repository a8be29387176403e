// framework.AffinityTerm: a pod (anti-)affinity term with its namespaces,
// namespace selector and label selector parsed.
import { compileLabelSelector, nothingSelector, type CompiledSelector, type Labels } from "./label-selector.js";
import { arrayOf, isRecord, recordOf, textOf, truncatedIntegerOf } from "../util/object-access.js";

export interface AffinityTerm {
  namespaces: Set<string>;
  namespaceSelector: CompiledSelector;
  selector: CompiledSelector;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** The pod fields a term is matched against. */
export interface TermTarget {
  namespace: string;
  labels: Labels;
}

/** AffinityTerm.Matches: the pod's namespace is listed or selected, and its labels match. */
export function termMatches(term: AffinityTerm, target: TermTarget, namespaceLabels: Labels): boolean {
  if (term.namespaces.has(target.namespace) || term.namespaceSelector.matches(namespaceLabels)) {
    return term.selector.matches(target.labels);
  }
  return false;
}

function newAffinityTerm(podNamespace: string, raw: Record<string, unknown>): AffinityTerm {
  const listed = arrayOf(raw.namespaces).map(textOf).filter((n) => n !== "");
  const hasNamespaceSelector = raw.namespaceSelector !== undefined && raw.namespaceSelector !== null;
  // Neither namespaces nor a namespaceSelector: the pod's own namespace.
  const namespaces = new Set(listed.length === 0 && !hasNamespaceSelector ? [podNamespace] : listed);
  return {
    namespaces,
    namespaceSelector: compileLabelSelector(raw.namespaceSelector),
    selector: compileLabelSelector(raw.labelSelector),
    topologyKey: textOf(raw.topologyKey),
  };
}

export function requiredTerms(podNamespace: string, list: unknown): AffinityTerm[] {
  return arrayOf(list).filter(isRecord).map((raw) => newAffinityTerm(podNamespace, raw));
}

export function weightedTerms(podNamespace: string, list: unknown): WeightedAffinityTerm[] {
  const out: WeightedAffinityTerm[] = [];
  for (const entry of arrayOf(list)) {
    if (!isRecord(entry)) continue;
    const term = newAffinityTerm(podNamespace, recordOf(entry.podAffinityTerm));
    out.push({ ...term, weight: truncatedIntegerOf(entry.weight) ?? 0 });
  }
  return out;
}

/**
 * For the incoming pod, a non-empty namespaceSelector is resolved into the
 * namespaces it selects (InterPodAffinity.mergeAffinityTermNamespacesIfNotEmpty).
 */
export function mergeTermNamespaces<T extends AffinityTerm>(term: T, namespaces: ReadonlyMap<string, Labels>): T {
  if (term.namespaceSelector.everything) return term;
  const merged = new Set(term.namespaces);
  for (const [name, labels] of namespaces) if (term.namespaceSelector.matches(labels)) merged.add(name);
  return { ...term, namespaces: merged, namespaceSelector: nothingSelector() };
}
