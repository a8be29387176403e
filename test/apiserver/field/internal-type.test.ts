import { describe, expect, it } from "vitest";
import { internalValue, internalValueField, semanticallyEqual, type InternalType } from "../../../src/apiserver/field/internal-type.js";

const RULE: InternalType = {
  struct: "demo.Rule",
  fields: [
    ["Verbs", "verbs", { slice: "string" }],
    ["Limit", "limit", { pointer: "int32" }],
    ["Scoped", "scoped", "bool"],
    ["Owner", "owner", { pointer: { struct: "demo.Owner", fields: [["Name", "name", "string"]] } }],
  ],
};

describe("internal values (apiequality.Semantic.DeepEqual)", () => {
  it.each([
    ["a nil slice and an empty one", {}, { verbs: [] }, true],
    ["absent scalars and their zero values", { scoped: false }, {}, true],
    ["a nil pointer and a pointer to zero", {}, { limit: 0 }, false],
    ["slices of other lengths", { verbs: ["get"] }, { verbs: ["get", "list"] }, false],
    ["structs behind pointers, field by field", { owner: { name: "a" } }, { owner: { name: "a" } }, true],
    ["a value of the wrong type read as its zero value", { scoped: "yes" }, {}, true],
  ])("%s", (_name, a, b, equal) => {
    expect(semanticallyEqual(RULE, internalValue(RULE, a), internalValue(RULE, b))).toBe(equal);
  });
});

describe("internal values printed as a field error's bad value", () => {
  it.each([
    [
      "nil and set slices and pointers",
      { verbs: ["get"], owner: { name: "a" } },
      'demo.Rule{Verbs:[]string{"get"}, Limit:(*int32)(nil), Scoped:false, Owner:(*demo.Owner)(0x…)}',
      '{"Verbs":["get"],"Limit":null,"Scoped":false,"Owner":{"Name":"a"}}',
    ],
    ["an empty slice (not nil) and a pointer to zero", { verbs: [], limit: 0 }, "demo.Rule{Verbs:[]string{}, Limit:(*int32)(0x…), Scoped:false, Owner:(*demo.Owner)(nil)}", '{"Verbs":[],"Limit":0,"Scoped":false,"Owner":null}'],
  ])("%s", (_name, json, go, jsonText) => {
    expect(internalValueField(RULE, internalValue(RULE, json))).toEqual({ go, json: jsonText });
  });
});
