// x-kubernetes-validations rules type-checked as the API server's cel-go
// checker checks them against the schema's declared types: self and oldSelf
// (an optional with optionalOldSelf), objects with their declared fields,
// maps from additionalProperties, lists, int-or-string as dyn, preserved
// unknown fields undeclared, embedded resources with apiVersion, kind and
// metadata.name/generateName; null assignable only to objects, optionals,
// timestamps and durations; and the homogeneous aggregate literal validator.
import { describe, expect, test } from "vitest";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../../src/apiserver/validation/apiextensions/validation.js";

type Json = Record<string, unknown>;

/** A pipeline-run CRD whose spec has every kind of field a rule can select. */
function runCrd(rule: Json): Json {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "runs.ci.example.com" },
    spec: {
      group: "ci.example.com",
      scope: "Namespaced",
      names: { plural: "runs", singular: "run", kind: "Run", listKind: "RunList" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    timeout: { type: "integer" },
                    ratio: { type: "number" },
                    pipeline: { type: "string", maxLength: 63 },
                    startAfter: { type: "string", format: "date-time" },
                    port: { "x-kubernetes-int-or-string": true },
                    params: { type: "object", maxProperties: 16, additionalProperties: { type: "string", maxLength: 64 } },
                    steps: { type: "array", maxItems: 8, items: { type: "object", properties: { name: { type: "string", maxLength: 63 }, image: { type: "string", maxLength: 253 } } } },
                    extra: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
                    template: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true },
                  },
                  "x-kubernetes-validations": [rule],
                },
              },
            },
          },
        },
      ],
    },
  };
}

const AT = "spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0]";

const messages = (rule: Json, release = "1.36") => validateCustomResourceDefinition(runCrd(rule), release).map((error) => errorMessage(error, release));

/** cel-go's text of one issue, the column found by the token's first place at or after `from`. */
function issue(rule: string, token: string, message: string, from = 0): string {
  const column = rule.indexOf(token, from) + 1;
  if (column === 0) throw new Error(`no ${token} in ${rule}`);
  return `ERROR: <input>:1:${column}: ${message}\n | ${rule}\n | ${".".repeat(column - 1)}^`;
}

/** A rule as 1.36 shows it: Go's JSON of the internal struct, HTML characters escaped. */
function shown(rule: Json, messageExpression = ""): string {
  return JSON.stringify({ Rule: rule.rule, Message: "", MessageExpression: messageExpression, Reason: null, FieldPath: "", OptionalOldSelf: rule.optionalOldSelf ?? null })
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026");
}

/** The API server's error for a rule that does not compile. */
function refusal(rule: Json, detail: string): string {
  return `${AT}.rule: Invalid value: ${shown(rule)}: compilation failed: ${detail}`;
}

describe("rules that check against the schema's types", () => {
  test.each([
    { name: "an int-or-string is dyn: compared with an int and used as a string", rule: { rule: "type(self.port) == int ? self.port > 0 : self.port.endsWith('%')" } },
    { name: "a map's values from additionalProperties", rule: { rule: "self.params.all(k, self.params[k].size() < 64) && (!has(self.params.mode) || self.params.mode in ['fast', 'slow'])" } },
    { name: "an embedded resource's apiVersion, kind and metadata.name", rule: { rule: "!has(self.template) || self.template.kind == 'Pod' && self.template.apiVersion == 'v1' && self.template.metadata.name != ''" } },
    { name: "a date-time field is a timestamp, compared with null", rule: { rule: "self.startAfter != null && self.startAfter > timestamp('2024-01-01T00:00:00Z')" } },
    { name: "an object compared with null", rule: { rule: "self.extra != null || self.steps.all(s, s != null)" } },
    { name: "an object of the schema compared with one of its type", rule: { rule: "self.steps.all(s, s == self.steps[0] || s.name != self.steps[0].name)" } },
    { name: "optionalOldSelf: oldSelf's value and orValue of the same type", rule: { rule: "self.timeout >= oldSelf.value().timeout || !oldSelf.hasValue()", optionalOldSelf: true } },
    { name: "a list literal of one type", rule: { rule: "self.pipeline in ['build', 'test'] && {'a': 1, 'b': 2}[self.pipeline] > 0" } },
    { name: "mixed literals in format's arguments", rule: { rule: "'%s: %d'.format([self.pipeline, self.timeout]) != ''" } },
    { name: "an int compared with a double", rule: { rule: "self.timeout > self.ratio" } },
  ])("$name", ({ rule }) => {
    expect(messages(rule)).toEqual([]);
  });
});

