// CEL expressions of webhooks and admission policies compiled as the API server
// compiles them on create (k8s.io/apiserver's plugin/cel CompileCELExpression):
// in the admission environment (object, oldObject, request, namespaceObject,
// and params, authorizer or variables where the field allows them), with the
// result type the field needs. Only what is certainly wrong is reported: a
// syntax error, names and calls the release does not declare (reference-check.ts,
// all of them in one error as cel-go lists them), a result of another type
// than the field takes (exactly: dyn too, where the checker is sure of it). Message construction (`Object{...}`, `JSONPatch{...}`) is read
// by message-construction.ts.
import type { ASTNode } from "@marcbachmann/cel-js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { celGoIssue, positionOf } from "../../../schema/crd/cel/issues.js";
import { kubernetesCelEnvironment, type KubernetesCelEnvironment } from "../../../schema/crd/cel/library.js";
import { codeOnly, referenceIssues, type MacroScope } from "../../../schema/crd/cel/reference-check.js";
import { checkExpression, type CheckerDeclarations, type CheckResult } from "../../../schema/crd/cel/checker.js";
import { formatType, isCertainlyDyn } from "../../../schema/crd/cel/checker-types.js";
import { atLeast } from "../../../util/release.js";
import { evaluateConstantCall, literalArgumentIssues } from "../../../schema/crd/cel/constant-arguments.js";
import { stringFormatIssues } from "../../../schema/crd/cel/string-format-validator.js";
import type { OptionalLibrary } from "../../../schema/crd/cel/declarations.js";
import { compileInEnvironment, type CompileOutcome, type ReferenceCheck } from "../cel-compile.js";
import { admissionDeclarations, admissionVariableTypes } from "./cel-types.js";
import { asMapLiterals, constructedResultType, findConstructions, isPatchType, jsonPatchFieldIssue, type Construction } from "./message-construction.js";

