import { describe, expect, it } from "vitest";
import { goUnmarshal, type GoType } from "../../../src/apiserver/conversion/go-unmarshal.js";

const RULE: GoType = { struct: { name: "string", count: { pointer: "int32" }, size: "quantity", tags: { slice: "string" }, labels: { map: "string" } } };

describe("goUnmarshal: what Go's encoding/json decodes, and when it fails", () => {
  it.each([
    ["known fields", '{"name":"a","count":3,"size":"1Gi","tags":["x"],"labels":{"k":"v"}}', { name: "a", count: 3, size: "1Gi", tags: ["x"], labels: { k: "v" } }],
    ["keys in another case", '{"NAME":"a","Count":3}', { name: "a", count: 3 }],
    ["an exact key before one of another case", '{"Name":"b","name":"a"}', { name: "a" }],
    ["unknown keys (ignored) and nulls (zero values)", '{"other":1,"name":null,"count":null}', {}],
    ["a number as a quantity", '{"size":1.5}', { size: 1.5 }],
    ["a null in a list of strings (the empty string)", '{"tags":[null]}', { tags: [""] }],
  ])("decodes %s", (_name, text, value) => {
    expect(goUnmarshal(text, RULE)).toEqual({ value });
  });

  it.each([
    ["a syntax error", '{"name":'],
    ["a string for an int32", '{"count":"3"}'],
    ["an int32 out of range", '{"count":2147483648}'],
    ["a fraction for an int32", '{"count":1.5}'],
    ["a quantity that does not parse", '{"size":"lots"}'],
    ["a list for a struct", "[]"],
    ["a number in a list of strings", '{"tags":[1]}'],
  ])("fails on %s", (_name, text) => {
    expect(goUnmarshal(text, RULE)).toBeUndefined();
  });
});
