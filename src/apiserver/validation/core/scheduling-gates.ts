// validateReadinessGates and validateSchedulingGates (pkg/apis/core/validation/validation.go).
import { duplicate, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { list, str } from "./fields.js";
import { validateQualifiedName } from "./names.js";
import { appendAll } from "../../../util/append.js";

/** validateReadinessGates: condition types are qualified names. */
export function validateReadinessGates(readinessGates: unknown, fldPath: FieldPath): ErrorList {
  return list({ readinessGates }, "readinessGates").flatMap((gate, index) => validateQualifiedName(str(gate, "conditionType"), fldPath.index(index).child("conditionType")));
}

/** validateSchedulingGates: qualified names, no duplicates; errors name the gate, not its `name`. */
export function validateSchedulingGates(schedulingGates: unknown, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  list({ schedulingGates }, "schedulingGates").forEach((gate, index) => {
    const name = str(gate, "name");
    appendAll(errors, validateQualifiedName(name, fldPath.index(index)));
    if (seen.has(name)) errors.push(duplicate(fldPath.index(index), name));
    seen.add(name);
  });
  return errors;
}
