// Anchor and alias names as go-yaml v2's scanner reads them: letters, digits,
// `_` and `-`, followed by a blank or one of `?:,]}%@` and a backquote.
// Every way of loading agrees; each expectation is what kubectl reports.
import { describe, expect, it } from "vitest";
import { loadEveryWay as load } from "./load-every-way.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";


describe("anchor and alias names", () => {
  // [data's lines, line, column, go-yaml's message]
  it.each([
    ["  a: &a.b x\n  b: *a.b", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &a/b x", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &é x", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &a!t y", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &\n  b: 1", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: & x", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &a[ x", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &ab{ y", 5, 6, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &x y\n  b: *x.y", 6, 6, "line 6: did not find expected alphabetic or numeric character"],
    ["  a: [1, &a.b x]", 5, 10, "line 5: did not find expected alphabetic or numeric character"],
    ["  a: &a@ x", 5, 8, "line 5: found character that cannot start any token"],
    ["  a: &a% x", 5, 8, "line 5: found character that cannot start any token"],
    ["  a: &a` x", 5, 8, "line 5: found character that cannot start any token"],
    ["  a: &a: x", 5, 8, "line 5: mapping values are not allowed in this context"],
    ["  a: &x y\n  b: *x:", 6, 8, "line 6: mapping values are not allowed in this context"],
    ["  a: &x y\n  b: *x?", 6, 8, "line 6: mapping keys are not allowed in this context"],
    ["  a: &a? x", 5, 8, "line 5: mapping keys are not allowed in this context"],
    // An alias is resolved as soon as it is read, before the `:` after it.
    ["  a: *nope:", 5, 6, "unknown anchor 'nope' referenced"],
  ])("refuses %j", (lines, line, column, message) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([["yaml/syntax", line, column, `YAML syntax error: error converting YAML to JSON: yaml: ${message}`]]);
  });

  it.each([
    ["  a: &a-b_C9 x\n  b: *a-b_C9", { a: "x", b: "x" }],
    ["  a: [&a, x]", { a: [null, "x"] }],
    ["  a: !t&a y", { a: "y" }],
    ["  a: [&a x, *a]\n  b: {c: &b z, d: *b}", { a: ["x", "x"], b: { c: "z", d: "z" } }],
    ["  a: &d\n    k: v\n  b: *d", { a: { k: "v" }, b: { k: "v" } }],
    ['  a: "&a.b"\n  b: x&y.z', { a: "&a.b", b: "x&y.z" }],
  ])("reads %j", (lines, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });

  // go-yaml ends the name at `:` or `?` and reads what follows as the next token.
  it.each([
    ["  a: &a:x\n  b: *a", { a: ":x", b: ":x" }],
    ["  a: &a?x\n  b: !!str &b:x:y", { a: "?x", b: ":x:y" }],
    ["  x: &a 1\n  l:\n  - *a: 2\n  - - *a:\n  m:\n    *a: 3", { x: 1, l: [{ "1": 2 }, [{ "1": null }]], m: { "1": 3 } }],
    ["  x: &a 1\n  l: [*a:x, *a:, *a:[1], *a: 2]\n  m: {*a: 4}", { x: 1, l: [{ "1": "x" }, { "1": null }, { "1": [1] }, { "1": 2 }], m: { "1": 4 } }],
    ['  a: "&a:x"\n  b: x &a:x\n  # &a:x\n  c: |\n    &a:x', { a: "&a:x", b: "x &a:x", c: "&a:x\n" }],
  ])("reads %j as go-yaml does", (lines, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });

  const GO = "error converting YAML to JSON: yaml: ";
  const NIL_KEY = 'error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "x"';
  it.each([
    // An anchor on an empty key: a nil key, which sigs.k8s.io/yaml cannot make a JSON key of.
    ["  &a: x", 5, 5, NIL_KEY],
    ["  l:\n  - &b: x", 6, 7, NIL_KEY],
    ["  l: [&a:x]", 5, 9, NIL_KEY],
    ["  m: {&a: x}", 5, 9, NIL_KEY],
    // In a flow collection a `?` after a name is a key indicator where go-yaml wants a `,` or the end.
    ["  x: &a 1\n  l: [*a?]", 6, 9, GO + "line 5: did not find expected ',' or ']'"],
    ["  m: {&a?x: 1}", 5, 9, GO + "line 4: did not find expected ',' or '}'"],
    ["  x: &a 1\n  l: [*b?]", 6, 7, GO + "unknown anchor 'b' referenced"],
    // No key may start after an anchor, even at a line's start.
    ["  &a? x", 5, 5, GO + "line 5: mapping keys are not allowed in this context"],
  ])("refuses %j as go-yaml does", (lines, line, column, message) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([["yaml/syntax", line, column, `YAML syntax error: ${message}`]]);
  });

  it("places what follows such a name where it is written", () => {
    const [document] = load(`${HEAD}  x: &a 1\n  l: [*a:x, "z", *a:w]\n`).documents;
    expect(document!.object.data).toEqual({ x: 1, l: [{ "1": "x" }, "z", { "1": "w" }] });
    expect([document!.locate("/data/l/1"), document!.locate("/data/l/2")]).toEqual([
      { line: 6, column: 13 },
      { line: 6, column: 18 },
    ]);
  });

  it("refuses only the document with the name", () => {
    const parsed = load(`${HEAD}  a: &a.b x\n---\n${HEAD}  a: &a x\n`);
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([{ a: "x" }]);
  });
});
