// A CustomResourceDefinition's structural schema as the JSON schema ajv
// checks custom resources with: strict like the API server's pruning with
// strict field validation (unknown fields are errors unless
// x-kubernetes-preserve-unknown-fields), int-or-string and embedded resources
// as apiextensions reads them, and the value validations kube-openapi applies.
// Defaults, list types, allOf/anyOf/oneOf/not and CEL rules are applied by
// src/schema/crd/ (junctors.ts reports them in kube-openapi's own terms).
import type { StructuralNode } from "./crd/structural.js";
import type { SchemaNode } from "./schema-node.js";
import { compileRe2 } from "../util/re2.js";
import { STRING_FORMAT_CHECKS } from "./crd/string-formats.js";
import { lookupTable } from "../util/lookup-table.js";

const OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

/** Formats kube-openapi checks on custom resources that kubeplan checks too (see runtime-ajv.ts). */
export const CUSTOM_RESOURCE_FORMATS: Readonly<Record<string, string>> = lookupTable({
  byte: "byte",
  date: "cr-date",
  "date-time": "cr-date-time",
  datetime: "cr-date-time",
  uuid: "cr-uuid",
  ...Object.fromEntries(Object.keys(STRING_FORMAT_CHECKS).map((name) => [name, `cr-${name}`])),
});

/** strfmt finds formats by their name without dashes ("k8sshortname" is "k8s-short-name"). */
const BY_NORMALIZED_NAME: Readonly<Record<string, string>> = lookupTable(
  Object.fromEntries(Object.entries(CUSTOM_RESOURCE_FORMATS).map(([name, format]) => [name.replaceAll("-", ""), format])),
);

/** The checked format a CRD's `format` names, if kubeplan checks it. */
export function customResourceFormat(declared: string): string | undefined {
  return CUSTOM_RESOURCE_FORMATS[declared] ?? BY_NORMALIZED_NAME[declared.replaceAll("-", "")];
}

/**
 * kube-openapi checks that an integer fits its format (int32, else int64)
 * from 1.36; the message names the format the CRD gave ("default" for none).
 */
export const INTEGER_FORMATS: Readonly<Record<string, string>> = lookupTable({ "cr-int32": "int32", "cr-int64": "int64", "cr-integer": "" });

function integerFormat(declared: string | undefined): string {
  if (declared === "int32") return "cr-int32";
  return declared === "int64" ? "cr-int64" : "cr-integer";
}

type Json = Record<string, unknown>;

const isValidPattern = (pattern: string): boolean => !("error" in compileRe2(pattern));

/** Bounds and lengths; draft-04's boolean exclusiveMinimum/Maximum become draft-07 numbers. */
function copyValueValidations(node: StructuralNode, out: Json): void {
  if (node.minimum !== undefined) out[node.exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = node.minimum;
  if (node.maximum !== undefined) out[node.exclusiveMaximum ? "exclusiveMaximum" : "maximum"] = node.maximum;
  if (node.multipleOf !== undefined && node.multipleOf > 0) out.multipleOf = node.multipleOf;
  for (const keyword of ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"] as const) {
    if (node[keyword] !== undefined) out[keyword] = node[keyword];
  }
  // A pattern RE2 cannot compile makes the CRD invalid (reported on the CRD), not its resources.
  if (node.pattern !== undefined && isValidPattern(node.pattern)) out.pattern = node.pattern;
  if (node.enum !== undefined) out.enum = node.nullable ? [...node.enum, null] : node.enum;
  const format = node.type === "integer" ? integerFormat(node.format) : node.format !== undefined ? customResourceFormat(node.format) : undefined;
  if (format !== undefined) out.format = format;
}

/** `envelope`: embedded resources get apiVersion, kind and metadata as the API server reads them. */
function convertNode(node: StructuralNode, seen: Set<StructuralNode>, envelope: boolean): SchemaNode {
  const out: SchemaNode & Json = {};
  if (seen.has(node)) return out;
  seen.add(node);
  if (node.intOrString) {
    out.type = node.nullable ? ["integer", "string", "null"] : ["integer", "string"];
    out["x-kubernetes-int-or-string"] = true;
  } else if (node.type !== "") {
    out.type = node.nullable ? [node.type, "null"] : node.type;
  }
  copyValueValidations(node, out);
  if (node.properties) {
    out.properties = {};
    for (const [name, child] of node.properties) out.properties[name] = convertNode(child, seen, envelope);
  }
  if (node.required.length > 0) out.required = node.required;
  if (node.items) out.items = convertNode(node.items, seen, envelope);
  if (typeof node.additionalProperties === "object") out.additionalProperties = convertNode(node.additionalProperties, seen, envelope);
  else if (node.additionalProperties === false) out.additionalProperties = false;
  if (node.embeddedResource && envelope) embedResource(out);
  if (node.preserveUnknownFields) {
    out["x-kubernetes-preserve-unknown-fields"] = true;
  } else if (out.additionalProperties === undefined && (out.properties !== undefined || node.type === "object")) {
    out.additionalProperties = false;
  }
  seen.delete(node);
  return out;
}

/** An embedded object carries its own apiVersion, kind and metadata. */
function embedResource(node: SchemaNode): void {
  node.properties ??= {};
  node.properties.apiVersion ??= { type: "string" };
  node.properties.kind ??= { type: "string" };
  node.properties.metadata = { $ref: OBJECT_META };
}

/** The root's metadata may restrict name and generateName (the only fields a CRD may constrain there): kube-openapi checks them beside ObjectMeta. */
function restrictNames(schema: SchemaNode, root: StructuralNode): void {
  const metadata = root.properties?.get("metadata");
  const restricted: Record<string, SchemaNode> = {};
  for (const name of ["name", "generateName"]) {
    const node = metadata?.properties?.get(name);
    if (node) restricted[name] = convertNode(node, new Set(), false);
  }
  if (Object.keys(restricted).length > 0) schema.properties!.metadata = { $ref: OBJECT_META, properties: restricted } as SchemaNode;
}

/**
 * The JSON schema of a custom resource: the structural schema with the object
 * envelope (apiVersion, kind, metadata as ObjectMeta) the API server adds.
 */
export function customResourceSchema(root: StructuralNode): SchemaNode {
  const schema = convertNode(root, new Set(), true);
  embedResource(schema);
  restrictNames(schema, root);
  if (schema.type === undefined) schema.type = "object";
  return schema;
}

/**
 * The value validations of a node as kube-openapi sees a structural schema
 * (ToKubeOpenAPI): what the schema declares, nothing added for embedded
 * resources. Unknown fields are refused (additionalProperties: false), which
 * kube-openapi leaves to pruning: callers skip those errors.
 */
export function valueValidationsSchema(node: StructuralNode): SchemaNode {
  return convertNode(node, new Set(), false);
}
