// A custom resource's schema is compiled a part at a time, as resources reach
// its parts: a resource gets the same findings, at the same places, whichever
// parts of its CRD's schema it or the resources before it reached.
import { describe, expect, test, vi } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { RuntimeCompiler } from "../../src/schema/runtime-ajv.js";
import { brief, documentsOf, thingCrd } from "./helpers.js";

/** String fields enough to make an object one of the parts compiled on their own. */
const fields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, { type: "string" }]));

/** A big schema whose branches are each reached by few resources. */
const SPEC = {
  type: "object",
  properties: {
    small: { type: "string" },
    common: { type: "object", properties: { ...fields(25), replicas: { type: "integer", minimum: 0 } } },
    rare: {
      type: "object",
      properties: {
        ...fields(25),
        level1: {
          type: "object",
          properties: {
            ...fields(25),
            level2: { type: "object", required: ["mode"], properties: { ...fields(25), limit: { type: "integer", maximum: 10 }, mode: { type: "string", enum: ["fast", "safe"] } } },
          },
        },
      },
    },
    backends: { type: "object", additionalProperties: { type: "object", required: ["port"], properties: { ...fields(25), port: { type: "integer", format: "int32" } } } },
    choice: {
      type: "object",
      properties: { ...fields(25), service: { type: "string" }, url: { type: "string" }, port: { type: "integer", not: { minimum: 6000, maximum: 6063 } }, timeout: { type: "string", allOf: [{ pattern: "^[0-9]+" }, { pattern: "s$" }] }, path: { type: "string" }, prefix: { type: "string" } },
      oneOf: [{ required: ["service"] }, { required: ["url"] }],
      anyOf: [{ required: ["path"] }, { required: ["prefix"] }],
    },
    extra: { type: "object", "x-kubernetes-preserve-unknown-fields": true, properties: { ...fields(25), count: { type: "integer" } } },
    template: { type: "object", "x-kubernetes-embedded-resource": true, properties: { ...fields(25), spec: { type: "object", properties: { size: { type: "integer" } } } } },
  },
};

const crd = thingCrd("big.io", "Big", SPEC);

/** A Big whose spec (indented YAML) starts at line 5. */
const big = (name: string, spec: string) => `apiVersion: big.io/v1\nkind: Big\nmetadata: {name: ${name}}\nspec:\n${spec}`;

