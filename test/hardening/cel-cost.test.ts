// CEL rules are bounded as the API server bounds them: a CRD whose rules are
// estimated too costly is refused, and evaluating the rules of one object
// stops at the per-call limit and at the runtime budget, with the API
// server's messages.
import { describe, expect, test } from "vitest";
import { errorMessage } from "../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../src/apiserver/validation/apiextensions/validation.js";
import { createSchemaValidator } from "../../src/schema/index.js";
import { documentsOf } from "../schema/helpers.js";

function crd(spec: object) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "things.test.io" },
    spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec } } } }] },
  };
}

const LIMIT = "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";

describe("estimated cost when the CRD is created", () => {
  const cases: Array<{ name: string; spec: object; refused: boolean }> = [
    {
      name: "a quadratic rule over unbounded lists",
      spec: { type: "object", properties: { xs: { type: "array", items: { type: "string" } } }, "x-kubernetes-validations": [{ rule: "self.xs.all(a, self.xs.all(b, a == b))" }] },
      refused: true,
    },
    {
      name: "the same rule with maxItems and maxLength",
      spec: { type: "object", properties: { xs: { type: "array", maxItems: 20, items: { type: "string", maxLength: 64 } } }, "x-kubernetes-validations": [{ rule: "self.xs.all(a, self.xs.all(b, a == b))" }] },
      refused: false,
    },
    {
      name: "a cubic rule over a bounded list",
      spec: { type: "object", properties: { xs: { type: "array", maxItems: 1000, items: { type: "integer" } } }, "x-kubernetes-validations": [{ rule: "self.xs.all(a, self.xs.all(b, self.xs.all(c, a + b != c)))" }] },
      refused: true,
    },
    {
      name: "a linear rule over an unbounded list",
      spec: { type: "object", properties: { xs: { type: "array", items: { type: "integer" } } }, "x-kubernetes-validations": [{ rule: "self.xs.all(a, a > 0)" }] },
      refused: false,
    },
  ];
  test.each(cases)("$name", ({ spec, refused }) => {
    const messages = validateCustomResourceDefinition(crd(spec), "1.36").map((error) => errorMessage(error, "1.36"));
    if (refused) expect(messages).toContain(`spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x ${LIMIT}`);
    else expect(messages).toEqual([]);
  });

  test("rules that fit one by one can exceed the budget of the whole schema together", () => {
    // Each rule runs on up to 10 unbounded strings: about 9.4M, under the 10M of a rule; 11 of them pass the schema's 100M.
    const properties: Record<string, object> = {};
    for (let i = 0; i < 11; i++) properties[`f${i}`] = { type: "array", maxItems: 10, items: { type: "string", "x-kubernetes-validations": [{ rule: "self.matches('^[a-z]{2}$')" }] } };
    const messages = validateCustomResourceDefinition(crd({ type: "object", properties }), "1.36").map((error) => errorMessage(error, "1.36"));
    expect(messages.filter((m) => m.includes("estimated rule cost exceeds budget"))).toEqual([]);
    expect(messages.filter((m) => m.endsWith("contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema"))).toHaveLength(4);
    expect(messages.at(-1)).toMatch(/^spec\.validation\.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of 1\.0\d{5}x /);
    const ten = Object.fromEntries(Object.entries(properties).slice(0, 10));
    expect(validateCustomResourceDefinition(crd({ type: "object", properties: ten }), "1.36")).toEqual([]);
  });
});

