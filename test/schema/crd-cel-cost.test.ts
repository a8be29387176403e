// The static cost of x-kubernetes-validations rules, counted as cel-go's
// checker counts it with Kubernetes' options: a presence test costs only its
// operand (PresenceTestHasCost(false)), macros cost the loop condition and
// step they expand to, once per element of the range.
import { describe, expect, test } from "vitest";
import { errorMessage } from "../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../src/apiserver/validation/apiextensions/validation.js";
import { estimateCost } from "../../src/schema/crd/cel/cost.js";
import { celRuntime } from "../../src/schema/crd/cel/library.js";
import { subexpressionValue } from "../../src/schema/crd/cel/rules.js";
import { evaluatedValueType, schemaCelType, valueCelType } from "../../src/schema/crd/cel/types.js";
import { thingCrd } from "./helpers.js";

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

describe("the API server's own estimates (its cost estimation cases), without and with bounds", () => {
  type Schema = (max?: number) => object;
  const bound = (key: string, max?: number) => (max === undefined ? {} : { [key]: max });
  const string: Schema = (max) => ({ type: "string", ...bound("maxLength", max) });
  const listOf = (items: object): Schema => (max) => ({ type: "array", items, ...bound("maxItems", max) });
  const mapOf = (values: object): Schema => (max) => ({ type: "object", additionalProperties: values, ...bound("maxProperties", max) });
  const pair = { type: "object", required: ["required"], properties: { required: { type: "string" }, optional: { type: "string" } } };
  const cases: Array<{ name: string; schema: Schema; rule: string; unbounded: number; max: number; bounded: number }> = [
    { name: "a list of numbers, all()", schema: listOf({ type: "number" }), rule: "self.all(x, true)", unbounded: 4718591, max: 10, bounded: 32 },
    { name: "a list of strings, all()", schema: listOf({ type: "string" }), rule: "self.all(x, true)", unbounded: 3145727, max: 20, bounded: 62 },
    { name: "a list of objects, all()", schema: listOf(pair), rule: "self.all(x, true)", unbounded: 555128, max: 50, bounded: 152 },
    { name: "a map of durations, all()", schema: mapOf({ type: "string", format: "duration" }), rule: "self.all(x, true)", unbounded: 1048577, max: 5, bounded: 17 },
    { name: "a string, contains()", schema: string, rule: "self.contains('test')", unbounded: 314574, max: 10, bounded: 5 },
    { name: "a string concatenated", schema: string, rule: 'size(self + "hello") > size("hello")', unbounded: 314578, max: 4, bounded: 7 },
    { name: "an item of a list of numbers compared", schema: listOf({ type: "number" }), rule: "self[1] == 0.0", unbounded: 2, max: 5000, bounded: 2 },
    { name: "an item of a list of objects compared with null", schema: listOf(pair), rule: "self[0] == null", unbounded: 2, max: 422, bounded: 2 },
    { name: "an item of a list of lists, against a negative literal", schema: listOf({ type: "array", items: { type: "number" } }), rule: "self[0][0] == -1.0", unbounded: 3, max: 51, bounded: 3 },
    { name: "a map's value selected by name", schema: listOf({ type: "object", additionalProperties: { type: "number" } }), rule: "self.all(x, x.y == 25.2)", unbounded: 6291452, max: 12, bounded: 74 },
    { name: "an item of a list of strings compared with itself", schema: listOf({ type: "string" }), rule: "self[1] == self[1]", unbounded: 314577, max: 8, bounded: 314577 },
    { name: "regex find()", schema: string, rule: "self.find('[0-9]+') == ''", unbounded: 629147, max: 10, bounded: 11 },
    { name: "join() of a list of strings", schema: (max) => listOf(string(max))(max), rule: "self.join(' ') == 'aa bb'", unbounded: 329853068905, max: 10, bounded: 43 },
    { name: "isSorted() of a list of strings", schema: (max) => listOf(string(max))(max), rule: "self.isSorted() == true", unbounded: 329854432052, max: 10, bounded: 52 },
    { name: "replace()", schema: (max) => ({ type: "object", properties: { str: string(max), before: string(2), after: string(4) } }), rule: "self.str.replace(self.before, self.after) == 'does not matter'", unbounded: 629154, max: 4, bounded: 12 },
    { name: "split()", schema: (max) => ({ type: "object", properties: { str: string(max), separator: string(max) } }), rule: "self.str.split(self.separator) == []", unbounded: 629160, max: 10, bounded: 22 },
    { name: "lowerAscii()", schema: string, rule: "self.lowerAscii() == 'lower!'", unbounded: 314575, max: 10, bounded: 6 },
    { name: "an enum's longest value bounds it", schema: (max) => ({ type: "string", enum: ["A", "B", "C", "LongValue"], ...bound("maxLength", max) }), rule: "self.contains('A')", unbounded: 2, max: 1000, bounded: 401 },
  ];
  const ruleCost = (schema: object, rule: string) => {
    const type = schemaCelType(schema as Record<string, unknown>, false)!;
    return estimateCost(celRuntime()!.parse(rule).ast, new Map([["self", type], ["oldSelf", type]]), "static");
  };
  test.each(cases)("$name", ({ schema, rule, unbounded, max, bounded }) => {
    expect(ruleCost(schema(), rule)).toBe(unbounded);
    expect(ruleCost(schema(max), rule)).toBe(bounded);
  });
});

