// The schema half of the API server's CRD checks on create, case by case as
// its own tables state them (structural schemas, x-kubernetes-* extensions,
// nullable, defaults, list types and map keys, CEL rules, their cost and
// transition rules): each case is a CRD written here as a v1 manifest that
// must give exactly the expected errors (type and path), or none. Where the
// API server's table runs a check with fewer requirements than a create has,
// the case is written so that create's other checks stay silent (a typed root,
// array items), or states what create adds.
import { describe, expect, test } from "vitest";
import { validateCustomResourceDefinition } from "../../../src/apiserver/validation/apiextensions/validation.js";

type Json = Record<string, unknown>;
type Case = { name: string; schema: Json; status?: boolean; expected: string[] };

/** A namespaced plural.group.com with one version of this schema (and a status subresource when asked). */
function crd(openAPIV3Schema: Json, status = false): Json {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "plural.group.com" },
    spec: {
      group: "group.com",
      scope: "Namespaced",
      names: { plural: "plural", singular: "singular", kind: "Plural", listKind: "PluralList" },
      versions: [{ name: "version", served: true, storage: true, schema: { openAPIV3Schema }, ...(status ? { subresources: { status: {} } } : {}) }],
    },
  };
}

/** The errors as type and path, sorted: the API server's tables do not fix their order. */
const found = (manifest: Json) => validateCustomResourceDefinition(manifest, "1.36").map((error) => `${error.type} ${error.field.toString()}`).sort();

const S = "spec.validation.openAPIV3Schema";
/** The property `value` of an object root, where a case's schema goes when its root would not be an object. */
const V = `${S}.properties[value]`;
const inValue = (value: Json): Json => ({ type: "object", properties: { value } });
const rules = (...list: Json[]): Json => ({ "x-kubernetes-validations": list });
const strings: Json = { type: "string" };
const oldSelf = rules({ rule: "self == oldSelf" });
const optionalOldSelf = rules({ rule: `self == oldSelf.orValue("")`, optionalOldSelf: true });
const short: Json = { type: "string", maxLength: 10 };

/** apiVersion and kind of this type, metadata of that one. */
const embeddedTypeMeta = (typeMetaType: string, metadataType: string): Json => ({
  apiVersion: { type: typeMetaType },
  kind: { type: typeMetaType },
  metadata: { type: metadataType, properties: { name: { type: "string", pattern: "abc" }, generateName: { type: "string", pattern: "abc" }, generation: { type: "integer", minimum: 42 } } },
});

