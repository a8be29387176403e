// The x-kubernetes-validations rules of a CRD schema as the API server checks
// them when the CRD is written: the rule's own fields, then each rule and
// messageExpression compiled and its cost estimated
// (pkg/apis/apiextensions/validation/cel_validation.go, pkg/apiserver/schema/cel/compilation.go).
// A rule is estimated once per value it may apply to: the cardinality is the
// product of the maxItems and maxProperties above it.
import { atLeast } from "../../../util/release.js";
import { notSupported, PrintedValue } from "../../field/errors.js";
import { goJson, goQuote, rendersCompositeAsJson } from "../../field/values.js";
import { celRuntime, refersToOldSelf } from "../../../schema/crd/cel/library.js";
import { constantFoldingError, evaluateConstantCall, literalArgumentIssues } from "../../../schema/crd/cel/constant-arguments.js";
import { estimateCost } from "../../../schema/crd/cel/cost.js";
import { celGoIssue, positionOf, type CheckIssue } from "../../../schema/crd/cel/issues.js";
import { codeOnly, referenceIssues } from "../../../schema/crd/cel/reference-check.js";
import { checkExpression } from "../../../schema/crd/cel/checker.js";
import { stringFormatIssues } from "../../../schema/crd/cel/string-format-validator.js";
import { formatType, UNRESOLVED_DYN, type CheckedType } from "../../../schema/crd/cel/checker-types.js";
import { ruleDeclarations } from "../../../schema/crd/cel/rule-declarations.js";
import { rewriteRuleSource, sourceOffset } from "../../../schema/crd/cel/source.js";
import { syntaxError } from "../cel-compile.js";
import { validFieldPath } from "../../../schema/crd/cel/valid-field-path.js";
import { maxCardinality, schemaCelType, type CelType } from "../../../schema/crd/cel/types.js";
import type { ASTNode } from "@marcbachmann/cel-js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import type { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";

/** StaticEstimatedCostLimit: the largest estimated cost of one rule. */
export const StaticEstimatedCostLimit = 10_000_000;
/** StaticEstimatedCRDCostLimit: the largest estimated cost of all rules of a schema. */
export const StaticEstimatedCRDCostLimit = 100_000_000;
const MAX_UINT64 = 18446744073709551615;
const SUPPORTED_REASONS = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];

/** getCostErrorMessage, with Go's %f and %.1f. */
export function getCostErrorMessage(costName: string, cost: number, limit: number): string {
  const exceed = cost / limit;
  const shown = exceed > 100 ? "more than 100x" : exceed < 1.5 ? `${exceed.toFixed(6)}x` : `${exceed.toFixed(1)}x`;
  return `${costName} exceeds budget by factor of ${shown} (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)`;
}

/** TotalCost: the sum of all rules' costs and the (up to four) rules that weigh most. */
export class TotalCost {
  total = 0;
  private readonly expensive: Array<{ path: FieldPath; cost: number }> = [];

  observe(path: FieldPath, cost: number): void {
    this.total = Math.min(MAX_UINT64, this.total + cost);
    if (cost < StaticEstimatedCRDCostLimit / 100) return;
    this.expensive.push({ path, cost });
    this.expensive.sort((a, b) => b.cost - a.cost);
    this.expensive.length = Math.min(this.expensive.length, 4);
  }

  mostExpensive(): FieldPath[] {
    return this.expensive.map((entry) => entry.path);
  }
}

/** extractMaxElements: how many values of the child one value of this schema holds (undefined: unbounded). */
function extractMaxElements(schema: JsonRecord): number | undefined {
  const bound = (value: unknown) => (typeof value === "number" ? Math.max(0, Math.floor(value)) : undefined);
  if (schema.type === "object") return schema.additionalProperties !== undefined && schema.additionalProperties !== null ? bound(schema.maxProperties) : 1;
  if (schema.type === "array") return bound(schema.maxItems);
  return 1;
}

/** CELSchemaContext: where a schema node sits, for the cost of its rules. */
export class CelSchemaContext {
  private celType: CelType | undefined | null = null;

  private constructor(
    readonly schema: JsonRecord,
    private readonly isResourceRoot: boolean,
    /** How many values this node can match in one object; undefined when unbounded. */
    readonly maxCardinality: number | undefined,
    readonly totalCost: TotalCost,
    /** The target release, which decides how a rule is printed in an error. */
    readonly kubernetesVersion: string,
  ) {}