describe("rules cel-go's checker refuses", () => {
  const cases: Array<{ name: string; rule: string; optionalOldSelf?: boolean; token: string; message: string; from?: number }> = [
    { name: "a string or null from a conditional", rule: "(self.timeout > 3 ? self.pipeline : null) != ''", token: "?", message: "found no matching overload for '_?_:_' applied to '(bool, string, null)'" },
    { name: "an int compared with null", rule: "self.timeout == null", token: "==", message: "found no matching overload for '_==_' applied to '(int, null)'" },
    { name: "a list compared with null", rule: "self.steps != null", token: "!=", message: "found no matching overload for '_!=_' applied to '(list(selfType0.steps.@idx), null)'" },
    { name: "a map's string value compared with an int", rule: "self.params.retries > 1", token: ">", message: "found no matching overload for '_>_' applied to '(string, int)'" },
    { name: "an embedded resource's metadata beyond name and generateName", rule: "self.template.metadata.labels.size() > 0", token: ".labels", message: "undefined field 'labels'" },
    { name: "a field of preserved unknown fields", rule: "self.extra.mode == 'x'", token: ".mode", message: "undefined field 'mode'" },
    { name: "a comprehension over an object of the schema", rule: "self.all(f, f != '')", token: "self", message: "expression of type 'selfType0' cannot be range of a comprehension (must be list, map, or dynamic)" },
    { name: "optionalOldSelf: oldSelf is an optional, not self's type", rule: "self == oldSelf", optionalOldSelf: true, token: "==", message: "found no matching overload for '_==_' applied to '(selfType0, optional_type(selfType0))'" },
    { name: "size() of an object of the schema", rule: "self.steps[0].size() > 0", token: "(", from: 14, message: "found no matching overload for 'size' applied to 'selfType0.steps.@idx.()'" },
    { name: "sign() called on a quantity: upstream declares only sign(q)", rule: "quantity(self.pipeline).sign() > 0", token: "(", from: 24, message: "found no matching overload for 'sign' applied to 'kubernetes.Quantity.()'" },
  ];
  test.each(cases)("$name", ({ rule, optionalOldSelf, token, message, from }) => {
    const entry: Json = { rule, ...(optionalOldSelf ? { optionalOldSelf } : {}) };
    expect(messages(entry)).toEqual([refusal(entry, issue(rule, token, message, from))]);
  });
});

describe("the homogeneous aggregate literal validator, once the rule checks", () => {
  const cases = [
    { name: "a list of an int and a string", rule: "self.timeout in [1, 'a']", token: "'a'", message: "expected type 'int' but found 'string'" },
    { name: "a list of a string and a dyn", rule: "self.pipeline in [self.pipeline, self.port]", token: ".port", message: "expected type 'string' but found 'dyn'" },
    { name: "a map with values of two types", rule: "{'a': 1, 'b': 'x'}.size() == 2", token: "'x'", message: "expected type 'int' but found 'string'" },
  ];
  test.each(cases)("$name", ({ rule, token, message }) => {
    expect(messages({ rule })).toEqual([refusal({ rule }, issue(rule, token, message))]);
  });
});

