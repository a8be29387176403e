// cel-go's text of a compilation issue (common/errors.go ToDisplayString):
// `ERROR: <input>:L:C: message`, the source line, and a caret under the column.

/** A 1-based line and column (in characters) of an expression. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** The line and column of a character offset of the expression. */
export function positionOf(expression: string, offset: number): SourcePosition {
  const lines = expression.slice(0, Math.max(0, offset)).split("\n");
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

/** One issue as cel-go prints it. */
export function celGoIssue(expression: string, message: string, position: SourcePosition): string {
  const sourceLine = (expression.split("\n")[position.line - 1] ?? "").replace(/\t/g, " ");
  return `ERROR: <input>:${position.line}:${position.column}: ${message}\n | ${sourceLine}\n | ${".".repeat(position.column - 1)}^`;
}

/** One issue cel-go's checker or a validator reports: its message and where in the parsed text (source.ts's rewriting of the expression) it is placed. */
export interface CheckIssue {
  message: string;
  offset: number;
}
