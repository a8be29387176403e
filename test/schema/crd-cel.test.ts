// x-kubernetes-validations rules: what the CEL library evaluates, how
// failures read (apiextensions' wording), and what is skipped or reported as
// not evaluated.
import { describe, expect, test } from "vitest";
import { createSchemaValidator } from "../../src/schema/index.js";
import { validate } from "../../src/index.js";
import { brief, documentsOf, thingCrdYaml } from "./helpers.js";

/** A CRD `things.test.io` whose `spec` has the given schema, and a Thing whose spec lines start at line 5. */
function check(spec: object, specYaml: string, options: { version?: string; root?: object; metadata?: string } = {}) {
  const validator = createSchemaValidator({ kubernetesVersion: options.version ?? "1.36" });
  const openAPIV3Schema = { type: "object", properties: { spec }, ...options.root };
  validator.addCustomResourceDefinitions([
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "things.test.io" },
      spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema } }] },
    },
  ]);
  const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: ${options.metadata ?? "{name: box}"}\nspec:\n${specYaml}`);
  return validator.validate(document!).map((f) => ({ ...brief(f), ...(f.severity !== "error" ? { severity: f.severity } : {}) }));
}

const rule = (expression: string, extra: object = {}) => [{ rule: expression, ...extra }];
const object = (properties: object, validations?: object[]) => ({ type: "object", properties, ...(validations ? { "x-kubernetes-validations": validations } : {}) });

describe("rules that hold pass silently", () => {
  const passing: Array<{ name: string; spec: object; yaml: string }> = [
    { name: "comparisons of ints", spec: object({ a: { type: "integer" }, b: { type: "integer" } }, rule("self.a < self.b")), yaml: "  a: 1\n  b: 2\n" },
    { name: "a double against an int literal", spec: object({ ratio: { type: "number" } }, rule("self.ratio < 1")), yaml: "  ratio: 0.5\n" },
    { name: "a whole number in a number field", spec: object({ ratio: { type: "number" } }, rule("self.ratio == 2.0")), yaml: "  ratio: 2\n" },
    { name: "has() on an absent field", spec: object({ a: { type: "string" } }, rule("!has(self.a)")), yaml: "  {}\n" },
    { name: "macros", spec: object({ xs: { type: "array", items: { type: "string" } } }, rule("self.xs.all(x, x.startsWith('a')) && self.xs.exists_one(x, x == 'ab') && self.xs.filter(x, x.size() > 2).size() == 1 && self.xs.map(x, x + '!')[0] == 'ab!'")), yaml: "  xs: [ab, abc]\n" },
    { name: "regex, strings and size", spec: object({ name: { type: "string" } }, rule("self.name.matches('^[a-z]+$') && size(self.name) == 3 && self.name.upperAscii() == 'ABC' && self.name.indexOf('b') == 1")), yaml: "  name: abc\n" },
    { name: "Kubernetes list functions", spec: object({ xs: { type: "array", items: { type: "integer" } } }, rule("self.xs.isSorted() && self.xs.sum() == 6 && self.xs.min() == 1 && self.xs.max() == 3 && self.xs.indexOf(2) == 1")), yaml: "  xs: [1, 2, 3]\n" },
    { name: "Kubernetes string functions", spec: object({ s: { type: "string" } }, rule("self.s.charAt(1) == 'b' && self.s.replace('b', 'x') == 'axc' && self.s.lastIndexOf('c') == 2")), yaml: "  s: abc\n" },
    { name: "maps", spec: object({ labels: { type: "object", additionalProperties: { type: "string" } } }, rule("'team' in self.labels && self.labels['team'] == 'a' && self.labels.all(k, k.size() < 10)")), yaml: "  labels: {team: a}\n" },
    { name: "int-or-string holds either", spec: object({ port: { "x-kubernetes-int-or-string": true } }, rule("type(self.port) == string ? self.port == 'http' : self.port > 0")), yaml: "  port: http\n" },
    { name: "escaped property names", spec: object({ "max-size": { type: "integer" }, namespace: { type: "string" }, a_b: { type: "string" } }, rule("self.max__dash__size == 1 && self.__namespace__ == 'x' && self.a_b == 'w'")), yaml: "  max-size: 1\n  namespace: x\n  a_b: w\n" },
    { name: "date-time strings are timestamps", spec: object({ at: { type: "string", format: "date-time" } }, rule("self.at > timestamp('2020-01-01T00:00:00Z')")), yaml: "  at: 2024-05-01T10:00:00Z\n" },
    { name: "defaults are applied before the rules", spec: object({ min: { type: "integer", default: 1 }, max: { type: "integer", default: 3 } }, rule("self.min <= self.max")), yaml: "  {}\n" },
    { name: "optional oldSelf is none on create", spec: object({ a: { type: "string" } }, rule("!oldSelf.hasValue() || self.a == oldSelf.value().a", { optionalOldSelf: true })), yaml: "  a: x\n" },
    { name: "unknown fields are not visible", spec: object({ a: { type: "string" }, extra: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }, rule("!has(self.b)")), yaml: "  a: x\n  extra: {b: 1}\n" },
    { name: "a rule on a nullable field does not see null", spec: object({ a: { type: "string", nullable: true, "x-kubernetes-validations": rule("self.size() > 3") } }), yaml: "  a: null\n" },
  ];
  test.each(passing)("$name", ({ spec, yaml }) => {
    expect(check(spec, yaml)).toEqual([]);
  });
});

describe("failed rules read as upstream reports them", () => {
  const failing: Array<{ name: string; spec: object; yaml: string; root?: object; version?: string; expected: ReturnType<typeof check> }> = [
    {
      name: "no message: failed rule",
      spec: object({ a: { type: "integer" } }, rule("self.a > 1")),
      yaml: "  a: 1\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: "spec: Invalid value: failed rule: self.a > 1" }],
    },
    {
      name: "before 1.35 a rule on an object prints the type",
      spec: object({ a: { type: "integer" } }, rule("self.a > 1")),
      yaml: "  a: 1\n",
      version: "1.34",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": failed rule: self.a > 1' }],
    },
    {
      name: "a rule on a scalar field prints its value",
      spec: object({ replicas: { type: "integer", "x-kubernetes-validations": rule("self <= 10", { message: " at most 10 " }) } }),
      yaml: "  replicas: 11\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 13, message: "spec.replicas: Invalid value: 11: at most 10" }],
    },
    {
      name: "a rule on a string prints it quoted",
      spec: object({ name: { type: "string", "x-kubernetes-validations": rule("self.matches('^[a-z]+$')", { message: "lower case letters only" }) } }),
      yaml: "  name: Web-1\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 9, message: 'spec.name: Invalid value: "Web-1": lower case letters only' }],
    },
    {
      name: "before 1.35 a rule on a scalar field prints its type",
      version: "1.34",
      spec: object({ replicas: { type: "integer", "x-kubernetes-validations": rule("self <= 10", { message: " at most 10 " }) } }),
      yaml: "  replicas: 11\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 13, message: 'spec.replicas: Invalid value: "integer": at most 10' }],
    },
    {
      name: "a rule at the root has no path",
      spec: object({ a: { type: "string" } }),
      root: { "x-kubernetes-validations": rule("self.metadata.name.startsWith('prod-')", { message: "name must start with prod-" }) },
      yaml: "  a: x\n",
      expected: [{ rule: "schema/cel-rule", line: 1, column: 1, message: "<nil>: Invalid value: name must start with prod-" }],
    },
    {
      name: "reason Forbidden",
      spec: object({ a: { type: "string" }, b: { type: "string" } }, rule("!(has(self.a) && has(self.b))", { message: "a and b are mutually exclusive", reason: "FieldValueForbidden", fieldPath: ".b" })),
      yaml: "  a: x\n  b: w\n",
      expected: [{ rule: "schema/cel-rule", line: 6, column: 6, message: "spec.b: Forbidden: a and b are mutually exclusive" }],
    },
    {
      name: "reason Duplicate on an array omits the value",
      spec: object({ xs: { type: "array", items: { type: "string" }, "x-kubernetes-validations": rule("self.size() < 2", { reason: "FieldValueDuplicate" }) } }),
      yaml: "  xs: [a, b]\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 7, message: "spec.xs: Duplicate value" }],
    },
    {
      name: "before 1.35 reason Duplicate prints the type",
      spec: object({ xs: { type: "array", items: { type: "string" }, "x-kubernetes-validations": rule("self.size() < 2", { reason: "FieldValueDuplicate" }) } }),
      yaml: "  xs: [a, b]\n",
      version: "1.34",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 7, message: 'spec.xs: Duplicate value: "array"' }],
    },
    {
      name: "fieldPath into a map key",
      spec: object({ labels: { type: "object", additionalProperties: { type: "string" } } }, rule("self.labels.team != ''", { message: "team must be set", fieldPath: ".labels['team']" })),
      yaml: "  labels: {team: ''}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 18, message: "spec.labels[team]: Invalid value: team must be set" }],
    },
    {
      name: "a messageExpression that fails falls back to the message",
      spec: object({ a: { type: "integer" } }, rule("self.a > 1", { message: "a must exceed 1", messageExpression: "self.missing + 'x'" })),
      yaml: "  a: 1\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: "spec: Invalid value: a must exceed 1" }],
    },
    {
      name: "an evaluation error: no such key",
      spec: object({ a: { type: "integer" }, b: { type: "integer" } }, rule("self.a < self.b")),
      yaml: "  a: 1\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": no such key: b evaluating rule: self.a < self.b' }],
    },
    {
      name: "an evaluation error: division by zero",
      spec: object({ a: { type: "integer" }, b: { type: "integer" } }, rule("self.a / self.b > 0", { message: "ratio must be positive" })),
      yaml: "  a: 1\n  b: 0\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": division by zero evaluating rule: ratio must be positive' }],
    },
    {
      name: "an evaluation error: a list indexed past its end",
      spec: object({ xs: { type: "array", items: { type: "string" } } }, rule("self.xs[2] == 'c'", { message: "the third item must be c" })),
      yaml: "  xs: [a, b]\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": index out of bounds: 2 evaluating rule: the third item must be c' }],
    },
    {
      name: "an evaluation error: a negative index, before 1.35 too",
      spec: object({ xs: { type: "array", items: { type: "string" } } }, rule("self.xs[-1] == 'a'")),
      yaml: "  xs: [a]\n",
      version: "1.33",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: `spec: Invalid value: "object": index out of bounds: -1 evaluating rule: self.xs[-1] == 'a'` }],
    },
    {
      name: "an evaluation error: a list literal indexed past its end",
      spec: object({ a: { type: "string" } }, rule("['x', 'y'][self.a.size()] == 'x'")),
      yaml: "  a: abc\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: `spec: Invalid value: "object": index out of bounds: 3 evaluating rule: ['x', 'y'][self.a.size()] == 'x'` }],
    },
    {
      name: "an evaluation error: modulus by zero",
      spec: object({ a: { type: "integer" }, b: { type: "integer" } }, rule("self.a % self.b == 0")),
      yaml: "  a: 4\n  b: 0\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": modulus by zero evaluating rule: self.a % self.b == 0' }],
    },
    {
      name: "an evaluation error: the value of an empty optional",
      spec: object({ a: { type: "string" } }, rule("self.?a.value() != ''", { message: "a must be set" })),
      yaml: "  {}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: 'spec: Invalid value: "object": optional.none() dereference evaluating rule: a must be set' }],
    },
    {
      name: "errors on both sides of ||: the first, as cel-go keeps it",
      spec: object({ tls: object({ mode: { type: "string" }, certificateRefs: { type: "array", items: { type: "string" } }, options: { type: "object", additionalProperties: { type: "string" } } }, rule("self.mode == 'Terminate' ? size(self.certificateRefs) > 0 || size(self.options) > 0 : true", { message: "certificates or options are needed" })) }),
      yaml: "  tls: {mode: Terminate}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 8, message: 'spec.tls: Invalid value: "object": no such key: certificateRefs evaluating rule: certificates or options are needed' }],
    },
    {
      name: "errors on both sides of &&: the first",
      spec: object({ labels: { type: "object", additionalProperties: { type: "string" } } }, rule("self.labels.team != '' && self.labels.tier != ''")),
      yaml: "  labels: {}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 3, message: `spec: Invalid value: "object": no such key: team evaluating rule: self.labels.team != '' && self.labels.tier != ''` }],
    },
    {
      name: "an evaluation error: a string that is not a duration",
      spec: object({ timeout: { type: "string", "x-kubernetes-validations": rule("duration(self) >= duration('1ms')") } }),
      yaml: "  timeout: 1d\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 12, message: `spec.timeout: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: duration(self) >= duration('1ms')` }],
    },
    {
      name: "an evaluation error: a string that is not an int",
      spec: object({ port: { type: "string", "x-kubernetes-validations": rule("int(self) > 0", { message: "port must be positive" }) } }),
      yaml: "  port: http\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 9, message: `spec.port: Invalid value: "string": type conversion error from 'string' to 'int' evaluating rule: port must be positive` }],
    },
    {
      name: "an evaluation error: a string that is not a timestamp",
      spec: object({ at: { type: "string", "x-kubernetes-validations": rule("timestamp(self) > timestamp('2020-01-01T00:00:00Z')") } }),
      yaml: "  at: yesterday\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 7, message: `spec.at: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Timestamp' evaluating rule: timestamp(self) > timestamp('2020-01-01T00:00:00Z')` }],
    },
    {
      name: "an optional compared with null is never equal to it, even when empty",
      spec: object({ port: { type: "string", "x-kubernetes-validations": rule("size(self) == 0 || format.dns1123Label().validate(self) == null", { message: "must be a DNS label" }) } }),
      yaml: "  port: http\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 9, message: 'spec.port: Invalid value: "http": must be a DNS label' }],
    },
    {
      name: "embedded resources show apiVersion and kind",
      spec: object({ template: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true, "x-kubernetes-validations": rule("self.kind == 'Pod'", { message: "only Pods" }) } }),
      yaml: "  template: {apiVersion: v1, kind: Service}\n",
      expected: [{ rule: "schema/cel-rule", line: 5, column: 13, message: "spec.template: Invalid value: only Pods" }],
    },
  ];
  test.each(failing)("$name", ({ spec, yaml, root, version, expected }) => {
    expect(check(spec, yaml, { root, ...(version ? { version } : {}) })).toEqual(expected);
  });
});