const structuralCases: Case[] = [
  {
    name: "contradicting meta field types (root and embedded resources)",
    schema: {
      type: "object",
      properties: {
        apiVersion: { type: "number" },
        kind: { type: "number" },
        metadata: { type: "number", properties: { name: { type: "string", pattern: "abc" }, generateName: { type: "string", pattern: "abc" }, generation: { type: "integer" } } },
        valid: { type: "object", "x-kubernetes-embedded-resource": true, properties: embeddedTypeMeta("string", "object") },
        invalid: { type: "object", "x-kubernetes-embedded-resource": true, properties: embeddedTypeMeta("number", "number") },
        nested: { type: "object", "x-kubernetes-embedded-resource": true, properties: { invalid: { type: "object", "x-kubernetes-embedded-resource": true, properties: embeddedTypeMeta("number", "number") } } },
        noEmbeddedObject: { type: "object", properties: { apiVersion: { type: "number" }, kind: { type: "number" }, metadata: { type: "number" } } },
      },
    },
    expected: [
      `FieldValueForbidden ${S}.properties[metadata]`,
      ...["apiVersion", "kind", "metadata"].flatMap((meta) => [
        `FieldValueInvalid ${S}.properties[${meta}].type`,
        `FieldValueInvalid ${S}.properties[invalid].properties[${meta}].type`,
        `FieldValueInvalid ${S}.properties[nested].properties[invalid].properties[${meta}].type`,
      ]),
    ],
  },
  { name: "root of type string", schema: strings, expected: [`FieldValueInvalid ${S}.type`] },
  { name: "root of type string, with status", schema: strings, status: true, expected: [`FieldValueInvalid ${S}.type`, `FieldValueInvalid ${S}.type`] },
  {
    name: "a keyword the status subresource does not allow at the root",
    schema: { anyOf: [{ description: "First schema" }, { description: "Second schema" }] },
    status: true,
    expected: [`FieldValueInvalid ${S}`, `FieldValueRequired ${S}.type`, `FieldValueForbidden ${S}.anyOf[0].description`, `FieldValueForbidden ${S}.anyOf[1].description`],
  },
  {
    name: "every keyword allowed at the root with status",
    schema: {
      description: "This is a description",
      type: "object",
      format: "date-time",
      title: "This is a title",
      maximum: 10,
      exclusiveMaximum: true,
      minimum: 5,
      exclusiveMinimum: true,
      maxLength: 10,
      minLength: 5,
      pattern: "^[a-z]$",
      maxItems: 10,
      minItems: 5,
      multipleOf: 3,
      required: ["spec", "status"],
      properties: { spec: { type: "object", items: { description: "a schema nested under items", type: "string" } }, status: { type: "object" } },
      externalDocs: { description: "external documentation" },
      example: "an example",
    },
    status: true,
    expected: [],
  },
  { name: "null type", schema: inValue({ type: "null" }), expected: [`FieldValueForbidden ${V}.type`, `FieldValueNotSupported ${V}.type`] },
  { name: "nullable at the root", schema: { type: "object", nullable: true }, expected: [`FieldValueForbidden ${S}.nullable`] },
  { name: "nullable without type (create requires the type)", schema: inValue({ nullable: true }), expected: [`FieldValueRequired ${V}.type`] },
  {
    name: "nullable with types (create requires an array's items)",
    schema: { type: "object", properties: { object: { type: "object", nullable: true }, array: { type: "array", nullable: true }, number: { type: "number", nullable: true }, string: { type: "string", nullable: true } } },
    expected: [`FieldValueRequired ${S}.properties[array].items`],
  },
  { name: "must be structural, but isn't", schema: {}, expected: [`FieldValueRequired ${S}.type`] },
  { name: "must be structural", schema: { type: "object" }, expected: [] },
  { name: "type null at the root", schema: { type: "null" }, expected: [`FieldValueNotSupported ${S}.type`, `FieldValueForbidden ${S}.type`, `FieldValueInvalid ${S}.type`] },
  { name: "type bogus at the root", schema: { type: "bogus" }, expected: [`FieldValueNotSupported ${S}.type`, `FieldValueInvalid ${S}.type`] },
];

