// Custom resources validated against the CustomResourceDefinitions of the inputs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { brief, checkThing, documentsOf } from "./helpers.js";

const CRDS = readFileSync(join(import.meta.dirname, "fixtures", "valid", "extensions.yaml"), "utf8");

function findings(resource: string, options: { ignoreMissingSchemas?: boolean } = {}) {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36", ...options });
  validator.addCustomResourceDefinitions(documentsOf(CRDS).map((d) => d.object));
  return documentsOf(resource).flatMap((document) => validator.validate(document)).map(brief);
}

const backup = (spec: string, apiVersion = "example.com/v1") => `apiVersion: ${apiVersion}\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n${spec}`;

describe("custom resources", () => {
  test("a valid resource", () => {
    expect(findings(backup(`  schedule: "0 3 * * *"\n  retention: 7\n  targets: [db, files]\n  options: {compress: "yes"}\n  extra: {anything: [1, 2]}\n  mode: full\n  ports: http\n`))).toEqual([]);
  });

  test("hasKind and isNamespaced know the declared kinds", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    expect(validator.hasKind("example.com/v1", "Backup")).toBe(false);
    validator.addCustomResourceDefinitions(documentsOf(CRDS).map((d) => d.object));
    expect(validator.hasKind("example.com/v1", "Backup")).toBe(true);
    expect(validator.isNamespaced("example.com/v1", "Backup")).toBe(true);
  });

  const RULES_NOT_CHECKED = "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";
  const cases: Array<{ name: string; yaml: string; expected: ReturnType<typeof brief>[] }> = [
    {
      name: "an unknown field with a typo",
      yaml: backup("  retension: 7\n"),
      expected: [{ rule: "schema/unknown-field", line: 6, column: 3, message: 'spec.retension: unknown field "retension" (did you mean "retention"?)', suggestion: "retention" }],
    },
    {
      name: "metadata is ObjectMeta",
      yaml: backup("  retention: 1\n").replace("  name: nightly\n", "  name: nightly\n  lables: {a: b}\n"),
      expected: [{ rule: "schema/unknown-field", line: 5, column: 3, message: 'metadata.lables: unknown field "lables" (did you mean "labels"?)', suggestion: "labels" }],
    },
    {
      name: "enum, minimum and pattern",
      yaml: backup("  mode: ful\n  retention: 0\n  schedule: daily\n"),
      expected: [
        { rule: "schema/invalid-value", line: 8, column: 13, message: `spec.schedule: Invalid value: "daily": spec.schedule in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'` },
        { rule: "schema/invalid-value", line: 7, column: 14, message: "spec.retention: Invalid value: 0: spec.retention in body should be greater than or equal to 1" },
        { rule: "schema/enum", line: 6, column: 9, message: 'spec.mode: Unsupported value: "ful": supported values: "full", "incremental" (did you mean "full"?)', suggestion: "full" },
        // The enum error keeps the CEL rules from running.
        { rule: "schema/cel-rules-not-checked", line: 1, column: 1, message: RULES_NOT_CHECKED },
      ],
    },
    {
      name: "pattern and minimum do not keep the CEL rules from running",
      yaml: backup("  retention: 0\n  schedule: daily\n"),
      expected: [
        { rule: "schema/invalid-value", line: 7, column: 13, message: `spec.schedule: Invalid value: "daily": spec.schedule in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'` },
        { rule: "schema/invalid-value", line: 6, column: 14, message: "spec.retention: Invalid value: 0: spec.retention in body should be greater than or equal to 1" },
        { rule: "schema/cel-rule", line: 6, column: 3, message: "spec: Invalid value: retention must be positive" },
      ],
    },
    {
      name: "types and int-or-string",
      yaml: backup("  retention: \"7\"\n  ports: [80]\n  targets: db\n"),
      expected: [
        { rule: "schema/type", line: 6, column: 14, message: 'spec.retention: Invalid value: "string": spec.retention in body must be of type integer: "string" (remove the quotes: 7)', suggestion: "7" },
        { rule: "schema/type", line: 8, column: 12, message: 'spec.targets: Invalid value: "string": spec.targets in body must be of type array: "string" (write it as a list: ["db"], or one "- item" per line)', suggestion: '["db"]' },
        { rule: "schema/type", line: 7, column: 10, message: 'spec.ports: Invalid value: "array": spec.ports in body must be of type integer,string: "array"' },
        { rule: "schema/cel-rules-not-checked", line: 1, column: 1, message: RULES_NOT_CHECKED },
      ],
    },
    {
      name: "a required spec",
      yaml: "apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n",
      expected: [{ rule: "schema/required", line: 1, column: 1, message: "spec: Required value" }, { rule: "schema/cel-rules-not-checked", line: 1, column: 1, message: RULES_NOT_CHECKED }],
    },
    {
      name: "a version the CRD does not declare",
      yaml: backup("  retention: 1\n", "example.com/v2"),
      expected: [{ rule: "schema/unknown-kind", line: 1, column: 13, message: 'apiVersion: no matches for kind "Backup" in version "example.com/v2" (CustomResourceDefinition backups.example.com serves "example.com/v1")', suggestion: "example.com/v1" }],
    },
  ];

  test.each(cases)("$name", ({ yaml, expected }) => {
    expect(findings(yaml)).toEqual(expected);
  });

  test("a malformed CRD declares nothing and does not throw", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([
      { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", spec: "oops" },
      { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", spec: { group: "a.io", names: { kind: "A" }, versions: [{ name: "v1", schema: { openAPIV3Schema: { type: 7, properties: [1] } } }, 5] } },
      { apiVersion: "v1", kind: "ConfigMap" },
    ]);
    expect(validator.hasKind("a.io/v1", "A")).toBe(true);
    const [document] = documentsOf("apiVersion: a.io/v1\nkind: A\nmetadata: {name: x}\nspec: {x: 1}\n");
    expect(() => validator.validate(document!)).not.toThrow();
  });
});

describe("required fields of list items, as the API server checks them with the CRD alone (no admission webhook)", () => {
  // Steps whose items require a name, as controller-gen writes a Go field without omitempty.
  const spec = {
    type: "object",
    properties: { steps: { type: "array", items: { type: "object", required: ["name"], properties: { name: { type: "string" }, image: { type: "string" } } } } },
  };
  test.each([
    ["named steps", "  steps:\n  - {name: build, image: alpine}\n"],
    ["an empty name (what a defaulting webhook that writes the object back through Go types sends)", "  steps:\n  - {name: '', image: alpine}\n"],
    ["no steps", "  steps: []\n"],
  ])("accepts %s", (_name, specYaml) => {
    expect(checkThing(spec, specYaml)).toEqual([]);
  });

  test.each([
    ["a step without a name", "  steps:\n  - {name: build, image: alpine}\n  - {image: alpine}\n", [{ rule: "schema/required", line: 7, column: 5, message: "spec.steps[1].name: Required value" }]],
    ["a step whose name is null", "  steps:\n  - {name: null, image: alpine}\n", [{ rule: "schema/required", line: 6, column: 12, message: "spec.steps[0].name: Required value" }]],
  ])("refuses %s", (_name, specYaml, expected) => {
    expect(checkThing(spec, specYaml)).toEqual(expected);
  });
});
