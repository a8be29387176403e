// A CustomResourceDefinition's openAPIV3Schema as the schema custom
// resources are validated with: strict like the API server's pruning with
// strict field validation (unknown fields are errors unless
// x-kubernetes-preserve-unknown-fields), int-or-string and embedded resources
// as apiextensions reads them. Descriptions, defaults, CEL rules and the
// allOf/anyOf/oneOf/not value validations are left out: kubeplan checks less
// there rather than report what the API server would accept.
import type { SchemaNode } from "./schema-node.js";

const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

/** Value validations kept as they are (ajv implements them like kube-openapi). */
const VALUE_KEYWORDS = [
  "enum",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
] as const;

/** Formats checked the way the API server decodes them; others are not checked. */
const CHECKED_FORMATS = new Set(["int32", "int64", "byte", "date-time"]);

const LIST_EXTENSIONS = ["x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type"] as const;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** What a CRD schema node says, read defensively: any field may have any type. */
function convertNode(input: unknown, depth: number): SchemaNode {
  if (!isRecord(input) || depth > 64) return {};
  const out: SchemaNode & Json = {};
  const preserve = input["x-kubernetes-preserve-unknown-fields"] === true;
  const embedded = input["x-kubernetes-embedded-resource"] === true;
  if (input["x-kubernetes-int-or-string"] === true) {
    out.type = ["integer", "string"];
    out.format = "int-or-string";
    return out;
  }
  if (typeof input.type === "string" && input.type !== "") out.type = input.type === "number" ? "number" : input.type;
  if (typeof input.format === "string" && CHECKED_FORMATS.has(input.format)) out.format = input.format;
  for (const keyword of VALUE_KEYWORDS) {
    if (input[keyword] !== undefined) out[keyword] = input[keyword];
  }
  for (const extension of LIST_EXTENSIONS) {
    if (input[extension] !== undefined) (out as Json)[extension] = input[extension];
  }
  if (isRecord(input.properties)) {
    out.properties = {};
    for (const [name, child] of Object.entries(input.properties)) out.properties[name] = convertNode(child, depth + 1);
  }
  if (Array.isArray(input.required)) out.required = input.required.filter((name): name is string => typeof name === "string");
  if (isRecord(input.items)) out.items = convertNode(input.items, depth + 1);
  if (isRecord(input.additionalProperties)) out.additionalProperties = convertNode(input.additionalProperties, depth + 1);
  else if (typeof input.additionalProperties === "boolean") out.additionalProperties = input.additionalProperties;
  if (embedded) embedResource(out);
  if (input.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  if (preserve) {
    out["x-kubernetes-preserve-unknown-fields"] = true;
  } else if (out.additionalProperties === undefined && (out.properties !== undefined || out.type === "object")) {
    out.additionalProperties = false;
  }
  return out;
}

/** An embedded object carries its own apiVersion, kind and metadata. */
function embedResource(node: SchemaNode): void {
  node.properties ??= {};
  node.properties.apiVersion ??= { type: "string" };
  node.properties.kind ??= { type: "string" };
  node.properties.metadata = { $ref: OBJECT_META };
}

/**
 * The schema of a custom resource: the CRD's openAPIV3Schema with the object
 * envelope (apiVersion, kind, metadata as ObjectMeta) the API server adds.
 */
export function customResourceSchema(openAPIV3Schema: unknown): SchemaNode {
  const root = convertNode(openAPIV3Schema, 0);
  embedResource(root);
  if (root.type === undefined) root.type = "object";
  return root;
}