  static root(schema: JsonRecord, kubernetesVersion: string): CelSchemaContext {
    return new CelSchemaContext(schema, true, 1, new TotalCost(), kubernetesVersion);
  }

  private child(schema: JsonRecord): CelSchemaContext {
    const max = extractMaxElements(this.schema);
    const cardinality = this.maxCardinality === undefined || max === undefined ? undefined : Math.min(MAX_UINT64, this.maxCardinality * max);
    return new CelSchemaContext(schema, schema["x-kubernetes-embedded-resource"] === true, cardinality, this.totalCost, this.kubernetesVersion);
  }

  childProperty(schema: JsonRecord, _name: string): CelSchemaContext {
    return this.child(schema);
  }

  childItems(schema: JsonRecord): CelSchemaContext {
    return this.child(schema);
  }

  childAdditionalProperties(schema: JsonRecord): CelSchemaContext {
    return this.child(schema);
  }

  /** The CEL type of values of this node (SchemaDeclType). */
  get type(): CelType | undefined {
    if (this.celType === null) this.celType = schemaCelType(this.schema, this.isResourceRoot);
    return this.celType;
  }
}

interface RuleErrors {
  schema: ErrorList;
  cel: ErrorList;
}

function hasNewlines(text: string): boolean {
  return /[\n\r]/.test(text);
}

/** The detail of an invalid message or fieldPath: from 1.34 without the field's name, which the path already gives. */
function fieldDetail(name: "message" | "fieldPath", detail: string, kubernetesVersion: string): string {
  return atLeast(kubernetesVersion, "1.34") ? detail : `${name} ${detail}`;
}

/** The static checks of each rule's fields (rule, message, messageExpression, reason, fieldPath). */
function validateRuleFields(errors: ErrorList, schema: JsonRecord, rules: unknown[], path: FieldPath, kubernetesVersion: string): void {
  rules.forEach((entry, i) => {
    const rule = isRecord(entry) ? entry : {};
    const at = path.child("x-kubernetes-validations").index(i);
    const text = typeof rule.rule === "string" ? rule.rule : "";
    const message = typeof rule.message === "string" ? rule.message : "";
    const trimmedRule = text.trim();
    const trimmedMessage = message.trim();
    if (trimmedRule === "") errors.required(at.child("rule"), "rule is not specified");
    else if (message.length > 0 && trimmedMessage === "") errors.invalid(at.child("message"), message, fieldDetail("message", "must be non-empty if specified", kubernetesVersion));
    else if (hasNewlines(trimmedMessage)) errors.invalid(at.child("message"), message, fieldDetail("message", "must not contain line breaks", kubernetesVersion));
    else if (hasNewlines(trimmedRule) && trimmedMessage === "") errors.required(at.child("message"), "message must be specified if rule contains line breaks");
    const messageExpression = typeof rule.messageExpression === "string" ? rule.messageExpression : "";
    if (messageExpression.length > 0 && messageExpression.trim() === "") errors.required(at.child("messageExpression"), "messageExpression must be non-empty if specified");
    if (typeof rule.reason === "string" && !SUPPORTED_REASONS.includes(rule.reason)) errors.add(notSupported(at.child("reason"), rule.reason, SUPPORTED_REASONS));
    const fieldPath = typeof rule.fieldPath === "string" ? rule.fieldPath : "";
    if (fieldPath.length > 0 && fieldPath.trim() === "") errors.invalid(at.child("fieldPath"), fieldPath, fieldDetail("fieldPath", "must be non-empty if specified", kubernetesVersion));
    if (hasNewlines(fieldPath)) errors.invalid(at.child("fieldPath"), fieldPath, fieldDetail("fieldPath", "must not contain line breaks", kubernetesVersion));
    // pathValid: whether ValidFieldPath finds the field; its error is not shown.
    if (fieldPath.length > 0 && validFieldPath(fieldPath, schema) !== undefined) errors.invalid(at.child("fieldPath"), fieldPath, fieldDetail("fieldPath", "must be a valid path", kubernetesVersion));
  });
}

/** The estimated cost of an expression times the number of values it runs on (getExpressionCost). */
function expressionCost(cost: number, context: CelSchemaContext, type: CelType): number {
  const cardinality = context.maxCardinality ?? maxCardinality(type.minSerializedSize);
  return cost === 0 ? 0 : Math.min(MAX_UINT64, cost * cardinality);
}

interface Compiled {
  cost?: number;
  /** A compilation error: cel-go's issues, or that the result has the wrong type. */
  error?: string;
  /** The error the program's instantiation fails with (constant folding). */
  instantiationError?: string;
}

