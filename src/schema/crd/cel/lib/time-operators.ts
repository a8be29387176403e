// The operators on timestamps and durations as cel-go computes them
// (Timestamp and Duration's Add, Subtract, Compare, Equal): to the
// nanosecond (lib/timestamp.ts, lib/duration.ts), with cel-go's overflow
// errors. cel-js's own compare timestamps to the millisecond and durations
// as floating point milliseconds, so each parsed rule's ==, !=, <, <=, >,
// >=, +, - and `in` nodes get this evaluation first; other operands go on
// to cel-js's overloads.
import type { ASTNode } from "@marcbachmann/cel-js";
import { compareDurations, durationNanos, durationOf, isDuration } from "./duration.js";
import { celEquals } from "./equals.js";
import { CelEvaluationError } from "./macros.js";
import { addToTimestamp, compareTimestamps, subtractTimestamps } from "./timestamp.js";

interface Evaluator {
  run(ast: ASTNode, context: unknown): unknown;
}

type BinaryNode = ASTNode & { handle(left: unknown, right: unknown, ast: ASTNode, ev: Evaluator): unknown };
type Evaluate = (ev: Evaluator, ast: ASTNode, context: unknown) => unknown;

const MIN_INT64 = -(1n << 63n);

const isTimestamp = (value: unknown): value is Date => value instanceof Date;

/** Go's time.Duration negated, checked (negateDurationChecked). */
function negated(nanos: bigint): bigint {
  if (nanos === MIN_INT64) throw new CelEvaluationError("numeric_overflow", "integer overflow");
  return -nanos;
}

/** -1, 0 or 1 for two timestamps or two durations; undefined for other operands. */
function compareTimes(left: unknown, right: unknown): number | undefined {
  if (isTimestamp(left) && isTimestamp(right)) return compareTimestamps(left, right);
  if (isDuration(left) && isDuration(right)) return compareDurations(left, right);
  return undefined;
}

const COMPARISONS: Readonly<Record<string, (order: number) => boolean>> = {
  "==": (order) => order === 0,
  "!=": (order) => order !== 0,
  "<": (order) => order < 0,
  "<=": (order) => order <= 0,
  ">": (order) => order > 0,
  ">=": (order) => order >= 0,
};

/** The result of `left op right` when the operands are cel-go's timestamps or durations; undefined otherwise. */
function timeOperation(op: string, left: unknown, right: unknown): unknown {
  const comparison = Object.hasOwn(COMPARISONS, op) ? COMPARISONS[op] : undefined;
  if (comparison) {
    const order = compareTimes(left, right);
    return order === undefined ? undefined : comparison(order);
  }
  if (op === "+") {
    if (isTimestamp(left) && isDuration(right)) return addToTimestamp(left, durationNanos(right));
    if (isDuration(left) && isTimestamp(right)) return addToTimestamp(right, durationNanos(left));
    if (isDuration(left) && isDuration(right)) return durationOf(durationNanos(left) + durationNanos(right));
    return undefined;
  }
  if (op === "-") {
    if (isTimestamp(left) && isTimestamp(right)) return durationOf(subtractTimestamps(left, right));
    if (isTimestamp(left) && isDuration(right)) return addToTimestamp(left, negated(durationNanos(right)));
    if (isDuration(left) && isDuration(right)) return durationOf(durationNanos(left) - durationNanos(right));
    return undefined;
  }
  if (op === "in" && (isTimestamp(left) || isDuration(left)) && Array.isArray(right)) return right.some((item) => celEquals(item, left));
  return undefined;
}

const evaluateTimeOperator: Evaluate = (ev, ast, context) => {
  const [leftNode, rightNode] = ast.args as [ASTNode, ASTNode];
  const left = ev.run(leftNode, context);
  const right = ev.run(rightNode, context);
  const result = timeOperation(ast.op, left, right);
  return result !== undefined ? result : (ast as BinaryNode).handle(left, right, ast, ev);
};

const OPERATORS = new Set(["==", "!=", "<", "<=", ">", ">=", "+", "-", "in"]);

interface CheckedNode {
  checkedType?: { name?: string };
}
type Check = (checker: unknown, ast: ASTNode, context: unknown) => unknown;

/**
 * cel-js declares `duration + timestamp` a duration; cel-go's
 * add_duration_timestamp is a timestamp, the type of its right operand.
 */
function checkSum(this: ASTNode, checker: unknown, ast: ASTNode, context: unknown): unknown {
  const type = (Object.getPrototypeOf(this) as { check: Check }).check.call(this, checker, ast, context);
  const [left, right] = ast.args as [CheckedNode, CheckedNode];
  if (left.checkedType?.name === "google.protobuf.Duration" && right.checkedType?.name === "google.protobuf.Timestamp") return right.checkedType;
  return type;
}

/** Gives an arithmetic or comparison node cel-go's evaluation of timestamps and durations (called on each operator node, operator-nodes.ts). */
export function useGoTimeOperators(node: ASTNode): void {
  if (OPERATORS.has(node.op) && Array.isArray(node.args) && node.args.length === 2) (node as ASTNode & { evaluate?: Evaluate }).evaluate = evaluateTimeOperator;
  if (node.op === "+") (node as ASTNode & { check?: Check }).check = checkSum;
}
