// ValidateMutatingAdmissionPolicy and ValidateMutatingAdmissionPolicyBinding
// (pkg/apis/admissionregistration/validation/validation.go), as on create: the
// fields shared with ValidatingAdmissionPolicy (policy.ts), operations a
// mutation can match (not DELETE), the mutations (patch type, the expression
// of the one patch it names, compiled to an Object or a list of JSONPatch) and
// the reinvocation policy; the binding's policy name, param reference and
// match resources.
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, list, obj, str, strings } from "../core/fields.js";
import { compileCELExpression, type CompilationOptions, type ExpressionKind } from "./cel.js";
import { validatePolicyBindingCommon, validatePolicySpecCommon } from "./policy.js";
import { validateMatchResources } from "./rules.js";
import { appendAll } from "../../../util/append.js";

const SUPPORTED_PATCH_TYPES = ["ApplyConfiguration", "JSONPatch"];
/** supportedMutatingOperations: a mutating admission policy never sees a DELETE. */
const SUPPORTED_MUTATING_OPERATIONS = ["*", "CONNECT", "CREATE", "UPDATE"];
const SUPPORTED_REINVOCATION_POLICIES = ["IfNeeded", "Never"];

/** Each operation of each resource rule a mutation cannot see, reported at the rules' (unindexed) path. */
function validateMutatingOperations(match: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const rule of list(match ?? {}, "resourceRules")) {
    for (const operation of strings(rule, "operations")) {
      if (!SUPPORTED_MUTATING_OPERATIONS.includes(operation)) errors.push(notSupported(fldPath.child("resourceRules", "operations"), operation, SUPPORTED_MUTATING_OPERATIONS));
    }
  }
  return errors;
}

/** validateApplyConfiguration / validateJSONPatch: a non-blank expression that compiles to the patch's type. */
function validatePatchExpression(patch: JsonRecord, kind: ExpressionKind, options: CompilationOptions, fldPath: FieldPath): ErrorList {
  const trimmed = str(patch, "expression").trim();
  if (trimmed.length === 0) return [required(fldPath.child("expression"))];
  return compileCELExpression(trimmed, kind, options, fldPath.child("expression"));
}

/** validateMutation: the patch type, and exactly the patch it names. */
function validateMutation(mutation: JsonRecord, options: CompilationOptions, fldPath: FieldPath): ErrorList {
  const patchType = str(mutation, "patchType");
  if (patchType.length === 0) return [required(fldPath.child("patchType"))];
  if (!SUPPORTED_PATCH_TYPES.includes(patchType)) return [notSupported(fldPath.child("patchType"), patchType, SUPPORTED_PATCH_TYPES)];
  const [named, other, kind]: [string, string, ExpressionKind] = patchType === "JSONPatch" ? ["jsonPatch", "applyConfiguration", "jsonPatch"] : ["applyConfiguration", "jsonPatch", "applyConfiguration"];
  const errors: ErrorList = [];
  const patch = obj(mutation, named);
  if (!patch) errors.push(required(fldPath.child(named), `must be specified when patchType is ${patchType}`));
  else appendAll(errors, validatePatchExpression(patch, kind, options, fldPath.child(named)));
  if (isSet(mutation, other)) errors.push(invalid(fldPath.child(other), `{${other}}`, `must not be specified when patchType is ${patchType}`));
  return errors;
}

/** validateMutatingAdmissionPolicySpec. */
function validateMutatingAdmissionPolicySpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const { errors, compilation } = validatePolicySpecCommon(spec, fldPath, kubernetesVersion);
  const matchConstraints = obj(spec, "matchConstraints");
  if (matchConstraints) appendAll(errors, validateMutatingOperations(matchConstraints, fldPath.child("matchConstraints")));
  const options: CompilationOptions = { ...compilation, hasAuthorizer: true, hasPatchTypes: true };
  const mutations = list(spec, "mutations");
  if (mutations.length === 0) errors.push(required(fldPath.child("mutations"), "mutations must contain at least one item"));
  mutations.forEach((mutation, i) => appendAll(errors, validateMutation(mutation, options, fldPath.child("mutations").index(i))));
  const reinvocationPolicy = str(spec, "reinvocationPolicy");
  if (reinvocationPolicy.length === 0) errors.push(required(fldPath.child("reinvocationPolicy")));
  else if (!SUPPORTED_REINVOCATION_POLICIES.includes(reinvocationPolicy)) errors.push(notSupported(fldPath.child("reinvocationPolicy"), reinvocationPolicy, SUPPORTED_REINVOCATION_POLICIES));
  return errors;
}

/** ValidateMutatingAdmissionPolicy, after ObjectMeta. */
export function validateMutatingAdmissionPolicy(policy: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateMutatingAdmissionPolicySpec(obj(policy, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}

/** ValidateMutatingAdmissionPolicyBinding, after ObjectMeta. */
export function validateMutatingAdmissionPolicyBinding(binding: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(binding, "spec") ?? {};
  const fldPath = FieldPath.root("spec");
  const errors = validatePolicyBindingCommon(spec, fldPath);
  const matchResources = obj(spec, "matchResources");
  appendAll(errors, validateMatchResources(matchResources, fldPath.child("matchResources"), kubernetesVersion));
  if (matchResources) appendAll(errors, validateMutatingOperations(matchResources, fldPath.child("matchResources")));
  return errors;
}
