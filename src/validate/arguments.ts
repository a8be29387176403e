// The library's arguments checked before any work: a value of the wrong type
// (a string where a list of paths belongs, a number for a version) is a
// UsageError that names it, never a TypeError from deep inside a stage.
import { UsageError } from "../usage-error.js";
import { nearest } from "../util/suggest.js";

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === "string";
const isBoolean: Check = (value) => typeof value === "boolean";
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString);
const isPositiveInteger: Check = (value) => Number.isSafeInteger(value) && (value as number) > 0;
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const RULE_SETTINGS = ["off", "info", "warning", "error"];
const isRuleSettings: Check = (value) => isRecord(value) && Object.values(value).every((setting) => RULE_SETTINGS.includes(setting as string));

/** Each option a caller may pass, with what it must be. */
const VALIDATE_OPTIONS: ReadonlyArray<[name: string, check: Check, expected: string]> = [
  ["kubernetesVersion", isString, "a string such as \"1.33\""],
  ["ignoreMissingSchemas", isBoolean, "a boolean"],
  ["skipKinds", isStringList, "a list of strings"],
  ["skipPaths", isStringList, "a list of strings"],
  ["ignoreFilenamePatterns", isStringList, "a list of regular expressions"],
  ["rejectKinds", isStringList, "a list of strings"],
  ["schemaLocations", isStringList, "a list of strings"],
  ["crdPaths", isStringList, "a list of paths"],
  ["namespace", isString, "a string"],
  ["ruleSettings", isRuleSettings, 'an object of rule ids to "off", "info", "warning" or "error"'],
  ["threads", isPositiveInteger, "a positive integer"],
  ["maxFileSize", isPositiveInteger, "a positive integer (bytes)"],
  ["followExternalSymlinks", isBoolean, "a boolean"],
];

const PLAN_OPTIONS: ReadonlyArray<[name: string, check: Check, expected: string]> = [
  ...VALIDATE_OPTIONS,
  ["clusterPaths", isStringList, "a list of paths"],
  ["prune", isBoolean, "a boolean"],
  ["pruneSelector", isString, "a string"],
  ["showSecrets", isBoolean, "a boolean"],
  ["showUnchanged", isBoolean, "a boolean"],
  ["now", (value) => value instanceof Date && !Number.isNaN(value.getTime()), "a valid Date"],
  ["apply", isRecord, "an object ({ mode, fieldManager, forceConflicts })"],
  ["snapshot", isRecord, "a snapshot read before"],
  ["imperative", isRecord, "an object ({ updates, deletions })"],
];

/** Options `what-if` passes to plan: accepted, but neither suggested nor listed to callers. */
const INTERNAL_OPTIONS = new Set(["snapshot", "imperative"]);

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function checkInput(input: unknown, call: string): void {
  if (isStringList(input)) return;
  if (isRecord(input) && isString(input.text) && (input.file === undefined || isString(input.file))) return;
  if (isRecord(input) && Array.isArray(input.texts) && input.texts.every((t) => isRecord(t) && isString(t.text) && isString(t.file))) return;
  const hint = typeof input === "string" ? ` (a list: ${call}([${JSON.stringify(input)}]))` : "";
  throw new UsageError(`${call}: the input must be a list of paths, { text, file? } or { texts: [{ text, file }] }, not ${describe(input)}${hint}`);
}

function checkOptions(options: unknown, known: ReadonlyArray<[string, Check, string]>, call: string): void {
  if (options === undefined) return;
  if (!isRecord(options)) throw new UsageError(`${call}: the options must be an object, not ${describe(options)}`);
  for (const [name, check, expected] of known) {
    const value = options[name];
    if (value !== undefined && !check(value)) throw new UsageError(`${call}: option ${name} must be ${expected}, not ${describe(value)}`);
  }
}

/** A misspelt option would otherwise be ignored without a word. */
function checkOptionNames(options: unknown, known: ReadonlyArray<[string, Check, string]>, call: string): void {
  if (!isRecord(options)) return;
  const names = known.map(([name]) => name);
  const documented = names.filter((name) => !INTERNAL_OPTIONS.has(name));
  for (const name of Object.keys(options)) {
    if (names.includes(name)) continue;
    const suggestion = nearest(name, documented);
    throw new UsageError(`${call}: unknown option ${JSON.stringify(name)}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}; the options are ${documented.join(", ")}`);
  }
}

/** Throws a UsageError unless `validate(input, options)` was called with arguments of the right types. */
export function checkValidateArguments(input: unknown, options: unknown): void {
  checkInput(input, "validate");
  checkOptions(options, VALIDATE_OPTIONS, "validate");
}

/** Throws a UsageError for an option `validate` does not know (plan's own options pass through runValidation). */
export function checkValidateOptionNames(options: unknown): void {
  checkOptionNames(options, VALIDATE_OPTIONS, "validate");
}

/** Throws a UsageError unless `plan(input, options)` was called with arguments of the right types. */
export function checkPlanArguments(input: unknown, options: unknown): void {
  checkInput(input, "plan");
  checkOptions(options, PLAN_OPTIONS, "plan");
  checkOptionNames(options, PLAN_OPTIONS, "plan");
}
