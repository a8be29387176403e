// Checks of label maps and label selectors (apimachinery's ValidateLabels,
// ValidateLabelSelector), shared by the metadata rule and the selector rule.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import { forbidden, invalid, required, scalarValue } from "./field-errors.js";
import { isLabelKey, isLabelValue } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "./reports.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);

function fixLabelPart(text: string, max: number): string {
  return text.replace(/[^-A-Za-z0-9_.]/g, "-").slice(0, max).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

/** The nearest valid label value ("my app" → "my-app"). */
export function toLabelValue(value: string): string | undefined {
  const fixed = fixLabelPart(value, 63);
  return fixed !== value && isLabelValue(fixed).length === 0 ? fixed : undefined;
}

/** The nearest valid label key ("My Key" → "My-Key", "Example.com/x" → "example.com/x"). */
export function toLabelKey(key: string): string | undefined {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash).toLowerCase().replace(/[^a-z0-9.-]/g, "-") : undefined;
  const name = fixLabelPart(slash >= 0 ? key.slice(slash + 1) : key, 63);
  const fixed = prefix !== undefined ? `${prefix}/${name}` : name;
  return fixed !== key && isLabelKey(fixed).length === 0 ? fixed : undefined;
}

/**
 * ValidateLabels: every key a qualified name, every value a label value. As
 * upstream does, the message names the map (`metadata.labels`), not the key.
 */
export function labelMapReports(map: unknown, at: PathSegment[], shownPath = fieldPath(at)): Report[] {
  if (!isRecord(map)) return [];
  const reports: Report[] = [];
  for (const [key, value] of Object.entries(map)) {
    const fixedKey = toLabelKey(key);
    for (const detail of isLabelKey(key)) {
      reports.push(reportAt([...at, key], invalid(shownPath, scalarValue(key), detail), { atKey: true, ...(fixedKey ? { suggestion: fixedKey } : {}) }));
    }
    if (typeof value !== "string") continue;
    const fixedValue = toLabelValue(value);
    for (const detail of isLabelValue(value)) {
      reports.push(reportAt([...at, key], invalid(shownPath, scalarValue(value), detail), fixedValue !== undefined ? { suggestion: fixedValue } : {}));
    }
  }
  return reports;
}

function requirementReports(requirement: Record<string, unknown>, at: PathSegment[]): Report[] {
  const reports: Report[] = [];
  const operator = requirement.operator;
  const values = arrayOf(requirement.values);
  if (operator === "In" || operator === "NotIn") {
    if (values.length === 0) {
      const valuesAt = [...at, "values"];
      reports.push(reportAt(valuesAt, required(fieldPath(valuesAt), "must be specified when `operator` is 'In' or 'NotIn'")));
    }
  } else if (operator === "Exists" || operator === "DoesNotExist") {
    if (values.length > 0) {
      const valuesAt = [...at, "values"];
      reports.push(reportAt(valuesAt, forbidden(fieldPath(valuesAt), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")));
    }
  }
  // An operator outside In, NotIn, Exists, DoesNotExist is an enum error of the schema layer.
  const key = stringOf(requirement.key);
  if (key !== undefined) {
    const keyAt = [...at, "key"];
    for (const detail of isLabelKey(key)) reports.push(reportAt(keyAt, invalid(fieldPath(keyAt), scalarValue(key), detail)));
  }
  values.forEach((value, index) => {
    if (typeof value !== "string") return;
    const valueAt = [...at, "values", index];
    for (const detail of isLabelValue(value)) reports.push(reportAt(valueAt, invalid(fieldPath(valueAt), scalarValue(value), detail)));
  });
  return reports;
}

/** ValidateLabelSelector: matchLabels as labels, each matchExpressions requirement well-formed. */
export function labelSelectorReports(selector: unknown, at: PathSegment[]): Report[] {
  if (!isRecord(selector)) return [];
  const reports = labelMapReports(selector.matchLabels, [...at, "matchLabels"]);
  arrayOf(selector.matchExpressions).forEach((requirement, index) => {
    if (isRecord(requirement)) reports.push(...requirementReports(requirement, [...at, "matchExpressions", index]));
  });
  return reports;
}

/**
 * Whether LabelSelectorAsSelector would accept the selector: the API server
 * only compares selector and template labels when it does.
 */
export function isUsableSelector(selector: unknown): boolean {
  return isRecord(selector) && labelSelectorReports(selector, []).length === 0 &&
    arrayOf(selector.matchExpressions).every((r) => isRecord(r) && typeof r.operator === "string" && OPERATORS.has(r.operator));
}
