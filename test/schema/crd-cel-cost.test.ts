// The static cost of x-kubernetes-validations rules, counted as cel-go's
// checker counts it with Kubernetes' options: a presence test costs only its
// operand (PresenceTestHasCost(false)), macros cost the loop condition and
// step they expand to, once per element of the range.
import { describe, expect, test } from "vitest";
import { errorMessage } from "../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../src/apiserver/validation/apiextensions/validation.js";
import { estimateCost } from "../../src/schema/crd/cel/cost.js";
import { celRuntime } from "../../src/schema/crd/cel/library.js";
import { schemaCelType } from "../../src/schema/crd/cel/types.js";

/** A mirror's spec: an upstream object, a list of at most 10 short names, a count. */
const SPEC = {
  type: "object",
  properties: {
    upstream: { type: "object", properties: { url: { type: "string", maxLength: 10 }, token: { type: "string" } } },
    names: { type: "array", maxItems: 10, items: { type: "string", maxLength: 5 } },
    count: { type: "integer" },
  },
};

function cost(expression: string): number {
  const type = schemaCelType(SPEC, false)!;
  return estimateCost(celRuntime()!.parse(expression).ast, new Map([["self", type]]), "static");
}

describe("estimated cost of one evaluation", () => {
  const cases: Array<{ expression: string; cost: number }> = [
    { expression: "has(self.upstream)", cost: 1 },
    { expression: "has(self.upstream.url)", cost: 2 },
    { expression: "has(self.upstream) && (has(self.upstream.url) || has(self.upstream.token))", cost: 5 },
    { expression: "self.count > 0", cost: 3 },
    // range 2, result 1, and per name: condition 3, step 1 + (x == 'ab') 2
    { expression: "self.names.exists(x, x == 'ab')", cost: 63 },
    // range 2, result 1, and per name: condition 2, step 1 + (x.size() < 3) 3
    { expression: "self.names.all(x, x.size() < 3)", cost: 63 },
    // range 2, result (__result__ == 1) 2, and per name: the conditional step 2 + 2
    { expression: "self.names.exists_one(x, x == 'ab')", cost: 44 },
    // range 2, the empty list 10, result 1, and per name: append 12 + (x + 'a') 4
    { expression: "self.names.map(x, x + 'a')", cost: 173 },
  ];
  test.each(cases)("$expression costs $cost", ({ expression, cost: expected }) => {
    expect(cost(expression)).toBe(expected);
  });
});

describe("presence tests on the items of an unbounded list", () => {
  // An unbounded list of objects: a rule on its items may run about a million times.
  function crd(rule: string) {
    const item = { type: "object", properties: { remoteKey: { type: "string" }, rewrite: { type: "array", items: { type: "string" } }, storeRef: { type: "object", properties: { name: { type: "string" }, kind: { type: "string" } } } }, "x-kubernetes-validations": [{ rule }] };
    return {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "syncs.secrets.example.com" },
      spec: {
        group: "secrets.example.com",
        scope: "Namespaced",
        names: { plural: "syncs", kind: "Sync" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { data: { type: "array", items: item } } } } } } }],
      },
    };
  }
  const cases: Array<{ name: string; rule: string; refused: string[] }> = [
    { name: "has() chains are accepted", rule: "has(self.remoteKey) && has(self.storeRef) && (has(self.storeRef.name) || has(self.storeRef.kind))", refused: [] },
    { name: "has() with size() is accepted", rule: "!has(self.remoteKey) || !has(self.rewrite) || size(self.rewrite) == 0", refused: [] },
    {
      name: "a loop over an unbounded list inside is refused",
      rule: "self.rewrite.all(r, r != self.remoteKey)",
      refused: [
        "spec.validation.openAPIV3Schema.properties[spec].properties[data].items.x-kubernetes-validations[0].rule: Forbidden: estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)",
        "spec.validation.openAPIV3Schema.properties[spec].properties[data].items.x-kubernetes-validations[0].rule: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema",
        "spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)",
      ],
    },
  ];
  test.each(cases)("$name", ({ rule, refused }) => {
    expect(validateCustomResourceDefinition(crd(rule), "1.36").map((error) => errorMessage(error, "1.36"))).toEqual(refused);
  });
});
