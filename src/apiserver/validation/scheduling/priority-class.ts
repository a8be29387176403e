// ValidatePriorityClass (pkg/apis/scheduling/validation/validation.go): names
// with the `system-` prefix are the two system classes only, with their own
// value; other classes stay at or below one billion.
import { forbidden, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { int, isSet, obj, str } from "../core/fields.js";
import { validatePreemptionPolicy } from "../core/pod.js";
import { appendAll } from "../../../util/append.js";

/** scheduling.SystemPriorityClassPrefix. */
const SYSTEM_PRIORITY_CLASS_PREFIX = "system-";
/** scheduling.HighestUserDefinablePriority. */
const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** scheduling.SystemCriticalPriority. */
const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
/** The system priority classes (pkg/apis/scheduling/v1 helpers): name, value; neither is the global default. */
const SYSTEM_PRIORITY_CLASSES: ReadonlyArray<{ name: string; value: number }> = [
  { name: "system-node-critical", value: SYSTEM_CRITICAL_PRIORITY + 1000 },
  { name: "system-cluster-critical", value: SYSTEM_CRITICAL_PRIORITY },
];

/** IsKnownSystemPriorityClass: the error that says why a class is not one of the system ones, if it is not. */
function isKnownSystemPriorityClass(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((systemClass) => systemClass.name === name);
  if (!known) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** ValidatePriorityClass, after ObjectMeta. */
export function validatePriorityClass(priorityClass: JsonRecord): ErrorList {
  const errors: ErrorList = [];
  const name = str(obj(priorityClass, "metadata"), "name");
  const value = int(priorityClass, "value") ?? 0;
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = isKnownSystemPriorityClass(name, value, priorityClass.globalDefault === true);
    if (why !== undefined) {
      errors.push(forbidden(FieldPath.root("metadata", "name"), `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`));
    }
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errors.push(forbidden(FieldPath.root("value"), `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (isSet(priorityClass, "preemptionPolicy")) appendAll(errors, validatePreemptionPolicy(str(priorityClass, "preemptionPolicy"), FieldPath.root("preemptionPolicy")));
  return errors;
}
