// Patterns of CRDs and CEL's matches() come from manifests: they are RE2
// (Go's regexp), matched in time linear in the input, whatever the pattern.
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { compileRe2 } from "../../src/util/re2.js";
import { documentsOf } from "../schema/helpers.js";

/** A Thing CRD whose `spec.v` string field has the extra schema given. */
function validatorWith(field: object) {
  const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
  validator.addCustomResourceDefinitions([
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "things.test.io" },
      spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { v: { type: "string", ...field } } } } } } }] },
    },
  ]);
  return validator;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

const EVIL = "a".repeat(50_000) + "!";

describe("catastrophic patterns run in linear time", () => {
  const patterns = ["^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "^([a-z]+)*[0-9]$", "^(.*a){20}b$"];
  test.each(patterns)("a CRD pattern %s over 50,000 characters", (pattern) => {
    const validator = validatorWith({ pattern });
    const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  v: "${EVIL}"\n`);
    const { result, ms } = timed(() => validator.validate(document!));
    expect(result.map((f) => f.rule)).toEqual(["schema/invalid-value"]);
    expect(ms).toBeLessThan(2000);
  });

  test.each(patterns)("matches(%s) in a CEL rule over 50,000 characters", (pattern) => {
    const validator = validatorWith({ "x-kubernetes-validations": [{ rule: `self.matches('${pattern}')`, message: "no match" }] });
    const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  v: "${EVIL}"\n`);
    const { result, ms } = timed(() => validator.validate(document!));
    // The value is quoted by its start and end only.
    expect(result.map((f) => f.message)).toEqual([expect.stringMatching(/^spec\.v: Invalid value: "a{119}…\[\d+ characters\]…a+!": no match$/)]);
    expect(ms).toBeLessThan(2000);
  });
});

describe("RE2 syntax, as Go reads it", () => {
  test("each field is checked against its own pattern", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([
      {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "things.test.io" },
        spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { kind: { type: "string", pattern: "^[A-Z][a-z]+$" }, code: { type: "string", pattern: "^[0-9]{3}$" } } } } } } }] },
      },
    ]);
    const [valid, invalid] = documentsOf("apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: t}\nspec: {kind: Secret, code: '404'}\n---\napiVersion: test.io/v1\nkind: Thing\nmetadata: {name: u}\nspec: {kind: '404', code: Secret}\n");
    expect(validator.validate(valid!)).toEqual([]);
    expect(validator.validate(invalid!).map((f) => f.message)).toEqual([
      `spec.kind: Invalid value: "404": spec.kind in body should match '^[A-Z][a-z]+$'`,
      `spec.code: Invalid value: "Secret": spec.code in body should match '^[0-9]{3}$'`,
    ]);
  });

  const cases: Array<{ pattern: string; text: string; matches: boolean }> = [
    { pattern: "(?i)^abc$", text: "ABC", matches: true },
    { pattern: "^\\pL+$", text: "éa", matches: true },
    { pattern: "^[[:alpha:]]+$", text: "abc", matches: true },
    { pattern: "\\Aabc\\z", text: "abc", matches: true },
    { pattern: "^a.c$", text: "a\nc", matches: false },
    { pattern: "(?s)^a.c$", text: "a\nc", matches: true },
    { pattern: "(?P<year>\\d{4})", text: "2024", matches: true },
  ];
  test.each(cases)("$pattern on $text", ({ pattern, text, matches }) => {
    const compiled = compileRe2(pattern);
    expect("regex" in compiled && compiled.regex.test(text)).toBe(matches);
  });

  const invalid: Array<[string, string]> = [
    ["(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"],
    ["(a", "error parsing regexp: missing closing ): `(a`"],
    ["a{1001}", "error parsing regexp: invalid repeat count: `{1001}`"],
    ["\\8", "error parsing regexp: invalid escape sequence: `\\8`"],
  ];
  test.each(invalid)("%s is refused with Go's message", (pattern, message) => {
    expect(compileRe2(pattern)).toEqual({ error: message });
  });

  test("a CRD with such a pattern is refused, and its resources are not checked against it", () => {
    const validator = validatorWith({ pattern: "(?=a)" });
    const [document] = documentsOf("apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  v: b\n");
    expect(validator.validate(document!)).toEqual([]);
  });
});
