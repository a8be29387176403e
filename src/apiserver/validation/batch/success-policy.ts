// A Job's successPolicy (pkg/apis/batch/validation: validateSuccessPolicy,
// validateSuccessPolicyRule, validateIndexesFormat, parseIndexInterval).
import { invalid, required, tooLong, tooMany, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import { byteLength } from "../../../util/api-values.js";
import { int, isSet, list, obj, str } from "../core/fields.js";
import { validateNonnegativeField } from "../core/probes.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES = 20;

class IndexFormatError extends Error {}

/** strconv.Atoi: an optional sign and decimal digits, within 64 bits. */
function atoi(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new IndexFormatError(`cannot convert string to integer for index: ${goQuote(text)}`);
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) throw new IndexFormatError(`cannot convert string to integer for index: ${goQuote(text)}`);
  return Number(value);
}

/** parseIndexInterval: `x` or `x-y`, both below completions, x < y. */
function parseIndexInterval(interval: string, completions: number): [number, number] {
  const limits = interval.split("-");
  if (limits.length > 2) {
    throw new IndexFormatError(`the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`);
  }
  const x = atoi(limits[0]!);
  if (x >= completions) throw new IndexFormatError(`too large index: ${goQuote(limits[0]!)}`);
  if (limits.length === 1) return [x, x];
  const y = atoi(limits[1]!);
  if (y >= completions) throw new IndexFormatError(`too large index: ${goQuote(limits[1]!)}`);
  if (x >= y) throw new IndexFormatError(`non-increasing order, previous: ${x}, current: ${y}`);
  return [x, y];
}

/** validateIndexesFormat: comma-separated intervals in increasing order; returns how many indexes they hold. */
export function validateIndexesFormat(indexes: string, completions: number): number {
  if (indexes === "") return 0;
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(",")) {
    const [x, y] = parseIndexInterval(interval, completions);
    if (last !== undefined && last >= x) throw new IndexFormatError(`non-increasing order, previous: ${last}, current: ${x}`);
    total += y - x + 1;
    last = y;
  }
  return total;
}

function validateSuccessPolicyRule(completions: number, rule: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (!isSet(rule, "succeededCount") && !isSet(rule, "succeededIndexes")) {
    errors.push(required(fldPath, "at least one of succeededCount or succeededIndexes must be specified"));
  }
  let totalIndexes = 0;
  if (isSet(rule, "succeededIndexes")) {
    const succeededIndexes = str(rule, "succeededIndexes");
    const path = fldPath.child("succeededIndexes");
    if (byteLength(succeededIndexes) > MAX_SUCCEEDED_INDEXES_LENGTH) errors.push(tooLong(path, succeededIndexes, MAX_SUCCEEDED_INDEXES_LENGTH));
    try {
      totalIndexes = validateIndexesFormat(succeededIndexes, completions);
    } catch (error) {
      if (!(error instanceof IndexFormatError)) throw error;
      errors.push(invalid(path, succeededIndexes, `error parsing succeededIndexes: ${error.message}`));
    }
  }
  const succeededCount = int(rule, "succeededCount");
  if (succeededCount !== undefined) {
    const path = fldPath.child("succeededCount");
    appendAll(errors, validateNonnegativeField(succeededCount, path));
    if (succeededCount > completions) errors.push(invalid(path, succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
    if (isSet(rule, "succeededIndexes") && succeededCount > totalIndexes) {
      errors.push(invalid(path, succeededCount, `must be less than or equal to ${totalIndexes} (the number of indexes in the specified succeededIndexes field)`));
    }
  }
  return errors;
}

/** validateSuccessPolicy: one to 20 rules, each against the Job's completions. */
export function validateSuccessPolicy(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const rulesPath = fldPath.child("rules");
  const rules = list(obj(spec, "successPolicy"), "rules");
  if (rules.length === 0) errors.push(required(rulesPath, "at least one rules must be specified when the successPolicy is specified"));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errors.push(tooMany(rulesPath, rules.length, MAX_SUCCESS_POLICY_RULES));
  // An Indexed Job without completions is already an error of its own.
  const completions = int(spec, "completions");
  if (completions === undefined) return errors;
  rules.forEach((rule, index) => appendAll(errors, validateSuccessPolicyRule(completions, rule, rulesPath.index(index))));
  return errors;
}