/** Which optional variables the field's environment declares (plugincel.OptionalVariableDeclarations). */
export interface CompilationOptions {
  hasParams: boolean;
  hasAuthorizer: boolean;
  /** Whether the policy composes variables (`variables.<name>`): it has some. */
  hasVariables?: boolean;
  /** Whether the mutation types (Object, JSONPatch) and the jsonpatch library are declared. */
  hasPatchTypes?: boolean;
  /** The release: new expressions may use only the libraries of the release before it (environment.NewExpressions). */
  kubernetesVersion: string;
  /** The variables compiled before (`variables.<name>`), each with its cel-go type where kubeplan knows it. */
  variableTypes?: ReadonlyMap<string, string | undefined>;
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

interface AdmissionEnvironment {
  env: KubernetesCelEnvironment;
  variables: ReadonlySet<string>;
}

const environments = new Map<string, AdmissionEnvironment | null>();

/** The environment of plugin/cel's createEnvForOpts for these options, built once. */
function environmentFor(options: CompilationOptions): AdmissionEnvironment | null {
  const key = `${options.hasParams}/${options.hasAuthorizer}/${options.hasVariables === true}/${options.hasPatchTypes === true}`;
  if (environments.has(key)) return environments.get(key)!;
  const variables: Record<string, string> = { object: "dyn", oldObject: "dyn", request: "map", namespaceObject: "map" };
  if (options.hasParams) variables.params = "dyn";
  if (options.hasAuthorizer) variables.authorizer = "dyn";
  if (options.hasVariables === true) variables.variables = "map";
  // The jsonpatch library (jsonpatch.escapeKey) stands as a value of any type.
  if (options.hasPatchTypes === true) variables.jsonpatch = "dyn";
  const env = kubernetesCelEnvironment(variables);
  const entry = env ? { env, variables: new Set(Object.keys(variables)) } : null;
  environments.set(key, entry);
  return entry;
}

/** Variables whose cel-go type kubeplan's cel-js environment does not declare as cel-go does (objects of kubernetes.* types). */
const LOOSELY_TYPED = /\b(?:request|namespaceObject|authorizer|variables|jsonpatch)\b/;
const CERTAIN_TYPE = /^(bool|int|uint|double|string|bytes|null|dyn|list<(?:bool|int|uint|double|string|bytes)>)$/;

/** The checker's declarations for the options' environment. */
function declarationsFor(environment: AdmissionEnvironment, options: CompilationOptions, constructions: boolean): CheckerDeclarations {
  const libraries = new Set<OptionalLibrary>(options.hasPatchTypes === true ? ["jsonpatch"] : []);
  const declarations = admissionDeclarations(admissionVariableTypes(options), options.variableTypes ?? new Map(), environment.variables, options.kubernetesVersion, libraries);
  return { ...declarations, mapLiteralsAreConstructions: constructions };
}

/** The checker's result for each expression checked, for its output type. */
const checked = new WeakMap<ASTNode, CheckResult>();

/**
 * cel-go's checker errors of an expression: the references it makes against
 * the release's declarations (reference-check.ts) and the types of its
 * selections and calls (checker.ts), all reported together as cel-go lists
 * them; argument types from the checker, else from cel-js's checker where
 * they are certain.
 */
function referenceCheck(environment: AdmissionEnvironment, options: CompilationOptions, constructions = false): ReferenceCheck {
  const declarations = declarationsFor(environment, options, constructions);
  return (ast, parsedText) => {
    const code = codeOnly(parsedText);
    const result = checkExpression(ast, code, declarations);
    checked.set(ast, result);
    const typeOf = (node: ASTNode, scope: MacroScope) => {
      const known = result.types.get(node);
      if (known !== undefined) return formatType(known);
      const { start, end } = node as { start?: number; end?: number };
      if (start === undefined || end === undefined) return undefined;
      const part = parsedText.slice(start, end);
      // The environment's checker does not know the macros' variables, nor the loosely typed ones.
      if (LOOSELY_TYPED.test(part) || [...scope.keys()].some((name) => new RegExp(`\\b${name}\\b`).test(part))) return undefined;
      try {
        const type = environment.env.parse(part).check();
        const certain = type.valid ? type.type : undefined;
        // cel-go prints the null type as null in its overload errors (FormatCELType).
        return certain !== undefined && CERTAIN_TYPE.test(certain) ? certain.replace(/</g, "(").replace(/>/g, ")") : undefined;
      } catch {
        return undefined;
      }
    };
    const references = referenceIssues(ast, parsedText, { variables: environment.variables, kubernetesVersion: options.kubernetesVersion, typeOf, libraries: declarations.libraries });
    const seen = new Set(references.map((issue) => `${issue.offset}/${issue.message}`));
    const checkerIssues = [...references, ...result.issues.filter((issue) => !seen.has(`${issue.offset}/${issue.message}`))];
    if (checkerIssues.length > 0) return checkerIssues;
    // The validators run on an expression that checked: the literal arguments', the homogeneous literals' and format's.
    return [...literalArgumentIssues(ast, evaluateConstantCall(environment.env.parse, parsedText), options.kubernetesVersion), ...result.literalIssues, ...stringFormatIssues(ast, result, options.kubernetesVersion)];
  };
}

/**
 * Compiles an expression with message constructions: a type the environment
 * does not declare, or a JSONPatch field cel-go's checker refuses, is the error;
 * else the rest compiles with the constructions as map literals, and the result
 * type is known when the whole expression is a construction (or a list of them).
 */
function compileWithConstructions(environment: AdmissionEnvironment, expression: string, constructions: readonly Construction[], options: CompilationOptions, fldPath: FieldPath, shown: string): CompileOutcome {
  const failed = (message: string, offset: number): CompileOutcome => ({ error: invalid(fldPath, shown, `compilation failed: ${celGoIssue(expression, message, positionOf(expression, offset))}`) });
  const undeclared = constructions.find((c) => options.hasPatchTypes !== true || !isPatchType(c.typeName));
  if (undeclared) return failed(`undeclared reference to '${undeclared.typeName}' (in container '')`, undeclared.brace);
  for (const construction of constructions) {
    const issue = jsonPatchFieldIssue(construction);
    if (issue) return failed(issue.message, issue.offset);
  }
  const outcome = compileInEnvironment(environment.env, expression, fldPath, shown, asMapLiterals, referenceCheck(environment, options, true));
  if ("error" in outcome) return outcome;
  return { ...outcome, type: constructedResultType(expression, constructions) };
}

/** What compiling one expression gave: its errors, and cel-go's type of its result (FormatCELType) where kubeplan knows it. */
export interface CompilationResult {
  errors: ErrorList;
  outputType?: string;
}

/** cel-go's Type.String() of a type named as FormatCELType names it: the well-known and null types by their type names. */
function typeString(type: string): string {
  return type.replace(/\btimestamp\b/g, "google.protobuf.Timestamp").replace(/\bduration\b/g, "google.protobuf.Duration").replace(/\bnull\b/g, "null_type");
}

/** The cel-go type (FormatCELType) of a compiled expression's result, from the checker or cel-js's. */
function outputType(outcome: { type: string | undefined; ast: ASTNode }): string | undefined {
  const declared = checked.get(outcome.ast)?.types.get(outcome.ast);
  if (declared !== undefined) return formatType(declared);
  return outcome.type?.replace(/\bnull_type\b/g, "null");
}

/** Why a result type is refused: from 1.32 with the type it got (the types compared with IsExactType since then). */
function returnTypeReason(returnTypes: readonly string[], got: string, kubernetesVersion: string): string {
  const wanted = returnTypes.length === 1 ? `must evaluate to ${returnTypes[0]}` : `must evaluate to one of [${returnTypes.join(" ")}]`;
  return atLeast(kubernetesVersion, "1.32") ? `${wanted} but got ${got}` : wanted;
}

/**
 * CompileCELExpression for one expression, as convertCELErrorToValidationError
 * reports its errors: Invalid at `fldPath` with the expression (or `shown`) as the value.
 */
export function compileCELExpressionResult(expression: string, kind: ExpressionKind, options: CompilationOptions, fldPath: FieldPath, shown = expression): CompilationResult {
  const environment = environmentFor(options);
  if (!environment) return { errors: [] };
  const constructions = findConstructions(expression);
  // Well-known protobuf types are declared everywhere, and kubeplan does not model them.
  if (constructions.some((c) => c.typeName.startsWith("google."))) return { errors: [] };
  const outcome =
    constructions.length > 0
      ? compileWithConstructions(environment, expression, constructions, options, fldPath, shown)
      : compileInEnvironment(environment.env, expression, fldPath, shown, undefined, referenceCheck(environment, options));
  if ("error" in outcome) return { errors: [outcome.error] };
  const returnTypes = RETURN_TYPES[kind];
  const type = constructions.length > 0 ? outcome.type : outputType(outcome);
  // A dyn result is refused (no return type is exactly dyn) where kubeplan's checker is sure of it, as cel-go types it.
  const checkerType = constructions.length > 0 ? undefined : checked.get(outcome.ast)?.types.get(outcome.ast);
  const certainlyDyn = checkerType !== undefined && isCertainlyDyn(checkerType);
  const got = type === undefined || (type === "dyn" && !certainlyDyn) ? undefined : typeString(type);
  if (!returnTypes || got === undefined || returnTypes.includes(got)) return { errors: [], ...(type !== undefined ? { outputType: type } : {}) };
  return { errors: [invalid(fldPath, shown, returnTypeReason(returnTypes, got, options.kubernetesVersion))], outputType: type };
}

/** CompileCELExpression's errors for one expression. */
export function compileCELExpression(expression: string, kind: ExpressionKind, options: CompilationOptions, fldPath: FieldPath, shown = expression): ErrorList {
  return compileCELExpressionResult(expression, kind, options, fldPath, shown).errors;
}