describe("transition rules", () => {
  test("do not apply to a create: one info says so", () => {
    expect(check(object({ a: { type: "string" } }, rule("self.a == oldSelf.a")), "  a: x\n")).toEqual([
      {
        rule: "schema/cel-transition-rule",
        severity: "info",
        line: 5,
        column: 3,
        message: 'spec: x-kubernetes-validations rule "self.a == oldSelf.a" is a transition rule (it reads oldSelf): the API server checks it when the object is updated, not when it is created',
      },
    ]);
  });
});

describe("rules kubeplan cannot evaluate are one info finding", () => {
  test("once per CRD and rule, whatever the number of objects", () => {
    const validator = createSchemaValidator({ kubernetesVersion: "1.36" });
    validator.addCustomResourceDefinitions([
      {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "things.test.io" },
        spec: { group: "test.io", scope: "Namespaced", names: { plural: "things", kind: "Thing" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: object({ a: { type: "string" } }, rule("self.a ==")) } } } }] },
      },
    ]);
    const documents = documentsOf("apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: a}\nspec: {a: x}\n---\napiVersion: test.io/v1\nkind: Thing\nmetadata: {name: b}\nspec: {a: z}\n");
    expect(documents.flatMap((d) => validator.validate(d)).map((f) => f.rule)).toEqual(["schema/cel-not-evaluated"]);
  });

  const unsupported: Array<{ name: string; spec: object; yaml: string; message: string }> = [
    {
      name: "a rule that does not parse",
      spec: object({ a: { type: "string" } }, rule("self.a ==")),
      yaml: "  a: x\n",
      message: 'spec: x-kubernetes-validations rule "self.a ==" was not evaluated: it could not be parsed (Unexpected token: EOF)',
    },
  ];
  test.each(unsupported)("$name", ({ spec, yaml, message }) => {
    const found = check(spec, yaml);
    expect(found.map((f) => [f.rule, f.severity, f.message])).toEqual([["schema/cel-not-evaluated", "info", message]]);
  });

});

