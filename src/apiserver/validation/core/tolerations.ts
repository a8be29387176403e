// ValidateTolerations and validateTaintEffect (pkg/apis/core/validation/validation.go).
import { validateLabelName } from "../../apimachinery/meta-v1-validation.js";
import { isLabelValue } from "../../apimachinery/validation.js";
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { isSet, list, str } from "./fields.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";
import { withLabelContentWords } from "../../field/release-details.js";

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
const OPERATORS = ["Equal", "Exists"];

/** validateTaintEffect: one of the three effects; empty only where allowed. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, fldPath: FieldPath): ErrorList {
  if (!allowEmpty && effect === "") return [required(fldPath)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(fldPath, effect, TAINT_EFFECTS)];
}

/**
 * ValidateTolerations. Since 1.35 the API knows the numeric operators Lt and
 * Gt: while TaintTolerationComparisonOperators is off (every release to 1.36)
 * they are refused with all four operators listed.
 */
export function validateTolerations(tolerations: unknown, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  list({ tolerations }, "tolerations").forEach((toleration, index) => {
    const idxPath = fldPath.index(index);
    const key = str(toleration, "key");
    const operator = str(toleration, "operator");
    const value = str(toleration, "value");
    const effect = str(toleration, "effect");
    if (key !== "") appendAll(errors, validateLabelName(key, idxPath.child("key")));
    // An empty key with Exists (and no value) matches every taint.
    if (key === "" && operator !== "Exists") {
      errors.push(invalid(idxPath.child("operator"), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (isSet(toleration, "tolerationSeconds") && effect !== "NoExecute") {
      errors.push(invalid(idxPath.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (operator) {
      // An empty operator means Equal.
      case "Equal":
      case "": {
        const messages = isLabelValue(value);
        if (messages.length > 0) errors.push(withLabelContentWords(invalid(idxPath.child("operator"), value, messages.join(";"))));
        break;
      }
      case "Exists":
        if (value !== "") errors.push(invalid(idxPath.child("operator"), value, "value must be empty when `operator` is 'Exists'"));
        break;
      case "Lt":
      case "Gt":
        errors.push(notSupported(idxPath.child("operator"), operator, atLeast(kubernetesVersion, "1.35") ? [...OPERATORS, "Lt", "Gt"] : OPERATORS));
        break;
      default:
        errors.push(notSupported(idxPath.child("operator"), operator, OPERATORS));
    }
    // An empty effect matches every effect.
    if (effect !== "") appendAll(errors, validateTaintEffect(effect, true, idxPath.child("effect")));
  });
  return errors;
}