describe("format's arguments exempt from the homogeneous literal validator, by release", () => {
  const NESTED_LIST = "'%s'.format([[self.pipeline, self.timeout]]) != ''";
  const IN_A_CALL = "'%d'.format([[self.pipeline, self.timeout].size()]) != ''";
  const IN_A_MACRO = "'%s'.format([self.steps.map(s, [s.name, self.timeout])]) != ''";
  test.each([
    { name: "a list within a list of format's arguments", rule: NESTED_LIST, release: "1.30" },
    { name: "a list within a list of format's arguments", rule: NESTED_LIST, release: "1.36" },
    { name: "a list in a call within format's arguments", rule: IN_A_CALL, release: "1.31" },
    { name: "a list in a macro within format's arguments", rule: IN_A_MACRO, release: "1.36" },
  ])("accepts $name in $release", ({ rule, release }) => {
    expect(messages({ rule }, release)).toEqual([]);
  });

  /** 1.30's API server shows the rule in Go syntax. */
  const refusal130 = (rule: string, detail: string) =>
    `${AT}.rule: Invalid value: apiextensions.ValidationRule{Rule:${JSON.stringify(rule)}, Message:"", MessageExpression:"", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:"", OptionalOldSelf:(*bool)(nil)}: compilation failed: ${detail}`;
  test.each([
    { name: "a list in a call within format's arguments", rule: IN_A_CALL },
    { name: "a list in a macro within format's arguments", rule: IN_A_MACRO },
  ])("refuses $name in 1.30, where the exemption reaches through lists and maps only", ({ rule }) => {
    // At the second item, a selection: at its dot.
    const column = rule.indexOf(".timeout") + 1;
    const detail = `ERROR: <input>:1:${column}: expected type 'string' but found 'int'\n | ${rule}\n | ${".".repeat(column - 1)}^`;
    expect(messages({ rule }, "1.30")).toEqual([refusal130(rule, detail)]);
  });
});

describe("the optional types and format libraries' types", () => {
  test.each([
    { name: "an optional selection's value, defaulted", rule: { rule: "self.?timeout.orValue(0) >= 0 && self.?params.mode.orValue('') != 'x'" } },
    { name: "an optional index of a map and of a list", rule: { rule: "self.params[?'mode'].orValue('fast') in ['fast', 'slow'] && self.steps[?0].?name.hasValue()" } },
    { name: "oldSelf's fields, optionals of theirs, with optionalOldSelf", rule: { rule: "self.timeout >= oldSelf.timeout.orValue(0) && (!oldSelf.hasValue() || oldSelf.value().pipeline == self.pipeline)", optionalOldSelf: true } },
    { name: "optional.of, or and optMap", rule: { rule: "optional.of(self.pipeline).or(optional.none()).optMap(p, p.size()).orValue(0) < 64" } },
    { name: "a named format's validation compared with null", rule: { rule: "format.dns1123Label().validate(self.pipeline) == null && !format.named('dns1123Label').value().validate(self.pipeline).hasValue()" } },
  ])("accepts $name", ({ rule }) => {
    expect(messages(rule)).toEqual([]);
  });

  const cases: Array<{ name: string; rule: string; optionalOldSelf?: boolean; token: string; message: string; from?: number }> = [
    { name: "an optional compared with an int", rule: "self.?timeout > 1", token: ">", message: "found no matching overload for '_>_' applied to '(optional_type(int), int)'" },
    { name: "orValue of another type than the optional's", rule: "self.?timeout.orValue('') != ''", token: "(", message: "found no matching overload for 'orValue' applied to 'optional_type(int).(string)'" },
    { name: "an optional index compared with its value's type", rule: "self.params[?'mode'] == 'fast'", token: "==", message: "found no matching overload for '_==_' applied to '(optional_type(string), string)'" },
    { name: "a field of oldSelf, an optional, compared with self's", rule: "self.timeout >= oldSelf.timeout", optionalOldSelf: true, token: ">=", message: "found no matching overload for '_>=_' applied to '(int, optional_type(int))'" },
    { name: "an optional's value used as another type", rule: "optional.of(self.timeout).value().startsWith('1')", token: "(", from: 34, message: "found no matching overload for 'startsWith' applied to 'int.(string)'" },
    { name: "a named format validating an int", rule: "format.dns1123Label().validate(self.timeout) == null", token: "(", from: 22, message: "found no matching overload for 'validate' applied to 'kubernetes.NamedFormat.(int)'" },
    { name: "a format named by an int", rule: "format.named(self.timeout).hasValue()", token: "(", message: "found no matching overload for 'format.named' applied to '(int)'" },
    { name: "an optional rule result", rule: "self.?pipeline", token: "", message: "" },
  ];
  test.each(cases)("refuses $name", ({ rule, optionalOldSelf, token, message, from }) => {
    const entry: Json = { rule, ...(optionalOldSelf ? { optionalOldSelf } : {}) };
    if (message === "") {
      expect(messages(entry)).toEqual([`${AT}.rule: Invalid value: ${JSON.stringify({ Rule: rule, Message: "", MessageExpression: "", Reason: null, FieldPath: "", OptionalOldSelf: null })}: cel expression must evaluate to a bool`]);
      return;
    }
    expect(messages(entry)).toEqual([refusal(entry, issue(rule, token, message, from))]);
  });
});

