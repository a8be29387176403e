// Defaults of CRD schemas as the API server checks them when the CRD is
// written (ValidateDefaults): pruned, then the value validations of their
// schema (kube-openapi's words, named below the default), then the rules,
// the default being its own old object.
import { describe, expect, test } from "vitest";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import { validateCustomResourceDefinition } from "../../../src/apiserver/validation/apiextensions/validation.js";

type Json = Record<string, unknown>;

/** A job queue CRD whose spec fields are given; `defaults` sets the default of each named field. */
function queueCrd(defaults: Json): Json {
  const properties: Record<string, Json> = {
    mode: { type: "string", enum: ["Fast", "Safe"] },
    replicas: { type: "integer", minimum: 1, maximum: 10 },
    name: { type: "string", maxLength: 5, pattern: "^[a-z]+$" },
    since: { type: "string", format: "date-time" },
    tags: { type: "array", maxItems: 2, items: { type: "string", minLength: 2 } },
    level: { type: "string", "x-kubernetes-validations": [{ rule: "self.startsWith('l')" }] },
    priority: {
      type: "integer",
      "x-kubernetes-validations": [
        { rule: "self >= oldSelf", message: "may not decrease" },
        { rule: "self > oldSelf", message: "must grow" },
        { rule: "oldSelf.hasValue() && oldSelf.value() == self", optionalOldSelf: true, message: "old value kept" },
        { rule: "!oldSelf.hasValue()", optionalOldSelf: true, message: "set only on create" },
      ],
    },
    choice: { type: "string", anyOf: [{ maxLength: 1 }, { pattern: "^b" }] },
    window: {
      type: "object",
      required: ["start"],
      properties: {
        start: { type: "integer" },
        end: { type: "integer", "x-kubernetes-validations": [{ rule: "self < 100" }] },
      },
      "x-kubernetes-validations": [
        { rule: "!has(self.end) || self.start < self.end", message: "start must be before end" },
        { rule: "!has(self.end) || self.end != 42", messageExpression: "self.end == 42 ? 'end may not be 42' : 'end is out of range'", reason: "FieldValueForbidden", fieldPath: ".end" },
      ],
    },
  };
  for (const [name, value] of Object.entries(defaults)) properties[name] = { ...properties[name], default: value };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "queues.jobs.example.com" },
    spec: {
      group: "jobs.example.com",
      scope: "Namespaced",
      names: { plural: "queues", singular: "queue", kind: "Queue", listKind: "QueueList" },
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties } } } } }],
    },
  };
}

const P = "spec.validation.openAPIV3Schema.properties[spec].properties";
const messages = (defaults: Json, kubernetesVersion = "1.36") => validateCustomResourceDefinition(queueCrd(defaults), kubernetesVersion).map((error) => errorMessage(error, kubernetesVersion));

describe("ValidateDefaults", () => {
  test("defaults that pass their schema and their rules have no errors", () => {
    expect(messages({ mode: "Safe", replicas: 3, name: "abc", since: "2026-01-02T03:04:05Z", tags: ["ab", "cd"], level: "low", choice: "bee", window: { start: 1, end: 5 } })).toEqual([]);
  });

  const cases: Array<{ name: string; defaults: Json; kubernetesVersion?: string; expected: string[] }> = [
    { name: "a value outside the enum", defaults: { mode: "Slow" }, expected: [`${P}[mode].default: Unsupported value: "Slow": supported values: "Fast", "Safe"`] },
    { name: "a number above the maximum", defaults: { replicas: 20 }, expected: [`${P}[replicas].default: Invalid value: 20:  in body should be less than or equal to 10`] },
    { name: "a string of the wrong type", defaults: { replicas: "3" }, expected: [`${P}[replicas].default: Invalid value: "string":  in body must be of type integer: "string"`] },
    { name: "a string too long that does not match the pattern: the first string check only", defaults: { name: "Abcdef" }, expected: [`${P}[name].default: Too long: may not be more than 5 bytes`] },
    { name: "a string that does not match the pattern", defaults: { name: "AB" }, expected: [`${P}[name].default: Invalid value: "AB":  in body should match '^[a-z]+$'`] },
    { name: "a date-time that is not one", defaults: { since: "yesterday" }, expected: [`${P}[since].default: Invalid value: "yesterday":  in body must be of type date-time: "yesterday"`] },
    {
      name: "a list with too many items, one too short",
      defaults: { tags: ["a", "bc", "de"] },
      expected: [`${P}[tags].default: Too many: 3: must have at most 2 items`, `${P}[tags].default.[0]: Invalid value: "a": [0] in body should be at least 2 chars long`],
    },
    { name: "an object without a required field", defaults: { window: { end: 5 } }, expected: [`${P}[window].default.start: Required value`] },
    { name: "a field of an object of the wrong type: the rules are not run", defaults: { window: { start: "1", end: 0 } }, expected: [`${P}[window].default.start: Invalid value: "string": start in body must be of type integer: "string"`] },
    {
      name: "anyOf with no alternative matched",
      defaults: { choice: "cc" },
      expected: [`${P}[choice].default: Invalid value: "": "" must validate at least one schema (anyOf)`, `${P}[choice].default: Too long: may not be more than 1 byte`],
    },
    { name: "a rule on a string, from 1.35 with the value", defaults: { level: "high" }, expected: [`${P}[level].default: Invalid value: "high": failed rule: self.startsWith('l')`] },
    { name: "a rule on a string before 1.35, with the type", defaults: { level: "high" }, kubernetesVersion: "1.34", expected: [`${P}[level].default: Invalid value: "string": failed rule: self.startsWith('l')`] },
    { name: "a rule on an object with a message, from 1.35 without a value", defaults: { window: { start: 5, end: 1 } }, expected: [`${P}[window].default: Invalid value: start must be before end`] },
    { name: "a rule on an object before 1.35", defaults: { window: { start: 5, end: 1 } }, kubernetesVersion: "1.34", expected: [`${P}[window].default: Invalid value: "object": start must be before end`] },
    { name: "a rule of a field inside the default", defaults: { window: { start: 1, end: 200 } }, expected: [`${P}[window].default.end: Invalid value: 200: failed rule: self < 100`] },
    { name: "a rule's messageExpression, reason and fieldPath", defaults: { window: { start: 1, end: 42 } }, expected: [`${P}[window].default.end: Forbidden: end may not be 42`] },
    { name: "a field the rule reads is missing from the default", defaults: { window: { start: 1 } }, expected: [] },
    {
      name: "transition rules, run with the default as oldSelf (optional oldSelf holding it)",
      defaults: { priority: 3 },
      expected: [`${P}[priority].default: Invalid value: 3: must grow`, `${P}[priority].default: Invalid value: 3: set only on create`],
    },
  ];
  test.each(cases)("$name", ({ defaults, kubernetesVersion, expected }) => {
    expect(messages(defaults, kubernetesVersion)).toEqual(expected);
  });

  test("a rule that reads a field the default leaves out fails to evaluate, as the API server says", () => {
    const crd = queueCrd({ window: { start: 1 } });
    const window = ((((crd.spec as Json).versions as Json[])[0]!.schema as Json).openAPIV3Schema as Json).properties as Json;
    const spec = (window.spec as Json).properties as Record<string, Json>;
    spec.window!["x-kubernetes-validations"] = [{ rule: "self.start < self.end" }];
    expect(validateCustomResourceDefinition(crd, "1.36").map((error) => errorMessage(error, "1.36"))).toEqual([`${P}[window].default: Invalid value: "object": no such key: end evaluating rule: self.start < self.end`]);
  });
});