describe("rules do not run past an error that blocks them, as upstream's hasBlockingErr decides", () => {
  const NOT_CHECKED = "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";
  const failing = rule("self.name != 'web'", { message: "not web" });
  const cases: Array<{ name: string; spec: object; yaml: string; metadata?: string; version?: string; expected: string[] }> = [
    { name: "a missing required field", spec: { ...object({ name: { type: "string" }, size: { type: "integer" } }, failing), required: ["size"] }, yaml: "  name: web\n", expected: [NOT_CHECKED, "spec.size: Required value"] },
    { name: "a value not in the enum", spec: object({ name: { type: "string" }, mode: { type: "string", enum: ["Fast"] } }, failing), yaml: "  name: web\n  mode: Slow\n", expected: [NOT_CHECKED, 'spec.mode: Unsupported value: "Slow": supported values: "Fast"'] },
    { name: "a string too long", spec: object({ name: { type: "string", maxLength: 2 } }, failing), yaml: "  name: web\n", expected: [NOT_CHECKED, "spec.name: Too long: may not be more than 2 bytes"] },
    { name: "too many items", spec: object({ name: { type: "string" }, xs: { type: "array", maxItems: 1, items: { type: "string" } } }, failing), yaml: "  name: web\n  xs: [a, b]\n", expected: [NOT_CHECKED, "spec.xs: Too many: 2: must have at most 1 item"] },
    { name: "a value of the wrong type", spec: object({ name: { type: "string" }, port: { type: "integer", "x-kubernetes-validations": rule("self.matches('x')") } }, failing), yaml: "  name: web\n  port: [80]\n", expected: [NOT_CHECKED, 'spec.port: Invalid value: "array": spec.port in body must be of type integer: "array"'] },
    { name: "a value not of its format", spec: object({ name: { type: "string" }, at: { type: "string", format: "date-time" } }, failing), yaml: "  name: web\n  at: yesterday\n", expected: [NOT_CHECKED, 'spec.at: Invalid value: "yesterday": spec.at in body must be of type date-time: "yesterday"'] },
    { name: "metadata without a name", spec: object({ name: { type: "string" } }, failing), yaml: "  name: web\n", metadata: "{labels: {a: b}}", expected: [NOT_CHECKED] },
    { name: "before 1.34 the value is the string null", spec: { ...object({ name: { type: "string" }, size: { type: "integer" } }, failing), required: ["size"] }, yaml: "  name: web\n", version: "1.33", expected: [NOT_CHECKED.replace("null", '"null"'), "spec.size: Required value"] },
    { name: "a pattern mismatch does not block", spec: object({ name: { type: "string", pattern: "^a" } }, failing), yaml: "  name: web\n", expected: [`spec.name: Invalid value: "web": spec.name in body should match '^a'`, "spec: Invalid value: not web"] },
    { name: "an unknown field does not block", spec: object({ name: { type: "string" } }, failing), yaml: "  name: web\n  extra: x\n", expected: ['spec.extra: unknown field "extra"', "spec: Invalid value: not web"] },
  ];
  test.each(cases)("$name", ({ spec, yaml, metadata, version, expected }) => {
    const found = check(spec, yaml, { ...(metadata ? { metadata } : {}), ...(version ? { version } : {}) });
    expect(found.map((f) => f.message).sort()).toEqual(expected);
  });
});

