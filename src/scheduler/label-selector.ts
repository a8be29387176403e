// metav1.LabelSelector compiled once, with the semantics of
// metav1.LabelSelectorAsSelector: a missing selector matches nothing
// (labels.Nothing), an empty one matches everything (labels.Everything, whose
// Empty() is true), an invalid one matches nothing.
import { arrayOf, isRecord, recordOf } from "../util/object-access.js";
import { matchesSetOperator, type Labels } from "../util/selectors.js";

export type { Labels } from "../util/selectors.js";

interface Requirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values: ReadonlySet<string>;
}

export interface CompiledSelector {
  /** labels.Everything(): an empty selector. */
  readonly everything: boolean;
  /** labels.Nothing(): no selector, or one that does not parse. */
  readonly nothing: boolean;
  readonly requirements: readonly Requirement[];
  /** An `In` requirement every match must satisfy (fewest values), for index lookups. */
  readonly anchor: { key: string; values: readonly string[] } | undefined;
  matches(labels: Labels): boolean;
}

const NOTHING: CompiledSelector = {
  everything: false,
  nothing: true,
  requirements: [],
  anchor: undefined,
  matches: () => false,
};

const EVERYTHING: CompiledSelector = {
  everything: true,
  nothing: false,
  requirements: [],
  anchor: undefined,
  matches: () => true,
};

export const nothingSelector = (): CompiledSelector => NOTHING;

function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  return matchesSetOperator(r.operator, has, has && r.values.has(labels[r.key]!));
}

function fromRequirements(requirements: Requirement[]): CompiledSelector {
  let anchor: CompiledSelector["anchor"];
  for (const r of requirements) {
    if (r.operator === "In" && (!anchor || r.values.size < anchor.values.length)) anchor = { key: r.key, values: [...r.values] };
  }
  return {
    everything: false,
    nothing: false,
    requirements,
    anchor,
    matches: (labels) => requirements.every((r) => requirementMatches(r, labels)),
  };
}

function parseExpression(expression: unknown): Requirement | undefined {
  if (!isRecord(expression) || typeof expression.key !== "string") return undefined;
  const values = arrayOf(expression.values).map(String);
  switch (expression.operator) {
    case "In":
    case "NotIn":
      return values.length > 0 ? { key: expression.key, operator: expression.operator, values: new Set(values) } : undefined;
    case "Exists":
    case "DoesNotExist":
      return values.length === 0 ? { key: expression.key, operator: expression.operator, values: new Set() } : undefined;
    default:
      return undefined;
  }
}

export function compileLabelSelector(selector: unknown): CompiledSelector {
  if (selector === undefined || selector === null) return NOTHING;
  if (!isRecord(selector)) return NOTHING;
  const matchLabels = recordOf(selector.matchLabels);
  const expressions = arrayOf(selector.matchExpressions);
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return EVERYTHING;
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(matchLabels)) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return NOTHING;
    requirements.push({ key, operator: "In", values: new Set([String(value)]) });
  }
  for (const expression of expressions) {
    const requirement = parseExpression(expression);
    if (!requirement) return NOTHING;
    requirements.push(requirement);
  }
  return fromRequirements(requirements);
}

/** A selector from a plain label map (labels.SelectorFromSet); an empty map matches everything. */
export function selectorFromSet(set: Labels): CompiledSelector {
  const entries = Object.entries(set);
  if (entries.length === 0) return EVERYTHING;
  return fromRequirements(entries.map(([key, value]) => ({ key, operator: "In", values: new Set([value]) })));
}

/** The AND of two selectors (Selector.Add of the other's requirements). */
export function andSelectors(a: CompiledSelector, b: CompiledSelector): CompiledSelector {
  if (a.nothing || b.nothing) return NOTHING;
  if (a.everything) return b;
  if (b.everything) return a;
  return fromRequirements([...a.requirements, ...b.requirements]);
}
