// The shape of the generated schemas (see scripts/schema-gen/convert.mjs).

/** A closed set of string values that Kubernetes validation enforces. */
export interface ClosedSet {
  values: string[];
  /** "" is accepted (defaulting fills it in). */
  empty?: boolean;
  /** "" is answered with `Required value` (otherwise it is one more unsupported value). */
  required?: boolean;
  /** Any value containing "/" (a fully qualified name) is accepted too. */
  qualified?: boolean;
  /** Upstream rejects with `Invalid value: ...: <this detail>` instead of `Unsupported value`. */
  invalid?: string;
}

export interface SchemaNode {
  type?: string | string[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  /** A definition name (not a JSON pointer): `io.k8s.api.core.v1.PodSpec`. */
  $ref?: string;
  /** A large subtree of a custom resource's schema, by name: compiled when a value first reaches it (crd/shared-subschemas.ts). */
  sharedSubschema?: string;
  if?: SchemaNode;
  then?: SchemaNode | boolean;
  else?: SchemaNode;
  k8sEnum?: ClosedSet;
  "x-kubernetes-patch-merge-key"?: string;
  "x-kubernetes-patch-strategy"?: string;
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-map-type"?: string;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
}
