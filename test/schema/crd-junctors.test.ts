// allOf, anyOf, oneOf and not in custom resource schemas, reported as
// kube-openapi reports them through the API server.
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { documentsOf } from "./helpers.js";

/** A realistic Route CRD: a backend is a service or a url (oneOf); ports avoid a reserved range (not); weights... */
const ROUTE_SPEC = {
  type: "object",
  properties: {
    backend: {
      type: "object",
      properties: { service: { type: "string" }, url: { type: "string" }, port: { type: "integer" } },
      oneOf: [{ required: ["service"] }, { required: ["url"] }],
    },
    port: { type: "integer", not: { minimum: 6000, maximum: 6063 } },
    match: {
      type: "object",
      properties: { path: { type: "string" }, prefix: { type: "string" }, header: { type: "string" } },
      anyOf: [{ required: ["path"] }, { required: ["prefix"], properties: { prefix: { pattern: "^/" } } }],
    },
    timeout: { type: "string", allOf: [{ pattern: "^[0-9]+" }, { pattern: "s$" }] },
    // An endpoint is an IP (either family) when its kind says so, anything else otherwise.
    endpoints: {
      type: "array",
      items: {
        type: "object",
        properties: { kind: { type: "string" }, address: { type: "string" } },
        oneOf: [{ properties: { kind: { enum: ["IP"] }, address: { anyOf: [{ format: "ipv4" }, { format: "ipv6" }] } } }, { properties: { kind: { not: { enum: ["IP"] } } } }],
      },
    },
  },
};

function findings(yaml: string): string[] {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
  validator.addCustomResourceDefinitions([
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "routes.net.example.com" },
      spec: { group: "net.example.com", scope: "Namespaced", names: { plural: "routes", kind: "Route" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: ROUTE_SPEC } } } }] },
    },
  ]);
  const [document] = documentsOf(`apiVersion: net.example.com/v1\nkind: Route\nmetadata: {name: r}\nspec:\n${yaml}`);
  return validator.validate(document!).map((f) => `${f.rule} ${f.message}`);
}

describe("junctors", () => {
  const cases: Array<{ name: string; yaml: string; expected: string[] }> = [
    { name: "every junctor satisfied", yaml: "  backend: {service: api, port: 80}\n  port: 8080\n  match: {prefix: /api}\n  timeout: 30s\n", expected: [] },
    {
      name: "oneOf with no alternative valid: the closest one's errors follow",
      yaml: "  backend: {port: 80}\n",
      expected: ['schema/invalid-value <nil>: Invalid value: "": "spec.backend" must validate one and only one schema (oneOf). Found none valid', "schema/required spec.backend.service: Required value"],
    },
    {
      name: "oneOf with two alternatives valid",
      yaml: "  backend: {service: api, url: https://api.example.com}\n",
      expected: ['schema/invalid-value <nil>: Invalid value: "": "spec.backend" must validate one and only one schema (oneOf). Found 2 valid alternatives'],
    },
    { name: "not", yaml: "  port: 6001\n", expected: ['schema/invalid-value <nil>: Invalid value: "": "spec.port" must not validate the schema (not)'] },
    {
      name: "anyOf with none valid",
      yaml: "  match: {prefix: api}\n",
      expected: ['schema/invalid-value <nil>: Invalid value: "": "spec.match" must validate at least one schema (anyOf)', `schema/invalid-value spec.match.prefix: Invalid value: "api": spec.match.prefix in body should match '^/'`],
    },
    {
      name: "allOf with one part failing",
      yaml: "  timeout: 30m\n",
      expected: ['schema/invalid-value <nil>: Invalid value: "": "spec.timeout" must validate all the schemas (allOf)', `schema/invalid-value spec.timeout: Invalid value: "30m": spec.timeout in body should match 's$'`],
    },
    { name: "oneOf alternative with a nested anyOf satisfied", yaml: "  endpoints: [{kind: IP, address: 10.0.0.1}, {kind: IP, address: 'fd00::1'}, {kind: Name, address: db}]\n", expected: [] },
    {
      // The IP alternative describes both fields, so it counts more matches than the other and its nested errors are the ones reported.
      name: "oneOf with none valid: the alternative that describes more of the value explains, with its nested anyOf",
      yaml: "  endpoints: [{kind: IP, address: '10.0.0.1:8080'}]\n",
      expected: [
        'schema/invalid-value <nil>: Invalid value: "": "spec.endpoints[0]" must validate one and only one schema (oneOf). Found none valid',
        'schema/invalid-value <nil>: Invalid value: "": "spec.endpoints[0].address" must validate at least one schema (anyOf)',
        'schema/format spec.endpoints[0].address: Invalid value: "10.0.0.1:8080": spec.endpoints[0].address in body must be of type ipv4: "10.0.0.1:8080"',
      ],
    },
    {
      name: "oneOf with only the kind given: the IP alternative alone holds",
      yaml: "  endpoints: [{kind: IP}]\n",
      expected: [],
    },
  ];
  test.each(cases)("$name", ({ yaml, expected }) => {
    expect(findings(yaml)).toEqual(expected);
  });
});
