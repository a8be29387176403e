// x-kubernetes-validations: each rule evaluated against the value at its
// schema node, reported as apiextensions reports it
// (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go):
//   <path>: Invalid value: <value>: <message>
// where the value is the schema type ("string") before Kubernetes 1.35, and
// from 1.35 the value itself, left out for objects and arrays;
// with the rule's messageExpression, message or "failed rule: <rule>";
// reason and fieldPath as the rule gives them. Transition rules (oldSelf)
// are skipped, as upstream skips them when there is no old object. Each
// evaluation is charged its cost (cost.ts, with the sizes of the actual
// values): past the per-call limit or the object's runtime budget, the
// rules stop with the API server's message. A rule kubeplan cannot evaluate
// is one info finding per CRD and rule, never an error.
import type { ParseResult } from "@marcbachmann/cel-js";
import { goQuote } from "../../../rules/support/field-errors.js";
import { atLeast } from "../../../util/release.js";
import { joinPointer } from "../../../util/pointer.js";
import { badValue } from "../bad-value.js";
import { CUSTOM_RESOURCE_RULES, fieldErrorText, type CustomResourceProblem } from "../problem.js";
import { duplicate, forbidden, invalid, OMIT_VALUE, PrintedValue, required, type FieldError } from "../../../apiserver/field/errors.js";
import { FieldPath } from "../../../apiserver/field/path.js";
import { hasValidationRules, mapValueSchema, type StructuralNode, type ValidationRule } from "../structural.js";
import { estimateCost, type Evaluate } from "./cost.js";
import { CelEvaluationError } from "./lib/macros.js";
import { celRuntime, refersToOldSelf, type CelRuntime } from "./library.js";
import { valueCelType, type CelType } from "./types.js";
import { celValue } from "./values.js";
import { readFieldPath } from "./valid-field-path.js";
import { withRelease } from "./lib/release.js";

/** The field errors here are placed by their pointer: their own path is not read. */
const ANY_PATH = FieldPath.root("");

/** RuntimeCELCostBudget: what evaluating all rules of one object may cost. */
export const RUNTIME_CEL_COST_BUDGET = 10_000_000;
/** PerCallLimit: what one evaluation of one rule may cost. */
export const PER_CALL_LIMIT = 1_000_000;
const MAX_DEPTH = 64;

/** Rules already reported as not evaluated: once per CRD and rule, not once per object. */
const reportedNotEvaluated = new WeakSet<ValidationRule>();

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

interface CompiledRule {
  program?: ParseResult;
  /** The runtime the rule was parsed by, for its subexpressions. */
  runtime?: CelRuntime;
  messageProgram?: ParseResult;
  /** Why the rule cannot be evaluated, when it cannot. */
  unsupported?: string;
  usesOldSelf: boolean;
}

const compiled = new WeakMap<ValidationRule, CompiledRule>();

/** Subexpressions parsed to be evaluated on their own (null: they could not be), by runtime and text. */
const subexpressions = new WeakMap<CelRuntime, Map<string, ParseResult | null>>();

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.trim();
}

function compile(rule: ValidationRule): CompiledRule {
  let entry = compiled.get(rule);
  if (entry) return entry;
  entry = { usesOldSelf: refersToOldSelf(rule.rule) };
  // A transition rule without optionalOldSelf only runs where oldSelf is a value (a CRD's default).
  const runtime = celRuntime(entry.usesOldSelf && !rule.optionalOldSelf);
  if (!runtime) entry.unsupported = "the CEL library could not be loaded";
  else {
    entry.runtime = runtime;
    try {
      entry.program = runtime.parse(rule.rule);
    } catch (error) {
      entry.unsupported = `it could not be parsed (${firstLine(error).replace(/^ParseError: /, "")})`;
    }
    if (rule.messageExpression !== undefined) {
      try {
        entry.messageProgram = runtime.parse(rule.messageExpression);
      } catch {
        // Upstream falls back to the message when messageExpression fails.
      }
    }
  }
  compiled.set(rule, entry);
  return entry;
}

/** upstream ruleErrorString: the message when there is one, else the rule. */
const ruleText = (rule: ValidationRule): string => (rule.message !== undefined && rule.message.trim() !== "" ? rule.message.trim() : rule.rule.trim());

