// ValidateCustomResourceDefinition on create, case by case as the API server's
// own table states them: each CRD is written as a v1 manifest and must give
// exactly the expected errors (type and path), or none.
import { describe, expect, test } from "vitest";
import { validateCustomResourceDefinition } from "../../../src/apiserver/validation/apiextensions/validation.js";

type Json = Record<string, unknown>;

const version = (name: string, storage: boolean): Json => ({ name, served: true, storage, schema: { openAPIV3Schema: { type: "object" } } });

/** plural.group.com with two versions (the first one stored); `spec` is merged over it. */
function crd(spec: Json = {}): Json {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "plural.group.com" },
    spec: {
      group: "group.com",
      scope: "Cluster",
      names: { plural: "plural", singular: "singular", kind: "Plural", listKind: "PluralList" },
      versions: [version("version", true), version("version2", false)],
      ...spec,
    },
  };
}

const webhook = (clientConfig: Json, conversionReviewVersions: string[] = ["v1"]): Json => ({ conversion: { strategy: "Webhook", webhook: { clientConfig, conversionReviewVersions } } });
const URL = "https://example.com/webhook";
const CV = "spec.conversion.conversionReviewVersions";

/** The errors as type and path, sorted: the API server's table does not fix their order. */
const found = (manifest: Json) => validateCustomResourceDefinition(manifest, "1.36").map((error) => `${error.type} ${error.field.toString()}`).sort();

/** A single-version, namespaced plural.group.com whose version has this schema (or none). */
const withSchema = (openAPIV3Schema?: Json, more: Json = {}): Json =>
  crd({ scope: "Namespaced", versions: [{ name: "version", served: true, storage: true, ...(openAPIV3Schema ? { schema: { openAPIV3Schema } } : {}), ...more }] });
const S = "spec.validation.openAPIV3Schema";
const names = (plural: string, singular: string, kind: string, listKind: string) => ({ plural, singular, kind, listKind });

const STRING: Json = { type: "string" };
/** A Pod named foo, with more metadata. */
const pod = (metadata: Json): Json => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "foo", ...metadata } });
/** A Foo of foo/v1 with this metadata. */
const foo = (metadata: Json): Json => ({ apiVersion: "foo/v1", kind: "Foo", metadata });
const FOO = foo({ name: "foo", labels: { foo: "foo" } });
/** Embedded resources whose apiVersion, kind or metadata is of the wrong type, by what is wrong. */
const WRONGLY_TYPED: Record<string, Json> = {
  apiVersion: { apiVersion: 42 },
  kind: { kind: 42 },
  name: { metadata: { name: 42 } },
  labels: { metadata: { labels: { foo: 42 } } },
  annotations: { metadata: { annotations: 42 } },
  metadata: { metadata: 42 },
};
/** apiVersion, kind, name and labels each limited to one value (foo/v1, Foo, foo, foo), with these defaults. */
function constrained(defaults: { apiVersion?: string; kind?: string; name?: string; labels?: Json }): Record<string, Json> {
  const withDefault = (schema: Json, value: unknown): Json => (value === undefined ? schema : { ...schema, default: value });
  return {
    apiVersion: withDefault({ type: "string", enum: ["foo/v1"] }, defaults.apiVersion),
    kind: withDefault({ type: "string", enum: ["Foo"] }, defaults.kind),
    metadata: {
      type: "object",
      properties: {
        name: withDefault({ type: "string", enum: ["foo"] }, defaults.name),
        labels: withDefault({ type: "object", additionalProperties: { type: "string", enum: ["foo"] } }, defaults.labels),
      },
    },
  };
}

/**
 * For each named value, `object-<name>`: an embedded resource of these properties with the value as its
 * default, and `spanning-<name>`: an object around such a resource, its default holding the value.
 */
