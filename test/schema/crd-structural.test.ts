// Structural schema semantics of custom resources: nullable and pruned
// nulls, defaults, preserved unknown fields, value validations and the way
// bad values print for each Kubernetes version; and the sharing of large
// subtrees between compiled CRD schemas.
import { describe, expect, test } from "vitest";
import { badValue, goFloat, goSyntax } from "../../src/schema/crd/bad-value.js";
import { defaultedResource } from "../../src/schema/crd/defaults.js";
import { shareSubschemas } from "../../src/schema/crd/shared-subschemas.js";
import { readStructuralSchema } from "../../src/schema/crd/structural.js";
import type { SchemaNode } from "../../src/schema/schema-node.js";
import { createSchemaValidator } from "../../src/schema/index.js";
import { brief, checkThing as check, documentsOf, thingCrd } from "./helpers.js";

describe("defaults and nulls", () => {
  const schema = readStructuralSchema({
    type: "object",
    properties: {
      spec: {
        type: "object",
        properties: {
          mode: { type: "string", default: "fast" },
          note: { type: "string", nullable: true },
          gone: { type: "string" },
          limits: { type: "object", default: {}, properties: { cpu: { type: "string", default: "1" } } },
          ports: { type: "array", items: { type: "object", properties: { protocol: { type: "string", default: "TCP" } } } },
        },
      },
    },
  });

  test("missing fields take their defaults, defaults are defaulted, null is pruned unless nullable", () => {
    const input = { apiVersion: "test.io/v1", kind: "Thing", metadata: { name: "a" }, spec: { note: null, gone: null, ports: [{}, { protocol: "UDP" }] } };
    expect(defaultedResource(input, schema)).toEqual({
      apiVersion: "test.io/v1",
      kind: "Thing",
      metadata: { name: "a" },
      spec: { mode: "fast", note: null, limits: { cpu: "1" }, ports: [{ protocol: "TCP" }, { protocol: "UDP" }] },
    });
    expect(input.spec).toEqual({ note: null, gone: null, ports: [{}, { protocol: "UDP" }] });
  });

  test("null metadata fields read as ObjectMeta reads them (creationTimestamp: null)", () => {
    const input = { apiVersion: "test.io/v1", kind: "Thing", metadata: { name: "a", creationTimestamp: null }, spec: { mode: "slow", limits: { cpu: "2" } } };
    expect(defaultedResource(input, schema).metadata).toEqual({ name: "a" });
  });

  test("nothing to default: the same object", () => {
    const input = { apiVersion: "test.io/v1", kind: "Thing", spec: { mode: "slow", limits: { cpu: "2" } } };
    expect(defaultedResource(input, schema)).toBe(input);
  });

  const cases: Array<{ name: string; spec: object; yaml: string; expected: ReturnType<typeof check> }> = [
    {
      name: "a required field with a default is not missing",
      spec: { type: "object", required: ["mode"], properties: { mode: { type: "string", default: "fast", enum: ["fast", "slow"] } } },
      yaml: "  {}\n",
      expected: [],
    },
    {
      name: "null in a field that is not nullable is dropped",
      spec: { type: "object", properties: { note: { type: "string", minLength: 3 } } },
      yaml: "  note: null\n",
      expected: [],
    },
    {
      name: "null in a required field that is not nullable is missing",
      spec: { type: "object", required: ["note"], properties: { note: { type: "string" } } },
      yaml: "  note: null\n",
      expected: [{ rule: "schema/required", line: 5, column: 9, message: "spec.note: Required value" }],
    },
    {
      name: "nullable with an enum accepts null",
      spec: { type: "object", properties: { mode: { type: "string", nullable: true, enum: ["a", "b"] } } },
      yaml: "  mode: null\n",
      expected: [],
    },
    {
      name: "preserved unknown fields, and strictness around them",
      spec: { type: "object", properties: { extra: { type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { known: { type: "integer" } } } } },
      yaml: "  extra: {known: 1, anything: {goes: [1]}}\n  other: 1\n",
      expected: [{ rule: "schema/unknown-field", line: 6, column: 3, message: 'spec.other: unknown field "other"' }],
    },
    {
      name: "an object without properties takes no fields",
      spec: { type: "object", properties: { empty: { type: "object" } } },
      yaml: "  empty: {a: 1}\n",
      expected: [{ rule: "schema/unknown-field", line: 5, column: 11, message: 'spec.empty.a: unknown field "a"' }],
    },
  ];
  test.each(cases)("$name", ({ spec, yaml, expected }) => {
    expect(check(spec, yaml)).toEqual(expected);
  });
});

