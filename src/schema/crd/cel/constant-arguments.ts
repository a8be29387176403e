// Calls on constant arguments that the API server refuses when it compiles
// a rule, before any object is seen:
// - from Kubernetes 1.30, cel-go's literal validators (cel.ValidateDurationLiterals,
//   ValidateTimestampLiterals, ValidateRegexLiterals): `duration('1d')`,
//   `timestamp('2024-05-01')` or `self.matches('[')` is a compilation error,
//   `invalid duration argument` at the literal;
// - in every release, the program's constant folding (cel.OptOptimize):
//   a type conversion of a constant that fails (`int('x')`, `uint(-1)`) and
//   a constant pattern of matches, find or findAll that does not compile
//   fail the program's instantiation with the error itself.
import type { ASTNode } from "@marcbachmann/cel-js";
import { re2js } from "../../../util/re2.js";
import { atLeast } from "../../../util/release.js";
import type { CheckIssue } from "./issues.js";
import { CelEvaluationError } from "./lib/macros.js";

/** The conversions (as source.ts renames them) lib/conversions.ts makes exactly as cel-go does. */
const CONVERSIONS = new Set(["__int", "__uint", "__double", "__bool", "__string", "__duration", "__timestamp"]);
/** The conversions whose constant argument a literal validator checks, and its word for them. */
const LITERAL_VALIDATORS: ReadonlyMap<string, string> = new Map([
  ["__duration", "duration"],
  ["__timestamp", "timestamp"],
]);
/** Functions whose constant pattern is compiled with the program (MatchesRegexOptimization, Kubernetes' find and findAll). */
const PATTERN_FUNCTIONS = new Set(["__matches", "find", "findAll"]);
const MAX_DEPTH = 64;
const MAX_CALLS = 256;

const isNode = (value: unknown): value is ASTNode => value !== null && typeof value === "object" && typeof (value as ASTNode).op === "string";

interface Call {
  name: string;
  /** The arguments without the receiver. */
  args: ASTNode[];
  hasReceiver: boolean;
  start: number;
  end: number;
}

/** The calls of an AST in the order of their place in the expression, at most MAX_CALLS. */
function callsOf(node: unknown, found: Call[] = [], depth = 0): Call[] {
  if (found.length >= MAX_CALLS || depth > MAX_DEPTH || !isNode(node)) return found;
  const { start = 0, end = 0 } = node as { start?: number; end?: number };
  if (node.op === "call") {
    const [name, args] = node.args as [string, ASTNode[]];
    found.push({ name, args, hasReceiver: false, start, end });
  } else if (node.op === "rcall") {
    const [name, , args] = node.args as [string, ASTNode, ASTNode[]];
    found.push({ name, args, hasReceiver: true, start, end });
  }
  const args: unknown = node.args;
  for (const child of Array.isArray(args) ? args.flat() : [args]) callsOf(child, found, depth + 1);
  return found.sort((a, b) => a.start - b.start);
}

/** A literal, or a negated number literal (cel-go's parser reads `-1` as one constant). */
function isConstant(node: ASTNode | undefined): node is ASTNode {
  if (!node) return false;
  if (node.op === "value") return true;
  return node.op === "-_" && isNode(node.args) && node.args.op === "value" && typeof node.args.args !== "string";
}

const literalString = (node: ASTNode | undefined): string | undefined => (node?.op === "value" && typeof node.args === "string" ? node.args : undefined);

/** Go's regexp.Compile error of a pattern, or undefined when it compiles. */
function patternError(pattern: string): string | undefined {
  try {
    re2js().compile(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The error of evaluating a constant call on its own (the expression's text from `start` to `end`), if any. */
export type EvaluateCall = (start: number, end: number) => string | undefined;

/** EvaluateCall for a parsed text (as source.ts rewrote it), parsing each call with `parse` and evaluating it without variables. */
export function evaluateConstantCall(parse: (text: string) => (context: Record<string, unknown>) => unknown, text: string): EvaluateCall {
  return (start, end) => {
    try {
      parse(text.slice(start, end))({});
      return undefined;
    } catch (error) {
      return error instanceof CelEvaluationError ? error.message : undefined;
    }
  };
}

/** The literal validators' issues (from 1.30): offsets in the rewritten text, as the checker gives them. */
export function literalArgumentIssues(ast: ASTNode, evaluateCall: EvaluateCall, kubernetesVersion: string): CheckIssue[] {
  if (!atLeast(kubernetesVersion, "1.30")) return [];
  const issues: CheckIssue[] = [];
  for (const call of callsOf(ast)) {
    // The validators read the first argument after any receiver, constants of any type.
    const first = call.args[0];
    if (first?.op !== "value") continue;
    const start = (first as { start?: number }).start ?? call.start;
    const validated = LITERAL_VALIDATORS.get(call.name);
    if (validated !== undefined && !call.hasReceiver && evaluateCall(call.start, call.end) !== undefined) issues.push({ message: `invalid ${validated} argument`, offset: start });
    const pattern = literalString(first);
    if (call.name === "__matches" && pattern !== undefined && patternError(pattern) !== undefined) issues.push({ message: "invalid matches argument", offset: start });
  }
  return issues;
}

/** The error the program's constant folding fails with, if any: the first in the expression. */
export function constantFoldingError(ast: ASTNode, evaluateCall: EvaluateCall): string | undefined {
  for (const call of callsOf(ast)) {
    if (CONVERSIONS.has(call.name) && !call.hasReceiver && call.args.length === 1 && isConstant(call.args[0])) {
      const error = evaluateCall(call.start, call.end);
      if (error !== undefined) return error;
    }
    if (PATTERN_FUNCTIONS.has(call.name)) {
      // The pattern follows the subject: the first argument of a method, the second of a function.
      const pattern = literalString(call.args[call.hasReceiver ? 0 : 1]);
      const error = pattern !== undefined ? patternError(pattern) : undefined;
      if (error !== undefined) return error;
    }
  }
  return undefined;
}
