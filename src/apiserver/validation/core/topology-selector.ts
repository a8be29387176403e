// ValidateTopologySelectorTerm (pkg/apis/core/validation/validation.go): the
// allowed topologies of a StorageClass.
import { isLabelKey } from "../../apimachinery/validation.js";
import { duplicate, invalid, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { list, str, strings } from "./fields.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** A term in raw form: each key's set of values. */
export type TopologyExpressionMap = Map<string, Set<string>>;

/** validateTopologySelectorLabelRequirement: values required and unique, the key a label name. */
function validateTopologySelectorLabelRequirement(requirement: JsonRecord, fldPath: FieldPath): { values: Set<string>; errors: ErrorList } {
  const errors: ErrorList = [];
  const values = new Set<string>();
  const valuesPath = fldPath.child("values");
  const items = strings(requirement, "values");
  if (items.length === 0) errors.push(required(valuesPath));
  items.forEach((value, i) => {
    if (values.has(value)) errors.push(duplicate(valuesPath.index(i), value));
    values.add(value);
  });
  // ValidateLabelName.
  const key = str(requirement, "key");
  for (const detail of isLabelKey(key)) errors.push(withLabelContentWords(invalid(fldPath.child("key"), key, detail)));
  return { values, errors };
}

/** ValidateTopologySelectorTerm: each requirement, and no key twice. */
export function validateTopologySelectorTerm(term: JsonRecord, fldPath: FieldPath): { expressions: TopologyExpressionMap; errors: ErrorList } {
  const errors: ErrorList = [];
  const expressions: TopologyExpressionMap = new Map();
  const expressionsPath = fldPath.child("matchLabelExpressions");
  list(term, "matchLabelExpressions").forEach((requirement, i) => {
    const indexPath = expressionsPath.index(i);
    const { values, errors: requirementErrors } = validateTopologySelectorLabelRequirement(requirement, indexPath);
    appendAll(errors, requirementErrors);
    const key = str(requirement, "key");
    if (expressions.has(key)) errors.push(duplicate(indexPath.child("key"), key));
    expressions.set(key, values);
  });
  return { expressions, errors };
}
