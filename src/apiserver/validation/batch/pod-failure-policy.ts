// A Job's podFailurePolicy and podReplacementPolicy (pkg/apis/batch/validation:
// validatePodFailurePolicy and the functions it calls, validatePodReplacementPolicy).
import { duplicate, invalid, notSupported, OMIT_VALUE, PrintedValue, required, tooMany, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson } from "../../field/values.js";
import { isSet, list, obj, str } from "../core/fields.js";
import { validateQualifiedName } from "../core/names.js";
import { arrayOf, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES = 255;
const MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS = 20;

/** Sorted, as sets.List returns them. */
const SUPPORTED_ACTIONS = ["Count", "FailIndex", "FailJob", "Ignore"];
const SUPPORTED_ON_EXIT_CODES_OPERATORS = ["In", "NotIn"];
const SUPPORTED_ON_POD_CONDITIONS_STATUSES = ["False", "True", "Unknown"];
const SUPPORTED_POD_REPLACEMENT_POLICIES = ["Failed", "TerminatingOrFailed"];

/** Go's `%q` of a []string, as `fmt.Sprintf("valid values: %q", list)` prints it. */
function quotedList(values: readonly string[]): string {
  return "[" + values.map(goQuote).join(" ") + "]";
}

/** A []int32 bad value (`written` absent is a nil slice): Go syntax before 1.34, JSON since. */
function exitCodesValue(written: unknown, values: number[], kubernetesVersion: string): PrintedValue {
  const isNil = !Array.isArray(written);
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue(isNil ? "null" : goJson(values));
  return new PrintedValue(isNil ? "[]int32(nil)" : `[]int32{${values.join(", ")}}`);
}

function validatePodFailurePolicyRuleOnPodConditions(onPodConditions: JsonRecord[], fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (onPodConditions.length > MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS) {
    errors.push(tooMany(fldPath, onPodConditions.length, MAX_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERNS));
  }
  onPodConditions.forEach((pattern, index) => {
    const patternPath = fldPath.index(index);
    const statusPath = patternPath.child("status");
    appendAll(errors, validateQualifiedName(str(pattern, "type"), patternPath.child("type")));
    const status = str(pattern, "status");
    if (status === "") errors.push(required(statusPath, `valid values: ${quotedList(SUPPORTED_ON_POD_CONDITIONS_STATUSES)}`));
    else if (!SUPPORTED_ON_POD_CONDITIONS_STATUSES.includes(status)) errors.push(notSupported(statusPath, status, SUPPORTED_ON_POD_CONDITIONS_STATUSES));
  });
  return errors;
}

function validatePodFailurePolicyRuleOnExitCodes(onExitCodes: JsonRecord, fldPath: FieldPath, containerNames: ReadonlySet<string>, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const operatorPath = fldPath.child("operator");
  const operator = str(onExitCodes, "operator");
  if (operator === "") errors.push(required(operatorPath, `valid values: ${quotedList(SUPPORTED_ON_EXIT_CODES_OPERATORS)}`));
  else if (!SUPPORTED_ON_EXIT_CODES_OPERATORS.includes(operator)) errors.push(notSupported(operatorPath, operator, SUPPORTED_ON_EXIT_CODES_OPERATORS));
  if (isSet(onExitCodes, "containerName")) {
    const containerName = str(onExitCodes, "containerName");
    if (!containerNames.has(containerName)) {
      errors.push(invalid(fldPath.child("containerName"), containerName, "must be one of the container or initContainer names in the pod template"));
    }
  }
  const valuesPath = fldPath.child("values");
  const values = arrayOf(onExitCodes.values).map((value) => (typeof value === "number" && Number.isInteger(value) ? value : 0));
  if (values.length === 0) errors.push(invalid(valuesPath, exitCodesValue(onExitCodes.values, values, kubernetesVersion), "at least one value is required"));
  else if (values.length > MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES) errors.push(tooMany(valuesPath, values.length, MAX_POD_FAILURE_POLICY_ON_EXIT_CODES_VALUES));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((value, index) => {
    const valuePath = valuesPath.index(index);
    if (operator === "In" && value === 0) errors.push(invalid(valuePath, value, "must not be 0 for the In operator"));
    if (seen.has(value)) errors.push(duplicate(valuePath, value));
    else seen.add(value);
    if (index > 0 && values[index - 1]! > value) ordered = false;
  });
  if (!ordered) errors.push(invalid(valuesPath, exitCodesValue(onExitCodes.values, values, kubernetesVersion), "must be ordered"));
  return errors;
}

function validatePodFailurePolicyRule(spec: JsonRecord, rule: JsonRecord, fldPath: FieldPath, containerNames: ReadonlySet<string>, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const actionPath = fldPath.child("action");
  const action = str(rule, "action");
  if (action === "") errors.push(required(actionPath, `valid values: ${quotedList(SUPPORTED_ACTIONS)}`));
  else if (action === "FailIndex") {
    if (!isSet(spec, "backoffLimitPerIndex")) errors.push(invalid(actionPath, action, "requires the backoffLimitPerIndex to be set"));
  } else if (!SUPPORTED_ACTIONS.includes(action)) errors.push(notSupported(actionPath, action, SUPPORTED_ACTIONS));
  const onExitCodes = obj(rule, "onExitCodes");
  const onPodConditions = list(rule, "onPodConditions");
  if (onExitCodes) appendAll(errors, validatePodFailurePolicyRuleOnExitCodes(onExitCodes, fldPath.child("onExitCodes"), containerNames, kubernetesVersion));
  if (onPodConditions.length > 0) appendAll(errors, validatePodFailurePolicyRuleOnPodConditions(onPodConditions, fldPath.child("onPodConditions")));
  if (onExitCodes && onPodConditions.length > 0) errors.push(invalid(fldPath, OMIT_VALUE, "specifying both OnExitCodes and OnPodConditions is not supported"));
  if (!onExitCodes && onPodConditions.length === 0) errors.push(invalid(fldPath, OMIT_VALUE, "specifying one of OnExitCodes and OnPodConditions is required"));
  return errors;
}

/** validatePodFailurePolicy: at most 20 rules, each well formed; exit code rules name the template's containers. */
export function validatePodFailurePolicy(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const rulesPath = fldPath.child("rules");
  const rules = list(obj(spec, "podFailurePolicy"), "rules");
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errors.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const templateSpec = obj(obj(spec, "template"), "spec");
  const containerNames = new Set([...list(templateSpec, "containers"), ...list(templateSpec, "initContainers")].map((container) => str(container, "name")));
  rules.forEach((rule, index) => appendAll(errors, validatePodFailurePolicyRule(spec, rule, rulesPath.index(index), containerNames, kubernetesVersion)));
  return errors;
}

/** validatePodReplacementPolicy: with a podFailurePolicy, only Failed. */
export function validatePodReplacementPolicy(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(spec, "podReplacementPolicy")) return [];
  const policy = str(spec, "podReplacementPolicy");
  if (isSet(spec, "podFailurePolicy")) return policy === "Failed" ? [] : [{ ...notSupported(fldPath, policy, ["Failed"]), suggestion: "Failed" }];
  return SUPPORTED_POD_REPLACEMENT_POLICIES.includes(policy) ? [] : [notSupported(fldPath, policy, SUPPORTED_POD_REPLACEMENT_POLICIES)];
}

