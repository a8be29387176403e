import { describe, expect, it } from "vitest";
import { decodeObjects, encodeObjects } from "../../src/validate/transfer-objects.js";
import type { KubeObject } from "../../src/types.js";

const configMap = (data: unknown): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data }) as KubeObject;
const shared = { a: 1 };

describe("encodeObjects", () => {
  it.each<[string, unknown]>([
    ["strings, booleans, null", { s: "x", t: true, f: false, n: null }],
    ["integers and finite floats", { i: 3, f: 0.5, e: 1e300, neg: -2 }],
    ["nested lists and mappings", { l: [1, [2, { m: "x" }]], o: { p: { q: [] } } }],
    ["a lone surrogate", { s: "\ud800" }],
    ["a key named __proto__", JSON.parse('{"__proto__": {"x": 1}}')],
    ["a mapping without a prototype", Object.assign(Object.create(null), { k: "v" })],
    ["the same scalar twice", { a: "same", b: "same" }],
  ])("sends %s as JSON", (_, data) => {
    const objects = [configMap(data)];
    const encoded = encodeObjects(objects);
    expect(typeof encoded).toBe("string");
    expect(decodeObjects(encoded)).toStrictEqual(JSON.parse(JSON.stringify(objects)));
    expect(decodeObjects(encoded)).toEqual(objects);
  });

  it.each<[string, unknown]>([
    ["Infinity (.inf)", { v: Infinity }],
    ["-Infinity (-.inf)", { v: -Infinity }],
    ["NaN (.nan)", { v: NaN }],
    ["-0", { v: -0 }],
    ["undefined", { v: undefined }],
    ["a hole in a list", { v: [1, , 3] }],
    ["a subtree shared by two keys (a YAML alias)", { a: shared, b: shared }],
    ["a Date", { v: new Date(0) }],
    ["a bigint", { v: 1n }],
  ])("leaves objects with %s to structured cloning", (_, data) => {
    const objects = [configMap(data)];
    const encoded = encodeObjects(objects);
    expect(encoded).toBe(objects);
    expect(decodeObjects(encoded)).toBe(objects);
  });

  it("leaves nesting too deep for JSON to structured cloning", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const objects = [configMap(deep)];
    expect(encodeObjects(objects)).toBe(objects);
  });
});