function objectAndSpanningDefaults(values: Record<string, Json>, properties: Json): Json {
  const resource = { type: "object", "x-kubernetes-embedded-resource": true, properties };
  return Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) => [
      [`object-${name}`, { ...resource, default: value }],
      [`spanning-${name}`, { type: "object", properties: { embedded: resource }, default: { embedded: value } }],
    ]),
  );
}

describe("ValidateCustomResourceDefinition: the API server's create cases", () => {
  const cases: Array<{ name: string; manifest: Json; expected: string[] }> = [
    {
      name: "invalid types disallowed",
      manifest: crd({ versions: [{ ...version("version", true), schema: { openAPIV3Schema: { type: "object", properties: { foo: { type: "bogus" } } } } }] }),
      expected: ["FieldValueNotSupported spec.validation.openAPIV3Schema.properties[foo].type"],
    },
    { name: "webhookconfig: invalid port 0", manifest: crd(webhook({ service: { name: "n", namespace: "ns", port: 0 } })), expected: ["FieldValueInvalid spec.conversion.webhookClientConfig.service.port"] },
    { name: "webhookconfig: invalid port 65536", manifest: crd(webhook({ service: { name: "n", namespace: "ns", port: 65536 } })), expected: ["FieldValueInvalid spec.conversion.webhookClientConfig.service.port"] },
    { name: "webhookconfig: a service without a port is served on 443", manifest: crd(webhook({ service: { name: "n", namespace: "ns" } })), expected: [] },
    { name: "webhookconfig: a service path must start with a slash", manifest: crd(webhook({ service: { name: "n", namespace: "ns", path: "convert" } })), expected: ["FieldValueInvalid spec.conversion.webhookClientConfig.service.path"] },
    // The API server checks the service's namespace where the name goes, and the other way round.
    { name: "webhookconfig: an empty service namespace", manifest: crd(webhook({ service: { name: "n", namespace: "" } })), expected: ["FieldValueRequired spec.conversion.webhookClientConfig.service.name"] },
    { name: "webhookconfig: a plain http URL", manifest: crd(webhook({ url: "http://example.com/webhook" })), expected: ["FieldValueInvalid spec.conversion.webhookClientConfig.url"] },
    { name: "webhookconfig: both service and URL provided", manifest: crd(webhook({ url: URL, service: { name: "n", namespace: "ns" } })), expected: ["FieldValueRequired spec.conversion.webhookClientConfig"] },
    { name: "webhookconfig: blank URL", manifest: crd(webhook({ url: "" })), expected: ["FieldValueInvalid spec.conversion.webhookClientConfig.url", "FieldValueInvalid spec.conversion.webhookClientConfig.url"] },
    { name: "webhookconfig: an https URL", manifest: crd(webhook({ url: URL })), expected: [] },
    // The API server checks a conversion webhook's caBundle only on updates of an established CRD.
    { name: "webhookconfig: a caBundle that is no certificate, on create", manifest: crd(webhook({ url: URL, caBundle: "bm90IGEgY2VydGlmaWNhdGU=" })), expected: [] },
    { name: "webhookconfig_should_not_be_set", manifest: crd({ conversion: { strategy: "None", webhook: { clientConfig: { url: URL } } } }), expected: ["FieldValueForbidden spec.conversion.webhookClientConfig"] },
    { name: "ConversionReviewVersions_should_not_be_set", manifest: crd({ conversion: { strategy: "None", webhook: { conversionReviewVersions: ["v1beta1"] } } }), expected: ["FieldValueForbidden " + CV] },
    { name: "webhookconfig: invalid ConversionReviewVersion", manifest: crd(webhook({ url: URL }, ["invalid-version"])), expected: ["FieldValueInvalid " + CV] },
    { name: "webhookconfig: invalid ConversionReviewVersion version string", manifest: crd(webhook({ url: URL }, ["0v"])), expected: [`FieldValueInvalid ${CV}[0]`, "FieldValueInvalid " + CV] },
    { name: "webhookconfig: at least one valid ConversionReviewVersion", manifest: crd(webhook({ url: URL }, ["invalid-version", "v1beta1"])), expected: [] },
    { name: "webhookconfig: duplicate ConversionReviewVersion", manifest: crd(webhook({ url: URL }, ["v1beta1", "v1beta1"])), expected: [`FieldValueInvalid ${CV}[1]`] },
    { name: "missing_webhookconfig", manifest: crd({ conversion: { strategy: "Webhook" } }), expected: ["FieldValueRequired spec.conversion.webhookClientConfig", "FieldValueRequired " + CV] },
    { name: "invalid_conversion_strategy", manifest: crd({ conversion: { strategy: "non_existing_conversion" } }), expected: ["FieldValueNotSupported spec.conversion.strategy"] },
    { name: "none conversion", manifest: crd({ conversion: { strategy: "None" } }), expected: [] },
    { name: "webhook conversion, conversionReviewVersions=[v1beta1]", manifest: crd(webhook({ url: URL }, ["v1beta1"])), expected: [] },
    { name: "webhook conversion, conversionReviewVersions=[v1]", manifest: crd(webhook({ url: URL }, ["v1"])), expected: [] },
    {
      name: "no_storage_version (on create, no stored version either)",
      manifest: crd({ versions: [version("version", false), version("version2", false)] }),
      expected: ["FieldValueInvalid spec.versions", "FieldValueInvalid status.storedVersions"],
    },
    { name: "multiple_storage_version", manifest: crd({ versions: [version("version", true), version("version2", true)] }), expected: ["FieldValueInvalid spec.versions"] },
    {
      name: "mismatched name",
      manifest: { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "plural.not.group.com" }, spec: { group: "group.com", names: { plural: "plural" } } },
      expected: [
        "FieldValueInvalid metadata.name",
        "FieldValueInvalid spec.versions",
        "FieldValueInvalid status.storedVersions",
        "FieldValueRequired spec.names.kind",
        "FieldValueRequired spec.names.listKind",
        "FieldValueRequired spec.names.singular",
        "FieldValueRequired spec.scope",
      ],
    },
    {
      name: "missing values",
      manifest: { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "plural.group.com" }, spec: {} },
      expected: [
        "FieldValueInvalid metadata.name",
        "FieldValueInvalid spec.versions",
        "FieldValueInvalid status.storedVersions",
        "FieldValueRequired spec.group",
        "FieldValueRequired spec.names.kind",
        "FieldValueRequired spec.names.listKind",
        "FieldValueRequired spec.names.plural",
        "FieldValueRequired spec.names.singular",
        "FieldValueRequired spec.scope",
      ],
    },
    {
      name: "bad names 01 (the version's name stands for v1beta1's spec.version)",
      manifest: {
        ...crd({ group: "group", scope: "foo", names: names("pl()*ural", "value()*a", "value()*a", "value()*a"), versions: [{ ...version("ve()*rsion", true) }] }),
        metadata: { name: "plural.group" },
      },
      expected: [
        "FieldValueInvalid metadata.name",
        "FieldValueInvalid spec.group",
        "FieldValueInvalid spec.names.kind",
        "FieldValueInvalid spec.names.listKind",
        "FieldValueInvalid spec.names.listKind",
        "FieldValueInvalid spec.names.plural",
        "FieldValueInvalid spec.names.singular",
        "FieldValueInvalid spec.versions[0].name",
        "FieldValueNotSupported spec.scope",
      ],
    },
    {
      name: "bad names 02",
      manifest: { ...crd({ group: "group.c(*&om", scope: undefined, names: names("plural", "singular", "matching", "matching"), versions: [version("version", true)] }), metadata: { name: "plural.group" } },
      expected: ["FieldValueInvalid metadata.name", "FieldValueInvalid spec.group", "FieldValueInvalid spec.names.listKind", "FieldValueRequired spec.scope"],
    },
    {
      name: "additionalProperties and properties forbidden",
      manifest: withSchema({ type: "object", properties: { foo: { type: "object", properties: { bar: { type: "object" } }, additionalProperties: false } } }),
      expected: [`FieldValueForbidden ${S}.properties[foo].additionalProperties`],
    },
    {
      name: "additionalProperties without properties allowed (map[string]string)",
      manifest: withSchema({ type: "object", properties: { foo: { type: "object", additionalProperties: { type: "string" } } } }),
      expected: [],
    },
    {
      // The table names one error of several; a root without a type is not structural either.
      name: "x-kubernetes-preserve-unknown-field: false",
      manifest: withSchema({ "x-kubernetes-preserve-unknown-fields": false }),
      expected: [`FieldValueInvalid ${S}.x-kubernetes-preserve-unknown-fields`, `FieldValueRequired ${S}.type`],
    },
    {
      name: "no schema in one version",
      manifest: crd({ scope: "Namespaced", versions: [version("version", true), { name: "version2", served: true, storage: false, schema: {} }] }),
      expected: ["FieldValueRequired spec.versions[1].schema.openAPIV3Schema"],
    },
    {
      name: "no schema at all",
      manifest: crd({ scope: "Namespaced", versions: [{ name: "version", served: true, storage: true }, { name: "version2", served: true, storage: false, schema: {} }] }),
      expected: ["FieldValueRequired spec.versions[0].schema.openAPIV3Schema", "FieldValueRequired spec.versions[1].schema.openAPIV3Schema"],
    },
    {
      name: "every version with an empty schema",
      manifest: crd({ scope: "Namespaced", versions: [{ name: "version", served: true, storage: true, schema: {} }, { name: "version2", served: true, storage: false, schema: {} }] }),
      expected: ["FieldValueRequired spec.versions[0].schema.openAPIV3Schema", "FieldValueRequired spec.versions[1].schema.openAPIV3Schema"],
    },
    { name: "preserveUnknownFields: true", manifest: { ...withSchema({ type: "object" }), spec: { ...(withSchema({ type: "object" }).spec as Json), preserveUnknownFields: true } }, expected: ["FieldValueInvalid spec.preserveUnknownFields"] },
    {
      name: "labelSelectorPath outside of .spec and .status",
      manifest: crd({
        scope: "Namespaced",
        versions: [undefined, ".status.labelSelector", ".spec.labelSelector", ".labelSelector"].map((labelSelectorPath, i) => ({
          ...version(`version${i}`, i === 0),
          subresources: { scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", ...(labelSelectorPath ? { labelSelectorPath } : {}) } },
        })),
      }),
      expected: ["FieldValueInvalid spec.versions[3].subresources.scale.labelSelectorPath"],
    },
    { name: "defaults with enabled feature gate", manifest: withSchema({ type: "object", properties: { a: { type: "number", default: 42.0 } } }), expected: [] },
    {
      name: "x-kubernetes-embedded-resource with pruning and empty properties",
      manifest: withSchema({
        type: "object",
        "x-kubernetes-preserve-unknown-fields": true,
        properties: { nil: { type: "object", "x-kubernetes-embedded-resource": true }, empty: { type: "object", "x-kubernetes-embedded-resource": true, properties: {} } },
      }),
      expected: [`FieldValueRequired ${S}.properties[empty].properties`, `FieldValueRequired ${S}.properties[nil].properties`],
    },
    {
      name: "x-kubernetes-embedded-resource inside resource meta",
      manifest: withSchema({
        type: "object",
        properties: {
          embedded: {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            properties: {
              metadata: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true },
              apiVersion: { type: "string", properties: { foo: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true } } },
              kind: { type: "string", properties: { foo: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true } } },
            },
          },
        },
      }),
      expected: [
        `FieldValueForbidden ${S}.properties[embedded].properties[apiVersion].properties[foo].x-kubernetes-embedded-resource`,
        `FieldValueForbidden ${S}.properties[embedded].properties[kind].properties[foo].x-kubernetes-embedded-resource`,
        `FieldValueForbidden ${S}.properties[embedded].properties[metadata].x-kubernetes-embedded-resource`,
      ],
    },
    {
      name: "x-kubernetes-validations access metadata name",
      manifest: withSchema(
        { type: "object", "x-kubernetes-preserve-unknown-fields": true, "x-kubernetes-validations": [{ rule: "size(self.metadata.name) > 3" }], properties: { metadata: { type: "object", properties: { name: { type: "string" } } } } },
        { subresources: { status: {} } },
      ),
      expected: [],
    },
    {
      name: "defaults with enabled feature gate, unstructural schema",
      manifest: withSchema({ properties: { a: { default: 42.0 } } }),
      expected: [`FieldValueRequired ${S}.properties[a].type`, `FieldValueRequired ${S}.type`],
    },
    {
      name: "defaults in value validation with enabled feature gate, structural schema",
      manifest: withSchema({ type: "object", properties: { a: { type: "number", not: { default: 42.0 }, anyOf: [{ default: 42.0 }], allOf: [{ default: 42.0 }], oneOf: [{ default: 42.0 }] } } }),
      expected: [
        `FieldValueForbidden ${S}.properties[a].allOf[0].default`,
        `FieldValueForbidden ${S}.properties[a].anyOf[0].default`,
        `FieldValueForbidden ${S}.properties[a].not.default`,
        `FieldValueForbidden ${S}.properties[a].oneOf[0].default`,
      ],
    },
    {
      name: "invalid defaults with enabled feature gate, structural schema (the cases the table states in full)",
      manifest: withSchema({
        type: "object",
        properties: {
          b: { type: "object", properties: { foo: { type: "string" } }, default: { foo: "abc" } },
          c: { type: "object", properties: { foo: { type: "string" } }, default: { foo: 42 } },
          d: { type: "object", properties: { good: { type: "string", pattern: "a" }, bad: { type: "string", pattern: "b" } }, default: { good: "a", bad: "a" } },
          e: {
            type: "object",
            "x-kubernetes-preserve-unknown-fields": true,
            properties: {
              preserveUnknownFields: { type: "object", default: { foo: "abc", bar: 42 } },
              nestedProperties: { type: "object", properties: { foo: { type: "string" } }, default: { foo: "abc", bar: 42 } },
            },
          },
          "embedded-fine": { type: "object", "x-kubernetes-embedded-resource": true, properties: { foo: { type: "string" } }, default: { foo: "abc", apiVersion: "foo/v1", kind: "v1", metadata: { name: "foo" } } },
          "embedded-preserve": {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            "x-kubernetes-preserve-unknown-fields": true,
            properties: { foo: { type: "string" } },
            default: { foo: "abc", apiVersion: "foo/v1", kind: "v1", metadata: { name: "foo" }, bar: 42 },
          },
          "embedded-preserve-unpruned-objectmeta": {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            "x-kubernetes-preserve-unknown-fields": true,
            properties: { foo: { type: "string" } },
            default: { foo: "abc", apiVersion: "foo/v1", kind: "v1", metadata: { name: "foo", unspecified: "bar" }, bar: 42 },
          },
        },
      }),
      expected: [
        `FieldValueTypeInvalid ${S}.properties[c].default.foo`,
        `FieldValueInvalid ${S}.properties[d].default.bad`,
        `FieldValueInvalid ${S}.properties[e].properties[preserveUnknownFields].default`,
        `FieldValueInvalid ${S}.properties[e].properties[nestedProperties].default`,
      ],
    },
    {
      name: "additionalProperties at resource root",
      manifest: withSchema({
        type: "object",
        properties: {
          embedded1: { type: "object", "x-kubernetes-embedded-resource": true, additionalProperties: { type: "string" } },
          embedded2: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true, additionalProperties: { type: "string" } },
        },
      }),
      expected: [
        `FieldValueForbidden ${S}.properties[embedded1].additionalProperties`,
        `FieldValueForbidden ${S}.properties[embedded2].additionalProperties`,
        `FieldValueRequired ${S}.properties[embedded1].properties`,
      ],
    },
    {
      name: "default inside additionalSchema",
      manifest: withSchema({
        type: "object",
        properties: {
          embedded: {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            properties: { metadata: { type: "object", properties: { annotations: { type: "object", additionalProperties: { type: "string", default: "abc" } } } } },
          },
        },
      }),
      expected: [`FieldValueForbidden ${S}.properties[embedded].properties[metadata].properties[annotations].additionalProperties.default`],
    },
    {
      name: "top-level metadata default",
      manifest: withSchema({ type: "object", properties: { metadata: { type: "object", default: { name: "foo" } } } }),
      expected: [`FieldValueForbidden ${S}.properties[metadata].default`],
    },
    {
      name: "a default of a resource's metadata is not pruned (it stands in ObjectMeta), of another object is",
      manifest: withSchema({
        type: "object",
        properties: {
          embedded: { type: "object", "x-kubernetes-embedded-resource": true, properties: { metadata: { type: "object", default: { name: "foo", unknown: 42 } } } },
          plain: { type: "object", properties: { metadata: { type: "object", default: { name: "foo" } } } },
        },
      }),
      expected: [`FieldValueInvalid ${S}.properties[plain].properties[metadata].default`],
    },
    {
      name: "embedded metadata defaults: allowed",
      manifest: withSchema({
        type: "object",
        properties: {
          embedded: { type: "object", "x-kubernetes-embedded-resource": true, properties: { metadata: { type: "object", default: { name: "foo" } } } },
          "in-object": {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            properties: { apiVersion: { type: "string", default: "v1" }, kind: { type: "string", default: "Pod" }, metadata: { type: "object", properties: { name: { type: "string", default: "foo" } }, default: { unknown: 42 } } },
          },
          object: { type: "object", "x-kubernetes-embedded-resource": true, properties: { something: STRING }, default: pod({ unknown: 42 }) },
          spanning: { type: "object", properties: { embedded: { type: "object", "x-kubernetes-embedded-resource": true, properties: { something: STRING } } }, default: { embedded: pod({ unknown: 42 }) } },
        },
      }),
      expected: [],
    },
    {
      name: "embedded metadata defaults: of the wrong types",
      manifest: withSchema({
        type: "object",
        properties: {
          "in-object": {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            properties: {
              apiVersion: { type: "string", default: 42 },
              kind: { type: "string", default: 42 },
              metadata: { type: "object", properties: { name: { type: "string", default: 42 }, annotations: { type: "object", additionalProperties: STRING, default: 42 } } },
            },
          },
          ...objectAndSpanningDefaults(WRONGLY_TYPED, { something: STRING }),
        },
      }),
      expected: [
        ...["properties[apiVersion]", "properties[kind]", "properties[metadata].properties[name]", "properties[metadata].properties[annotations]"].map((at) => `FieldValueInvalid ${S}.properties[in-object].${at}.default`),
        ...Object.entries({ apiVersion: "apiVersion", kind: "kind", name: "metadata", labels: "metadata", annotations: "metadata", metadata: "metadata" }).flatMap(([name, at]) => [
          `FieldValueInvalid ${S}.properties[object-${name}].default.${at}`,
          `FieldValueInvalid ${S}.properties[spanning-${name}].default.embedded.${at}`,
        ]),
      ],
    },
    {
      name: "embedded metadata defaults: kinds, names and labels the API server refuses",
      manifest: withSchema({
        type: "object",
        properties: {
          "in-object": {
            type: "object",
            "x-kubernetes-embedded-resource": true,
            properties: {
              kind: { type: "string", default: "%" },
              metadata: { type: "object", properties: { name: { type: "string", default: "%" }, labels: { type: "object", additionalProperties: STRING, default: { foo: "x y" } } } },
            },
          },
          ...objectAndSpanningDefaults({ kind: { apiVersion: "foo/v1", kind: "%" }, name: foo({ name: "%" }), labels: foo({ labels: { foo: "x y" } }) }, { something: STRING }),
        },
      }),
      expected: [
        ...["properties[kind]", "properties[metadata].properties[name]", "properties[metadata].properties[labels]"].map((at) => `FieldValueInvalid ${S}.properties[in-object].${at}.default`),
        ...Object.entries({ kind: "kind", name: "metadata.name", labels: "metadata.labels" }).flatMap(([name, at]) => [`FieldValueInvalid ${S}.properties[object-${name}].default.${at}`, `FieldValueInvalid ${S}.properties[spanning-${name}].default.embedded.${at}`]),
      ],
    },
    {
      name: "embedded metadata defaults: against the enums of their schema",
      manifest: withSchema({
        type: "object",
        properties: {
          "in-object-valid": { type: "object", "x-kubernetes-embedded-resource": true, properties: constrained({ apiVersion: "foo/v1", kind: "Foo", name: "foo", labels: { foo: "foo" } }) },
          "in-object-invalid": { type: "object", "x-kubernetes-embedded-resource": true, properties: constrained({ apiVersion: "bar/v1", kind: "Bar", name: "bar", labels: { foo: "bar" } }) },
          "metadata-valid": { type: "object", "x-kubernetes-embedded-resource": true, properties: { metadata: { ...constrained({}).metadata as Json, default: { name: "foo", labels: { foo: "foo" } } } } },
          "metadata-invalid-name": { type: "object", "x-kubernetes-embedded-resource": true, properties: { metadata: { ...constrained({}).metadata as Json, default: { name: "bar" } } } },
          "metadata-invalid-labels": { type: "object", "x-kubernetes-embedded-resource": true, properties: { metadata: { ...constrained({}).metadata as Json, default: { name: "foo", labels: { foo: "bar" } } } } },
          ...objectAndSpanningDefaults({ valid: FOO, name: foo({ name: "bar" }), labels: foo({ name: "foo", labels: { foo: "bar" } }), apiVersion: { ...FOO, apiVersion: "bar/v1" }, kind: { ...FOO, kind: "Bar" } }, constrained({})),
        },
      }),
      expected: [
        ...["properties[apiVersion]", "properties[kind]", "properties[metadata].properties[name]", "properties[metadata].properties[labels].default.foo"].map((at) => `FieldValueNotSupported ${S}.properties[in-object-invalid].${at}${at.endsWith("foo") ? "" : ".default"}`),
        `FieldValueNotSupported ${S}.properties[metadata-invalid-name].properties[metadata].default.name`,
        `FieldValueNotSupported ${S}.properties[metadata-invalid-labels].properties[metadata].default.labels.foo`,
        ...Object.entries({ name: "metadata.name", labels: "metadata.labels.foo", apiVersion: "apiVersion", kind: "kind" }).flatMap(([name, at]) => [`FieldValueNotSupported ${S}.properties[object-${name}].default.${at}`, `FieldValueNotSupported ${S}.properties[spanning-${name}].default.embedded.${at}`]),
      ],
    },
    {
      name: "embedded metadata defaults: without apiVersion and kind",
      manifest: withSchema({
        type: "object",
        properties: {
          object: { type: "object", "x-kubernetes-embedded-resource": true, properties: constrained({}), default: { metadata: { name: "bar" } } },
          spanning: { type: "object", properties: { embedded: { type: "object", "x-kubernetes-embedded-resource": true, properties: constrained({}) } }, default: { embedded: { metadata: { name: "bar" } } } },
        },
      }),
      expected: [
        `FieldValueRequired ${S}.properties[object].default.apiVersion`,
        `FieldValueRequired ${S}.properties[object].default.kind`,
        `FieldValueRequired ${S}.properties[spanning].default.embedded.apiVersion`,
        `FieldValueRequired ${S}.properties[spanning].default.embedded.kind`,
      ],
    },
  ];
  test.each(cases)("$name", ({ manifest, expected }) => {
    expect(found(manifest)).toEqual([...expected].sort());
  });
});
