// The definitions a schema refers to.
import type { SchemaNode } from "./schema-node.js";

export function refsOf(schema: SchemaNode, out = new Set<string>()): Set<string> {
  if (schema.$ref !== undefined) out.add(schema.$ref);
  for (const child of Object.values(schema.properties ?? {})) refsOf(child, out);
  if (schema.items) refsOf(schema.items, out);
  if (typeof schema.additionalProperties === "object") refsOf(schema.additionalProperties, out);
  if (schema.if) refsOf(schema.if, out);
  if (typeof schema.then === "object") refsOf(schema.then, out);
  if (schema.else) refsOf(schema.else, out);
  return out;
}
