// CRDs repeat big subtrees: prometheus-operator's embed the container schema
// in a dozen places, and every CRD of an operator embeds the same ones. ajv
// compiles each place into its own code, which makes compiling a big CRD
// slow. Here every large subtree is named after its content, so that ajv
// compiles it once per process, whichever CRD and place it comes from, and
// only when a custom resource first reaches it (see runtime-ajv.ts): most
// resources set a small part of their CRD's schema.
import { crypto } from "../../util/on-demand-modules.js";
import type { SchemaNode } from "../schema-node.js";

/** Subtrees smaller than this stay inline: a function call costs more than it saves. */
const MIN_SHARED_NODES = 24;

export interface SharedSchema {
  root: SchemaNode;
  /** The subtrees the root and each other refer to by `sharedSubschema`, by name. */
  definitions: Map<string, SchemaNode>;
}

interface Visited {
  /** The subtree, or its `sharedSubschema` place when it is shared. */
  node: SchemaNode;
  size: number;
}

type Json = Record<string, unknown>;

/** The node with its subschemas replaced by `replace`. */
function mapChildren(node: SchemaNode, replace: (child: SchemaNode) => SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  if (node.properties) {
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) out.properties[name] = replace(child);
  }
  if (node.items) out.items = replace(node.items);
  if (typeof node.additionalProperties === "object") out.additionalProperties = replace(node.additionalProperties);
  return out;
}

export function shareSubschemas(schema: SchemaNode): SharedSchema {
  const definitions = new Map<string, SchemaNode>();

  function visit(node: SchemaNode, depth: number): Visited {
    if (depth > 64) return { node, size: 1 };
    let size = 1;
    const shared = mapChildren(node, (child) => {
      const visited = visit(child, depth + 1);
      size += visited.size;
      return visited.node;
    });
    // Small subtrees and the root stay inline: no content key to work out.
    if (size < MIN_SHARED_NODES || depth === 0) return { node: shared, size };
    // The content key: the node's own keywords plus its children's keys.
    const childHashes: Json = {};
    const own: Json = { ...node, properties: undefined, items: undefined, additionalProperties: typeof node.additionalProperties === "object" ? undefined : node.additionalProperties };
    for (const [name, child] of Object.entries(shared.properties ?? {})) childHashes[`p:${name}`] = child.sharedSubschema ?? JSON.stringify(child);
    if (shared.items) childHashes.items = shared.items.sharedSubschema ?? JSON.stringify(shared.items);
    if (typeof shared.additionalProperties === "object") childHashes.additional = shared.additionalProperties.sharedSubschema ?? JSON.stringify(shared.additionalProperties);
    const name = crypto().createHash("sha1").update(JSON.stringify([own, childHashes])).digest("hex");
    if (!definitions.has(name)) definitions.set(name, shared);
    return { node: { sharedSubschema: name }, size };
  }

  return { root: visit(schema, 0).node, definitions };
}
