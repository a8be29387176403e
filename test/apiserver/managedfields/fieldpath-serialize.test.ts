import { describe, expect, it } from "vitest";
import { fieldsToSet } from "../../../src/apiserver/managedfields/fieldpath-serialize.js";

/** The member paths as dotted text (`f:spec.f:replicas`), sorted. */
function members(fieldsV1: unknown): string[] | string {
  const set = fieldsToSet(fieldsV1);
  if ("error" in set) return "error";
  return set.members.map((path) => path.map((element) => `${element.type}:${element.text}`).join(".")).sort();
}

describe("FieldsToSet", () => {
  it.each<[string, unknown, string[]]>([
    ["null (no fields)", null, []],
    ["an empty object", {}, []],
    ["a leaf", { "f:data": {} }, ["f:data"]],
    ["a leaf written as null", { "f:data": null }, ["f:data"]],
    ["a node with children is not a member", { "f:data": { "f:a": {}, "f:b": {} } }, ["f:data.f:a", "f:data.f:b"]],
    ["a node marked with a dot is a member beside its children", { "f:data": { ".": {}, "f:a": {} } }, ["f:data", "f:data.f:a"]],
    ["keyed, value and index elements", { "f:spec": { "f:ports": { 'k:{"port":80}': { ".": {}, "f:port": {} } }, "f:list": { "i:0": {} }, "f:set": { 'v:"a"': {} } } }, ['f:spec.f:list.i:0', 'f:spec.f:ports.k:{"port":80}', 'f:spec.f:ports.k:{"port":80}.f:port', 'f:spec.f:set.v:"a"']],
    ["an element of an unknown type is skipped with what is under it", { "x:new": { "f:a": {} }, "f:b": {} }, ["f:b"]],
    ["a node whose only children are of unknown types is a member", { "f:a": { "x:new": {} } }, ["f:a"]],
    ["a dot at the root is no path", { ".": {} }, []],
  ])("reads %s", (_name, fieldsV1, expected) => {
    expect(members(fieldsV1)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["a string", "f:data"],
    ["a list", ["f:data"]],
    ["a member that is a number", { "f:data": 1 }],
    ["a key of one character", { f: {} }],
    ["a key without a colon after its type", { fdata: {} }],
    ["an index that is not an integer", { "i:1.5": {} }],
    ["an index out of int64", { "i:9223372036854775808": {} }],
    ["a keyed element that is not a JSON object", { "k:[1]": {} }],
    ["a value that is not JSON", { "v:abc": {} }],
    ["a value with trailing data", { 'v:"a" "b"': {} }],
    ["an error deep down", { "f:a": { "f:b": { "f:c": { "i:x": {} } } } }],
  ])("refuses %s", (_name, fieldsV1) => {
    expect(members(fieldsV1)).toBe("error");
  });
});
