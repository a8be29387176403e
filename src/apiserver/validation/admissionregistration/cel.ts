// CEL expressions of webhooks and admission policies compiled as the API server
// compiles them on create (k8s.io/apiserver's plugin/cel CompileCELExpression):
// in the admission environment (object, oldObject, request, namespaceObject,
// and params, authorizer or variables where the field allows them), with the
// result type the field needs. Only what is certainly wrong is reported: a
// syntax error, a reference to an undeclared variable, a result of a definite
// other type. An expression using a function kubeplan's CEL library lacks is
// left alone, and so is a mutation that constructs an object (`Object{...}`,
// `JSONPatch{...}`): the CEL parser kubeplan uses has no message construction.
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { celGoIssue, positionOf, type SourcePosition } from "../../../schema/crd/cel/issues.js";
import { kubernetesCelEnvironment, type KubernetesCelEnvironment } from "../../../schema/crd/cel/library.js";

/** Which optional variables the field's environment declares (plugincel.OptionalVariableDeclarations). */
export interface CompilationOptions {
  hasParams: boolean;
  hasAuthorizer: boolean;
  /** Whether the policy composes variables (`variables.<name>`): it has some. */
  hasVariables?: boolean;
  /** Whether the mutation types (Object, JSONPatch) and the jsonpatch library are declared. */
  hasPatchTypes?: boolean;
}

/** What an expression is for, which sets the result types it may have. */
export type ExpressionKind = "validation" | "matchCondition" | "message" | "auditAnnotation" | "variable" | "applyConfiguration" | "jsonPatch";

const RETURN_TYPES: Readonly<Record<ExpressionKind, readonly string[] | undefined>> = {
  validation: ["bool"],
  matchCondition: ["bool"],
  message: ["string"],
  auditAnnotation: ["string", "null_type"],
  variable: undefined,
  applyConfiguration: ["Object"],
  jsonPatch: ["list(JSONPatch)"],
};

/** Result types a check can be sure of; list and map types are written as cel-go writes them. */
const DEFINITE_TYPE = /^(bool|int|uint|double|string|bytes|null|list<.*>|map<.*>)$/;
/** A type parameter left in an aggregate's type (an empty `[]` is `list<T>`): not definite. */
const TYPE_PARAMETER = /[<, ](?:T|K|V)[>,]/;

const environments = new Map<string, KubernetesCelEnvironment | null>();

/** The environment of plugin/cel's createEnvForOpts for these options, built once. */
function environmentFor(options: CompilationOptions): KubernetesCelEnvironment | null {
  const key = `${options.hasParams}/${options.hasAuthorizer}/${options.hasVariables === true}/${options.hasPatchTypes === true}`;
  if (environments.has(key)) return environments.get(key)!;
  const variables: Record<string, string> = { object: "dyn", oldObject: "dyn", request: "map", namespaceObject: "map" };
  if (options.hasParams) variables.params = "dyn";
  if (options.hasAuthorizer) variables.authorizer = "dyn";
  if (options.hasVariables === true) variables.variables = "map";
  // The jsonpatch library (jsonpatch.escapeKey) stands as a value of any type.
  if (options.hasPatchTypes === true) variables.jsonpatch = "dyn";
  const env = kubernetesCelEnvironment(variables);
  environments.set(key, env);
  return env;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** cel-go's type name of a cel-js type ("list<int>" is "list(int)", null is "null_type"). */
function celGoTypeName(type: string): string {
  return type === "null" ? "null_type" : type.replace(/</g, "(").replace(/>/g, ")");
}

/** The expression with its string literals blanked out. */
function withoutStrings(expression: string): string {
  return expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, (literal) => " ".repeat(literal.length));
}

/** Whether the expression constructs a message (`Object{`, `Object.spec{`, `JSONPatch{`). */
function constructsMessage(expression: string): boolean {
  return /(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\s*\{/.test(withoutStrings(expression));
}

/** The first place `name` stands as an identifier outside string literals, 1-based. */
function identifierPosition(expression: string, name: string): SourcePosition | undefined {
  const match = new RegExp(`(?<![\\w.])${name}\\b`).exec(withoutStrings(expression));
  return match ? positionOf(expression, match.index) : undefined;
}

/**
 * CompileCELExpression's errors for one expression, as convertCELErrorToValidationError
 * reports them: Invalid at `fldPath` with the expression (or `shown`) as the value.
 */
export function compileCELExpression(expression: string, kind: ExpressionKind, options: CompilationOptions, fldPath: FieldPath, shown = expression): ErrorList {
  const env = environmentFor(options);
  if (!env || (options.hasPatchTypes === true && constructsMessage(expression))) return [];
  let checked;
  try {
    checked = env.parse(expression).check();
  } catch (error) {
    return [invalid(fldPath, shown, `compilation failed: ${firstLine(error)}`)];
  }
  if (!checked.valid) {
    const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)$/.exec(firstLine(checked.error));
    const position = unknown ? identifierPosition(expression, unknown[1]!) : undefined;
    if (!unknown || !position) return [];
    return [invalid(fldPath, shown, `compilation failed: ${celGoIssue(expression, `undeclared reference to '${unknown[1]}' (in container '')`, position)}`)];
  }
  const returnTypes = RETURN_TYPES[kind];
  const type = checked.type;
  if (!returnTypes || type === undefined || !DEFINITE_TYPE.test(type) || TYPE_PARAMETER.test(type)) return [];
  const got = celGoTypeName(type);
  if (returnTypes.includes(got)) return [];
  const reason = returnTypes.length === 1 ? `must evaluate to ${returnTypes[0]} but got ${got}` : `must evaluate to one of [${returnTypes.join(" ")}] but got ${got}`;
  return [invalid(fldPath, shown, reason)];
}