const CASES: Array<{ name: string; spec: string; expected: ReturnType<typeof brief>[] }> = [
  { name: "only a small field, valid", spec: "  small: ok\n", expected: [] },
  {
    name: "only a small field, invalid",
    spec: "  small: 5\n",
    expected: [
      { rule: "schema/type", line: 5, column: 10, message: "spec.small: Invalid value: \"integer\": spec.small in body must be of type string: \"integer\" (YAML reads 5 as a number: quote it, \"5\")", suggestion: "\"5\"" },
    ],
  },
  { name: "a common branch, valid", spec: "  common: {replicas: 2, field1: a}\n", expected: [] },
  {
    name: "a common branch, invalid",
    spec: "  common: {replicas: -1, feild1: a}\n",
    expected: [
      { rule: "schema/unknown-field", line: 5, column: 26, message: "spec.common.feild1: unknown field \"feild1\" (did you mean \"field1\"?)", suggestion: "field1" },
      { rule: "schema/invalid-value", line: 5, column: 22, message: "spec.common.replicas: Invalid value: -1: spec.common.replicas in body should be greater than or equal to 0" },
    ],
  },
  { name: "deep in a rare branch, valid", spec: "  rare:\n    level1:\n      level2: {mode: fast, limit: 3}\n", expected: [] },
  {
    name: "deep in a rare branch, invalid",
    spec: "  rare:\n    field0: 1\n    level1:\n      field24: [x]\n      level2: {limit: 11, modes: fast}\n",
    expected: [
      { rule: "schema/type", line: 6, column: 13, message: "spec.rare.field0: Invalid value: \"integer\": spec.rare.field0 in body must be of type string: \"integer\" (YAML reads 1 as a number: quote it, \"1\")", suggestion: "\"1\"" },
      { rule: "schema/type", line: 8, column: 16, message: "spec.rare.level1.field24: Invalid value: \"array\": spec.rare.level1.field24 in body must be of type string: \"array\"" },
      { rule: "schema/unknown-field", line: 9, column: 27, message: "spec.rare.level1.level2.modes: unknown field \"modes\" (did you mean \"mode\"?)", suggestion: "mode" },
      { rule: "schema/invalid-value", line: 9, column: 23, message: "spec.rare.level1.level2.limit: Invalid value: 11: spec.rare.level1.level2.limit in body should be less than or equal to 10" },
    ],
  },
  { name: "additionalProperties, valid", spec: "  backends:\n    a: {port: 80}\n    b: {port: 443, field3: x}\n", expected: [] },
  {
    name: "additionalProperties, invalid",
    spec: "  backends:\n    a: {port: 80}\n    b: {port: 3000000000, prot: x}\n    c: {field2: y}\n",
    expected: [
      { rule: "schema/unknown-field", line: 7, column: 27, message: "spec.backends.b.prot: unknown field \"prot\"" },
      { rule: "schema/format", line: 7, column: 15, message: ": Invalid value: \"\": Checked value must be of type integer with format int32 in spec.backends.b.port" },
      { rule: "schema/required", line: 8, column: 5, message: "spec.backends.c.port: Required value" },
      { rule: "schema/type", line: 8, column: 17, message: "spec.backends.c.field2: Invalid value: \"boolean\": spec.backends.c.field2 in body must be of type string: \"boolean\" (YAML reads y as a boolean: quote it, \"y\")", suggestion: "\"y\"" },
    ],
  },
  { name: "oneOf, anyOf, allOf and not, valid", spec: "  choice: {service: api, prefix: /, port: 8080, timeout: 30s}\n", expected: [] },
  {
    name: "oneOf, anyOf, allOf and not, invalid",
    spec: "  choice: {service: api, url: x, port: 6001, timeout: soon}\n",
    expected: [
      { rule: "schema/invalid-value", line: 5, column: 11, message: "<nil>: Invalid value: \"\": \"spec.choice\" must validate at least one schema (anyOf)" },
      { rule: "schema/required", line: 5, column: 3, message: "spec.choice.path: Required value" },
      { rule: "schema/invalid-value", line: 5, column: 11, message: "<nil>: Invalid value: \"\": \"spec.choice\" must validate one and only one schema (oneOf). Found 2 valid alternatives" },
      { rule: "schema/invalid-value", line: 5, column: 40, message: "<nil>: Invalid value: \"\": \"spec.choice.port\" must not validate the schema (not)" },
      { rule: "schema/invalid-value", line: 5, column: 55, message: "<nil>: Invalid value: \"\": \"spec.choice.timeout\" must validate all the schemas (allOf). None validated" },
      { rule: "schema/invalid-value", line: 5, column: 55, message: "spec.choice.timeout: Invalid value: \"soon\": spec.choice.timeout in body should match '^[0-9]+'" },
    ],
  },
  { name: "x-kubernetes-preserve-unknown-fields, valid", spec: "  extra: {count: 2, anything: {goes: [1]}}\n", expected: [] },
  {
    name: "x-kubernetes-preserve-unknown-fields, invalid",
    spec: "  extra: {count: two, field7: 7, anything: {goes: [1]}}\n",
    expected: [
      { rule: "schema/type", line: 5, column: 31, message: "spec.extra.field7: Invalid value: \"integer\": spec.extra.field7 in body must be of type string: \"integer\" (YAML reads 7 as a number: quote it, \"7\")", suggestion: "\"7\"" },
      { rule: "schema/type", line: 5, column: 18, message: "spec.extra.count: Invalid value: \"string\": spec.extra.count in body must be of type integer: \"string\"" },
    ],
  },
  { name: "an embedded resource, valid", spec: "  template:\n    apiVersion: v1\n    kind: Box\n    metadata: {name: inner}\n    spec: {size: 3}\n", expected: [] },
  {
    name: "an embedded resource, invalid",
    spec: "  template:\n    kind: Box\n    metadata: {name: Inner_Name, labels: {'a b': c}}\n    spec: {size: big, colour: red}\n",
    expected: [
      { rule: "schema/unknown-field", line: 8, column: 23, message: "spec.template.spec.colour: unknown field \"colour\"" },
      { rule: "schema/type", line: 8, column: 18, message: "spec.template.spec.size: Invalid value: \"string\": spec.template.spec.size in body must be of type integer: \"string\"" },
      { rule: "schema/embedded-resource", line: 5, column: 3, message: "spec.template.apiVersion: Required value" },
      { rule: "schema/embedded-resource", line: 7, column: 42, message: "spec.template.metadata.labels: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')" },
    ],
  },
  {
    name: "every branch at once",
    spec: "  small: 5\n  common: {replicas: -1}\n  rare: {level1: {level2: {limit: 11}}}\n  backends: {a: {}}\n  choice: {port: 6001}\n  extra: {count: two}\n  template: {spec: {size: big}}\n",
    expected: [
      { rule: "schema/type", line: 5, column: 10, message: "spec.small: Invalid value: \"integer\": spec.small in body must be of type string: \"integer\" (YAML reads 5 as a number: quote it, \"5\")", suggestion: "\"5\"" },
      { rule: "schema/invalid-value", line: 6, column: 22, message: "spec.common.replicas: Invalid value: -1: spec.common.replicas in body should be greater than or equal to 0" },
      { rule: "schema/required", line: 7, column: 19, message: "spec.rare.level1.level2.mode: Required value" },
      { rule: "schema/invalid-value", line: 7, column: 35, message: "spec.rare.level1.level2.limit: Invalid value: 11: spec.rare.level1.level2.limit in body should be less than or equal to 10" },
      { rule: "schema/required", line: 8, column: 14, message: "spec.backends.a.port: Required value" },
      { rule: "schema/type", line: 10, column: 18, message: "spec.extra.count: Invalid value: \"string\": spec.extra.count in body must be of type integer: \"string\"" },
      { rule: "schema/type", line: 11, column: 27, message: "spec.template.spec.size: Invalid value: \"string\": spec.template.spec.size in body must be of type integer: \"string\"" },
      { rule: "schema/invalid-value", line: 9, column: 11, message: "<nil>: Invalid value: \"\": \"spec.choice\" must validate at least one schema (anyOf)" },
      { rule: "schema/required", line: 9, column: 3, message: "spec.choice.path: Required value" },
      { rule: "schema/invalid-value", line: 9, column: 11, message: "<nil>: Invalid value: \"\": \"spec.choice\" must validate one and only one schema (oneOf). Found none valid" },
      { rule: "schema/required", line: 9, column: 3, message: "spec.choice.service: Required value" },
      { rule: "schema/invalid-value", line: 9, column: 18, message: "<nil>: Invalid value: \"\": \"spec.choice.port\" must not validate the schema (not)" },
      { rule: "schema/embedded-resource", line: 11, column: 3, message: "spec.template.apiVersion: Required value" },
      { rule: "schema/embedded-resource", line: 11, column: 3, message: "spec.template.kind: Required value" },
    ],
  },
];