describe("value validations in kube-openapi's words", () => {
  const cases: Array<{ name: string; spec: object; yaml: string; version?: string; expected: ReturnType<typeof check> }> = [
    {
      name: "exclusive maximum (draft-04 boolean)",
      spec: { type: "object", properties: { ratio: { type: "number", maximum: 1, exclusiveMaximum: true } } },
      yaml: "  ratio: 1\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 10, message: "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1" }],
    },
    {
      name: "a float bound prints as Go prints float64",
      spec: { type: "object", properties: { ratio: { type: "number", maximum: 1000000 } } },
      yaml: "  ratio: 1000000.5\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 10, message: "spec.ratio: Invalid value: 1.0000005e+06: spec.ratio in body should be less than or equal to 1e+06" }],
    },
    {
      name: "multipleOf",
      spec: { type: "object", properties: { size: { type: "integer", multipleOf: 4 } } },
      yaml: "  size: 6\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 9, message: "spec.size: Invalid value: 6: spec.size in body should be a multiple of 4" }],
    },
    {
      name: "minLength",
      spec: { type: "object", properties: { name: { type: "string", minLength: 3 } } },
      yaml: "  name: ab\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 9, message: 'spec.name: Invalid value: "ab": spec.name in body should be at least 3 chars long' }],
    },
    {
      name: "minItems reports the size",
      spec: { type: "object", properties: { xs: { type: "array", minItems: 2, items: { type: "string" } } } },
      yaml: "  xs: [a]\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 7, message: "spec.xs: Invalid value: 1: spec.xs in body should have at least 2 items" }],
    },
    {
      name: "maxProperties reports the size, with a singular limit of one from 1.34",
      spec: { type: "object", properties: { labels: { type: "object", maxProperties: 1, additionalProperties: { type: "string" } } } },
      yaml: "  labels: {a: x, b: z}\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 11, message: "spec.labels: Too many: 2: must have at most 1 item" }],
    },
    {
      name: "maxProperties of one before 1.34",
      version: "1.33",
      spec: { type: "object", properties: { labels: { type: "object", maxProperties: 1, additionalProperties: { type: "string" } } } },
      yaml: "  labels: {a: x, b: z}\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 11, message: "spec.labels: Too many: 2: must have at most 1 items" }],
    },
    {
      name: "maxLength names its limit in bytes",
      spec: { type: "object", properties: { code: { type: "string", maxLength: 2 } } },
      yaml: "  code: abc\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 9, message: "spec.code: Too long: may not be more than 2 bytes" }],
    },
    {
      name: "maxLength in the words of 1.31",
      version: "1.31",
      spec: { type: "object", properties: { code: { type: "string", maxLength: 2 } } },
      yaml: "  code: abc\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 9, message: "spec.code: Too long: may not be longer than 2" }],
    },
    {
      name: "maxItems reports the size and the limit",
      spec: { type: "object", properties: { xs: { type: "array", maxItems: 2, items: { type: "string" } } } },
      yaml: "  xs: [a, b, c]\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 7, message: "spec.xs: Too many: 3: must have at most 2 items" }],
    },
    {
      name: "an integer enum lists its values as quoted JSON",
      spec: { type: "object", properties: { level: { type: "integer", enum: [1, 2] } } },
      yaml: "  level: 3\n",
      expected: [{ rule: "schema/enum", line: 5, column: 10, message: 'spec.level: Unsupported value: 3: supported values: "1", "2"' }],
    },
    {
      name: "an object in an enum field prints as JSON from 1.34",
      spec: { type: "object", properties: { mode: { enum: ["a"], "x-kubernetes-preserve-unknown-fields": true } } },
      yaml: "  mode: {x: 1}\n",
      expected: [{ rule: "schema/enum", line: 5, column: 9, message: 'spec.mode: Unsupported value: {"x":1}: supported values: "a"' }],
    },
    {
      name: "an object in an enum field prints with Go syntax before 1.34",
      version: "1.33",
      spec: { type: "object", properties: { mode: { enum: ["a"], "x-kubernetes-preserve-unknown-fields": true } } },
      yaml: "  mode: {x: 1}\n",
      expected: [{ rule: "schema/enum", line: 5, column: 9, message: 'spec.mode: Unsupported value: map[string]interface {}{"x":1}: supported values: "a"' }],
    },
    {
      name: "formats: date-time, date, uuid and byte",
      spec: { type: "object", properties: { at: { type: "string", format: "date-time" }, day: { type: "string", format: "date" }, id: { type: "string", format: "uuid" }, data: { type: "string", format: "byte" } } },
      yaml: "  at: yesterday\n  day: 2024-02-30\n  id: not-a-uuid\n  data: hello!\n",
      expected: [
        { rule: "schema/format", line: 5, column: 7, message: 'spec.at: Invalid value: "yesterday": spec.at in body must be of type date-time: "yesterday"' },
        { rule: "schema/format", line: 6, column: 8, message: 'spec.day: Invalid value: "2024-02-30": spec.day in body must be of type date: "2024-02-30"' },
        { rule: "schema/format", line: 7, column: 7, message: 'spec.id: Invalid value: "not-a-uuid": spec.id in body must be of type uuid: "not-a-uuid"' },
        { rule: "schema/format", line: 8, column: 9, message: 'spec.data: Invalid value: "hello!": spec.data in body must be of type byte: "hello!" (the value must be base64: encode it)' },
      ],
    },
    {
      name: "formats: hostname, ipv4, ipv6, cidr, mac, uuid4, hexcolor, bsonobjectid (valid)",
      spec: { type: "object", properties: Object.fromEntries(["hostname", "ipv4", "ipv6", "cidr", "mac", "uuid4", "hexcolor", "bsonobjectid"].map((f) => [f, { type: "string", format: f }])) },
      yaml: "  hostname: api.example.com\n  ipv4: 10.0.0.1\n  ipv6: fd00::1\n  cidr: 10.0.0.0/8\n  mac: 00:1a:2b:3c:4d:5e\n  uuid4: 6f1c2a4e-8b1d-4f6a-9c2e-1a2b3c4d5e6f\n  hexcolor: '#ffcc00'\n  bsonobjectid: 507f1f77bcf86cd799439011\n",
      expected: [],
    },
    {
      name: "formats: hostname, ipv4, cidr, mac (invalid)",
      spec: { type: "object", properties: Object.fromEntries(["hostname", "ipv4", "cidr", "mac"].map((f) => [f, { type: "string", format: f }])) },
      yaml: "  hostname: -bad-.example\n  ipv4: 10.0.0.256\n  cidr: 10.0.0.0/33\n  mac: 00:1a:2b\n",
      expected: [
        { rule: "schema/format", line: 5, column: 13, message: 'spec.hostname: Invalid value: "-bad-.example": spec.hostname in body must be of type hostname: "-bad-.example"' },
        { rule: "schema/format", line: 6, column: 9, message: 'spec.ipv4: Invalid value: "10.0.0.256": spec.ipv4 in body must be of type ipv4: "10.0.0.256"' },
        { rule: "schema/format", line: 7, column: 9, message: 'spec.cidr: Invalid value: "10.0.0.0/33": spec.cidr in body must be of type cidr: "10.0.0.0/33"' },
        { rule: "schema/format", line: 8, column: 8, message: 'spec.mac: Invalid value: "00:1a:2b": spec.mac in body must be of type mac: "00:1a:2b"' },
      ],
    },
    {
      name: "int32 is not range-checked on custom resources before 1.36",
      version: "1.35",
      spec: { type: "object", properties: { big: { type: "integer", format: "int32" } } },
      yaml: "  big: 3000000000\n",
      expected: [],
    },
    {
      name: "int32 is range-checked from 1.36, reported as kube-openapi's plain error",
      spec: { type: "object", properties: { big: { type: "integer", format: "int32" }, fits: { type: "integer", format: "int32" } } },
      yaml: "  big: 3000000000\n  fits: -2147483648\n",
      expected: [{ rule: "schema/format", line: 5, column: 8, message: ': Invalid value: "": Checked value must be of type integer with format int32 in spec.big' }],
    },
    {
      name: "an integer without a format must fit int64",
      spec: { type: "object", properties: { huge: { type: "integer" } } },
      yaml: "  huge: 100000000000000000000\n",
      expected: [{ rule: "schema/format", line: 5, column: 9, message: ': Invalid value: "": Checked value must be of type integer (default format) in spec.huge' }],
    },
    {
      name: "a pattern in Go's syntax (RE2 flags) is checked",
      spec: { type: "object", properties: { name: { type: "string", pattern: "(?i)^[a-z]+$" } } },
      yaml: "  name: ABC1\n",
      expected: [{ rule: "schema/invalid-value", line: 5, column: 9, message: "spec.name: Invalid value: \"ABC1\": spec.name in body should match '(?i)^[a-z]+$'" }],
    },
  ];
  test.each(cases)("$name", ({ spec, yaml, version, expected }) => {
    expect(check(spec, yaml, version)).toEqual(expected);
  });
});

