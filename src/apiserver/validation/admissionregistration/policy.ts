// ValidateValidatingAdmissionPolicy and ValidateValidatingAdmissionPolicyBinding
// (pkg/apis/admissionregistration/validation/validation.go), as on create: the
// failure policy, param kind, match constraints, match conditions, variables,
// validations and audit annotations (their CEL compiled), and the binding's
// policy name, param reference, match resources and validation actions.
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isDNS1035Label, isDNS1123Subdomain, isLabelKey, isPathSegmentName } from "../../apimachinery/validation.js";
import { duplicate, forbidden, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson } from "../../field/values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, list, obj, str, strings } from "../core/fields.js";
import { compileCELExpression, compileCELExpressionResult, type CompilationOptions } from "./cel.js";
import { variableFieldType } from "./cel-types.js";
import { listValue, validateMatchResources } from "./rules.js";
import { SUPPORTED_FAILURE_POLICIES, validateMatchConditions } from "./webhooks.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

const MAX_AUDIT_ANNOTATIONS = 20;
const MAX_AUDIT_ANNOTATION_VALUE_EXPRESSION_LENGTH = 5 * 1024;
const SUPPORTED_VALIDATION_POLICY_REASONS = ["Forbidden", "Invalid", "RequestEntityTooLarge"];
const VALID_VALIDATION_ACTIONS = ["Audit", "Deny", "Warn"];
const CEL_IDENTIFIER = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const CEL_RESERVED = new Set(["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"]);

function hasNewlines(text: string): boolean {
  return /[\n\r]+/.test(text);
}

/** isCELIdentifier: an identifier of CEL's grammar that is not a reserved word. */
function isCELIdentifier(name: string): boolean {
  return CEL_IDENTIFIER.test(name) && !CEL_RESERVED.has(name);
}

