// Keys as sigs.k8s.io/yaml makes JSON keys of what go-yaml decoded: a
// float64 key written as strconv.FormatFloat(f, 'g', -1, 32) writes it, an
// int in decimal, a uint64 refused. Every way of loading agrees; each
// expectation is what kubectl reads.
import { describe, expect, it } from "vitest";
import { parseManifestsFast } from "../../src/load/documents.js";
import { loadEveryWay as load } from "./load-every-way.js";
import { goDecoded } from "../../src/load/go-scalars.js";
import { jsonKey } from "../../src/load/json-keys.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";

describe("number keys", () => {
  it.each([
    // float64 keys, rounded to float32 and written in their shortest form.
    ["1e20", "1e+20"],
    ["1.5", "1.5"],
    ["0.1", "0.1"],
    ["1e6", "1e+06"],
    ["1e3", "1000"],
    ["123456.0", "123456"],
    ["16777217.0", "1.6777216e+07"],
    ["3.14159265358979", "3.1415927"],
    ["1e-5", "1e-05"],
    ["1_000.5", "1000.5"],
    ["1e40", ".inf"],
    [".inf", ".inf"],
    ["-.Inf", "-.inf"],
    [".nan", ".nan"],
    // Past uint64, an integer is a float64 to go-yaml.
    ["100000000000000000000", "1e+20"],
    // ints, exactly, whatever JavaScript's numbers can hold.
    ["9007199254740993", "9007199254740993"],
    ["-9223372036854775808", "-9223372036854775808"],
    ["0x10", "16"],
    ["0o17", "15"],
    ["0644", "420"],
    ["1_000", "1000"],
    ["yes", "true"],
    ["Off", "false"],
    // Quoted, a key is the string as written.
    ['"1e20"', "1e20"],
    ["'.inf'", ".inf"],
  ])("reads the key %s as %j", (key, expected) => {
    // Through an alias too, unless the anchored value is one JSON cannot hold (refused as a value).
    const aliased = /inf|nan/i.test(expected) ? [] : [`${HEAD}  x: &k ${key}\n  *k : v\n`];
    for (const text of [`${HEAD}  ${key}: v\n`, `${HEAD}  {${key}: v}\n`.replace("data:\n  ", "data: "), ...aliased]) {
      const parsed = load(text);
      expect(parsed.findings).toEqual([]);
      // Block YAML without anchors is read by the quick ways, not left to the full parse.
      if (!text.includes("&k") && !text.includes("\ndata: {")) expect(parseManifestsFast(text, "in.yaml")).toBeDefined();
      const data = parsed.documents[0]!.object.data as Record<string, unknown>;
      expect(data[expected]).toBe("v");
      // A finding about the value points at it (an alias key is placed at its mapping).
      if (!text.includes("*k")) expect(parsed.documents[0]!.locate(`/data/${expected}`).line).toBe(text.includes("\ndata: {") ? 4 : 5);
    }
  });

  it("reads a float key the same in a merged mapping", () => {
    const parsed = load(`${HEAD}  x: &m {1e6: a}\n  z:\n    <<: *m\n    2.5e-7: b\n`);
    expect(parsed.documents[0]!.object.data).toEqual({ x: { "1e+06": "a" }, z: { "1e+06": "a", "2.5e-07": "b" } });
  });

  it.each([
    ["18446744073709551615: x", 5, 3, "uint64, key: 0xffffffffffffffff, value: \"x\""],
    ["9223372036854775808: [1, {a: ~}]", 5, 3, "uint64, key: 0x8000000000000000, value: []interface {}{1, map[interface {}]interface {}{\"a\":interface {}(nil)}}"],
    ["a: &u 0xFFFFFFFFFFFFFFFF\n  *u : x", 6, 3, "uint64, key: 0xffffffffffffffff, value: \"x\""],
  ])("refuses a uint64 key, %j", (lines, line, column, described) => {
    const parsed = load(`${HEAD}  ${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ["yaml/syntax", line, column, `YAML syntax error: error converting YAML to JSON: unsupported map key of type: ${described}`],
    ]);
  });

  it("masks the value of a uint64 key in a Secret", () => {
    const parsed = load("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  18446744073709551615: hunter2\n");
    expect(parsed.findings.map((f) => f.message)).toEqual([
      "YAML syntax error: error converting YAML to JSON: unsupported map key of type: uint64, key: 0xffffffffffffffff, value: ***",
    ]);
  });

  it.each([
    [1e20, "1e20", "1e+20"],
    [1, "1.0", "1"],
    [1, "1", "1"],
    [-0, "-0.0", "-0"],
    [0.1, "0.1", "0.1"],
  ])("jsonKey(%d written %s) is %j", (value, source, expected) => {
    expect(jsonKey(goDecoded(value, source))).toBe(expected);
  });
});

describe("keys that make the same JSON key", () => {
  const collision = (earlier: string, later: string, json: string) =>
    `keys ${earlier} and ${later} make the same JSON key "${json}": kubectl keeps the value of one of them, which one at random (Go's map order), so the API server may get either`;
  const duplicate = (name: string) => `duplicate key "${name}": a mapping's keys must be unique (the API server would keep only the last value)`;
  // [data's lines, the message at line 6 (none: no finding), data as kubeplan keeps it (the last value)]
  it.each([
    // Different Go values (an int and a float64, an int and a string, a bool and a string): two entries of go-yaml's map.
    ["  1: a\n  1.0: b", collision("1", "1.0", "1"), { "1": "b" }],
    ['  1: a\n  "1": b', collision("1", '"1"', "1"), { "1": "b" }],
    ["  true: a\n  'true': b", collision("true", "'true'", "true"), { true: "b" }],
    ['  1e6: a\n  "1e+06": b', collision("1e6", '"1e+06"', "1e+06"), { "1e+06": "b" }],
    ["  1.00000001: a\n  1.0: b", collision("1.00000001", "1.0", "1"), { "1": "b" }],
    // The same Go value: go-yaml's map keeps the last.
    ["  0x10: a\n  16: b", duplicate("16"), { "16": "b" }],
    ["  1.0: a\n  1.00: b", duplicate("1.00"), { "1": "b" }],
    ["  yes: a\n  true: b", duplicate("true"), { true: "b" }],
    ["  1: a\n  2: b", undefined, { "1": "a", "2": "b" }],
    ['  "1": a\n  "2": b', undefined, { "1": "a", "2": "b" }],
  ])("%j", (lines, message, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.message])).toEqual(message === undefined ? [] : [["yaml/duplicate-key", 6, message]]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });

  it("in a flow mapping too", () => {
    const parsed = load(`${HEAD}  m: {1: a, "1": b}\n`);
    expect(parsed.findings.map((f) => [f.line, f.column, f.message])).toEqual([[5, 13, collision("1", '"1"', "1")]]);
  });
});