/** cel-go's issues, in the order of their place in the expression. */
function checkerIssues(expression: string, issues: CheckIssue[]): string {
  return issues
    .map((issue) => ({ message: issue.message, offset: sourceOffset(expression, issue.offset) }))
    .sort((a, b) => a.offset - b.offset)
    .map((issue) => celGoIssue(expression, issue.message, positionOf(expression, issue.offset)))
    .join("\n");
}

/**
 * A result type the checker is sure of: dyn too (compileRule wants exactly
 * bool, or string, so an int-or-string `self`, `dyn(x)` or an index into a dyn
 * value is refused), but not a type parameter kubeplan left open.
 */
function isDefiniteResult(type: CheckedType): boolean {
  return type.kind !== "error" && type.kind !== "param" && type !== UNRESOLVED_DYN;
}

/** The variables of a rule's environment (compilation.go ScopedVarName, OldScopedVarName). */
const SCOPED_VARIABLES: ReadonlySet<string> = new Set(["self", "oldSelf"]);

function compileExpression(expression: string, type: CelType, resultKind: "bool" | "string", kubernetesVersion: string, optionalOldSelf: boolean): Compiled {
  const runtime = celRuntime();
  if (!runtime) return {};
  let program;
  try {
    program = runtime.parse(expression);
  } catch (error) {
    return { error: syntaxError(runtime, expression, error) };
  }
  const text = rewriteRuleSource(expression);
  // cel-go's checker: every undeclared name, refused selection and call no overload takes, reported together in the order of their places.
  const checked = checkExpression(program.ast, codeOnly(text), ruleDeclarations(type, { kubernetesVersion, optionalOldSelf }));
  const typeOf = (node: ASTNode) => {
    const known = checked.types.get(node);
    return known === undefined ? undefined : formatType(known);
  };
  const references = referenceIssues(program.ast, text, { variables: SCOPED_VARIABLES, kubernetesVersion, typeOf });
  const seen = new Set(references.map((issue) => `${issue.offset}/${issue.message}`));
  const refused = [...references, ...checked.issues.filter((issue) => !seen.has(`${issue.offset}/${issue.message}`))];
  if (refused.length > 0) return { error: checkerIssues(expression, refused) };
  // The validators run on an expression that checked: the literal arguments', the homogeneous literals' and format's.
  const evaluateCall = evaluateConstantCall(runtime.parse, text);
  const validated = [...literalArgumentIssues(program.ast, evaluateCall, kubernetesVersion), ...checked.literalIssues, ...stringFormatIssues(program.ast, checked, kubernetesVersion)];
  if (validated.length > 0) return { error: checkerIssues(expression, validated) };
  const resultType = checked.types.get(program.ast);
  if (resultType !== undefined && isDefiniteResult(resultType) && formatType(resultType) !== resultKind) return { error: `must evaluate to a ${resultKind}` };
  const folding = constantFoldingError(program.ast, evaluateCall);
  if (folding !== undefined) return { instantiationError: folding };
  const variables = new Map<string, CelType>([["self", type], ["oldSelf", type]]);
  return { cost: estimateCost(program.ast, variables, "static") };
}

/**
 * A rule as the API server prints the internal apiextensions.ValidationRule
 * it reports: a struct without JSON tags, so JSON with Go's field names from
 * 1.34, Go syntax before. (Before 1.34 a set reason or optionalOldSelf is a
 * pointer Go prints as an address no one can know: its value is shown.)
 */
function validationRuleValue(rule: JsonRecord, kubernetesVersion: string): PrintedValue {
  const text = (name: string) => (typeof rule[name] === "string" ? (rule[name] as string) : "");
  const reason = typeof rule.reason === "string" ? rule.reason : undefined;
  const optionalOldSelf = typeof rule.optionalOldSelf === "boolean" ? rule.optionalOldSelf : undefined;
  if (rendersCompositeAsJson(kubernetesVersion)) {
    const fields = { Rule: text("rule"), Message: text("message"), MessageExpression: text("messageExpression"), Reason: reason ?? null, FieldPath: text("fieldPath"), OptionalOldSelf: optionalOldSelf ?? null };
    return new PrintedValue(`{${Object.entries(fields).map(([name, value]) => `"${name}":${goJson(value)}`).join(",")}}`);
  }
  const pointer = (type: string, value: string | undefined) => `(*${type})(${value ?? "nil"})`;
  const reasonText = pointer("apiextensions.FieldValueErrorReason", reason === undefined ? undefined : goQuote(reason));
  const oldSelfText = pointer("bool", optionalOldSelf === undefined ? undefined : String(optionalOldSelf));
  return new PrintedValue(`apiextensions.ValidationRule{Rule:${goQuote(text("rule"))}, Message:${goQuote(text("message"))}, MessageExpression:${goQuote(text("messageExpression"))}, Reason:${reasonText}, FieldPath:${goQuote(text("fieldPath"))}, OptionalOldSelf:${oldSelfText}}`);
}