interface Walk {
  root: StructuralNode;
  path: (pointer: string) => string;
  /** Pointers of values of the wrong type and of unknown fields (see celRuleProblems). */
  invalid: readonly string[];
  kubernetesVersion: string;
  cache: WeakMap<object, unknown>;
  types: WeakMap<object, CelType>;
  /** What is left of the object's runtime budget. */
  budget: number;
  /** Set once the budget ran out: no further rule is evaluated. */
  exhausted: boolean;
  /** The old object is the object itself (a CRD's default), so transition rules run too. */
  oldIsSelf: boolean;
  problems: CustomResourceProblem[];
}

type Outcome = { kind: "pass" } | { kind: "fail" } | { kind: "error"; detail: string } | { kind: "unsupported"; reason: string };

/** The errors of evaluation that upstream reports too, in cel-go's words; others mean kubeplan cannot tell. */
function runtimeError(error: unknown): Outcome {
  if (error instanceof CelEvaluationError) return { kind: "error", detail: error.message };
  const code = (error as { code?: unknown }).code;
  const message = firstLine(error);
  if (code === "no_such_key") return { kind: "error", detail: `no such key: ${message.replace(/^No such key:\s*/, "")}` };
  if (code === "division_by_zero") return { kind: "error", detail: "division by zero" };
  if (code === "modulo_by_zero") return { kind: "error", detail: "modulus by zero" };
  if (code === "optional_value_missing") return { kind: "error", detail: "optional.none() dereference" };
  // cel-go's missingIndex, for every list indexed past its end (a schema's list or a literal).
  const index = code === "index_out_of_bounds" ? /index (-?\d+)/.exec(message) : null;
  if (index) return { kind: "error", detail: `index out of bounds: ${index[1]}` };
  const call = /overload for '([^']+)'/.exec(message);
  if (code === "no_matching_overload" && call) return { kind: "unsupported", reason: `kubeplan cannot evaluate ${call[1]!.replace(/(^|\.)__/, "$1")} on these values` };
  return { kind: "unsupported", reason: "kubeplan's CEL evaluator could not evaluate it" };
}

function run(program: ParseResult, activation: Json): Outcome {
  try {
    const result = program(activation);
    if (result === true) return { kind: "pass" };
    if (result === false) return { kind: "fail" };
    return { kind: "unsupported", reason: "the rule does not evaluate to a boolean" };
  } catch (error) {
    return runtimeError(error);
  }
}

/** messageExpression's result as upstream accepts it: a non-empty string on one line. */
function evaluatedMessage(entry: CompiledRule, activation: Json): string | undefined {
  if (!entry.messageProgram) return undefined;
  try {
    const result = entry.messageProgram(activation);
    if (typeof result !== "string") return undefined;
    const trimmed = result.trim();
    return trimmed === "" || trimmed.includes("\n") ? undefined : trimmed;
  } catch {
    return undefined;
  }
}

/** The steps of a rule's fieldPath, when it reads as one. */
function fieldPathSegments(fieldPath: string): string[] | undefined {
  const steps = readFieldPath(fieldPath);
  return Array.isArray(steps) && steps.length > 0 ? steps : undefined;
}

/** The bad value of a failed rule: its schema type before 1.35, then the value unless it is an object or array. */
function failedValue(walk: Walk, node: StructuralNode, value: unknown): string | undefined {
  if (!atLeast(walk.kubernetesVersion, "1.35")) return goQuote(node.type);
  return node.type === "object" || node.type === "array" ? undefined : badValue(value, walk.kubernetesVersion);
}

function failure(walk: Walk, rule: ValidationRule, node: StructuralNode, value: unknown, pointer: string, detail: string): CustomResourceProblem {
  const target = rule.fieldPath !== undefined ? fieldPathSegments(rule.fieldPath.trim()) : undefined;
  const at = target ? joinPointer(pointer, ...target) : pointer;
  const shown = failedValue(walk, node, value);
  const badValue = shown === undefined ? OMIT_VALUE : new PrintedValue(shown);
  let error: FieldError;
  switch (rule.reason) {
    case "FieldValueForbidden":
      error = forbidden(ANY_PATH, detail);
      break;
    case "FieldValueRequired":
      error = required(ANY_PATH, detail);
      break;
    case "FieldValueDuplicate":
      error = duplicate(ANY_PATH, badValue);
      break;
    default:
      error = invalid(ANY_PATH, badValue, detail);
  }
  return celProblem(walk, at, error);
}