const listAndMapCases: Case[] = [
  { name: "list type on an object", schema: { type: "object", "x-kubernetes-list-type": "set" }, expected: [`FieldValueInvalid ${S}.type`] },
  { name: "list type without a type", schema: inValue({ "x-kubernetes-list-type": "set" }), expected: [`FieldValueRequired ${V}.type`, `FieldValueRequired ${V}.type`] },
  { name: "unknown list type", schema: inValue({ type: "array", "x-kubernetes-list-type": "invalid", items: strings }), expected: [`FieldValueNotSupported ${V}.x-kubernetes-list-type`] },
  {
    name: "map keys on a set",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "set", "x-kubernetes-list-map-keys": ["key"], items: strings }),
    expected: [`FieldValueInvalid ${V}.x-kubernetes-list-type`],
  },
  { name: "map keys without a list type", schema: inValue({ type: "array", "x-kubernetes-list-map-keys": ["key"], items: strings }), expected: [`FieldValueRequired ${V}.x-kubernetes-list-type`] },
  {
    name: "map list without keys or items",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map" }),
    expected: [`FieldValueRequired ${V}.x-kubernetes-list-map-keys`, `FieldValueRequired ${V}.items`, `FieldValueRequired ${V}.items`],
  },
  { name: "map list without items", schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"] }), expected: [`FieldValueRequired ${V}.items`, `FieldValueRequired ${V}.items`] },
  {
    name: "map list with an array of item schemas",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: [{ type: "string" }, { type: "integer" }] }),
    expected: [`FieldValueForbidden ${V}.items`, `FieldValueInvalid ${V}.items`],
  },
  { name: "map list of strings", schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: strings }), expected: [`FieldValueInvalid ${V}.items.type`] },
  {
    name: "map list whose key is not a property",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object" } }),
    expected: [`FieldValueInvalid ${V}.x-kubernetes-list-map-keys`],
  },
  {
    name: "map list with an object key (neither required nor defaulted)",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", properties: { key: { type: "object" } } } }),
    expected: [`FieldValueInvalid ${V}.items.properties[key].type`, `FieldValueRequired ${V}.items.properties[key].default`],
  },
  {
    name: "map list with a duplicate key",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key", "key"], items: { type: "object", properties: { key: strings } } }),
    expected: [`FieldValueInvalid ${V}.x-kubernetes-list-map-keys`, `FieldValueRequired ${V}.items.properties[key].default`, `FieldValueRequired ${V}.items.properties[key].default`],
  },
  {
    name: "map list with two keys, neither required nor defaulted",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["keyA", "keyB"], items: { type: "object", properties: { keyA: strings, keyB: { type: "integer" } } } }),
    expected: [`FieldValueRequired ${V}.items.properties[keyA].default`, `FieldValueRequired ${V}.items.properties[keyB].default`],
  },
  { name: "atomic list", schema: inValue({ type: "array", "x-kubernetes-list-type": "atomic", items: strings }), expected: [] },
  { name: "atomic list of granular objects", schema: inValue({ type: "array", "x-kubernetes-list-type": "atomic", items: { type: "object", properties: {} } }), expected: [] },
  { name: "set of strings", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: strings }), expected: [] },
  {
    name: "set of atomic maps",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "object", "x-kubernetes-map-type": "atomic", properties: { foo: strings } } }),
    expected: [],
  },
  {
    name: "set of granular maps",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "object", "x-kubernetes-map-type": "granular", properties: { foo: strings } } }),
    expected: [`FieldValueInvalid ${V}.items.x-kubernetes-map-type`],
  },
  { name: "set of maps of no map type", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "object", properties: { foo: strings } } }), expected: [`FieldValueInvalid ${V}.items.x-kubernetes-map-type`] },
  { name: "set of atomic lists", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "array", "x-kubernetes-list-type": "atomic", items: strings } }), expected: [] },
  { name: "set of lists of no list type", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "array", items: strings } }), expected: [] },
  {
    name: "set of sets",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { type: "array", "x-kubernetes-list-type": "set", items: strings } }),
    expected: [`FieldValueInvalid ${V}.items.x-kubernetes-list-type`],
  },
  { name: "granular map type on an array", schema: inValue({ type: "array", "x-kubernetes-map-type": "granular", items: strings }), expected: [`FieldValueInvalid ${V}.type`] },
  { name: "granular map type without a type", schema: inValue({ "x-kubernetes-map-type": "granular" }), expected: [`FieldValueRequired ${V}.type`, `FieldValueRequired ${V}.type`] },
  { name: "atomic map type on an array", schema: inValue({ type: "array", "x-kubernetes-map-type": "atomic", items: strings }), expected: [`FieldValueInvalid ${V}.type`] },
  { name: "atomic map type without a type", schema: inValue({ "x-kubernetes-map-type": "atomic" }), expected: [`FieldValueRequired ${V}.type`, `FieldValueRequired ${V}.type`] },
  { name: "unknown map type", schema: { type: "object", "x-kubernetes-map-type": "badMapType" }, expected: [`FieldValueNotSupported ${S}.x-kubernetes-map-type`] },
  { name: "granular map", schema: { type: "object", "x-kubernetes-map-type": "granular" }, expected: [] },
  { name: "atomic map", schema: { type: "object", "x-kubernetes-map-type": "atomic" }, expected: [] },
  {
    name: "map list key neither required nor defaulted",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", properties: { key: strings } } }),
    expected: [`FieldValueRequired ${V}.items.properties[key].default`],
  },
  {
    name: "map list key required",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", required: ["key"], properties: { key: strings } } }),
    expected: [],
  },
  {
    name: "map list key defaulted",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", properties: { key: { type: "string", default: "stuff" } } } }),
    expected: [],
  },
  {
    name: "map list key nullable",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", properties: { key: { type: "string", nullable: true } } } }),
    expected: [`FieldValueRequired ${V}.items.properties[key].default`, `FieldValueForbidden ${V}.items.properties[key].nullable`],
  },
  {
    name: "map list of nullable items",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["key"], items: { type: "object", nullable: true, properties: { key: strings } } }),
    expected: [`FieldValueForbidden ${V}.items.nullable`, `FieldValueRequired ${V}.items.properties[key].default`],
  },
  {
    name: "map list with required, defaulted and other fields, one of an unknown type",
    schema: inValue({
      type: "array",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["a"],
      items: { type: "object", required: ["a", "c"], properties: { key: strings, a: strings, b: { type: "string", default: "stuff" }, c: { type: "int" } } },
    }),
    expected: [`FieldValueNotSupported ${V}.items.properties[c].type`],
  },
  { name: "set of nullable untyped items", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { nullable: true } }), expected: [`FieldValueForbidden ${V}.items.nullable`, `FieldValueRequired ${V}.items.type`] },
  { name: "set of untyped items", schema: inValue({ type: "array", "x-kubernetes-list-type": "set", items: { nullable: false } }), expected: [`FieldValueRequired ${V}.items.type`] },
];

