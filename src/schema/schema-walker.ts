// Finds the schema that applies at a place in a document: follows `$ref`s,
// object properties, list items and map values, and picks the branch of the
// CRD schema unions ("JSONSchemaPropsOrBool"...) that the value's type selects.
import type { ReleaseSchemas } from "./registry.js";
import type { SchemaNode } from "./schema-node.js";

const ANY: SchemaNode = {};

export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function typeMatches(types: string | string[] | undefined, value: unknown): boolean {
  if (types === undefined) return true;
  const actual = jsonTypeOf(value);
  const list = Array.isArray(types) ? types : [types];
  return list.includes(actual) || (actual === "integer" && list.includes("number"));
}

/** Follows `$ref` chains (a missing definition reads as "anything"). */
export function deref(release: ReleaseSchemas, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
    current = release.definition(current.$ref) ?? ANY;
  }
  return current;
}

/** The branch of an if/then/else union that applies to this value. */
export function branchFor(release: ReleaseSchemas, node: SchemaNode, value: unknown): SchemaNode {
  let current = deref(release, node);
  for (let depth = 0; current.if !== undefined && depth < 8; depth++) {
    const chosen = typeMatches(current.if.type, value) ? current.then : current.else;
    current = chosen === undefined || typeof chosen === "boolean" ? ANY : deref(release, chosen);
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The schema of the child `segment` of a value described by `node`, if any. */
export function childSchema(release: ReleaseSchemas, node: SchemaNode, value: unknown, segment: string): SchemaNode | undefined {
  const here = branchFor(release, node, value);
  if (Array.isArray(value)) return here.items;
  if (here.properties && Object.hasOwn(here.properties, segment)) return here.properties[segment];
  if (typeof here.additionalProperties === "object") return here.additionalProperties;
  if (here.items && /^\d+$/.test(segment)) return here.items;
  return undefined;
}

/**
 * The schema at a path of the document (segments of a JSON pointer), with the
 * value found there; undefined when the path leaves the schema.
 */
export function schemaAt(
  release: ReleaseSchemas,
  root: SchemaNode,
  document: unknown,
  segments: readonly string[],
): SchemaNode | undefined {
  let node: SchemaNode = root;
  let value: unknown = document;
  for (const segment of segments) {
    const child = childSchema(release, node, value, segment);
    if (!child) return undefined;
    node = child;
    value = Array.isArray(value) ? value[Number(segment)] : isRecord(value) ? value[segment] : undefined;
  }
  return branchFor(release, node, value);
}
