// validateDeviceTaint and validateDeviceToleration (pkg/apis/resource/validation):
// the taints a ResourceSlice puts on its devices and the tolerations a claim's
// requests carry (both with DRADeviceTaints, on by default from 1.36).
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { validateLabelName } from "../../apimachinery/meta-v1-validation.js";
import { isLabelValue } from "../../apimachinery/validation.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { str } from "../core/fields.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** validDeviceTaintEffects, sorted as sets.List returns them. */
const DEVICE_TAINT_EFFECTS = ["NoExecute", "NoSchedule", "None"];
const DEVICE_TOLERATION_OPERATORS = ["Equal", "Exists"];

/** validateLabelValue: one error per message. */
function validateLabelValue(value: string, fldPath: FieldPath): ErrorList {
  return isLabelValue(value).map((message) => withLabelContentWords(invalid(fldPath, value, message)));
}

/** validateDeviceTaint on create: a label-name key, a label value, a known effect. */
export function validateDeviceTaint(taint: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateLabelName(str(taint, "key"), fldPath.child("key"));
  const value = str(taint, "value");
  if (value !== "") appendAll(errors, validateLabelValue(value, fldPath.child("value")));
  const effect = str(taint, "effect");
  if (effect === "") errors.push(required(fldPath.child("effect")));
  else if (!DEVICE_TAINT_EFFECTS.includes(effect)) errors.push(notSupported(fldPath.child("effect"), effect, DEVICE_TAINT_EFFECTS));
  return errors;
}

/** validateDeviceToleration: an optional label-name key, Exists without a value or Equal with a label value, an optional known effect. */
export function validateDeviceToleration(toleration: JsonRecord, fldPath: FieldPath): ErrorList {
  const key = str(toleration, "key");
  const errors = key === "" ? [] : validateLabelName(key, fldPath.child("key"));
  const operator = str(toleration, "operator");
  const value = str(toleration, "value");
  if (operator === "Exists") {
    if (value !== "") errors.push(invalid(fldPath.child("value"), value, "must be empty for operator `Exists`"));
  } else if (operator === "Equal") appendAll(errors, validateLabelValue(value, fldPath.child("value")));
  else if (operator === "") errors.push(required(fldPath.child("operator")));
  else errors.push(notSupported(fldPath.child("operator"), operator, DEVICE_TOLERATION_OPERATORS));
  const effect = str(toleration, "effect");
  if (effect !== "" && !DEVICE_TAINT_EFFECTS.includes(effect)) errors.push(notSupported(fldPath.child("effect"), effect, DEVICE_TAINT_EFFECTS));
  return errors;
}