/** Each rule compiled, its cost checked against the limits and added to the schema's total. */
function compileRules(errors: ErrorList, rules: unknown[], path: FieldPath, context: CelSchemaContext, uncorrelatable: FieldPath | undefined): void {
  const type = context.type;
  if (!type) return;
  rules.forEach((entry, i) => {
    const rule = isRecord(entry) ? entry : {};
    const text = typeof rule.rule === "string" ? rule.rule : "";
    const at = path.child("x-kubernetes-validations").index(i);
    const optionalOldSelf = rule.optionalOldSelf === true;
    const compiled = compileExpression(text, type, "bool", context.kubernetesVersion, optionalOldSelf);
    if (compiled.cost !== undefined) {
      const cost = expressionCost(compiled.cost, context, type);
      if (cost > StaticEstimatedCostLimit) errors.forbidden(at.child("rule"), getCostErrorMessage("estimated rule cost", cost, StaticEstimatedCostLimit));
      context.totalCost.observe(at.child("rule"), cost);
    }
    if (compiled.error !== undefined) {
      const detail = compiled.error.startsWith("must evaluate") ? `cel expression ${compiled.error}` : `compilation failed: ${compiled.error}`;
      errors.invalid(at.child("rule"), validationRuleValue(rule, context.kubernetesVersion), detail);
    }
    if (compiled.instantiationError !== undefined) errors.invalid(at.child("rule"), validationRuleValue(rule, context.kubernetesVersion), `program instantiation failed: ${compiled.instantiationError}`);
    const messageExpression = typeof rule.messageExpression === "string" ? rule.messageExpression : "";
    if (messageExpression.trim() !== "") {
      const message = compileExpression(messageExpression, type, "string", context.kubernetesVersion, optionalOldSelf);
      if (message.error !== undefined) {
        const detail = message.error.startsWith("must evaluate") ? `messageExpression ${message.error}` : `messageExpression compilation failed: ${message.error}`;
        errors.invalid(at.child("messageExpression"), validationRuleValue(rule, context.kubernetesVersion), detail);
      } else if (message.instantiationError !== undefined) {
        errors.invalid(at.child("messageExpression"), validationRuleValue(rule, context.kubernetesVersion), `messageExpression instantiation failed: ${message.instantiationError}`);
      } else if (message.cost !== undefined) {
        // upstream compares the messageExpression's own cost, not times the cardinality.
        const cost = message.cost;
        if (cost > StaticEstimatedCostLimit) errors.forbidden(at.child("messageExpression"), getCostErrorMessage("estimated messageExpression cost", cost, StaticEstimatedCostLimit));
        context.totalCost.observe(at.child("messageExpression"), cost);
      }
    }
    if (refersToOldSelf(text)) {
      if (uncorrelatable) errors.invalid(at.child("rule"), text, `oldSelf cannot be used on the uncorrelatable portion of the schema within ${uncorrelatable.toString()}`);
    } else if (typeof rule.optionalOldSelf === "boolean") {
      errors.invalid(at.child("optionalOldSelf"), rule.optionalOldSelf, "may not be set if oldSelf is not used in rule");
    }
  });
}

/**
 * The x-kubernetes-validations of one schema node: field checks into
 * `errors.schema`; compilation and cost into `errors.cel`, only when no schema
 * error was found at or below this node (those after `schemaErrorsBefore`)
 * and the schema is structural (`context`).
 */
export function validateRules(errors: RuleErrors, schema: JsonRecord, path: FieldPath, uncorrelatable: FieldPath | undefined, context: CelSchemaContext | undefined, kubernetesVersion: string, schemaErrorsBefore: number): void {
  const rules = Array.isArray(schema["x-kubernetes-validations"]) ? (schema["x-kubernetes-validations"] as unknown[]) : [];
  validateRuleFields(errors.schema, schema, rules, path, kubernetesVersion);
  if (errors.schema.length === schemaErrorsBefore && context) compileRules(errors.cel, rules, path, context, uncorrelatable);
}