describe("a rule's result must be exactly a bool, a messageExpression's a string: dyn is neither", () => {
  test.each([
    { name: "an int-or-string", rule: "self.port" },
    { name: "dyn()", rule: "dyn(self.timeout > 0)" },
    { name: "a conditional with a dyn branch", rule: "self.timeout > 0 ? self.port : true" },
    { name: "an item of a list literal holding a dyn", rule: "[self.port][0]" },
    { name: "a comparison's result indexed out of a dyn value", rule: "dyn(self.params)['mode']" },
  ])("refuses $name as a rule", ({ rule }) => {
    expect(messages({ rule })).toEqual([`${AT}.rule: Invalid value: ${shown({ rule })}: cel expression must evaluate to a bool`]);
  });

  test.each([
    { name: "a comparison of an int-or-string", rule: "self.port == 1 || self.port == 'a'" },
    { name: "a declared field's bool", rule: "self.steps.exists(s, s.name == 'build')" },
    { name: "an optional's default whose type a later argument binds", rule: "optional.none().orValue(true)" },
    { name: "a conditional of two bools", rule: "self.timeout > 0 ? self.pipeline != '' : true" },
  ])("accepts $name as a rule", ({ rule }) => {
    expect(messages({ rule })).toEqual([]);
  });

  test.each([
    { messageExpression: "self.port", refused: true },
    { messageExpression: "self.timeout > 0 ? self.port : 'none'", refused: true },
    { messageExpression: "string(self.port)", refused: false },
    { messageExpression: "'port ' + string(self.port) + ' is not allowed'", refused: false },
  ])("messageExpression $messageExpression refused: $refused", ({ messageExpression, refused }) => {
    const rule = "self.timeout >= 0";
    const expected = refused ? [`${AT}.messageExpression: Invalid value: ${shown({ rule }, messageExpression)}: messageExpression must evaluate to a string`] : [];
    expect(messages({ rule, messageExpression })).toEqual(expected);
  });
});

