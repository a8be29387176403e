// `||` and `&&` as cel-go evaluates them (interpreter evalOr, evalAnd): when
// neither operand decides, the first error wins (`size(self.a) > 0 ||
// size(self.b) > 0` with neither field fails with `no such key: a`), where
// cel-js reports the last. Each parsed rule's operator nodes get this
// evaluation in place of cel-js's.
import type { ASTNode } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";

interface Evaluator {
  tryEval(ast: ASTNode, context: unknown): unknown;
}

type Evaluate = (ev: Evaluator, ast: ASTNode, context: unknown) => unknown;

/** The operator that `decisive` decides (true for `||`, false for `&&`). */
function logicalOperator(decisive: boolean): Evaluate {
  return (ev, ast, context) => {
    const [left, right] = ast.args as [ASTNode, ASTNode];
    const l = ev.tryEval(left, context);
    if (l === decisive) return decisive;
    const r = ev.tryEval(right, context);
    if (r === decisive) return decisive;
    if (typeof l === "boolean" && typeof r === "boolean") return !decisive;
    if (l instanceof Error) throw l;
    if (r instanceof Error) throw r;
    throw new CelEvaluationError("no_such_overload", "no such overload");
  };
}

const OPERATORS: Readonly<Record<string, Evaluate>> = { "||": logicalOperator(true), "&&": logicalOperator(false) };

/** Gives an `||` or `&&` node cel-go's evaluation (called on each operator node, operator-nodes.ts). */
export function useFirstErrorLogic(node: ASTNode): void {
  const operator = Object.hasOwn(OPERATORS, node.op) ? OPERATORS[node.op] : undefined;
  if (operator) (node as ASTNode & { evaluate?: Evaluate }).evaluate = operator;
}
