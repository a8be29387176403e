// allOf, anyOf, oneOf and not in a custom resource's schema, as kube-openapi
// applies them (pkg/validation/validate/schema_props.go): each nested schema
// is a set of value validations over the same value; when the junctor fails,
// the API server reports
//   <nil>: Invalid value: "": "<path>" must validate at least one schema (anyOf)
// (oneOf adds "Found none valid" or "Found N valid alternatives", allOf
// ". None validated" when none did), followed by the errors of the
// alternative that came closest (anyOf, oneOf) or of every failing part (allOf).
import { customResourceFormat } from "../crd-schema.js";
import type { CompiledValidator } from "../registry.js";
import type { SchemaNode } from "../schema-node.js";
import type { AjvError } from "../problems/context.js";
import { joinPointer } from "../../util/pointer.js";
import { openAPIPathOf } from "./field-path.js";
import { mapValueSchema, type Junctors, type StructuralNode } from "./structural.js";

type Json = Record<string, unknown>;

const VALUE_KEYWORDS = ["required", "enum", "pattern", "minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
const MAX_DEPTH = 64;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A nested schema's value validations as the JSON schema ajv checks (types and additionalProperties are not theirs). */
export function valueValidationSchema(nested: Json, depth = 0): SchemaNode {
  const out: Json = {};
  if (depth > MAX_DEPTH) return out;
  for (const keyword of VALUE_KEYWORDS) if (nested[keyword] !== undefined) out[keyword] = nested[keyword];
  // draft-04's boolean exclusive bounds are draft-07 numbers for ajv.
  if (nested.exclusiveMinimum === true && typeof nested.minimum === "number") {
    out.exclusiveMinimum = nested.minimum;
    delete out.minimum;
  }
  if (nested.exclusiveMaximum === true && typeof nested.maximum === "number") {
    out.exclusiveMaximum = nested.maximum;
    delete out.maximum;
  }
  const format = typeof nested.format === "string" ? customResourceFormat(nested.format) : undefined;
  if (format !== undefined) out.format = format;
  if (isRecord(nested.properties)) {
    const properties: Json = {};
    for (const [name, child] of Object.entries(nested.properties)) properties[name] = valueValidationSchema(isRecord(child) ? child : {}, depth + 1);
    out.properties = properties;
  }
  if (isRecord(nested.items)) out.items = valueValidationSchema(nested.items, depth + 1);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    if (Array.isArray(nested[key])) out[key] = (nested[key] as unknown[]).map((item) => valueValidationSchema(isRecord(item) ? item : {}, depth + 1));
  }
  if (isRecord(nested.not)) out.not = valueValidationSchema(nested.not, depth + 1);
  return out as SchemaNode;
}

export interface JunctorFailure {
  /** Where the value is. */
  pointer: string;
  /** kube-openapi's composite error, which apiextensions reports at the validated value itself with an empty value. */
  detail: string;
  message: string;
  /** The errors that explain it, with instance paths from the resource's root. */
  errors: AjvError[];
}

interface Walk {
  compile: (schema: SchemaNode) => CompiledValidator;
  cache: WeakMap<Json, CompiledValidator>;
  failures: JunctorFailure[];
}

function check(walk: Walk, nested: Json, value: unknown, pointer: string): AjvError[] {
  let validate = walk.cache.get(nested);
  if (!validate) walk.cache.set(nested, (validate = walk.compile(valueValidationSchema(nested))));
  if (validate(value)) return [];
  return ((validate.errors ?? []) as AjvError[]).map((error) => ({ ...error, instancePath: pointer + error.instancePath }));
}

/** How many checks a nested schema makes (kube-openapi counts the ones that pass to pick the closest alternative). */
function checkCount(nested: Json, depth = 0): number {
  if (depth > MAX_DEPTH) return 0;
  let count = VALUE_KEYWORDS.filter((keyword) => nested[keyword] !== undefined).length + (nested.format !== undefined ? 1 : 0);
  for (const child of Object.values(isRecord(nested.properties) ? nested.properties : {})) if (isRecord(child)) count += checkCount(child, depth + 1);
  if (isRecord(nested.items)) count += checkCount(nested.items, depth + 1);
  return count;
}

/** The alternative that matched most stands for the failure (kube-openapi's MatchCount), the first on a tie. */
function closest(alternatives: Json[], results: AjvError[][]): AjvError[] {
  let best = 0;
  results.forEach((errors, i) => {
    const score = checkCount(alternatives[i]!) - errors.length;
    if (score > checkCount(alternatives[best]!) - results[best]!.length) best = i;
  });
  return results[best]!;
}

function checkJunctors(walk: Walk, junctors: Junctors, value: unknown, pointer: string): void {
  const fail = (message: string, errors: AjvError[]) => {
    const detail = `${JSON.stringify(openAPIPathOf(pointer))} ${message}`;
    walk.failures.push({ pointer, detail, message: `<nil>: Invalid value: "": ${detail}`, errors });
  };
  if (junctors.anyOf) {
    const results = junctors.anyOf.map((nested) => check(walk, nested, value, pointer));
    if (!results.some((errors) => errors.length === 0)) fail("must validate at least one schema (anyOf)", closest(junctors.anyOf, results));
  }
  if (junctors.oneOf) {
    const results = junctors.oneOf.map((nested) => check(walk, nested, value, pointer));
    const valid = results.filter((errors) => errors.length === 0).length;
    if (valid === 0) fail("must validate one and only one schema (oneOf). Found none valid", closest(junctors.oneOf, results));
    else if (valid > 1) fail(`must validate one and only one schema (oneOf). Found ${valid} valid alternatives`, []);
  }
  if (junctors.allOf) {
    const results = junctors.allOf.map((nested) => check(walk, nested, value, pointer));
    const valid = results.filter((errors) => errors.length === 0).length;
    if (valid !== results.length) fail(`must validate all the schemas (allOf)${valid === 0 ? ". None validated" : ""}`, results.flat());
  }
  if (junctors.not && check(walk, junctors.not, value, pointer).length === 0) fail("must not validate the schema (not)", []);
}

function visit(walk: Walk, value: unknown, node: StructuralNode | undefined, pointer: string, depth: number): void {
  if (!node || depth > MAX_DEPTH || value === null || value === undefined) return;
  if (node.junctors) checkJunctors(walk, node.junctors, value, pointer);
  if (Array.isArray(value)) value.forEach((item, index) => visit(walk, item, node.items, joinPointer(pointer, index), depth + 1));
  else if (isRecord(value)) {
    const values = mapValueSchema(node);
    for (const [key, item] of Object.entries(value)) visit(walk, item, node.properties?.get(key) ?? values, joinPointer(pointer, key), depth + 1);
  }
}

/** Whether some node of the schema has a junctor (most CRDs have none: their resources skip the walk). */
export function hasJunctors(node: StructuralNode, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.junctors) return true;
  for (const child of node.properties?.values() ?? []) if (hasJunctors(child, depth + 1)) return true;
  const values = mapValueSchema(node);
  return (node.items !== undefined && hasJunctors(node.items, depth + 1)) || (values !== undefined && hasJunctors(values, depth + 1));
}

/** The failed junctors of a (defaulted) custom resource. */
export function junctorFailures(object: unknown, root: StructuralNode, compile: (schema: SchemaNode) => CompiledValidator, cache: WeakMap<Json, CompiledValidator>): JunctorFailure[] {
  const walk: Walk = { compile, cache, failures: [] };
  visit(walk, object, root, "", 0);
  return walk.failures;
}
