// One walk over a parsed rule's operator nodes, for the libraries that give
// some of them cel-go's evaluation in place of cel-js's (logic.ts,
// time-operators.ts).
import type { ASTNode } from "@marcbachmann/cel-js";

/** The walk stops at this depth, so that its work stays bounded whatever the rule. */
const MAX_DEPTH = 64;

/** Calls `visit` on every operator node of `node`, parents before their arguments. */
export function forEachOperatorNode(node: unknown, visit: (ast: ASTNode) => void, depth = 0): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) forEachOperatorNode(item, visit, depth + 1);
    return;
  }
  const ast = node as ASTNode;
  if (typeof ast.op !== "string") return;
  visit(ast);
  forEachOperatorNode(ast.args, visit, depth + 1);
}
