// A kind's schema with every `$ref` replaced by the definition it names, for
// stages that walk a schema along a document (the diff aligns lists by their
// merge keys). Definitions are resolved once per release and shared.
import type { ReleaseSchemas } from "./registry.js";
import type { SchemaNode } from "./schema-node.js";

const resolvedByRelease = new WeakMap<ReleaseSchemas, Map<string, SchemaNode>>();

export function resolvedKindSchema(release: ReleaseSchemas, definition: string): SchemaNode {
  let resolved = resolvedByRelease.get(release);
  if (!resolved) {
    resolved = new Map();
    resolvedByRelease.set(release, resolved);
  }
  const memo = resolved;

  function resolveDefinition(name: string): SchemaNode {
    const known = memo.get(name);
    if (known) return known;
    // Registered before its contents so that recursive schemas point back at it.
    const target: SchemaNode = {};
    memo.set(name, target);
    Object.assign(target, copyNode(release.definition(name) ?? {}));
    return target;
  }

  function copyNode(node: SchemaNode): SchemaNode {
    if (node.$ref !== undefined) return resolveDefinition(node.$ref);
    const out: SchemaNode = { ...node };
    if (node.properties) {
      out.properties = {};
      for (const [name, child] of Object.entries(node.properties)) out.properties[name] = copyNode(child);
    }
    if (node.items) out.items = copyNode(node.items);
    if (typeof node.additionalProperties === "object") out.additionalProperties = copyNode(node.additionalProperties);
    if (node.if) out.if = copyNode(node.if);
    if (typeof node.then === "object") out.then = copyNode(node.then);
    if (node.else) out.else = copyNode(node.else);
    return out;
  }

  return resolveDefinition(definition);
}