/** A failed rule's problem: the field error and its message at `pointer`. */
function celProblem(walk: Walk, pointer: string, located: FieldError): CustomResourceProblem {
  const { field: _field, ...error } = located;
  return { rule: CUSTOM_RESOURCE_RULES.celRule, pointer, message: fieldErrorText(walk.path(pointer), error, walk.kubernetesVersion), error };
}

function notEvaluated(rule: ValidationRule, pointer: string, reason: string, walk: Walk): void {
  if (reportedNotEvaluated.has(rule)) return;
  reportedNotEvaluated.add(rule);
  const where = walk.path(pointer);
  const message = `${where}: x-kubernetes-validations rule ${JSON.stringify(rule.rule.trim())} was not evaluated: ${reason}`;
  walk.problems.push({ rule: CUSTOM_RESOURCE_RULES.celNotEvaluated, pointer, message, severity: "info" });
}

/** A transition rule is said once per CRD and rule: it applies to updates, which a plan of creates has none of. */
function explainTransitionRule(rule: ValidationRule, pointer: string, walk: Walk): void {
  if (reportedNotEvaluated.has(rule)) return;
  reportedNotEvaluated.add(rule);
  const message = `${walk.path(pointer)}: x-kubernetes-validations rule ${JSON.stringify(rule.rule.trim())} is a transition rule (it reads oldSelf): the API server checks it when the object is updated, not when it is created`;
  walk.problems.push({ rule: CUSTOM_RESOURCE_RULES.celTransitionRule, pointer, message, severity: "info" });
}

/** The type that bounds a value's cost: its own sizes, computed once per value. */
function typeOf(walk: Walk, value: unknown): CelType {
  if (value === null || typeof value !== "object") return valueCelType(value);
  let type = walk.types.get(value);
  if (!type) walk.types.set(value, (type = valueCelType(value)));
  return type;
}

/**
 * The value of a subexpression of a rule (its text, as parsed) for these
 * variables; undefined where it cannot be evaluated. The operands that
 * decide what else cel-go evaluates are few: each is parsed once.
 */
export function subexpressionValue(runtime: CelRuntime, activation: Json): Evaluate {
  let parsed = subexpressions.get(runtime);
  if (!parsed) subexpressions.set(runtime, (parsed = new Map()));
  const programs = parsed;
  return (node, bindings) => {
    const text = node.input.slice(node.range.start, node.range.end);
    let program = programs.get(text);
    if (program === undefined) {
      try {
        program = runtime.parseSubexpression(text);
      } catch {
        program = null;
      }
      programs.set(text, program);
    }
    try {
      return program?.(bindings.size === 0 ? activation : { ...activation, ...Object.fromEntries(bindings) });
    } catch {
      return undefined;
    }
  };
}

/** Charges one evaluation to the budget; the problem that stops the rules when it does not fit. */
function charge(walk: Walk, entry: CompiledRule, rule: ValidationRule, node: StructuralNode, value: unknown, pointer: string, activation: Json): CustomResourceProblem | undefined {
  const type = typeOf(walk, value);
  const variables = new Map([["self", type], ["oldSelf", type]]);
  let cost = estimateCost(entry.program!.ast, variables, "actual");
  // Past a limit, the bound is made closer: of `&&`, `||` and `?:`, only what cel-go would evaluate is charged.
  if ((cost > PER_CALL_LIMIT || cost > walk.budget) && entry.runtime) {
    cost = estimateCost(entry.program!.ast, variables, "actual", subexpressionValue(entry.runtime, activation), PER_CALL_LIMIT);
  }
  const refused = (detail: string) => celProblem(walk, pointer, invalid(ANY_PATH, new PrintedValue(goQuote(node.type)), detail));
  if (cost > PER_CALL_LIMIT) {
    walk.exhausted = true;
    return refused(`'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: ${ruleText(rule)}`);
  }
  walk.budget -= cost;
  if (walk.budget < 0) {
    walk.exhausted = true;
    return refused("validation failed due to running out of cost budget, no further validation rules will be run");
  }
  return undefined;
}