describe("in the validate run, beside the API server's checks of the metadata", () => {
  const CRD = thingCrdYaml(
    "test.io",
    "Thing",
    { type: "object", properties: { size: { type: "integer" }, mode: { type: "string", enum: ["Fast"] } } },
    { "x-kubernetes-validations": [{ rule: "self.spec.size > 0", message: "size must be positive" }] },
  );
  const messages = async (spec: string) => {
    const result = await validate({ text: `${CRD}---\napiVersion: test.io/v1\nkind: Thing\nmetadata: {name: Bad_Name}\nspec: ${spec}\n` });
    return result.findings.filter((f) => f.severity === "error").map((f) => f.message).sort();
  };
  const BAD_NAME = expect.stringMatching(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);

  test("a failed rule at the root hides no error of the metadata", async () => {
    expect(await messages("{size: 0}")).toEqual(["<nil>: Invalid value: size must be positive", BAD_NAME]);
  });

  test("rules that did not run hide no error of the metadata", async () => {
    expect(await messages("{size: 1, mode: Slow}")).toEqual([
      "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
      BAD_NAME,
      'spec.mode: Unsupported value: "Slow": supported values: "Fast"',
    ]);
  });
});

describe("a rule's message is printed as written, whatever the release", () => {
  // These messages begin as the label checks' own messages do, whose words
  // changed in 1.35: only the checks' errors are reworded, never a rule's text.
  const LABEL_KEY_LIKE = "a valid label key must be lower case";
  const LENGTH_LIKE = "must be no more than 63 bytes";
  const cases = ["1.30", "1.34", "1.36"].flatMap((version) => [
    { version, message: LABEL_KEY_LIKE, key: { message: LABEL_KEY_LIKE } },
    { version, message: LENGTH_LIKE, key: { message: LENGTH_LIKE } },
    { version, message: LABEL_KEY_LIKE, key: { messageExpression: `'${LABEL_KEY_LIKE}'` } },
  ]);
  test.each(cases)("$version: $key", ({ version, message, key }) => {
    const spec = object({ name: { type: "string", "x-kubernetes-validations": rule("self == self.lowerAscii()", key) } });
    const shown = version === "1.36" ? '"Web"' : '"string"';
    expect(check(spec, "  name: Web\n", { version })).toEqual([{ rule: "schema/cel-rule", line: 5, column: 9, message: `spec.name: Invalid value: ${shown}: ${message}` }]);
  });
});