describe("results whose size the checker does not know count as the largest", () => {
  const cases: Array<{ expression: string; cost: number | "over the limit"; why: string }> = [
    { expression: "self.upstream.url.charAt(0).matches('[a-z]')", cost: "over the limit", why: "charAt() gives a string of unknown size" },
    { expression: "self.upstream.url.reverse().contains('a')", cost: "over the limit", why: "the strings extension's reverse() too" },
    { expression: "string(self.count).matches('^[0-9]+$')", cost: "over the limit", why: "string() of an int too" },
    { expression: "'count ' + string(self.count)", cost: "over the limit", why: "a string of unknown size concatenated" },
    { expression: "self.upstream.token.split(',').all(x, x.contains('a'))", cost: "over the limit", why: "split()'s items have no size" },
    { expression: "self.upstream.url.findAll('[a-z]+').exists(x, x.matches('b'))", cost: "over the limit", why: "findAll()'s items neither" },
    { expression: "['ab', 'cd'].isSorted()", cost: "over the limit", why: "the strings of a list literal have no size to the lists library" },
    { expression: "self.names.filter(x, x != '').indexOf('a') >= 0", cost: "over the limit", why: "nor the strings a call returns" },
    { expression: "[1, 2, 3, 4, 5].isSorted()", cost: 15, why: "ints cost one comparison each" },
    { expression: "self.upstream.url.reverse() == 'x'", cost: 5, why: "compared with a literal, the literal's size counts" },
    { expression: "self.count == 1", cost: 2, why: "a schema's int has no size: comparing it costs nothing" },
    { expression: "strings.quote(self.upstream.url) == 'x'", cost: 8, why: "quote(): the string traversed, twice its size and two quotes" },
    { expression: "sets.contains(self.names, ['a'])", cost: 23, why: "sets: one comparison per pair of items" },
    { expression: "sets.equivalent(self.names, ['a'])", cost: 33, why: "equivalent() compares both ways" },
    { expression: "lists.range(5).all(i, i > 0)", cost: 42, why: "lists.range() of a literal: that many items" },
    { expression: "self.names.slice(1, 3).size() == 2", cost: 17, why: "slice() of literal bounds: their difference" },
    { expression: "self.names.sort()[0] == 'a'", cost: 225, why: "sort(): the square of the size, strings traversed" },
    { expression: "self.upstream.url.replace('a', 'bb') == 'x'", cost: 12, why: "replace() of literals" },
    { expression: "self.upstream.token.split(',').size() < 3", cost: 629151, why: "split() of an unbounded string" },
  ];
  test.each(cases)("$expression: $why", ({ expression, cost: expected }) => {
    if (expected === "over the limit") expect(cost(expression)).toBeGreaterThan(10_000_000);
    else expect(cost(expression)).toBe(expected);
  });

  test("a CRD whose rule reads a character of a string is refused; the same rule on the string itself is not", () => {
    const crd = (rule: string) => ({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "mirrors.example.com" },
      spec: { group: "example.com", scope: "Namespaced", names: { plural: "mirrors", kind: "Mirror" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { ...SPEC, "x-kubernetes-validations": [{ rule }] } } } } }] },
    });
    const P = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule";
    expect(validateCustomResourceDefinition(crd("self.upstream.url.charAt(0).matches('[a-z]')"), "1.36").map((error) => errorMessage(error, "1.36"))).toEqual([
      `${P}: Forbidden: estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)`,
      `${P}: Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema`,
      "spec.validation.openAPIV3Schema: Forbidden: x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)",
    ]);
    expect(validateCustomResourceDefinition(crd("self.upstream.url.matches('^[a-z]')"), "1.36")).toEqual([]);
  });
});