function evaluateRule(walk: Walk, rule: ValidationRule, node: StructuralNode, value: unknown, pointer: string, isResourceRoot: boolean, overInvalid: boolean): void {
  const entry = compile(rule);
  // Transition rules need the stored object; on create upstream skips them.
  if (entry.usesOldSelf && !rule.optionalOldSelf && !walk.oldIsSelf) {
    explainTransitionRule(rule, pointer, walk);
    return;
  }
  if (!entry.program) {
    notEvaluated(rule, pointer, entry.unsupported ?? "it could not be compiled", walk);
    return;
  }
  if (walk.exhausted) return;
  const self = celValue(value, node, walk.cache, isResourceRoot);
  const activation: Json = { self };
  if (entry.usesOldSelf) activation.oldSelf = !walk.oldIsSelf ? celRuntime()!.none : rule.optionalOldSelf ? celRuntime()!.some(self) : self;
  const over = charge(walk, entry, rule, node, value, pointer, activation);
  if (over) {
    walk.problems.push(over);
    return;
  }
  const outcome = run(entry.program, activation);
  // Over values of the wrong type, only a clean pass or fail says something the schema errors do not.
  if (overInvalid && outcome.kind !== "pass" && outcome.kind !== "fail") return;
  switch (outcome.kind) {
    case "pass":
      return;
    case "unsupported":
      notEvaluated(rule, pointer, outcome.reason, walk);
      return;
    case "error":
      walk.problems.push(celProblem(walk, pointer, invalid(ANY_PATH, new PrintedValue(goQuote(node.type)), `${outcome.detail} evaluating rule: ${ruleText(rule)}`)));
      return;
    case "fail": {
      const detail = evaluatedMessage(entry, activation) ?? (rule.message !== undefined && rule.message.trim() !== "" ? rule.message.trim() : `failed rule: ${rule.rule.trim()}`);
      walk.problems.push(failure(walk, rule, node, value, pointer, detail));
    }
  }
}

function isInvalid(walk: Walk, pointer: string): boolean {
  return walk.invalid.some((bad) => bad === pointer || bad.startsWith(pointer + "/"));
}

function visit(walk: Walk, value: unknown, node: StructuralNode | undefined, pointer: string, depth: number, isResourceRoot: boolean): void {
  // Only values that are set are validated: rules on a nullable field see no null.
  if (!node || value === null || value === undefined || !hasValidationRules(node)) return;
  if (depth > MAX_DEPTH) {
    for (const rule of node.validations) notEvaluated(rule, pointer, `it is deeper than ${MAX_DEPTH} levels in the schema`, walk);
    return;
  }
  if (node.validations.length > 0) {
    const overInvalid = walk.invalid.length > 0 && isInvalid(walk, pointer);
    for (const rule of node.validations) evaluateRule(walk, rule, node, value, pointer, isResourceRoot, overInvalid);
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(walk, item, node.items, joinPointer(pointer, index), depth + 1, node.items?.embeddedResource ?? false));
  } else if (isRecord(value)) {
    const values = mapValueSchema(node);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = node.properties?.get(key) ?? values;
      visit(walk, value[key], child, joinPointer(pointer, key), depth + 1, child?.embeddedResource ?? false);
    }
  }
}

/**
 * The failed (and not evaluated) x-kubernetes-validations rules of a custom
 * resource, already defaulted. `invalid` lists pointers of values of the wrong
 * type and of unknown fields: a rule over them that cannot be evaluated is not
 * reported (the schema error says it all). `isResourceRoot`: whether `root`
 * is a resource's root (not when a CRD's default is checked below it).
 * `oldIsSelf`: the object is its own old object, as the API server checks a
 * CRD's default, so transition rules run with oldSelf equal to self.
 */
export function celRuleProblems(object: unknown, root: StructuralNode, path: (pointer: string) => string, invalid: readonly string[], kubernetesVersion: string, isResourceRoot = true, oldIsSelf = false): CustomResourceProblem[] {
  const walk: Walk = { root, path, invalid, kubernetesVersion, cache: new WeakMap(), types: new WeakMap(), budget: RUNTIME_CEL_COST_BUDGET, exhausted: false, oldIsSelf, problems: [] };
  withRelease(kubernetesVersion, () => visit(walk, object, root, "", 0, isResourceRoot));
  return walk.problems;
}
