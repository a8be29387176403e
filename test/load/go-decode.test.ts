// What go-yaml decodes otherwise: a key that is a map or a list is refused (`invalid map
// key`), and kubectl the whole document, printing the key with Go's %#v.
// Every way of loading agrees; each expectation is what kubectl prints.
import { describe, expect, it } from "vitest";
import { loadEveryWay as load } from "./load-every-way.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";
const PREFIX = "YAML syntax error: error converting YAML to JSON: yaml: invalid map key: ";
const TEMPLATE_HINT = " (the file looks like an unrendered Helm template: render it first, with helm template)";

describe("keys that are maps or lists", () => {
  // [data's lines, line, column, the key as kubectl prints it, template hint]
  it.each([
    ["  name: {{ .Values.name }}", 5, 10, 'map[interface {}]interface {}{".Values.name":interface {}(nil)}', true],
    ['  a: {{ .Values.x | default "q" }}', 5, 7, 'map[interface {}]interface {}{".Values.x | default \\"q\\"":interface {}(nil)}', true],
    ["  {1: a, b: c}: x", 5, 3, 'map[interface {}]interface {}{"b":"c", 1:"a"}', false],
    ["  a: {{1: 2, true: 3}: 1}", 5, 7, "map[interface {}]interface {}{1:2, true:3}", false],
    ["  ? [a, b]\n  : c", 5, 5, '[]interface {}{"a", "b"}', false],
    ["  [a]: b", 5, 3, '[]interface {}{"a"}', false],
    // A nil key comes later: sigs.k8s.io/yaml meets it only once go-yaml has decoded everything.
    ["  ~: a\n  ? [a]\n  : b", 6, 5, '[]interface {}{"a"}', false],
    // fmt sorts a map's keys by type (nil, string, uint64, int, float64, bool), then by value.
    ['  ? {a: [1, {b: ~}], 1e6: 0x10, 18446744073709551615: yes, "t\\u00e9\\x01": .5, ~: 1}\n  : x', 5, 5,
      'map[interface {}]interface {}{interface {}(nil):1, "a":[]interface {}{1, map[interface {}]interface {}{"b":interface {}(nil)}}, "té\\x01":0.5, 0xffffffffffffffff:true, 1e+06:16}', false],
    // String keys in Go's order, byte by byte in UTF-8: a character past U+FFFF sorts after U+E000 and U+FFFD.
    ['  ? {"\\U0001F600": 1, "\\uFFFD": 2, z: 3, é: 4, "\\uE000": 5}\n  : x', 5, 5, 'map[interface {}]interface {}{"z":3, "é":4, "\\ue000":5, "�":2, "😀":1}', false],
    // A key's own keys are decoded first.
    ["  ? {? [x] : 1}\n  : 2", 5, 8, '[]interface {}{"x"}', false],
    ["  k: &m {a: 1}\n  ? {<<: *m, b: 2}\n  : 3", 6, 5, 'map[interface {}]interface {}{"a":1, "b":2}', false],
    ["  a: &s [1]\n  *s : b", 6, 3, "[]interface {}{1}", false],
    ["  a: &s x\n  ? [*s, *s]\n  : 3", 6, 5, '[]interface {}{"x", "x"}', false],
  ])("refuses %j", (lines, line, column, shown, template) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      ["yaml/syntax", line, column, `${PREFIX}${shown}${template ? TEMPLATE_HINT : ""}`],
    ]);
  });

  it("is one finding for the document, and the next document loads", () => {
    const parsed = load(`${HEAD}  a: {{ .Values.a }}\n  b: {{ .Values.b }}\n---\n${HEAD}  ok: "1"\n`);
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([{ ok: "1" }]);
  });

  it("prints no key of a Secret", () => {
    const parsed = load("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  ? {password: hunter2}\n  : x\n");
    expect(parsed.findings.map((f) => f.message)).toEqual([`${PREFIX}***`]);
  });

  it("leaves an unknown anchor to be reported first, as go-yaml parses before it decodes", () => {
    const parsed = load(`${HEAD}  ? [a]\n  : *nope\n`);
    expect(parsed.findings.map((f) => f.message)).toEqual(["YAML syntax error: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced"]);
  });

  it.each([
    ['  a: "{{ .Values.x }}"', { a: "{{ .Values.x }}" }],
    ['  b: "{b}"\n  c: {a: 1}', { b: "{b}", c: { a: 1 } }],
    ["  ? d\n  : e", { d: "e" }],
    ["  a: &s x\n  *s : y", { a: "x", x: true }],
  ])("reads %j, whose keys are scalars", (lines, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });
});
