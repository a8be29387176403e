// Optional entries of list and map literals (`[?x]`, `{?k: v}`) in
// x-kubernetes-validations rules: an entry is there when its optional holds
// a value, left out when not, and a value that is no optional fails the
// rule as cel-go fails it.
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { brief, documentsOf } from "./helpers.js";

/** A CRD whose spec has a, b (strings), port (int-or-string) and the rule; a Thing with `specYaml`. */
function check(expression: string, specYaml: string, version = "1.36") {
  const validator = createSchemaValidator({ kubernetesVersion: version });
  const spec = {
    type: "object",
    properties: { a: { type: "string", maxLength: 16 }, b: { type: "string", maxLength: 16 }, port: { "x-kubernetes-int-or-string": true } },
    "x-kubernetes-validations": [{ rule: expression }],
  };
  validator.addCustomResourceDefinitions([
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "things.test.io" },
      spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec } } } }] },
    },
  ]);
  const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: box}\nspec:\n${specYaml}`);
  return validator.validate(document!).map((f) => brief(f).message);
}

describe("optional entries of list and map literals", () => {
  test.each([
    { name: "a list without the entries whose optional is empty", rule: "[?self.?a, ?self.?b].size() == 1 && [?self.?a, ?self.?b][0] == 'x'", yaml: "  a: x\n" },
    { name: "a list with every entry that holds a value", rule: "[?self.?a, 'c', ?self.?b] == ['x', 'c', 'w']", yaml: "  a: x\n  b: w\n" },
    { name: "a map without an entry whose optional is empty", rule: "{?'a': self.?a, ?'b': self.?b, 'c': 'z'} == {'a': 'x', 'c': 'z'}", yaml: "  a: x\n" },
    { name: "optional.of and optional.none as entries", rule: "[?optional.of(1), ?optional.none(), 2] == [1, 2]", yaml: "  a: x\n" },
    { name: "a ternary and an optional index beside them", rule: "[?self.?a, self.?b.orValue('none')].exists(v, v == 'none') ? self[?'a'].hasValue() : false", yaml: "  a: x\n" },
    { name: "an in list with an optional entry", rule: "'x' in [?self.?a]", yaml: "  a: x\n" },
  ])("accepts $name", ({ rule, yaml }) => {
    expect(check(rule, yaml)).toEqual([]);
  });

  test.each([
    { name: "a list whose entries fail the macro", rule: "[?self.?a, ?self.?b].all(v, v != 'bad')", yaml: "  b: bad\n", expected: "spec: Invalid value: failed rule: [?self.?a, ?self.?b].all(v, v != 'bad')" },
    { name: "a map whose optional entry is there", rule: "{?'a': self.?a}.size() == 0", yaml: "  a: x\n", expected: "spec: Invalid value: failed rule: {?'a': self.?a}.size() == 0" },
    { name: "a dyn list entry that is no optional", rule: "[?self.port].size() > 0", yaml: "  port: 80\n", expected: "spec: Invalid value: \"object\": cannot initialize optional list element from non-optional value 80 evaluating rule: [?self.port].size() > 0" },
    { name: "a dyn map entry that is no optional", rule: "{?'p': self.port}.size() > 0", yaml: "  port: http\n", expected: "spec: Invalid value: \"object\": cannot initialize optional entry 'p' from non-optional value http evaluating rule: {?'p': self.port}.size() > 0" },
  ])("refuses $name", ({ rule, yaml, expected }) => {
    expect(check(rule, yaml)).toEqual([expected]);
  });
});