const replicas: Json = { minReplicas: { type: "integer" }, maxReplicas: { type: "integer" } };
const embeddedName = (name: Json): Json => ({ type: "object", properties: { metadata: { type: "object", "x-kubernetes-embedded-resource": true, properties: { name } } } });
const celCases: Case[] = [
  { name: "rules on a string", schema: inValue({ type: "string", ...rules({ rule: "self.startsWith('s')", message: "should start with s" }, { rule: "self.endsWith('s')" }) }), expected: [] },
  { name: "a rule on an object", schema: { type: "object", properties: replicas, ...rules({ rule: "self.minReplicas <= self.maxReplicas", message: "minReplicas above maxReplicas" }) }, expected: [] },
  { name: "a rule without rule text", schema: { type: "object", ...rules({ message: "empty rule" }) }, expected: [`FieldValueRequired ${S}.x-kubernetes-validations[0].rule`] },
  { name: "an empty list of rules", schema: { type: "object", ...rules() }, expected: [] },
  { name: "a string compared with a bool", schema: inValue({ type: "string", ...rules({ rule: "self == true" }, { rule: "self.endsWith('s')" }) }), expected: [`FieldValueInvalid ${V}.x-kubernetes-validations[0].rule`] },
  {
    name: "rules on nested objects",
    schema: { type: "object", properties: { ...replicas, subRule: { type: "object", properties: { isTest: { type: "boolean" } }, ...rules({ rule: "self.isTest == true" }) } }, ...rules({ rule: "self.minReplicas <= self.maxReplicas" }) },
    expected: [],
  },
  { name: "a rule on a list of lists", schema: { type: "object", properties: { nestedObj: { type: "array", items: { type: "array", items: strings } } }, ...rules({ rule: "size(self.nestedObj[0]) == 10" }) }, expected: [] },
  { name: "a rule on items of an object", schema: { type: "object", items: { type: "array", items: strings, ...rules({ rule: "size(self) > 0" }) } }, expected: [] },
  {
    name: "a rule on items of an object, reaching into a list element",
    schema: { type: "object", items: { type: "array", items: { type: "object", properties: { nestedObj: { type: "object", properties: { val: { type: "integer" } } } } }, ...rules({ rule: "self[0].nestedObj.val > 0" }) } },
    expected: [],
  },
  {
    name: "escaped property names",
    schema: {
      type: "object",
      properties: { if: { type: "integer" }, namespace: { type: "integer" }, self: { type: "integer" }, int: { type: "integer" } },
      ...rules({ rule: "self.__if__ > 0" }, { rule: "self.__namespace__ > 0" }, { rule: "self.self > 0" }, { rule: "self.int > 0" }),
    },
    expected: [],
  },
  { name: "an unknown property", schema: { type: "object", ...rules({ rule: "self.unknownProp > 0" }) }, expected: [`FieldValueInvalid ${S}.x-kubernetes-validations[0].rule`] },
  {
    name: "defaults that pass their rules",
    schema: {
      type: "object",
      properties: {
        embedded: embeddedName({ type: "string", default: "singleton", ...rules({ rule: "self == 'singleton'" }) }),
        value: { type: "string", default: "kube-everything", ...rules({ rule: "self.startsWith('kube')" }) },
        object: { type: "object", properties: { field1: { type: "integer" }, field2: { type: "integer" } }, default: { field1: 1, field2: 2 }, ...rules({ rule: "self.field1 < self.field2" }) },
      },
    },
    expected: [],
  },
  {
    name: "defaults that fail their rules",
    schema: {
      type: "object",
      properties: {
        embedded: embeddedName({ type: "string", default: "nope", ...rules({ rule: "self == 'singleton'" }) }),
        value: { type: "string", default: "nope", ...rules({ rule: "self.startsWith('kube')" }) },
        object: { type: "object", properties: { field1: { type: "integer" }, field2: { type: "integer" } }, default: { field1: 2, field2: 1 }, ...rules({ rule: "self.field1 < self.field2" }) },
      },
    },
    expected: [
      `FieldValueInvalid ${S}.properties[embedded].properties[metadata].properties[name].default`,
      `FieldValueInvalid ${S}.properties[value].default`,
      `FieldValueInvalid ${S}.properties[object].default`,
    ],
  },
  {
    name: "empty and blank rules",
    schema: inValue({ type: "integer", ...rules({ message: "something" }, { rule: "   ", message: "something" }) }),
    expected: [`FieldValueRequired ${V}.x-kubernetes-validations[0].rule`, `FieldValueRequired ${V}.x-kubernetes-validations[1].rule`],
  },
  { name: "a rule over two lines with a message", schema: inValue({ type: "integer", ...rules({ rule: "self >= 0 &&\nself <= 100", message: "between 0 and 100" }) }), expected: [] },
  {
    name: "messages: missing for a rule over two lines, over two lines, blank",
    schema: inValue({ type: "integer", ...rules({ rule: "self >= 0 &&\nself <= 100" }, { rule: "self == 50", message: "requirements:\nmust be 50 " }, { rule: "self == 50", message: " " }) }),
    expected: [`FieldValueRequired ${V}.x-kubernetes-validations[0].message`, `FieldValueInvalid ${V}.x-kubernetes-validations[1].message`, `FieldValueInvalid ${V}.x-kubernetes-validations[2].message`],
  },
  { name: "escaped property name compared with an int", schema: { type: "object", properties: { "f/2": strings }, ...rules({ rule: "self.f__slash__2 == 1" }) }, expected: [`FieldValueInvalid ${S}.x-kubernetes-validations[0].rule`] },
  ...[false, true].flatMap((parentRule) => {
    const parent = parentRule ? rules({ rule: "1 == 1" }) : {};
    const wrong = { type: "string", ...rules({ rule: "self == 1" }) };
    const suffix = parentRule ? ", the parent has a rule" : "";
    return [
      { name: `a rule under array items${suffix}`, schema: { type: "object", properties: { a: { type: "array", items: wrong, ...parent } } }, expected: [`FieldValueInvalid ${S}.properties[a].items.x-kubernetes-validations[0].rule`] },
      {
        name: `a rule under additionalProperties${suffix}`,
        schema: { type: "object", properties: { a: { type: "object", additionalProperties: wrong, ...parent } } },
        expected: [`FieldValueInvalid ${S}.properties[a].additionalProperties.x-kubernetes-validations[0].rule`],
      },
      ...["f", "f/2", "f@2"].map((name) => ({
        name: `a rule under property ${name}${suffix}`,
        schema: { type: "object", properties: { [name]: wrong }, ...parent },
        expected: [`FieldValueInvalid ${S}.properties[${name}].x-kubernetes-validations[0].rule`],
      })),
    ];
  }),
  { name: "messageExpression", schema: inValue({ type: "string", ...rules({ rule: `self == "string value"`, messageExpression: `self + " should be \\"string value\\""` }) }), expected: [] },
  {
    name: "message and messageExpression",
    schema: inValue({ type: "string", ...rules({ rule: `self == "string value"`, message: "should be string value", messageExpression: `self + " should be \\"string value\\""` }) }),
    expected: [],
  },
  { name: "messageExpression that does not parse", schema: inValue({ type: "string", ...rules({ rule: `self == "string value"`, messageExpression: `self + " ` }) }), expected: [`FieldValueInvalid ${V}.x-kubernetes-validations[0].messageExpression`] },
  { name: "messageExpression that is no string", schema: inValue({ type: "string", ...rules({ rule: `self == "string value"`, messageExpression: "256" }) }), expected: [`FieldValueInvalid ${V}.x-kubernetes-validations[0].messageExpression`] },
  { name: "blank messageExpression", schema: inValue({ type: "string", ...rules({ rule: `self == "string value"`, messageExpression: "     " }) }), expected: [`FieldValueRequired ${V}.x-kubernetes-validations[0].messageExpression`] },
  {
    name: "messageExpression over the cost of one expression",
    schema: inValue({ type: "array", items: strings, ...rules({ rule: "true", messageExpression: "self[0] + self[1] + self[2] + self[3] + self[4] + self[5] + self[6] + self[7]" }) }),
    expected: [`FieldValueForbidden ${V}.x-kubernetes-validations[0].messageExpression`],
  },
  {
    name: "lowerAscii in a nested macro stays within the cost limit",
    schema: inValue({ type: "array", maxItems: 5, items: { type: "string", maxLength: 5 }, ...rules({ rule: "self.all(x, self.exists_one(y, x.lowerAscii() == y.lowerAscii()))" }) }),
    expected: [],
  },
  {
    name: "messageExpression over the cost of the whole schema",
    schema: inValue({ type: "array", items: strings, ...rules({ rule: "true", messageExpression: "string(self[0]) + string(self[1]) + string(self[2])" }) }),
    expected: [`FieldValueForbidden ${S}`, `FieldValueForbidden ${V}.x-kubernetes-validations[0].messageExpression`, `FieldValueForbidden ${V}.x-kubernetes-validations[0].messageExpression`],
  },
];

