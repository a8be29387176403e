// allOf, anyOf, oneOf and not in a custom resource's schema, as kube-openapi
// applies them (pkg/validation/validate/schema_props.go): each nested schema
// is a set of value validations over the same value; when the junctor fails,
// the API server reports
//   <nil>: Invalid value: "": "<path>" must validate at least one schema (anyOf)
// (oneOf adds "Found none valid" or "Found N valid alternatives", allOf
// ". None validated" when none did), followed by the errors of the
// alternative with the highest MatchCount, the first on a tie (anyOf, oneOf),
// or of every failing part (allOf); junctors nested in an alternative report
// the same way.
import { customResourceFormat } from "../crd-schema.js";
import type { CompiledValidator } from "../registry.js";
import type { SchemaNode } from "../schema-node.js";
import type { AjvError } from "../problems/context.js";
import { appendAll } from "../../util/append.js";
import { joinPointer } from "../../util/pointer.js";
import { openAPIPathOf } from "./field-path.js";
import { mapValueSchema, readJunctors, somewhereBelow, type Junctors, type StructuralNode } from "./structural.js";

type Json = Record<string, unknown>;

const VALUE_KEYWORDS = ["required", "enum", "pattern", "minimum", "maximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
const MAX_DEPTH = 64;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A nested schema's value validations as the JSON schema ajv checks (types and
 * additionalProperties are not theirs); its own junctors are walked apart, as
 * kube-openapi reports them.
 */
function valueValidationSchema(nested: Json, depth = 0): SchemaNode {
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
  const format = knownFormat(nested);
  if (format !== undefined) out.format = format;
  if (isRecord(nested.properties)) {
    const properties: Json = {};
    for (const [name, child] of Object.entries(nested.properties)) properties[name] = valueValidationSchema(isRecord(child) ? child : {}, depth + 1);
    out.properties = properties;
  }
  if (isRecord(nested.items)) out.items = valueValidationSchema(nested.items, depth + 1);
  return out as SchemaNode;
}

function knownFormat(nested: Json): string | undefined {
  return typeof nested.format === "string" ? customResourceFormat(nested.format) : undefined;
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
}

/** What kube-openapi's SchemaValidator finds for a value: its MatchCount (the checks that applied) and errors. */
interface Outcome {
  matchCount: number;
  /** The value validations that failed. */
  errors: AjvError[];
  /** The junctors that failed within, each followed by its own explanation. */
  failures: JunctorFailure[];
}

function isValid(outcome: Outcome): boolean {
  return outcome.errors.length === 0 && outcome.failures.length === 0;
}

function valueErrors(walk: Walk, nested: Json, value: unknown, pointer: string): AjvError[] {
  let validate = walk.cache.get(nested);
  if (!validate) walk.cache.set(nested, (validate = walk.compile(valueValidationSchema(nested))));
  if (validate(value)) return [];
  return ((validate.errors ?? []) as AjvError[]).map((error) => ({ ...error, instancePath: pointer + error.instancePath }));
}

/** A junctor's nested schema applied to the value, as kube-openapi's SchemaValidator applies it. */
function applyNested(walk: Walk, nested: Json, value: unknown, pointer: string, depth: number): Outcome {
  const within = nestedMatches(walk, nested, value, pointer, depth + 1);
  return { matchCount: within.matchCount, errors: valueErrors(walk, nested, value, pointer), failures: within.failures };
}

/**
 * kube-openapi's MatchCount of a nested schema over a value, which picks the
 * alternative whose errors are reported: each validator that applies counts
 * (the type check only when it passes, numbers and arrays once more), and so
 * do the fields of the value that the schema describes, recursively.
 */
function nestedMatches(walk: Walk, nested: Json, value: unknown, pointer: string, depth: number): { matchCount: number; failures: JunctorFailure[] } {
  if (value === null || value === undefined || depth > MAX_DEPTH) return { matchCount: 1, failures: [] };
  const failures: JunctorFailure[] = [];
  const junctors = readJunctors(nested);
  const composite = junctors ? applyJunctors(walk, junctors, value, pointer, depth) : undefined;
  if (composite) appendAll(failures, composite.failures);
  // the final count, the junctors' validator and the enum's, which always apply
  let matchCount = 1 + 2 + (composite?.matchCount ?? 0) + 1;
  if (nested.format !== undefined) matchCount += typeof value === "string" || Array.isArray(value) ? 2 : 1;
  if (typeof value === "string") matchCount += 1 + (knownFormat(nested) !== undefined ? 1 : 0);
  else if (typeof value === "number") matchCount += 2;
  else if (Array.isArray(value)) {
    matchCount += 2;
    if (isRecord(nested.items)) {
      const items = nested.items;
      value.forEach((item, index) => {
        const inner = nestedMatches(walk, items, item, joinPointer(pointer, index), depth + 1);
        matchCount += inner.matchCount;
        appendAll(failures, inner.failures);
      });
    }
  } else if (isRecord(value)) {
    matchCount += 1;
    if (isRecord(nested.properties)) {
      for (const [name, child] of Object.entries(nested.properties)) {
        if (!(name in value) || !isRecord(child)) continue;
        const inner = nestedMatches(walk, child, value[name], joinPointer(pointer, name), depth + 1);
        matchCount += inner.matchCount;
        appendAll(failures, inner.failures);
      }
    }
  }
  return { matchCount, failures };
}

