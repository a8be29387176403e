// metav1.LabelSelectorAsSelector (apimachinery pkg/apis/meta/v1/helpers.go) and
// the labels.Selector it returns, as validation uses them: whether a selector
// parses, whether it is empty, and whether it matches a set of labels.
import { isLabelKey, isLabelValue } from "./validation.js";
import { arrayOf, isRecord, stringMapOf, stringOf } from "../../util/object-access.js";
import { matchesSetOperator, type Labels } from "../../util/selectors.js";

export interface Selector {
  /** labels.Selector.Empty: it selects everything (a selector with no requirements). */
  readonly empty: boolean;
  matches(labels: Labels): boolean;
}

interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

/** labels.Nothing(): what a missing selector becomes. */
const NOTHING: Selector = { empty: false, matches: () => false };

/** labels.Everything(): what a selector without labels or expressions becomes. */
const EVERYTHING: Selector = { empty: true, matches: () => true };

/** labels.NewRequirement's checks: a qualified key, values by operator, each value a label value. */
function requirementIsValid({ key, operator, values }: Requirement): boolean {
  if (isLabelKey(key).length > 0) return false;
  if (operator === "In" || operator === "NotIn") {
    if (values.length === 0) return false;
  } else if (operator === "Exists" || operator === "DoesNotExist") {
    if (values.length > 0) return false;
  } else {
    return false;
  }
  return values.every((value) => isLabelValue(value).length === 0);
}

function requirementsOf(selector: Record<string, unknown>): Requirement[] {
  const requirements = Object.entries(stringMapOf(selector.matchLabels)).map(([key, value]) => ({ key, operator: "In", values: [value] }));
  for (const expression of arrayOf(selector.matchExpressions)) {
    const record = isRecord(expression) ? expression : {};
    requirements.push({
      key: stringOf(record.key) ?? "",
      operator: stringOf(record.operator) ?? "",
      values: arrayOf(record.values).map((value) => stringOf(value) ?? ""),
    });
  }
  return requirements;
}

/**
 * LabelSelectorAsSelector: undefined when the selector does not parse (the
 * error case); a missing selector selects nothing, an empty one everything.
 */
export function labelSelectorAsSelector(selector: unknown): Selector | undefined {
  if (!isRecord(selector)) return NOTHING;
  const requirements = requirementsOf(selector);
  if (requirements.length === 0) return EVERYTHING;
  if (!requirements.every(requirementIsValid)) return undefined;
  return {
    empty: false,
    matches: (labels) =>
      requirements.every(({ key, operator, values }) => {
        const has = Object.hasOwn(labels, key);
        return matchesSetOperator(operator, has, has && values.includes(labels[key]!));
      }),
  };
}

/** labels.Set(map).AsSelector() (SelectorFromSet): a plain map, no checks; an empty map selects everything. */
export function selectorFromSet(set: Labels): Selector {
  const entries = Object.entries(set);
  if (entries.length === 0) return EVERYTHING;
  return { empty: false, matches: (labels) => entries.every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value) };
}
