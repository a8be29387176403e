// Scalars with explicit tags, as go-yaml v2 decodes them: the tag checks the
// value read from the text rather than making it. Every way of loading
// agrees; each expectation is what kubectl reads or reports.
import { describe, expect, it } from "vitest";
import { loadEveryWay as load } from "./load-every-way.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";

describe("tagged scalars", () => {
  it.each([
    ["!!float 1", 1],
    ["!!float \"1.5\"", 1.5],
    ["!!str 1", "1"],
    ["!!str true", "true"],
    ["!!str ~", "~"],
    ["!!str", ""],
    ['!!int "1"', 1],
    ["!!int 0x10", 16],
    ['!!int "-0b101"', -5],
    ['!<tag:yaml.org,2002:int> "1"', 1],
    ['!!bool "yes"', true],
    ['!!bool "True"', true],
    ['!!null ""', null],
    ["!!null null", null],
    ["!!timestamp 2001-01-01", "2001-01-01"],
    ["!!timestamp 2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"],
    ["!!binary aGVsbG8=", "hello"],
    ["!!binary |\n    aGVs\n    bG8=", "hello"],
    // A byte that is not UTF-8 is written as U+FFFD by JSON.
    ["!!binary /w==", "\ufffd"],
    ["!custom x", "x"],
    ["! 12", "12"],
  ])("reads %s as %j", (tagged, expected) => {
    const parsed = load(`${HEAD}  a: ${tagged}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents[0]!.object.data).toEqual({ a: expected });
  });

  it("reads tagged keys as go-yaml does", () => {
    const parsed = load(`${HEAD}  !!str 1: a\n  !!float 16777217: b\n  !!binary aGk=: c\n`);
    expect(parsed.documents[0]!.object.data).toEqual({ "1": "a", "1.6777216e+07": "b", hi: "c" });
  });

  it.each([
    ['  a: !!int "abc"', 5, 12, "cannot decode !!str `abc` as a !!int"],
    ["  a: !!int 1.5", 5, 12, "cannot decode !!float `1.5` as a !!int"],
    ["  a: !!int 99999999999999999999", 5, 12, "cannot decode !!float `99999999999999999999` as a !!int"],
    ["  a: !!float abc", 5, 14, "cannot decode !!str `abc` as a !!float"],
    ["  a: !!float 18446744073709551615", 5, 14, "cannot decode !!int `18446744073709551615` as a !!float"],
    ["  a: !!bool 1", 5, 13, "cannot decode !!int `1` as a !!bool"],
    ["  a: !!null x", 5, 13, "cannot decode !!str `x` as a !!null"],
    ['  a: !!timestamp "2001-02-30"', 5, 18, "cannot decode !!str `2001-02-30` as a !!timestamp"],
    ['  a: !!binary "!!!"', 5, 15, "!!binary value contains invalid base64 data"],
    ["  a: !!binary aGVsbG8", 5, 15, "!!binary value contains invalid base64 data"],
    // Decoded in order: the tagged key before the key that is a list.
    ["  !!int x: 1\n  ? [a]\n  : 2", 5, 9, "cannot decode !!str `x` as a !!int"],
  ])("refuses %j", (lines, line, column, message) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ["yaml/syntax", line, column, `YAML syntax error: error converting YAML to JSON: yaml: ${message}`],
    ]);
  });

  it("prints no value of a Secret", () => {
    const parsed = load("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: !!int hunter2\n");
    expect(parsed.findings.map((f) => f.message)).toEqual(["YAML syntax error: error converting YAML to JSON: yaml: cannot decode !!str `***` as a !!int"]);
  });
});