describe("presence tests on the items of an unbounded list", () => {
  // An unbounded list of objects: a rule on its items may run about a million times.
  function crd(rule: string) {
    const item = { type: "object", properties: { remoteKey: { type: "string" }, rewrite: { type: "array", items: { type: "string" } }, storeRef: { type: "object", properties: { name: { type: "string" }, kind: { type: "string" } } } }, "x-kubernetes-validations": [{ rule }] };
    return thingCrd("secrets.example.com", "Sync", { type: "object", properties: { data: { type: "array", items: item } } });
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

describe("the checker's estimate of comprehensions and bindings (cel-go's own cost cases)", () => {
  const cases: Array<{ expression: string; cost: number; why: string }> = [
    { expression: "[1, 2, 3, 4].all(i, v, i < 5 && v > 0)", cost: 39, why: "two variables: the index and the item" },
    { expression: "[1, 2, 3].existsOne(i, v, v == 2)", cost: 24, why: "existsOne is exists_one with two variables" },
    { expression: "[3, 2, 1].transformList(i, v, v > i, v) == [3, 2]", cost: 80, why: "a filter and a transform: both counted per item" },
    { expression: "[].transformMap(k, v, v + 1) == {}", cost: 71, why: "transformMap starts from an empty map" },
    { expression: "{1: 2}.transformMap(k, v, v + 1) == {1: 3}", cost: 97, why: "@mapInsert(accu, k, f) per item" },
    { expression: "{1: 2, 3: 4, 5: 6}.transformMap(k, v, k % 3 == 0, v + 1) == {3: 5}", cost: 116, why: "with a filter" },
    { expression: "{1: 2}.transformMapEntry(k, v, {v: k}) == {2: 1}", cost: 126, why: "@mapInsert(accu, f) per item" },
    { expression: "cel.bind(a, 'hello!', cel.bind(b, 'goodbye', a + ' and, ' + b)) == 'hello! and, goodbye'", cost: 28, why: "each binding a comprehension over an empty list" },
  ];
  test.each(cases)("$expression: $why", ({ expression, cost: expected }) => {
    expect(estimateCost(celRuntime()!.parse(expression).ast, new Map(), "static")).toBe(expected);
  });
});

describe("the cost of one evaluation, as cel-go's interpreter counts it with the API server's options", () => {
  // Counted as runtimecost.go counts: each item a macro evaluates, one branch of ?:, the operands of && and || that
  // decide; with OptOptimize, a constant list or map (an accumulator's [] too) costs nothing.
  function actualCost(expression: string, self: unknown): number {
    const runtime = celRuntime()!;
    const variables = new Map([["self", evaluatedValueType(self)]]);
    return estimateCost(runtime.parse(expression).ast, variables, "actual", subexpressionValue(runtime, { self }), 1_000_000);
  }
  const ints = [1n, 2n, 3n, 4n, 5n];
  const cases: Array<{ expression: string; self?: unknown; cost: number; why: string }> = [
    { expression: "self.all(x, x > 0)", self: ints, cost: 1 + 5 * 5 + 1, why: "self 1, every item: condition 2, step 1 and x > 0 2; the result 1" },
    { expression: "self.all(x, x < 3)", self: ints, cost: 1 + 5 + 5 + 5 + 2 + 1, why: "stops after 3, the first false: one more condition" },
    { expression: "self.all(x, x < 6)", self: ints, cost: 1 + 5 * 5 + 1, why: "never false: every item" },
    { expression: "self.exists(x, x == 2)", self: ints, cost: 1 + 6 + 6 + 3 + 1, why: "stops after 2, the first true" },
    { expression: "self.exists(x, x == 5)", self: ints, cost: 1 + 5 * 6 + 1, why: "true at the last item: no condition after it" },
    { expression: "self.exists_one(x, x == 2)", self: ints, cost: 1 + 5 * 2 + 2 + 2, why: "never stops; the count 2 only where x == 2" },
    { expression: "self.filter(x, x % 2 == 0)", self: ints, cost: 1 + 5 * 3 + 2 * 13 + 1, why: "an item kept costs 13, one dropped nothing" },
    { expression: "6 in self.filter(x, x > 3)", self: ints, cost: 1 + 5 * 2 + 2 * 13 + 1 + 2, why: "x > 3 costs 2 an item; then searching what the filter kept, two items" },
    { expression: "self.map(x, x)", self: ints, cost: 1 + 5 * 13 + 1, why: "accu + [x]: 12 and x" },
    { expression: "self.map(x, x % 2 == 0, x)", self: ints, cost: 1 + 5 * 3 + 2 * 13 + 1, why: "map with a filter: the transform only for items kept" },
    { expression: "self.all(x, x > 2 || x + 1 > 0)", self: ints, cost: 1 + 2 * (3 + 2 + 3) + 3 * (3 + 2) + 1, why: "|| stops at a true left operand, item by item" },
    { expression: "self.all(x, x > 2 ? true : x + 1 > 0)", self: ints, cost: 1 + 2 * (3 + 2 + 3) + 3 * (3 + 2) + 1, why: "?: charges the branch taken, item by item" },
    { expression: "self.all(x, self.exists(y, y == x))", self: ints, cost: 1 + 5 * 3 + (1 + 7 + 3 + 1) + (1 + 14 + 3 + 1) + (1 + 21 + 3 + 1) + (1 + 28 + 3 + 1) + (1 + 35 + 1) + 1, why: "an inner exists stops at the outer item" },
    { expression: "[1,2,3,4,5].map(x, [x, x]).all(y, y.all(y, y == 1))", cost: 151, why: "cel-go's case (171) with its three constant lists folded" },
    { expression: "[1,2,3].all(i, i in [1,2,3].map(j, j + j))", cost: 56, why: "cel-go's nested case (86), its constant lists folded" },
    { expression: "self > 2 ? self : 0", self: 5n, cost: 2, why: "a variable as a branch is read by the conditional: only self > 2 costs" },
    { expression: "self.all(k, v, k < v)", self: { he: "hello", go: "goodbye" }, cost: 14, why: "a map's keys and values" },
    { expression: "'b' in ['a', 'b', 'c']", cost: 0, why: "in a constant list of strings: a set lookup" },
    { expression: "self in [self, 2]", self: 1n, cost: 1 + 1 + 10 + 2, why: "a list that is not constant is created and searched" },
    { expression: "cel.bind(a, 'hello!', cel.bind(b, 'goodbye', a + ' and, ' + b)) == 'hello! and, goodbye'", cost: 8, why: "a binding's empty list is a constant" },
  ];
  test.each(cases)("$expression: $why", ({ expression, self, cost: expected }) => {
    expect(actualCost(expression, self ?? null)).toBe(expected);
  });

  test("counting the items of a macro stops past the limit", () => {
    const many = Array.from({ length: 400_000 }, (_v, i) => BigInt(i));
    expect(actualCost("self.all(x, x >= 0)", many)).toBeGreaterThan(1_000_000);
    expect(actualCost("self.exists(x, x >= 0)", many)).toBe(1 + 6 + 3 + 1);
  });
});

describe("a property a rule selects by its escaped name is charged as the property it is", () => {
  // The cost is bounded by the object as written (`x-y`), while the rule reads it as CEL names it (`x__dash__y`).
  const text = "a".repeat(1000);
  const cases: Array<{ property: string; selected: string }> = [
    { property: "plain", selected: "plain" },
    { property: "x-y", selected: "x__dash__y" },
    { property: "a.b", selected: "a__dot__b" },
    { property: "a/b", selected: "a__slash__b" },
    { property: "a__b", selected: "a__underscores__b" },
    { property: "namespace", selected: "__namespace__" },
  ];
  test.each(cases)("$property as self.$selected", ({ property, selected }) => {
    const runtime = celRuntime()!;
    const expression = `self.${selected}.matches('b+')`;
    const variables = new Map([["self", valueCelType({ [property]: text })]]);
    const cost = estimateCost(runtime.parse(expression).ast, variables, "actual", subexpressionValue(runtime, { self: { [selected]: text } }), 1_000_000);
    // self 1, the selection 1, matches() 1 and a tenth of the string's 1,000 characters
    expect(cost).toBe(103);
  });
});