/** The failing alternative with the highest MatchCount, the first on a tie (kube-openapi's bestFailures). */
function bestFailure(outcomes: Outcome[]): Outcome | undefined {
  let best: Outcome | undefined;
  for (const outcome of outcomes) if (!isValid(outcome) && (!best || outcome.matchCount > best.matchCount)) best = outcome;
  return best;
}

/** allOf, anyOf, oneOf and not over one value: the junctors' MatchCount and failures (kube-openapi's schemaPropsValidator). */
function applyJunctors(walk: Walk, junctors: Junctors, value: unknown, pointer: string, depth: number): { matchCount: number; failures: JunctorFailure[] } {
  const failures: JunctorFailure[] = [];
  let matchCount = 0;
  const fail = (message: string, explanation?: Outcome) => {
    const detail = `${JSON.stringify(openAPIPathOf(pointer))} ${message}`;
    failures.push({ pointer, detail, message: `<nil>: Invalid value: "": ${detail}`, errors: explanation?.errors ?? [] });
    appendAll(failures, explanation?.failures ?? []);
  };
  if (junctors.anyOf) {
    // anyOf stops at the first alternative that holds.
    const outcomes: Outcome[] = [];
    for (const nested of junctors.anyOf) {
      const outcome = applyNested(walk, nested, value, pointer, depth);
      outcomes.push(outcome);
      if (isValid(outcome)) break;
    }
    const success = outcomes.find(isValid);
    if (success) matchCount += success.matchCount;
    else {
      const best = bestFailure(outcomes)!;
      matchCount += best.matchCount;
      fail("must validate at least one schema (anyOf)", best);
    }
  }
  if (junctors.oneOf) {
    const outcomes = junctors.oneOf.map((nested) => applyNested(walk, nested, value, pointer, depth));
    const valid = outcomes.filter(isValid);
    if (valid.length === 1) matchCount += valid[0]!.matchCount;
    else if (valid.length > 1) fail(`must validate one and only one schema (oneOf). Found ${valid.length} valid alternatives`);
    else {
      const best = bestFailure(outcomes)!;
      matchCount += best.matchCount;
      fail("must validate one and only one schema (oneOf). Found none valid", best);
    }
  }
  if (junctors.allOf) {
    const outcomes = junctors.allOf.map((nested) => applyNested(walk, nested, value, pointer, depth));
    for (const outcome of outcomes) matchCount += outcome.matchCount;
    const valid = outcomes.filter(isValid).length;
    if (valid !== outcomes.length) {
      const failing = outcomes.filter((outcome) => !isValid(outcome));
      fail(`must validate all the schemas (allOf)${valid === 0 ? ". None validated" : ""}`, { matchCount: 0, errors: failing.flatMap((outcome) => outcome.errors), failures: failing.flatMap((outcome) => outcome.failures) });
    }
  }
  if (junctors.not && isValid(applyNested(walk, junctors.not, value, pointer, depth))) fail("must not validate the schema (not)");
  return { matchCount, failures };
}

function visit(walk: Walk, failures: JunctorFailure[], value: unknown, node: StructuralNode | undefined, pointer: string, depth: number): void {
  if (!node || depth > MAX_DEPTH || value === null || value === undefined || !hasJunctors(node)) return;
  if (node.junctors) appendAll(failures, applyJunctors(walk, node.junctors, value, pointer, depth).failures);
  if (Array.isArray(value)) value.forEach((item, index) => visit(walk, failures, item, node.items, joinPointer(pointer, index), depth + 1));
  else if (isRecord(value)) {
    const values = mapValueSchema(node);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) visit(walk, failures, value[keys[i]!], node.properties?.get(keys[i]!) ?? values, joinPointer(pointer, keys[i]!), depth + 1);
  }
}

const junctorsBelow = new WeakMap<StructuralNode, boolean>();

/** Whether the node or one below it has a junctor (most CRDs have none: their resources skip the walk). */
export function hasJunctors(node: StructuralNode): boolean {
  return somewhereBelow(node, (n) => n.junctors !== undefined, junctorsBelow);
}

/** The failed junctors of a (defaulted) custom resource. */
export function junctorFailures(object: unknown, root: StructuralNode, compile: (schema: SchemaNode) => CompiledValidator, cache: WeakMap<Json, CompiledValidator>): JunctorFailure[] {
  const failures: JunctorFailure[] = [];
  visit({ compile, cache }, failures, object, root, "", 0);
  return failures;
}