describe("the format library answers in the words of the release", () => {
  const spec = (format: string) =>
    object({ key: { type: "string", "x-kubernetes-validations": rule(`!format.${format}().validate(self).hasValue()`, { messageExpression: `format.${format}().validate(self).value().join('; ')` }) } });
  const longName = "n".repeat(64);
  test.each([
    { version: "1.34", format: "qualifiedName", value: "a/b/c", expected: "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')" },
    { version: "1.35", format: "qualifiedName", value: "a/b/c", expected: "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')" },
    { version: "1.34", format: "qualifiedName", value: longName, expected: "name part must be no more than 63 characters" },
    { version: "1.36", format: "qualifiedName", value: longName, expected: "name part must be no more than 63 bytes" },
    { version: "1.34", format: "labelValue", value: longName, expected: "must be no more than 63 characters" },
    { version: "1.35", format: "labelValue", value: longName, expected: "must be no more than 63 bytes" },
    { version: "1.34", format: "dns1123Label", value: "n".repeat(64), expected: "must be no more than 63 characters" },
    { version: "1.36", format: "dns1123Label", value: "n".repeat(64), expected: "must be no more than 63 characters" },
  ])("$version: format.$format() of $value", ({ version, format, value, expected }) => {
    const shown = version === "1.34" ? '"string"' : JSON.stringify(value);
    expect(check(spec(format), `  key: ${value}\n`, { version }).map((finding) => finding.message)).toEqual([`spec.key: Invalid value: ${shown}: ${expected}`]);
  });

  test("a valid value passes in every release", () => {
    for (const version of ["1.31", "1.36"]) expect(check(spec("qualifiedName"), "  key: example.com/app\n", { version })).toEqual([]);
  });
});
