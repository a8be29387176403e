// One value checked against a node of a CRD schema as the API server checks
// a default when the CRD is written (apiextensions-apiserver
// pkg/apiserver/schema/defaulting/validation.go): ValidateCustomResource
// (kube-openapi's value validations, allOf/anyOf/oneOf/not included) and,
// when they pass, the node's x-kubernetes-validations rules with the value
// as self and as oldSelf (transition rules included). The same checks as a custom resource's, without its envelope:
// the value is taken as it is, nothing defaulted in it.
import type { FieldPath } from "../../apiserver/field/path.js";
import { parsePointer } from "../../util/pointer.js";
import type { CompiledValidator } from "../registry.js";
import type { SchemaNode } from "../schema-node.js";
import type { AjvError } from "../problems/context.js";
import { RuntimeCompiler } from "../runtime-ajv.js";
import { valueValidationsSchema } from "../crd-schema.js";
import { celRuleProblems } from "./cel/rules.js";
import { fieldPathOf, fieldPathSteps } from "./field-path.js";
import { hasJunctors, junctorFailures } from "./junctors.js";
import { customResourceValueProblems, type ValueProblem } from "./messages.js";
import type { FieldErrorBody } from "./problem.js";
import { readStructuralSchema, type StructuralNode } from "./structural.js";

/** A field error below the checked value: `at` places it under the value's path. */
export interface ValueError {
  error: FieldErrorBody;
  at(value: FieldPath): FieldPath;
}

let compiler: RuntimeCompiler | undefined;
/** Compiled schemas by their text: CRDs repeat the same small schemas (and whole subtrees across versions). */
const compiledByText = new Map<string, CompiledValidator>();
const MAX_COMPILED = 2_000;

function compile(schema: SchemaNode): CompiledValidator {
  const text = JSON.stringify(schema);
  let validate = compiledByText.get(text);
  if (!validate) {
    compiler ??= new RuntimeCompiler();
    if (compiledByText.size >= MAX_COMPILED) compiledByText.clear();
    compiledByText.set(text, (validate = compiler.compile(schema)));
  }
  return validate;
}

/** kube-openapi's errors become field errors at the value's path plus their name (kubeOpenAPIResultToFieldErrors). */
function openAPIError(problem: ValueProblem): ValueError {
  const { name, error } = problem.fieldError;
  return { error, at: (value) => (name === "" ? value : value.childAs(name, ...parsePointer(problem.report.pointer))) };
}

function schemaErrors(value: unknown, node: StructuralNode, kubernetesVersion: string): ValueError[] {
  const validate = compile(valueValidationsSchema(node));
  const context = { kubernetesVersion, document: { object: value } };
  const errors: ValueError[] = [];
  if (!validate(value)) {
    for (const problem of customResourceValueProblems(context, (validate.errors ?? []) as AjvError[])) errors.push(openAPIError(problem));
  }
  if (hasJunctors(node)) {
    for (const failure of junctorFailures(value, node, compile, new WeakMap<Record<string, unknown>, CompiledValidator>())) {
      errors.push({ error: { type: "FieldValueInvalid", badValue: "", detail: failure.detail }, at: (at) => at });
      for (const problem of customResourceValueProblems(context, failure.errors)) errors.push(openAPIError(problem));
    }
  }
  return errors;
}

/** The steps of a CEL error's place below the value (the CEL validator's field.Path). */
function celPlace(node: StructuralNode, pointer: string): (value: FieldPath) => FieldPath {
  const steps = fieldPathSteps(node, pointer);
  return (value) => steps.reduce((path, step) => ("index" in step ? path.index(step.index) : "key" in step ? path.key(step.key) : path.child(step.name)), value);
}

/**
 * The errors of `value` against `schema` (a node of a CRD's openAPIV3Schema),
 * in the target release's words. `isResourceRoot`: the node is the root of a
 * resource (the schema's root or an embedded resource), which CEL sees
 * with its metadata narrowed.
 */
export function validateCustomResourceValue(value: unknown, schema: unknown, isResourceRoot: boolean, kubernetesVersion: string): ValueError[] {
  const node = readStructuralSchema(schema);
  const errors = schemaErrors(value, node, kubernetesVersion);
  if (errors.length > 0) return errors;
  // The API server passes a default as both the object and the old object.
  const found = celRuleProblems(value, node, (pointer) => fieldPathOf(node, pointer), [], kubernetesVersion, isResourceRoot, true);
  return found.flatMap((problem) => (problem.error ? [{ error: problem.error, at: celPlace(node, problem.pointer) }] : []));
}
