// CEL expressions of webhooks and admission policies compiled as the API server
// compiles them on create (k8s.io/apiserver's plugin/cel CompileCELExpression):
// in the admission environment (object, oldObject, request, namespaceObject,
// and params, authorizer or variables where the field allows them), with the
// result type the field needs. Only what is certainly wrong is reported: a
// syntax error, a reference to an undeclared variable, a result of a definite
// other type. An expression using a function kubeplan's CEL library lacks is
// left alone, and so is a mutation that constructs an object (`Object{...}`,
// `JSONPatch{...}`): the CEL parser kubeplan uses has no message construction
// (the rule policy/patch-not-compiled says so, once per policy).
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { kubernetesCelEnvironment, type KubernetesCelEnvironment } from "../../../schema/crd/cel/library.js";
import { compileInEnvironment, withoutStrings } from "../cel-compile.js";

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

/** Whether the expression constructs a message (`Object{`, `Object.spec{`, `JSONPatch{`). */
export function constructsMessage(expression: string): boolean {
  return /(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\s*\{/.test(withoutStrings(expression));
}

/**
 * CompileCELExpression's errors for one expression, as convertCELErrorToValidationError
 * reports them: Invalid at `fldPath` with the expression (or `shown`) as the value.
 */
export function compileCELExpression(expression: string, kind: ExpressionKind, options: CompilationOptions, fldPath: FieldPath, shown = expression): ErrorList {
  const env = environmentFor(options);
  if (!env || (options.hasPatchTypes === true && constructsMessage(expression))) return [];
  const outcome = compileInEnvironment(env, expression, fldPath, shown);
  if ("error" in outcome) return [outcome.error];
  const returnTypes = RETURN_TYPES[kind];
  const got = outcome.type;
  if (!returnTypes || got === undefined || returnTypes.includes(got)) return [];
  const reason = returnTypes.length === 1 ? `must evaluate to ${returnTypes[0]} but got ${got}` : `must evaluate to one of [${returnTypes.join(" ")}] but got ${got}`;
  return [invalid(fldPath, shown, reason)];
}