describe("the runtime budget of one object", () => {
  function validate(spec: object, yaml: string) {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([crd(spec)]);
    const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n${yaml}`);
    return validator.validate(document!).map((f) => f.message);
  }

  // A list the schema bounds loosely (so the CRD is accepted) but which is big in this object.
  const bigList = (n: number) => `  xs: [${Array.from({ length: n }, (_v, i) => i).join(", ")}]\n`;
  const spec = (rule: string) => ({ type: "object", properties: { xs: { type: "array", maxItems: 3000, items: { type: "integer" } } }, "x-kubernetes-validations": [{ rule }] });

  test("one evaluation over the per-call limit stops the rules", () => {
    const messages = validate(spec("self.xs.all(a, self.xs.all(b, a >= 0))"), bigList(2000));
    expect(messages).toEqual([`spec: Invalid value: "object": 'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: self.xs.all(a, self.xs.all(b, a >= 0))`]);
  });

  test("the same rule on a small object passes", () => {
    expect(validate(spec("self.xs.all(a, self.xs.all(b, a >= 0))"), bigList(50))).toEqual([]);
  });

  // cel-go charges what it evaluates: one branch of ?:, and the right operand of && or || only when the left does not decide.
  const choice = (rule: string) => ({ type: "object", properties: { skip: { type: "boolean" }, xs: { type: "array", maxItems: 3000, items: { type: "integer" } } }, "x-kubernetes-validations": [{ rule }] });
  const quadratic = "self.xs.all(a, self.xs.all(b, a >= 0))";
  const stopped = (rule: string) => `spec: Invalid value: "object": 'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: ${rule}`;
  test.each([
    [`has(self.skip) ? true : ${quadratic}`, "  skip: true\n", "passes"],
    [`has(self.skip) ? true : ${quadratic}`, "", "stopped"],
    [`!has(self.skip) ? true : ${quadratic}`, "  skip: true\n", "stopped"],
    [`self.skip || ${quadratic}`, "  skip: true\n", "passes"],
    [`self.skip || ${quadratic}`, "  skip: false\n", "stopped"],
    // The left operand false: the rule fails, having cost only that operand.
    [`!self.skip && ${quadratic}`, "  skip: true\n", "fails"],
    [`!self.skip && ${quadratic}`, "  skip: false\n", "stopped"],
  ])("%s over 2,000 items with %j %s", (rule, yaml, outcome) => {
    const expected = { passes: [], stopped: [stopped(rule)], fails: [`spec: Invalid value: failed rule: ${rule}`] }[outcome]!;
    expect(validate(choice(rule), `${yaml}${bigList(2000)}`)).toEqual(expected);
  });

  // Inside macros too, item by item: the operand or branch evaluated, and all() and exists() stopping once decided.
  const ints = (values: number[]) => `  xs: [${values.join(", ")}]\n`;
  const upTo = (n: number, sign = 1) => Array.from({ length: n }, (_v, i) => sign * i);
  test.each([
    ["self.xs.all(a, a >= 0 || self.xs.all(b, b <= 0))", upTo(2000), "passes"],
    ["self.xs.all(a, a >= 0 || self.xs.all(b, b <= 0))", upTo(2000, -1), "stopped"],
    ["self.xs.all(a, a >= 0 ? true : self.xs.all(b, b <= 0))", upTo(2000), "passes"],
    ["self.xs.all(a, a >= 0 ? true : self.xs.all(b, b <= 0))", upTo(2000, -1), "stopped"],
    ["self.xs.all(a, a < 0 && self.xs.all(b, b <= 0))", upTo(2000), "fails"],
    ["self.xs.filter(a, a < 0).all(a, self.xs.all(b, b <= 0))", upTo(2000), "passes"],
    ["self.xs.filter(a, a < 0).all(a, self.xs.all(b, b <= 0))", upTo(2000, -1), "stopped"],
    // Each item found where it is: exists() stops there, about half the work of searching the whole list.
    ["self.xs.all(a, self.xs.exists(b, b == a))", upTo(500), "passes"],
    ["self.xs.all(a, !self.xs.exists(b, b == a + 1000))", upTo(500), "stopped"],
    // The first item not found: all() stops there.
    ["self.xs.all(a, self.xs.exists(b, b == a + 1000))", upTo(500), "fails"],
  ])("%s over %#", (rule, values, outcome) => {
    const expected = { passes: [], stopped: [stopped(rule as string)], fails: [`spec: Invalid value: failed rule: ${rule}`] }[outcome as string]!;
    expect(validate(choice(rule as string), ints(values as number[]))).toEqual(expected);
  });

  // Nested lists the schema leaves unbounded (the CRD passes: the rule is linear in what it reads), as a queue's groups of flavors of resources.
  const nested = {
    type: "object",
    properties: {
      mode: { type: "string" },
      cohort: { type: "string" },
      groups: { type: "array", maxItems: 16, items: { type: "object", properties: { flavors: { type: "array", maxItems: 16, items: { type: "object", properties: { resources: { type: "array", maxItems: 16, items: { type: "object", properties: { limit: { type: "integer" } } } } } } } } } },
    },
    "x-kubernetes-validations": [{ rule: "!has(self.cohort) && has(self.groups) ? self.groups.all(g, g.flavors.all(f, f.resources.all(r, !has(r.limit)))) : true", message: "limits need a cohort" }],
  };
  test.each([
    ["no groups at all, beside a string field", "  mode: Fair\n", []],
    ["an empty spec", "  {}\n", []],
    ["groups with empty lists of flavors", "  groups: [{flavors: []}, {flavors: []}]\n", []],
    ["flavors whose resources set no limit", "  groups: [{flavors: [{resources: [{}, {}]}]}]\n", []],
    ["a limit without a cohort", "  groups: [{flavors: [{resources: [{limit: 1}]}]}]\n", ["spec: Invalid value: limits need a cohort"]],
  ])("a rule reading fields the object lacks costs nothing for them: %s", (_name, yaml, expected) => {
    expect(validate(nested, yaml as string)).toEqual(expected);
  });

  test("many evaluations past the object's budget stop with the API server's message", () => {
    // A 400-character pattern over 9 strings of 10,000 characters: about 0.9M an evaluation, 12 rules pass the 10M budget.
    const pattern = "^(" + "a|".repeat(199) + "a)*$";
    const rules = Array.from({ length: 12 }, (_v, i) => ({ rule: `self.xs.all(x, x.matches('${pattern}')) || ${i} < 0` }));
    const bounded = { type: "object", properties: { xs: { type: "array", maxItems: 9, items: { type: "string", maxLength: 10000 } } }, "x-kubernetes-validations": rules };
    const value = "a".repeat(10000);
    const messages = validate(bounded, `  xs: [${Array.from({ length: 9 }, () => value).join(", ")}]\n`);
    expect(messages).toEqual(['spec: Invalid value: "object": validation failed due to running out of cost budget, no further validation rules will be run']);
    expect(validate(bounded, `  xs: [${Array.from({ length: 2 }, () => value).join(", ")}]\n`)).toEqual([]);
  });
});