function findingsOf(texts: string[]): ReturnType<typeof brief>[][] {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
  validator.addCustomResourceDefinitions([crd]);
  return texts.map((text) => validator.validate(documentsOf(text)[0]!).map(brief));
}

describe("a resource reaching part of a big schema", () => {
  test.each(CASES)("$name", ({ name, spec, expected }) => {
    expect(findingsOf([big(name, spec)])[0]).toEqual(expected);
  });
});

describe("the parts compiled before do not change a resource's findings", () => {
  const texts = CASES.map(({ name, spec }) => big(name, spec));
  const expected = CASES.map((entry) => entry.expected);

  test("resources in the table's order, then in reverse, share one validator", () => {
    expect(findingsOf(texts)).toEqual(expected);
    expect(findingsOf([...texts].reverse())).toEqual([...expected].reverse());
  });
});

describe("a part of the schema is compiled when a resource first reaches it", () => {
  test("the root and spec for a resource setting a small field; each level of a deep branch, once; a branch met later, then", () => {
    const compile = vi.spyOn(RuntimeCompiler.prototype, "compile");
    try {
      const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
      validator.addCustomResourceDefinitions([crd]);
      const compiledAfter = (name: string, spec: string) => {
        validator.validate(documentsOf(big(name, spec))[0]!);
        return compile.mock.calls.length;
      };
      expect(compiledAfter("small", "  small: ok\n")).toBe(2);
      const deep = "  rare:\n    level1:\n      level2: {mode: fast}\n";
      expect(compiledAfter("deep", deep)).toBe(5);
      expect(compiledAfter("again", deep)).toBe(5);
      expect(compiledAfter("common", "  common: {replicas: 1}\n")).toBe(6);
    } finally {
      compile.mockRestore();
    }
  });
});

describe("a schema ajv cannot compile", () => {
  // A type ajv does not know, deep in a branch the resource does not reach: it is told all the same.
  const refused = (node: object) => ({ ...SPEC, properties: { ...SPEC.properties, rare: { type: "object", properties: { ...fields(25), odd: node } } } });
  const cases = [
    { name: "an unknown type", node: { type: "text" }, error: "type must be JSONType or JSONType[]: text" },
    { name: "an empty enum", node: { type: "string", enum: [] }, error: "enum must have non-empty array" },
  ];

  test.each(cases)("$name: every resource is told it was not checked", ({ node, error }) => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([thingCrd("big.io", "Big", refused(node))]);
    for (const spec of ["  small: ok\n", "  rare: {odd: x}\n"]) {
      expect(validator.validate(documentsOf(big("b", spec))[0]!).map(brief)).toEqual([
        { rule: "schema/crd-schema", line: 1, column: 1, message: `the schema of CustomResourceDefinition bigs.big.io could not be compiled, so this resource was not checked against it: ${error}` },
      ]);
    }
  });
});
