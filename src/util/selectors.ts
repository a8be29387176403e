// Label and node selectors with the semantics of k8s.io/apimachinery/pkg/labels
// and k8s.io/component-helpers/scheduling/corev1/nodeaffinity. Malformed
// selectors never throw: they match nothing.
import { arrayOf, isRecord } from "./object-access.js";

export type Labels = Readonly<Record<string, string>>;

export interface LabelSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface NodeSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

function valuesOf(requirement: { values?: unknown }): string[] {
  return arrayOf<unknown>(requirement.values).map(String);
}

/**
 * labels.Requirement.Matches for the set-based operators, given whether the
 * labels have the key and whether its value is among the requirement's values.
 * Any other operator matches nothing.
 */
export function matchesSetOperator(operator: unknown, has: boolean, valueIn: boolean): boolean {
  switch (operator) {
    case "In":
      return has && valueIn;
    case "NotIn":
      return !has || !valueIn;
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      return false;
  }
}

/** A set-based requirement (In, NotIn, Exists, DoesNotExist) against a label set; any other operator matches nothing. */
export function matchesSetRequirement(labels: Labels, requirement: LabelSelectorRequirement): boolean {
  const key = String(requirement.key ?? "");
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  return matchesSetOperator(requirement.operator, has, has && valuesOf(requirement).includes(labels[key]!));
}

/**
 * metav1.LabelSelector: matchLabels and matchExpressions ANDed. An empty
 * selector matches everything; a missing one (undefined/null) matches nothing.
 */
export function matchesLabelSelector(selector: unknown, labels: Labels | undefined): boolean {
  if (!isRecord(selector)) return false;
  const actual = labels ?? {};
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (actual[key] !== String(value)) return false;
  }
  return arrayOf<LabelSelectorRequirement>(selector.matchExpressions).every(
    (r) => isRecord(r) && matchesSetRequirement(actual, r),
  );
}

/** A plain map selector (Service, ReplicationController, nodeSelector): every pair must be present. */
export function matchesMapSelector(selector: unknown, labels: Labels | undefined): boolean {
  if (!isRecord(selector)) return false;
  const actual = labels ?? {};
  return Object.entries(selector).every(([key, value]) => actual[key] === String(value));
}

function parseInteger(text: string): bigint | undefined {
  return /^[+-]?\d+$/.test(text.trim()) ? BigInt(text.trim()) : undefined;
}

/** v1.NodeSelectorRequirement against a label (or field) set, with Gt and Lt. */
export function matchesNodeSelectorRequirement(values: Labels, requirement: NodeSelectorRequirement): boolean {
  if (!isRecord(requirement)) return false;
  const operator = requirement.operator;
  if (operator === "Gt" || operator === "Lt") {
    const key = String(requirement.key ?? "");
    const list = valuesOf(requirement);
    if (!Object.prototype.hasOwnProperty.call(values, key) || list.length !== 1) return false;
    const actual = parseInteger(values[key]!);
    const bound = parseInteger(list[0]!);
    if (actual === undefined || bound === undefined) return false;
    return operator === "Gt" ? actual > bound : actual < bound;
  }
  return matchesSetRequirement(values, requirement);
}

/** One term: its expressions (on labels) and fields (only metadata.name) ANDed; an empty term matches nothing. */
export function matchesNodeSelectorTerm(term: unknown, nodeLabels: Labels, nodeName: string): boolean {
  if (!isRecord(term)) return false;
  const expressions = arrayOf<NodeSelectorRequirement>(term.matchExpressions);
  const fields = arrayOf<NodeSelectorRequirement>(term.matchFields);
  if (expressions.length === 0 && fields.length === 0) return false;
  const fieldSet = { "metadata.name": nodeName };
  return (
    expressions.every((r) => matchesNodeSelectorRequirement(nodeLabels, r)) &&
    fields.every((r) => isRecord(r) && r.key === "metadata.name" && matchesNodeSelectorRequirement(fieldSet, r))
  );
}

/** v1.NodeSelector: its terms ORed. */
export function matchesNodeSelectorTerms(terms: unknown, nodeLabels: Labels, nodeName: string): boolean {
  return arrayOf<unknown>(terms).some((term) => matchesNodeSelectorTerm(term, nodeLabels, nodeName));
}
