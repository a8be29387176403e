// Turns one OpenAPI v2 definition of the Kubernetes spec into the JSON schema
// kubeplan validates with: no descriptions, strict objects (like
// `kubectl apply --validate=strict`), Kubernetes' own formats, and the list
// annotations the diff stage needs.

const REF_PREFIX = "#/definitions/";

/** Extensions kept as they are: the diff stage aligns lists and maps with them. */
const KEPT_EXTENSIONS = [
  "x-kubernetes-patch-merge-key",
  "x-kubernetes-patch-strategy",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
];

const JSON_SCHEMA_PROPS = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps";

/**
 * Definitions whose wire form is not what the spec's `type` says. Each maps to
 * the schema that accepts exactly what the API server's decoder accepts.
 */
const SPECIAL_DEFINITIONS = {
  // intstr.IntOrString decodes a JSON number as int32 and a string as a string.
  "io.k8s.apimachinery.pkg.util.intstr.IntOrString": { type: ["integer", "string"], format: "int-or-string" },
  // resource.Quantity accepts a JSON string or number, parsed with ParseQuantity.
  "io.k8s.apimachinery.pkg.api.resource.Quantity": { type: ["string", "number"], format: "quantity" },
  // metav1.Time / MicroTime are RFC 3339 strings.
  "io.k8s.apimachinery.pkg.apis.meta.v1.Time": { type: "string", format: "date-time" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": { type: "string", format: "date-time" },
  // Opaque payloads: any JSON value is kept as it is.
  "io.k8s.apimachinery.pkg.runtime.RawExtension": {},
  "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": {},
  "io.k8s.apimachinery.pkg.apis.meta.v1.Patch": {},
  "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON": {},
  // The "...Or..." unions of CRD schemas: one shape or the other, told apart by JSON type.
  "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray": {
    if: { type: "array" },
    then: { items: { $ref: JSON_SCHEMA_PROPS } },
    else: { $ref: JSON_SCHEMA_PROPS },
  },
  "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool": {
    if: { type: "boolean" },
    then: true,
    else: { $ref: JSON_SCHEMA_PROPS },
  },
  "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray": {
    if: { type: "array" },
    then: { items: { type: "string" } },
    else: { $ref: JSON_SCHEMA_PROPS },
  },
};

/** Formats whose checks the runtime registers; others (e.g. "double") say nothing more than `type`. */
const CHECKED_FORMATS = new Set(["int32", "int64", "byte", "date-time"]);

export function refName(ref) {
  return ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
}

/**
 * @param {string} name definition name
 * @param {object} definition the spec's definition
 * @param {(name: string, property: string) => object | undefined} enumFor closed set for a property
 */
export function convertDefinition(name, definition, enumFor) {
  if (name in SPECIAL_DEFINITIONS) return structuredClone(SPECIAL_DEFINITIONS[name]);
  return convertNode(definition, name, enumFor);
}

function convertNode(node, owner, enumFor) {
  if (node.$ref) return { $ref: refName(node.$ref) };
  const out = {};
  if (node.type) out.type = node.type;
  if (node.format && CHECKED_FORMATS.has(node.format)) out.format = node.format;
  if (node.properties) {
    out.properties = {};
    for (const property of Object.keys(node.properties).sort()) {
      const converted = convertNode(node.properties[property], owner, enumFor);
      const closedSet = enumFor(owner, property);
      if (closedSet) applyEnum(converted, closedSet);
      out.properties[property] = converted;
    }
  }
  if (node.required?.length) out.required = [...node.required].sort();
  if (node.items) out.items = convertNode(node.items, owner, enumFor);
  if (node.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof node.additionalProperties === "object" ? convertNode(node.additionalProperties, owner, enumFor) : node.additionalProperties;
  }
  for (const extension of KEPT_EXTENSIONS) {
    if (node[extension] !== undefined) out[extension] = node[extension];
  }
  if (isStrictObject(node)) out.additionalProperties = false;
  return out;
}

/**
 * An object with declared fields (or a Go struct with none) accepts no other
 * key, as strict decoding rejects unknown fields; maps and preserved objects do.
 */
function isStrictObject(node) {
  if (node.additionalProperties !== undefined) return false;
  if (node["x-kubernetes-preserve-unknown-fields"]) return false;
  return node.properties !== undefined || node.type === "object";
}

function applyEnum(schema, closedSet) {
  const { items, ...spec } = closedSet;
  const target = items ? schema.items : schema;
  // ajv ignores keywords next to $ref, so a closed set must sit on an inline string schema.
  if (!target || target.$ref) throw new Error(`closed set on a non-string field: ${JSON.stringify(closedSet)}`);
  target.k8sEnum = spec;
}

/** Names of the definitions a converted schema refers to. */
export function refsOf(schema, out = new Set()) {
  if (Array.isArray(schema)) {
    for (const item of schema) refsOf(item, out);
  } else if (schema && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "$ref" && typeof value === "string") out.add(value);
      else if (key === "properties") for (const child of Object.values(value)) refsOf(child, out);
      else if (typeof value === "object") refsOf(value, out);
    }
  }
  return out;
}