/** parseGroupVersion: "group/version", "version", or an error with more slashes. */
function parseGroupVersion(groupVersion: string): { group: string; version: string } | { error: string } {
  if (groupVersion.length === 0 || groupVersion === "/") return { group: "", version: "" };
  const parts = groupVersion.split("/");
  if (parts.length === 1) return { group: "", version: groupVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return { error: `unexpected GroupVersion string: ${groupVersion}` };
}

/** validateParamKind: an API version like an APIService's group and version, a kind like a DNS-1035 label. */
function validateParamKind(paramKind: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const apiVersion = str(paramKind, "apiVersion");
  if (apiVersion.length === 0) errors.push(required(fldPath.child("apiVersion")));
  else {
    const groupVersion = parseGroupVersion(apiVersion);
    if ("error" in groupVersion) errors.push(invalid(fldPath.child("apiVersion"), apiVersion, groupVersion.error));
    else {
      const groupErrors = groupVersion.group.length > 0 ? isDNS1123Subdomain(groupVersion.group) : [];
      if (groupErrors.length > 0) errors.push(invalid(fldPath.child("apiVersion"), groupVersion.group, groupErrors.join(",")));
      if (groupVersion.version.length === 0) errors.push(invalid(fldPath.child("apiVersion"), apiVersion, "version must be specified"));
      else {
        const versionErrors = isDNS1035Label(groupVersion.version);
        if (versionErrors.length > 0) errors.push(invalid(fldPath.child("apiVersion"), groupVersion.version, versionErrors.join(",")));
      }
    }
  }
  const kind = str(paramKind, "kind");
  if (kind.length === 0) errors.push(required(fldPath.child("kind")));
  else {
    const kindErrors = isDNS1035Label(kind.toLowerCase());
    if (kindErrors.length > 0) errors.push(invalid(fldPath.child("kind"), kind, "may have mixed case, but should otherwise match: " + kindErrors.join(",")));
  }
  return errors;
}

/** validateVariable: a CEL identifier and an expression that compiles. */
function validateVariable(variable: JsonRecord, options: CompilationOptions, fldPath: FieldPath, variableTypes: Map<string, string | undefined>): ErrorList {
  const errors: ErrorList = [];
  const name = str(variable, "name");
  if (name.trim() === "") errors.push(required(fldPath.child("name"), "name is not specified"));
  else if (!isCELIdentifier(name)) errors.push(invalid(fldPath.child("name"), name, "name is not a valid CEL identifier"));
  const expression = str(variable, "expression");
  if (expression.trim() === "") errors.push(required(fldPath.child("expression"), "expression is not specified"));
  else {
    const result = compileCELExpressionResult(expression, "variable", options, fldPath.child("expression"));
    appendAll(errors, result.errors);
    // CompileAndStoreVariable: the variable is a field of `variables`, dyn when it did not compile.
    const type = result.errors.length > 0 ? "dyn" : result.outputType;
    variableTypes.set(name, type === undefined ? undefined : variableFieldType(type));
  }
  return errors;
}

/** validateValidation: an expression that compiles to a bool, a message or message expression, a reason. */
function validateValidation(validation: JsonRecord, options: CompilationOptions, messageOptions: CompilationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const expression = str(validation, "expression");
  if (expression.trim().length === 0) errors.push(required(fldPath.child("expression"), "expression is not specified"));
  else appendAll(errors, compileCELExpression(expression, "validation", options, fldPath.child("expression")));
  const messageExpression = str(validation, "messageExpression");
  if (messageExpression.length > 0 && messageExpression.trim().length === 0) {
    errors.push(invalid(fldPath.child("messageExpression"), messageExpression, "must be non-empty if specified"));
  } else if (messageExpression.trim().length !== 0) {
    appendAll(errors, compileCELExpression(messageExpression, "message", messageOptions, fldPath.child("messageExpression")));
  }
  const message = str(validation, "message");
  if (message.length > 0 && message.trim().length === 0) errors.push(invalid(fldPath.child("message"), message, "message must be non-empty if specified"));
  else if (hasNewlines(message.trim())) errors.push(invalid(fldPath.child("message"), message, "message must not contain line breaks"));
  if (isSet(validation, "reason") && !SUPPORTED_VALIDATION_POLICY_REASONS.includes(str(validation, "reason"))) {
    errors.push(notSupported(fldPath.child("reason"), str(validation, "reason"), SUPPORTED_VALIDATION_POLICY_REASONS));
  }
  return errors;
}

/** validateAuditAnnotation: `<policy name>/<key>` a qualified name, a value expression that compiles to a string or null. */
function validateAuditAnnotation(policyName: string, annotation: JsonRecord, options: CompilationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const key = str(annotation, "key");
  if (policyName.length !== 0) {
    const qualified = `${policyName}/${key}`;
    for (const detail of isLabelKey(qualified)) errors.push(withLabelContentWords(invalid(fldPath.child("key"), qualified, detail)));
  } else {
    errors.push(invalid(fldPath.child("key"), key, "requires metadata.name be non-empty"));
  }
  const valueExpression = str(annotation, "valueExpression");
  const trimmed = valueExpression.trim();
  if (trimmed.length === 0) errors.push(required(fldPath.child("valueExpression"), "valueExpression is not specified"));
  else if (trimmed.length > MAX_AUDIT_ANNOTATION_VALUE_EXPRESSION_LENGTH) {
    errors.push(required(fldPath.child("valueExpression"), `must not exceed ${MAX_AUDIT_ANNOTATION_VALUE_EXPRESSION_LENGTH} bytes in length`));
  } else {
    appendAll(errors, compileCELExpression(trimmed, "auditAnnotation", options, fldPath.child("valueExpression"), valueExpression));
  }
  return errors;
}

/** The audit annotations as a bad value: JSON since 1.34, Go syntax before. */
function auditAnnotationsValue(annotations: JsonRecord[], kubernetesVersion: string): PrintedValue {
  const items = annotations.map((annotation) => ({ key: str(annotation, "key"), valueExpression: str(annotation, "valueExpression") }));
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue("[" + items.map((item) => `{"key":${goJson(item.key)},"valueExpression":${goJson(item.valueExpression)}}`).join(",") + "]");
  const type = "admissionregistration.AuditAnnotation";
  return new PrintedValue(`[]${type}{` + items.map((item) => `${type}{Key:${goQuote(item.key)}, ValueExpression:${goQuote(item.valueExpression)}}`).join(", ") + "}");
}

/** What the expressions after a policy's common fields are compiled with. */
export interface PolicyCompilation {
  hasParams: boolean;
  hasVariables: boolean;
  kubernetesVersion: string;
  /** The cel-go type of each variable kubeplan knows, as later expressions see it. */
  variableTypes: ReadonlyMap<string, string | undefined>;
}

/**
 * The fields validateValidatingAdmissionPolicySpec and validateMutatingAdmissionPolicySpec
 * check alike: the failure policy, param kind, match constraints (at least one
 * resource rule, to give the expressions a type), match conditions and variables.
 */
export function validatePolicySpecCommon(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): { errors: ErrorList; compilation: PolicyCompilation } {
  const errors: ErrorList = [];
  if (!isSet(spec, "failurePolicy")) errors.push(required(fldPath.child("failurePolicy")));
  else if (!SUPPORTED_FAILURE_POLICIES.includes(str(spec, "failurePolicy"))) errors.push(notSupported(fldPath.child("failurePolicy"), str(spec, "failurePolicy"), SUPPORTED_FAILURE_POLICIES));
  const paramKind = obj(spec, "paramKind");
  const hasParams = paramKind !== undefined;
  if (paramKind) appendAll(errors, validateParamKind(paramKind, fldPath.child("paramKind")));
  const matchConstraints = obj(spec, "matchConstraints");
  if (!matchConstraints) errors.push(required(fldPath.child("matchConstraints")));
  else {
    appendAll(errors, validateMatchResources(matchConstraints, fldPath.child("matchConstraints"), kubernetesVersion));
    if (list(matchConstraints, "resourceRules").length === 0) errors.push(required(fldPath.child("matchConstraints", "resourceRules")));
  }
  const hasVariables = list(spec, "variables").length > 0;
  const variableTypes = new Map<string, string | undefined>();
  const options: CompilationOptions = { hasParams, hasAuthorizer: true, hasVariables, kubernetesVersion, variableTypes };
  appendAll(errors, validateMatchConditions(list(spec, "matchConditions"), { hasParams, hasAuthorizer: true, kubernetesVersion }, fldPath.child("matchConditions")));
  list(spec, "variables").forEach((variable, i) => appendAll(errors, validateVariable(variable, options, fldPath.child("variables").index(i), variableTypes)));
  return { errors, compilation: { hasParams, hasVariables, kubernetesVersion, variableTypes } };
}

/** validateValidatingAdmissionPolicySpec. */
function validateValidatingAdmissionPolicySpec(policyName: string, spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const { errors, compilation } = validatePolicySpecCommon(spec, fldPath, kubernetesVersion);
  const { hasParams, hasVariables, variableTypes } = compilation;
  const options: CompilationOptions = { hasParams, hasAuthorizer: true, hasVariables, kubernetesVersion, variableTypes };
  const validations = list(spec, "validations");
  const auditAnnotations = list(spec, "auditAnnotations");
  if (validations.length === 0 && auditAnnotations.length === 0) {
    errors.push(required(fldPath.child("validations"), "validations or auditAnnotations must contain at least one item"));
    errors.push(required(fldPath.child("auditAnnotations"), "validations or auditAnnotations must contain at least one item"));
    return errors;
  }
  const messageOptions: CompilationOptions = { hasParams, hasAuthorizer: false, hasVariables, kubernetesVersion, variableTypes };
  validations.forEach((validation, i) => appendAll(errors, validateValidation(validation, options, messageOptions, fldPath.child("validations").index(i))));
  if (auditAnnotations.length > MAX_AUDIT_ANNOTATIONS) {
    errors.push(invalid(fldPath.child("auditAnnotations"), auditAnnotationsValue(auditAnnotations, kubernetesVersion), `must not have more than ${MAX_AUDIT_ANNOTATIONS} auditAnnotations`));
  }
  const keys = new Set<string>();
  auditAnnotations.forEach((annotation, i) => {
    const annotationPath = fldPath.child("auditAnnotations").index(i);
    appendAll(errors, validateAuditAnnotation(policyName, annotation, options, annotationPath));
    const key = str(annotation, "key");
    if (keys.has(key)) errors.push(duplicate(annotationPath.child("key"), key));
    keys.add(key);
  });
  return errors;
}

/** ValidateValidatingAdmissionPolicy, after ObjectMeta. */
export function validateValidatingAdmissionPolicy(policy: JsonRecord, kubernetesVersion: string): ErrorList {
  const name = str(obj(policy, "metadata"), "name");
  return validateValidatingAdmissionPolicySpec(name, obj(policy, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}

/** validateParamRef: a name or a selector (not both), and what to do when no parameter is found. */
function validateParamRef(paramRef: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!paramRef) return [];
  const errors: ErrorList = [];
  const name = str(paramRef, "name");
  const hasSelector = isSet(paramRef, "selector");
  if (name.length > 0) {
    // path.ValidatePathSegmentName.
    for (const detail of isPathSegmentName(name)) errors.push(invalid(fldPath.child("name"), name, detail));
    if (hasSelector) errors.push(forbidden(fldPath.child("name"), "name and selector are mutually exclusive"));
  }
  if (hasSelector) {
    appendAll(errors, validateLabelSelector(obj(paramRef, "selector"), { allowInvalidLabelValueInSelector: false }, fldPath.child("selector")));
    if (name.length > 0) errors.push(forbidden(fldPath.child("selector"), "name and selector are mutually exclusive"));
  }
  if (name.length === 0 && !hasSelector) errors.push(required(fldPath, "one of name or selector must be specified"));
  const action = str(paramRef, "parameterNotFoundAction");
  if (action.length === 0) errors.push(required(fldPath.child("parameterNotFoundAction")));
  else if (action !== "Deny" && action !== "Allow") errors.push(notSupported(fldPath.child("parameterNotFoundAction"), action, ["Deny", "Allow"]));
  return errors;
}

/** validateValidationActions: known actions, no repeats, not both Deny and Warn, at least one. */
function validateValidationActions(actions: string[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  actions.forEach((action, i) => {
    if (!VALID_VALIDATION_ACTIONS.includes(action)) errors.push(notSupported(fldPath.index(i), action, VALID_VALIDATION_ACTIONS));
    if (seen.has(action)) errors.push(duplicate(fldPath.index(i), action));
    seen.add(action);
  });
  if (seen.has("Deny") && seen.has("Warn")) {
    errors.push(
      invalid(
        fldPath,
        listValue(actions, "admissionregistration.ValidationAction", kubernetesVersion),
        "must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)",
      ),
    );
  }
  if (seen.size === 0) errors.push(required(fldPath, "at least one validation action is required"));
  return errors;
}

/** The policy name (a DNS subdomain) and param reference every policy binding has. */
export function validatePolicyBindingCommon(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const policyName = str(spec, "policyName");
  if (policyName.length === 0) errors.push(required(fldPath.child("policyName")));
  // NameIsDNSSubdomain.
  else for (const detail of isDNS1123Subdomain(policyName)) errors.push(invalid(fldPath.child("policyName"), policyName, detail));
  appendAll(errors, validateParamRef(obj(spec, "paramRef"), fldPath.child("paramRef")));
  return errors;
}

/** ValidateValidatingAdmissionPolicyBinding, after ObjectMeta (its `matchResouces` path was corrected before 1.30). */
export function validateValidatingAdmissionPolicyBinding(binding: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(binding, "spec") ?? {};
  const fldPath = FieldPath.root("spec");
  const errors = validatePolicyBindingCommon(spec, fldPath);
  appendAll(errors, validateMatchResources(obj(spec, "matchResources"), fldPath.child("matchResources"), kubernetesVersion));
  appendAll(errors, validateValidationActions(strings(spec, "validationActions"), fldPath.child("validationActions"), kubernetesVersion));
  return errors;
}
