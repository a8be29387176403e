// Compiling a CEL expression as the API server's validation does (cel-go's
// env.Compile), in a kubeplan CEL environment: a syntax error (in cel-go's
// words, syntax-errors.ts, also for CRD rules), references the environment
// does not declare (the caller's reference check, else the first undeclared
// variable), or the result type when it is certain.
import type { ASTNode } from "@marcbachmann/cel-js";
import { invalid, type FieldError } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { celGoIssue, positionOf, type SourcePosition } from "../../schema/crd/cel/issues.js";
import type { KubernetesCelEnvironment } from "../../schema/crd/cel/library.js";
import { celGoSyntaxErrors } from "../../schema/crd/cel/syntax-errors.js";
import type { CheckIssue } from "../../schema/crd/cel/issues.js";
import { rewriteRuleSource, sourceOffset } from "../../schema/crd/cel/source.js";

/** Result types a check can be sure of (cel-js's names). */
const DEFINITE_TYPE = /^(bool|int|uint|double|string|bytes|null|list<.*>|map<.*>)$/;
/** A type parameter left in an aggregate's type (an empty `[]` is `list<T>`): not definite. */
const TYPE_PARAMETER = /[<, ](?:T|K|V)[>,]/;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** Why `expression` does not parse: in cel-go's words where kubeplan is sure of them, else the parser's own first line. */
export function syntaxError(parser: { parse(text: string): unknown }, expression: string, error: unknown): string {
  const parses = (text: string) => {
    try {
      parser.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  return celGoSyntaxErrors(expression, parses) ?? firstLine(error);
}

/** cel-go's type name of a cel-js type ("list<int>" is "list(int)", null is "null_type"). */
function celGoTypeName(type: string): string {
  return type === "null" ? "null_type" : type.replace(/</g, "(").replace(/>/g, ")");
}

/** The expression with its string literals blanked out. */
export function withoutStrings(expression: string): string {
  return expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, (literal) => " ".repeat(literal.length));
}

/** The first place `name` stands as an identifier outside string literals, 1-based. */
function identifierPosition(expression: string, name: string): SourcePosition | undefined {
  const match = new RegExp(`(?<![\\w.])${name}\\b`).exec(withoutStrings(expression));
  return match ? positionOf(expression, match.index) : undefined;
}

/** What compiling found: the error to report (Invalid, with `shown` as the value), or the result's cel-go type when certain. */
export type CompileOutcome = { error: FieldError } | { type: string | undefined; ast: ASTNode };

/** cel-go's reference errors of a parsed expression (reference-check.ts), offsets in `parsedText`. */
export type ReferenceCheck = (ast: ASTNode, parsedText: string) => CheckIssue[];

/** cel-go's issues, in the order of their place in the expression, one a line. */
export function celGoIssues(expression: string, issues: ReadonlyArray<{ message: string; offset: number }>): string {
  return [...issues]
    .sort((a, b) => a.offset - b.offset)
    .map((issue) => celGoIssue(expression, issue.message, positionOf(expression, issue.offset)))
    .join("\n");
}

/**
 * Compiles `expression` in `env`, as convertCELErrorToValidationError reports a
 * compilation failure. `rewrite` turns syntax the CEL parser lacks into syntax
 * it has, every offset in place; messages still show the expression as written.
 * `references` reports every undeclared name and unresolved call together, as cel-go's checker does.
 */
export function compileInEnvironment(env: KubernetesCelEnvironment, expression: string, fldPath: FieldPath, shown: string, rewrite = (text: string) => text, references?: ReferenceCheck): CompileOutcome {
  const parser = { parse: (text: string) => env.parse(rewrite(text)) };
  const source = rewrite(expression);
  let parsed;
  try {
    parsed = env.parse(source);
  } catch (error) {
    return { error: invalid(fldPath, shown, `compilation failed: ${syntaxError(parser, expression, error)}`) };
  }
  if (references) {
    // The parser read source.ts's renaming of the source: offsets are mapped back to the expression's.
    const issues = references(parsed.ast, rewriteRuleSource(source)).map((issue) => ({ ...issue, offset: sourceOffset(source, issue.offset) }));
    if (issues.length > 0) return { error: invalid(fldPath, shown, `compilation failed: ${celGoIssues(expression, issues)}`) };
  }
  let checked;
  try {
    checked = parsed.check();
  } catch (error) {
    return { error: invalid(fldPath, shown, `compilation failed: ${firstLine(error)}`) };
  }
  if (!checked.valid) {
    const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)$/.exec(firstLine(checked.error));
    const position = unknown ? identifierPosition(source, unknown[1]!) : undefined;
    if (!unknown || !position) return { type: undefined, ast: parsed.ast };
    return { error: invalid(fldPath, shown, `compilation failed: ${celGoIssue(expression, `undeclared reference to '${unknown[1]}' (in container '')`, position)}`) };
  }
  const type = checked.type;
  if (type === undefined || !DEFINITE_TYPE.test(type) || TYPE_PARAMETER.test(type)) return { type: undefined, ast: parsed.ast };
  return { type: celGoTypeName(type), ast: parsed.ast };
}