describe("bad values as field.Error prints them", () => {
  test.each([
    [1.5, "1.5"],
    [1e21, "1e+21"],
    [1000000.5, "1.0000005e+06"],
    [0.00001, "1e-05"],
    [123456.5, "123456.5"],
  ])("goFloat(%s)", (value, expected) => {
    expect(goFloat(value)).toBe(expected);
  });

  test("Go syntax and JSON", () => {
    const value = { name: "a", port: 80, tags: ["x"], nothing: null, ratio: 0.5, on: true };
    expect(goSyntax(value)).toBe('map[string]interface {}{"name":"a", "nothing":interface {}(nil), "on":true, "port":80, "ratio":0.5, "tags":[]interface {}{"x"}}');
    expect(badValue(value, "1.33")).toBe(goSyntax(value));
    expect(badValue(value, "1.34")).toBe('{"name":"a","nothing":null,"on":true,"port":80,"ratio":0.5,"tags":["x"]}');
    expect(badValue("tab\there", "1.36")).toBe('"tab\\there"');
    expect(badValue(null, "1.36")).toBe('"null"');
  });
});

describe("large subtrees are shared between compiled schemas", () => {
  const big = (): SchemaNode => ({
    type: "object",
    properties: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, { type: "string" }])),
    additionalProperties: false,
  });

  test("identical subtrees become one definition; small ones stay inline", () => {
    const schema: SchemaNode = { type: "object", properties: { a: big(), b: big(), small: { type: "object", properties: { x: { type: "string" } } } } };
    const { root, definitions } = shareSubschemas(schema);
    expect(definitions.size).toBe(1);
    const [name] = [...definitions.keys()];
    expect(root.properties!.a).toEqual({ sharedSubschema: name });
    expect(root.properties!.b).toEqual({ sharedSubschema: name });
    expect(root.properties!.small).toEqual({ type: "object", properties: { x: { type: "string" } } });
  });

  test("two CRDs sharing a subtree both report errors inside it, at their own places", () => {
    const shared = { type: "object", properties: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`field${i}`, { type: "string" }])) };
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([
      thingCrd("a.io", "Alpha", { type: "object", properties: { settings: shared } }),
      thingCrd("b.io", "Beta", { type: "object", properties: { nested: { type: "object", properties: { settings: shared } } } }),
    ]);
    const docs = documentsOf("apiVersion: a.io/v1\nkind: Alpha\nmetadata: {name: a}\nspec:\n  settings: {field1: 1, feild2: x}\n---\napiVersion: b.io/v1\nkind: Beta\nmetadata: {name: b}\nspec:\n  nested:\n    settings: {field3: true}\n");
    expect(docs.flatMap((d) => validator.validate(d)).map(brief)).toEqual([
      { rule: "schema/unknown-field", line: 5, column: 25, message: 'spec.settings.feild2: unknown field "feild2" (did you mean "field2"?)', suggestion: "field2" },
      { rule: "schema/type", line: 5, column: 22, message: 'spec.settings.field1: Invalid value: "integer": spec.settings.field1 in body must be of type string: "integer" (YAML reads 1 as a number: quote it, "1")', suggestion: '"1"' },
      { rule: "schema/type", line: 12, column: 24, message: 'spec.nested.settings.field3: Invalid value: "boolean": spec.nested.settings.field3 in body must be of type string: "boolean" (YAML reads true as a boolean: quote it, "true")', suggestion: '"true"' },
    ]);
  });
});