const doubleNested = (key: Json, outer: Json = {}, inner: Json = {}): Json =>
  inValue({ type: "array", ...outer, items: { type: "object", ...inner, additionalProperties: { type: "object", required: ["key"], properties: { key } } }, ...rules({ rule: "self.all(x, x.all(y, x[y].key == x[y].key))" }) });
const ruleAt = (path: string, index = 0) => `${path}.x-kubernetes-validations[${index}].rule`;

const transitionAndCostCases: Case[] = [
  { name: "oldSelf on an element of an atomic list", schema: inValue({ type: "array", "x-kubernetes-list-type": "atomic", items: { ...short, ...oldSelf } }), expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`] },
  { name: "oldSelf on an element of a list of no list type", schema: inValue({ type: "array", items: { ...short, ...oldSelf } }), expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`] },
  { name: "oldSelf on an atomic list", schema: inValue({ type: "array", maxItems: 10, "x-kubernetes-list-type": "atomic", items: strings, ...oldSelf }), expected: [] },
  { name: "oldSelf on a list of no list type", schema: inValue({ type: "array", maxItems: 10, items: short, ...oldSelf }), expected: [] },
  { name: "oldSelf on an element of a set", schema: inValue({ type: "array", maxItems: 10, "x-kubernetes-list-type": "set", items: { ...short, ...oldSelf } }), expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`] },
  { name: "oldSelf on a set", schema: inValue({ type: "array", maxItems: 10, "x-kubernetes-list-type": "set", items: short, ...oldSelf }), expected: [] },
  {
    name: "oldSelf on an element of a map list",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"], items: { type: "object", required: ["name"], properties: { name: { type: "string", maxLength: 5 } }, ...oldSelf } }),
    expected: [],
  },
  {
    name: "oldSelf on a map list",
    schema: inValue({ type: "array", maxItems: 10, "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"], items: { type: "object", required: ["name"], properties: { name: { type: "string", maxLength: 5 } } }, ...oldSelf }),
    expected: [],
  },
  { name: "oldSelf on a field of a granular map", schema: inValue({ type: "object", "x-kubernetes-map-type": "granular", properties: { subfield: { ...short, ...oldSelf } } }), expected: [] },
  {
    name: "oldSelf on a field of a map of an unknown map type",
    schema: inValue({ type: "object", "x-kubernetes-map-type": "future", properties: { subfield: { ...short, ...oldSelf } } }),
    expected: [`FieldValueInvalid ${ruleAt(`${V}.properties[subfield]`)}`, `FieldValueNotSupported ${V}.x-kubernetes-map-type`],
  },
  { name: "oldSelf on a field of a map of no map type", schema: inValue({ type: "object", properties: { subfield: { ...short, ...oldSelf } } }), expected: [] },
  { name: "oldSelf on a granular map", schema: inValue({ type: "object", "x-kubernetes-map-type": "granular", ...oldSelf }), expected: [] },
  { name: "oldSelf on a map of no map type", schema: inValue({ type: "object", ...oldSelf }), expected: [] },
  { name: "oldSelf on a field of an atomic map", schema: inValue({ type: "object", "x-kubernetes-map-type": "atomic", properties: { subfield: { type: "object", ...oldSelf } } }), expected: [] },
  { name: "oldSelf on an atomic map", schema: inValue({ type: "object", "x-kubernetes-map-type": "atomic", ...oldSelf }), expected: [] },
  {
    name: "optional oldSelf on an element of an atomic list",
    schema: inValue({ type: "array", "x-kubernetes-list-type": "atomic", items: { ...short, ...optionalOldSelf } }),
    expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`],
  },
  { name: "optional oldSelf on an element of a list of no list type", schema: inValue({ type: "array", items: { ...short, ...optionalOldSelf } }), expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`] },
  {
    name: "optional oldSelf on an element of a set",
    schema: inValue({ type: "array", maxItems: 10, "x-kubernetes-list-type": "set", items: { ...short, ...optionalOldSelf } }),
    expected: [`FieldValueInvalid ${ruleAt(`${V}.items`)}`],
  },
  {
    name: "optional oldSelf on a field of a map of an unknown map type",
    schema: inValue({ type: "object", "x-kubernetes-map-type": "future", properties: { subfield: { ...short, ...optionalOldSelf } } }),
    expected: [`FieldValueInvalid ${ruleAt(`${V}.properties[subfield]`)}`, `FieldValueNotSupported ${V}.x-kubernetes-map-type`],
  },
  ...[true, false].map((optional) => ({
    name: `optionalOldSelf ${optional} on a rule without oldSelf`,
    schema: inValue({ ...short, ...rules({ rule: `self == "foo"`, optionalOldSelf: optional }) }),
    expected: [`FieldValueInvalid ${V}.x-kubernetes-validations[0].optionalOldSelf`],
  })),
  {
    name: "a doubly nested rule, nothing bounded",
    schema: doubleNested(strings),
    expected: [`FieldValueForbidden ${ruleAt(V)}`, `FieldValueForbidden ${ruleAt(V)}`, `FieldValueForbidden ${S}`],
  },
  {
    name: "a doubly nested rule, only the strings bounded",
    schema: doubleNested({ type: "string", maxLength: 10 }),
    expected: [`FieldValueForbidden ${ruleAt(V)}`, `FieldValueForbidden ${ruleAt(V)}`, `FieldValueForbidden ${S}`],
  },
  { name: "a doubly nested rule, all three bounded", schema: doubleNested({ type: "string", maxLength: 10 }, { maxItems: 10 }, { maxProperties: 10 }), expected: [] },
  { name: "a doubly nested rule, the outer list bounded", schema: doubleNested({ type: "number" }, { maxItems: 4 }), expected: [] },
  { name: "a rule on a field of the root", schema: inValue({ type: "integer", ...rules({ rule: "self < 1024" }) }), expected: [] },
  {
    name: "rules whose total exceeds the schema's limit",
    schema: {
      type: "object",
      properties: {
        list: { type: "array", maxItems: 100000, items: { type: "string", maxLength: 5000, ...rules({ rule: "self.contains('keyword')" }) } },
        map: { type: "object", maxProperties: 1000, additionalProperties: { type: "string", maxLength: 5000, ...rules({ rule: "self.contains('keyword')" }) } },
        field: { type: "integer", ...rules({ rule: "self > 50 && self < 100" }) },
      },
    },
    expected: [`FieldValueForbidden ${ruleAt(`${S}.properties[list].items`)}`, `FieldValueForbidden ${ruleAt(`${S}.properties[list].items`)}`, `FieldValueForbidden ${ruleAt(`${S}.properties[map].additionalProperties`)}`, `FieldValueForbidden ${S}`],
  },
  {
    name: "no rule compiled at a root that has properties and additionalProperties",
    schema: { type: "object", properties: { field: { type: "integer" } }, additionalProperties: strings, ...rules({ rule: "self.invalidFieldName > 50" }) },
    expected: [`FieldValueForbidden ${S}.additionalProperties`, `FieldValueForbidden ${S}.additionalProperties`],
  },
  {
    name: "no rule compiled above a field that has properties and additionalProperties",
    schema: { type: "object", properties: { field: { type: "object", properties: { field: { type: "integer" } }, additionalProperties: strings } }, ...rules({ rule: "self.invalidFieldName > 50" }) },
    expected: [`FieldValueForbidden ${S}.properties[field].additionalProperties`],
  },
  {
    name: "a rule compiled beside a field that has properties and additionalProperties",
    schema: {
      type: "object",
      properties: {
        a: { type: "object", properties: { field: { type: "integer" } }, additionalProperties: strings },
        b: { type: "object", properties: { field: { type: "integer" } }, ...rules({ rule: "self.invalidFieldName > 50" }) },
      },
    },
    expected: [`FieldValueForbidden ${S}.properties[a].additionalProperties`, `FieldValueInvalid ${ruleAt(`${S}.properties[b]`)}`],
  },
  {
    name: "a rule compiled below a field that has properties and additionalProperties",
    schema: { type: "object", properties: { a: { type: "object", properties: { b: { type: "integer", ...rules({ rule: "self == 'abc'" }) } }, additionalProperties: strings } } },
    expected: [`FieldValueForbidden ${S}.properties[a].additionalProperties`, `FieldValueInvalid ${ruleAt(`${S}.properties[a].properties[b]`)}`],
  },
];

const ruleFieldCases: Case[] = [
  {
    name: "x-kubernetes-validations forbidden under oneOf, anyOf, allOf and not",
    schema: inValue({ type: "number", not: rules({ rule: "should be forbidden" }), anyOf: [rules({ rule: "should be forbidden" })], allOf: [rules({ rule: "should be forbidden" })], oneOf: [rules({ rule: "should be forbidden" })] }),
    expected: ["not", "allOf[0]", "anyOf[0]", "oneOf[0]"].map((junctor) => `FieldValueForbidden ${V}.${junctor}.x-kubernetes-validations`),
  },
  {
    name: "reasons: one unknown, the four known",
    schema: {
      type: "object",
      properties: { a: { type: "number", ...rules(...["FieldValueRequired", "FieldValueInvalid", "FieldValueDuplicate", "FieldValueForbidden"].map((reason) => ({ rule: "true", reason }))) } },
      ...rules({ rule: "self.a > 0", reason: "InternalError", fieldPath: ".a" }),
    },
    expected: [`FieldValueNotSupported ${S}.x-kubernetes-validations[0].reason`],
  },
  {
    name: "fieldPaths: quoted keys, a property of a number, a list index, blank, a lone dot, two dots",
    schema: {
      type: "object",
      properties: { "a.c": { type: "number" }, foo: { type: "object", properties: { "b.c": { type: "object", properties: { "c\\a": { type: "number" } } } } }, list: { type: "array", items: { type: "object", properties: { a: { type: "number" } } } } },
      ...rules(...[".foo['b.c']['c\\\\a']", "['a.c']", ".a.c", ".list[0]", "   ", ".", ".."].map((fieldPath) => ({ rule: "true", fieldPath }))),
    },
    expected: [2, 3, 4, 4, 5, 6].map((i) => `FieldValueInvalid ${S}.x-kubernetes-validations[${i}].fieldPath`),
  },
  {
    name: "fieldPaths that name no field or do not parse",
    schema: {
      type: "object",
      properties: { a: { type: "object", properties: { b: { type: "object", properties: { c: { type: "number" } } } } }, list: { type: "array", items: { type: "object", properties: { a: { type: "number" } } } } },
      ...rules(...[".list[0].b", ".list[0.b", ".list0].b", ".a.c", ".a.b.d"].map((fieldPath) => ({ rule: "self.a.b.c > 0.0", fieldPath }))),
    },
    expected: [0, 1, 2, 3, 4].map((i) => `FieldValueInvalid ${S}.x-kubernetes-validations[${i}].fieldPath`),
  },
];

describe("CRD schemas on create: the API server's cases", () => {
  for (const [title, cases] of [
    ["structural schemas and nullable", structuralCases],
    ["list types, map types and map keys", listAndMapCases],
    ["x-kubernetes-validations: compiling, messages and defaults", celCases],
    ["x-kubernetes-validations: transition rules and cost", transitionAndCostCases],
    ["x-kubernetes-validations: placement, reason and fieldPath", ruleFieldCases],
  ] as const) {
    describe(title, () => {
      test.each(cases)("$name", ({ schema, status, expected }) => {
        expect(found(crd(schema, status))).toEqual([...expected].sort());
      });
    });
  }
});
