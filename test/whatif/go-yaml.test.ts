// The YAML printer against what kubectl 1.35 prints (`kubectl create
// configmap quoting --from-literal=... --dry-run=client -o yaml`): key order,
// quoting, folding past column 80, block scalars, escapes.
import { describe, expect, it } from "vitest";
import { goYamlKeyLess, goYamlMarshal } from "../../src/whatif/printers/go-yaml.js";
import { printYaml } from "../../src/whatif/printers/yaml.js";

// [value, the line kubectl prints for `k: value` inside `data:`]
const SCALARS: Array<[string, string]> = [
  ["yes", 'k: "yes"'],
  ["on", 'k: "on"'],
  ["0644", 'k: "0644"'],
  ["08", 'k: "08"'],
  ["1:30", 'k: "1:30"'],
  ["12:34:56", 'k: "12:34:56"'],
  ["2025-03-02T09:14:07Z", 'k: "2025-03-02T09:14:07Z"'],
  ["2025-1-1", 'k: "2025-1-1"'],
  ["1e400", "k: 1e400"],
  ["1_000", 'k: "1_000"'],
  ["0x1F", 'k: "0x1F"'],
  [".5", 'k: ".5"'],
  [".hidden", "k: .hidden"],
  ["-", "k: '-'"],
  ["- x", "k: '- x'"],
  ["? x", "k: '? x'"],
  ["a: b", "k: 'a: b'"],
  ["a:b", "k: a:b"],
  ["a #b", "k: 'a #b'"],
  ["a#b", "k: a#b"],
  ["#x", "k: '#x'"],
  ["'quoted'", "k: '''quoted'''"],
  ['"dq"', "k: '\"dq\"'"],
  [" leading", "k: ' leading'"],
  ["trailing ", "k: 'trailing '"],
  ["~", 'k: "~"'],
  ["null", 'k: "null"'],
  ["true", 'k: "true"'],
  ["3.14", 'k: "3.14"'],
  ["-12", 'k: "-12"'],
  ["+12", 'k: "+12"'],
  ["0b101", 'k: "0b101"'],
  ["-0b11", 'k: "-0b11"'],
  ["12e3", 'k: "12e3"'],
  ["1.", 'k: "1."'],
  ["1.0e+3", 'k: "1.0e+3"'],
  ["Infinity", "k: Infinity"],
  ["inf", "k: inf"],
  [".inf", 'k: ".inf"'],
  ["NaN", "k: NaN"],
  ["<<", "k: <<"],
  ["=", "k: ="],
  ["@at", "k: '@at'"],
  ["`tick", "k: '`tick'"],
  ["%pct", "k: '%pct'"],
  ["!bang", "k: '!bang'"],
  ["&amp", "k: '&amp'"],
  ["*star", "k: '*star'"],
  ["|pipe", "k: '|pipe'"],
  [">gt", "k: '>gt'"],
  ["[a]", "k: '[a]'"],
  ["{b}", "k: '{b}'"],
  ["a,b", "k: a,b"],
  ["a[b]", "k: a[b]"],
  [":colon", "k: :colon"],
  ["a: ", "k: 'a: '"],
  ["short", "k: short"],
  ["é accent", "k: é accent"],
  ["日本語", "k: 日本語"],
  ["a\tb", 'k: "a\\tb"'],
  ["bell\u0007", 'k: "bell\\a"'],
  ["smile 😀", 'k: "smile \\U0001F600"'],
  ["trailing space \nx", 'k: "trailing space \\nx"'],
];

// Longer values: [key, value, kubectl's lines]
const BLOCKS: Array<[string, string, string]> = [
  [
    "k57",
    "This is a very long value with many words in it that should be folded by the emitter when it passes the eighty column limit of go-yaml",
    "  k57: This is a very long value with many words in it that should be folded by the\n    emitter when it passes the eighty column limit of go-yaml\n",
  ],
  [
    "k58",
    "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspacesthatcannotbefoldedatall",
    "  k58: Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspacesthatcannotbefoldedatall\n",
  ],
  [
    "ld",
    "This is a long value with a tab\there and more words so that it must be folded past the eighty column limit okay",
    '  ld: "This is a long value with a tab\\there and more words so that it must be folded\n    past the eighty column limit okay"\n',
  ],
  [
    "lq",
    "This: is a very long value with colons: that must be quoted and folded because it goes past the eighty column limit",
    "  lq: 'This: is a very long value with colons: that must be quoted and folded because\n    it goes past the eighty column limit'\n",
  ],
  ["m1", "line1\nline2\n", "  m1: |\n    line1\n    line2\n"],
  ["m2", "line1\nline2", "  m2: |-\n    line1\n    line2\n"],
  ["m3", "  indented\nsecond\n\n", "  m3: |2+\n      indented\n    second\n\n"],
];

function configMap(data: Record<string, string>): unknown {
  return { apiVersion: "v1", data, kind: "ConfigMap", metadata: { name: "quoting" } };
}

describe("goYamlMarshal", () => {
  it.each(SCALARS)("writes %j as kubectl does", (value, line) => {
    expect(goYamlMarshal(configMap({ k: value }))).toBe(`apiVersion: v1\ndata:\n  ${line}\nkind: ConfigMap\nmetadata:\n  name: quoting\n`);
  });

  it.each(BLOCKS)("folds or blocks %s as kubectl does", (key, value, lines) => {
    expect(goYamlMarshal(configMap({ [key]: value }))).toBe(`apiVersion: v1\ndata:\n${lines}kind: ConfigMap\nmetadata:\n  name: quoting\n`);
  });

  it("sorts keys as go-yaml does: letters before other characters, digit runs by value", () => {
    const keys = ["b1", "a10", "_u", "b.1", "10", "a9", "A", "a09", "aa", "1", "b-1", "a01b", "a1b", "2", "ab", "b_1", "a001"];
    const sorted = [...keys].sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
    expect(sorted).toEqual(["_u", "1", "2", "10", "A", "a1b", "a01b", "a001", "a9", "a09", "a10", "aa", "ab", "b-1", "b.1", "b_1", "b1"]);
    expect(goYamlMarshal({ data: Object.fromEntries(keys.map((k) => [k, "x"])) })).toContain('data:\n  _u: x\n  "1": x\n  "2": x\n  "10": x\n  A: x\n');
  });

  it("writes lists under a key without indenting them, and empty collections in flow style", () => {
    const pod = { spec: { containers: [{ name: "a", ports: [{ containerPort: 80 }], resources: {} }], volumes: [] }, status: {} };
    expect(goYamlMarshal(pod)).toBe(
      "spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n    resources: {}\n  volumes: []\nstatus: {}\n",
    );
  });

  it("writes numbers, booleans and null plain", () => {
    expect(goYamlMarshal({ a: 3, b: true, c: null, d: -1, e: 1.5 })).toBe("a: 3\nb: true\nc: null\nd: -1\ne: 1.5\n");
  });
});

describe("printYaml", () => {
  it("separates objects with ---, as kubectl's YAML printer does", () => {
    expect(printYaml([{ kind: "A" }, { kind: "B" }])).toBe("kind: A\n---\nkind: B\n");
  });
});