describe("string.format calls with a literal format string and a list literal, checked as the rule compiles (from 1.31)", () => {
  const cases: Array<{ name: string; rule: string; token: string; message: string; from?: number }> = [
    { name: "an item of the wrong type for %d, at the item", rule: "'%d'.format([self.pipeline]) != ''", token: ".pipeline", message: "error during formatting: decimal clause can only be used on integers, was given string" },
    { name: "an int for %e", rule: "'%e'.format([self.timeout]) != ''", token: ".timeout", message: "error during formatting: scientific clause can only be used on doubles, was given int" },
    { name: "an int for %.2f", rule: "'%.2f'.format([self.timeout]) != ''", token: ".timeout", message: "error during formatting: fixed-point clause can only be used on doubles, was given int" },
    { name: "a double for %x", rule: "'%x'.format([self.ratio]) != ''", token: ".ratio", message: "error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given double" },
    { name: "a timestamp for %b", rule: "'%b'.format([self.startAfter]) != ''", token: ".startAfter", message: "error during formatting: only integers and bools can be formatted as binary, was given google.protobuf.Timestamp" },
    { name: "a double for %o", rule: "'%o'.format([1.5]) != ''", token: "1.5", message: "error during formatting: octal clause can only be used on integers, was given double" },
    { name: "an object of the schema for %s, inside a list literal", rule: "'%s'.format([[self.pipeline, self.steps[0]]]) != ''", token: "[", from: 30, message: "error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given selfType0.steps.@idx" },
    { name: "an optional for %s", rule: "'%s'.format([self.?pipeline]) != ''", token: ".?", message: "error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps, was given optional_type" },
    { name: "more clauses than items, at the call", rule: "'%s-%s'.format([self.pipeline]) != ''", token: "(", message: "index 1 out of range" },
    { name: "more items than clauses", rule: "'%s'.format([self.pipeline, self.timeout]) != ''", token: "(", message: "too many arguments supplied to string.format (expected 1, got 2)" },
    { name: "an unknown verb", rule: "'%q'.format([self.pipeline]) != ''", token: "(", message: 'could not parse formatting clause: unrecognized formatting clause "q"' },
    { name: "a % at the end", rule: "'at 100%'.format([]) != ''", token: "(", message: "unexpected end of string" },
    { name: "a precision with no digits", rule: "'%.f'.format([self.ratio]) != ''", token: "(", message: 'could not parse formatting clause: error while parsing precision: error while converting precision to integer: strconv.Atoi: parsing "": invalid syntax' },
    { name: "a precision with no verb", rule: "'%.2'.format([self.ratio]) != ''", token: "(", message: "could not parse formatting clause: error while parsing precision: could not find end of precision specifier" },
    { name: "a % as the verb, after a precision", rule: "'%.1%'.format([self.ratio]) != ''", token: "(", message: 'could not parse formatting clause: unrecognized formatting clause "%"' },
  ];
  test.each(cases)("refuses $name", ({ rule, token, message, from }) => {
    expect(messages({ rule })).toEqual([refusal({ rule }, issue(rule, token, message, from))]);
  });

  test.each([
    { name: "clauses matching their items, %% and a precision", rule: "'%d%% of %s took %.3f s, %e, %x %X %o %b'.format([self.timeout, self.pipeline, self.ratio, 'NaN', 'ab', 255, 8u, true]) != ''" },
    { name: "dyn for any clause", rule: "'%d %f'.format([self.port, self.port]) != ''" },
    { name: "lists, maps, null and durations for %s", rule: "'%s %s %s %s'.format([self.params, self.steps.map(s, s.name), null, duration('1s')]) != ''" },
    { name: "a format string that is no literal", rule: "self.pipeline.format([1, 2]) != ''" },
    { name: "items that are no list literal", rule: "'%d'.format(self.steps.map(s, s.name)) != ''" },
    { name: "a multi-byte character after the verb", rule: "'%sé'.format([self.pipeline]) != ''" },
  ])("accepts $name", ({ rule }) => {
    expect(messages({ rule })).toEqual([]);
  });

  test("1.30 has no such check: the rule compiles", () => {
    expect(messages({ rule: "'%d'.format([self.pipeline]) != ''" }, "1.30")).toEqual([]);
  });

  test.each(["1.31", "1.32"])("%s's cel-go reads the error as a format of its own: a % verb shows as %!\"(MISSING)", (release) => {
    const rule = "'%.1%'.format([self.ratio]) != ''";
    const found = messages({ rule }, release);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`compilation failed: ERROR: <input>:1:14: could not parse formatting clause: unrecognized formatting clause "%!"(MISSING)`);
  });
});

describe("optional entries of list and map literals, in every release", () => {
  test.each([
    { name: "optional list entries of a field's optional", rule: "[?self.?pipeline, ?optional.none()].size() <= 1", release: "1.30" },
    { name: "optional list entries of a field's optional", rule: "[?self.?pipeline, ?optional.none()].size() <= 1", release: "1.36" },
    { name: "an optional map entry of an optional index", rule: "{?'mode': self.params[?'mode'], 'x': 'y'}.size() <= 2", release: "1.36" },
    { name: "an optional entry of a dyn", rule: "[?self.port].size() <= 1", release: "1.36" },
    { name: "an entry's value joined with the other items", rule: "self.pipeline in [?self.?pipeline, 'build']", release: "1.36" },
  ])("accepts $name in $release", ({ rule, release }) => {
    expect(messages({ rule }, release)).toEqual([]);
  });

  const cases = [
    { name: "a list entry that is no optional", rule: "[?self.pipeline].size() == 1", token: ".pipeline", message: "expected type 'optional_type(string)' but found 'string'" },
    { name: "a map entry that is no optional", rule: "{?'t': self.timeout}.size() == 1", token: ".timeout", message: "expected type 'optional_type(int)' but found 'int'" },
    { name: "an entry's value of another type than the items", rule: "[?self.?timeout, 'a'].size() > 0", token: "'a'", message: "expected type 'int' but found 'string'" },
  ];
  test.each(cases)("refuses $name", ({ rule, token, message }) => {
    expect(messages({ rule })).toEqual([refusal({ rule }, issue(rule, token, message))]);
  });
});
