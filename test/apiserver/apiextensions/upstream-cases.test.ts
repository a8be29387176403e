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

const found = (manifest: Json) => validateCustomResourceDefinition(manifest, "1.36").map((error) => `${error.type} ${error.field.toString()}`);

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
  ];
  test.each(cases)("$name", ({ manifest, expected }) => {
    expect(found(manifest)).toEqual(expected);
  });
});
