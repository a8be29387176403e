// The fast way of loading (straight from yaml's CST) must give exactly what
// the full parse gives, for every file it accepts; everything else must be
// left to the full parse. Compared: each document's file, index, pointer
// prefix, value and root position, and every finding.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LineCounter, parseAllDocuments, type Document } from "yaml";
import { parseManifests, parseManifestsFast, parseManifestsFull } from "../../src/load/documents.js";
import { comparable } from "./load-every-way.js";
import { parseDocumentsFast } from "../../src/load/fast-yaml.js";
import { parseDocumentsQuick } from "../../src/load/quick-yaml.js";
import { documentToJS } from "../../src/load/yaml-ast.js";
import { KUBERNETES_YAML_OPTIONS } from "../../src/load/yaml-options.js";
// The typo study's seeded generator: every run tries the same cases.
import { random } from "../../scripts/typo-study.mjs";

const REPO = join(import.meta.dirname, "../..");
const CORPUS = join(REPO, "../shared/corpus/kubernetes-examples");
const MANIFEST = /\.(ya?ml|json)$/i;

function manifestFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : manifestFiles(path);
      return MANIFEST.test(name) ? [path] : [];
    });
}

/** What the fast way reads of each document, as yaml's own documents say it. */
function composed(text: string, indexes: number[]) {
  const docs = parseAllDocuments(text, KUBERNETES_YAML_OPTIONS) as Document[];
  return indexes.map((index) => {
    const doc = docs[index]!;
    const contents = doc.contents as { commentBefore?: string | null; range: number[] };
    return {
      index,
      value: (documentToJS(doc) as { value: unknown }).value,
      commentsBefore: [doc.commentBefore ?? undefined, contents.commentBefore ?? undefined],
      contentStart: contents.range[0],
    };
  });
}

/** What the js-yaml way reads of each document: all the CST way reads but comments. */
function withoutComments(documents: ReturnType<typeof composed>) {
  return documents.map(({ commentsBefore: _, ...rest }) => rest);
}

/**
 * Asserts the fast ways agree with the full one, each on its own (the CST
 * way, and the js-yaml way where it takes the file) and as files are loaded
 * (the js-yaml way first); says whether a fast way took the file.
 */
function agrees(text: string, file = "input.yaml"): boolean {
  const full = comparable(parseManifestsFull(text, file));
  // What users get: each `---` chunk a quick way where it can be, else the full way (a text with a lone CR goes the full way after its CRs are made line feeds).
  if (!/\r(?!\n)/.test(text)) expect(comparable(parseManifests(text, file))).toStrictEqual(full);
  const quick = parseDocumentsQuick(text);
  if (quick) expect(quick.map(({ blockEnd: _, ...doc }) => doc)).toStrictEqual(withoutComments(composed(text, quick.map((doc) => doc.index))));
  const fast = parseManifestsFast(text, file);
  if (!fast) {
    expect(quick).toBeUndefined();
    return false;
  }
  expect(comparable(fast)).toStrictEqual(full);
  const plain = parseDocumentsFast(text, new LineCounter());
  if (plain) expect(plain).toStrictEqual(composed(text, plain.map((doc) => doc.index)));
  else expect(quick).toBeDefined();
  return true;
}

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

// [name, text, whether the fast way takes it]
const SNIPPETS: Array<[string, string, boolean]> = [
  ["plain pod", pod, true],
  ["literal block scalar", `${pod}data:\n  script: |\n    echo a\n      indented\n\n    done\n  next: x\n`, true],
  ["folded, strip", `${pod}data:\n  text: >-\n    one\n    two\n\n    three\n`, true],
  ["indentation indicator, keep", `${pod}data:\n  text: |2+\n     lead\n    b\n\n\nnext: 1\n`, true],
  ["literal keep at end of file", `${pod}data:\n  text: |+\n    kept\n\n`, true],
  ["block scalar header comment", `${pod}data:\n  text: | # why\n    x\n`, true],
  ["quoted multi-line", `${pod}data:\n  a: "one\n    two\\\n    three"\n  b: 'it''s\n\n    here'\n`, true],
  ["escapes", `${pod}data:\n  a: "tab\\there \\u00e9 \\x41 \\U0001F600 \\n \\\\ \\""\n`, true],
  ["bad escape", `${pod}data:\n  a: "\\q"\n`, false],
  ["an escape go-yaml refuses", `${pod}data:\n  a: "http:\\/\\/x"\n`, false],
  ["a lone surrogate escape", `${pod}data:\n  a: "\\uD800"\n`, false],
  ["comments everywhere", `# head\napiVersion: v1 # after\n# between\nkind: ConfigMap\nmetadata: # open\n  # inside\n  name: c\n  # trailing\ndata:\n  k: [a, # in flow\n    b]\n# end\n`, true],
  ["comment without space", `${pod}x: a #ok\ny: "b"#bad\n`, false],
  ["empty values", `${pod}data:\n  a:\n  b: ~\n  c: null\n  d: Null\n  e: ""\n  f: ''\n`, true],
  ["YAML 1.1 scalars", `${pod}data:\n  y: yes\n  n: no\n  o: on\n  of: off\n  yy: Y\n  t: True\n  oct: 0644\n  hex: 0x1F\n  bin: 0b101\n  under: 1_000\n  inf: .inf\n  ninf: -.Inf\n  nan: .NaN\n  f: 1.50\n  e: 1e3\n  e2: 6.02e+23\n  neg: -12\n  plus: +7\n  time: 1:20\n  date: 2024-01-02\n  ver: 1.10\n  dot: .5\n  str: 0o17\n`, true],
  ["numbers and booleans as keys", `${pod}data:\n  1: one\n  0x1F: hex\n  yes: y\n  1.5: f\n  .inf: i\n  "2": two\n`, true],
  // go-yaml's nil key refuses the document: the full parse says so.
  ["a nil key", `${pod}data:\n  ~: tilde\n`, false],
  ["keys that read alike", `${pod}data:\n  1: a\n  "1": b\n`, false],
  ["hex and decimal key alike", `${pod}data:\n  0x10: a\n  16: b\n`, false],
  ["duplicate key", `${pod}metadata:\n  name: again\n`, false],
  ["unicode", `${pod}labels:\n  name: "caf\\u00e9"\n  annotations:\n    note: 日本語 ✓ émoji 😀\n    "ключ": значение\n`, true],
  ["CRLF", pod.replace(/\n/g, "\r\n") + "data:\r\n  s: |\r\n    a\r\n    b\r\n  q: \"x\r\n    y\"\r\n", true],
  ["BOM", `\uFEFF${pod}`, true],
  ["--- and ...", `---\n${pod}...\n---\n${pod}...\n`, true],
  ["empty documents", `---\n---\n# only a comment\n---\n${pod}---\n...\n`, true],
  ["document end then comment", `${pod}...\n# after\n---\n${pod}`, true],
  ["marker comment", `--- # first\n${pod}`, true],
  ["helm source comments", `---\n# Source: chart/templates/a.yaml\n${pod}---\n# Source: chart/templates/b.yaml\n${pod}`, true],
  ["source comment before first document", `# Source: chart/templates/a.yaml\n${pod}`, true],
  ["source comment after blank line", `# Source: chart/templates/a.yaml\n\n${pod}`, true],
  ["comments after the marker with blank lines", `--- # a\n\n# b\n\n\n# Source: c.yaml\n${pod}`, true],
  ["comments before a document with blank lines", `# a\n\n# b\n\n${pod}`, true],
  ["source comment spread over lines", `# Source:\n#   chart/x.yaml\n\n${pod}`, true],
  ["source comment before JSON", `# Source: chart/x.json\n{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}\n`, true],
  ["JSON", `{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "c", "labels": {}},\n  "data": {"a": "1", "b": "true"},\n  "n": [1, 2.5, -3e2, true, false, null, [], {}]\n}\n`, true],
  ["JSON without spaces", `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"x":[1,{"a":null}]}`, true],
  ["JSON indented with tabs", `{\n\t"apiVersion": "v1",\n\t"kind": "Namespace",\n\t"metadata": {\n\t\t"name": "n"\n\t}\n}\n`, true],
  ["nested flow", `${pod}x: {a: [1, {b: [c, d]}, []], e: {}, "f": 'g', h: }\ny: [ {a: 1}, [2, [3]] ]\nz: {a: 1,}\n`, true],
  ["multi-line flow", `${pod}x: [\n    a,\n    b\n  ]\ny: {\n    k: v\n  }\n`, true],
  ["flow with implicit pair", `${pod}x: [a: 1]\n`, false],
  ["flow key and colon on different lines", `${pod}x: {"a"\n  : 1}\n`, false],
  ["flow map without value", `${pod}x: {a, b}\n`, false],
  ["flow explicit key", `${pod}x: {? a : 1}\n`, false],
  ["flow missing comma", `${pod}x: [a b, {c: 1} d]\n`, false],
  ["flow leading comma", `${pod}x: [, a]\n`, false],
  ["flow with only a comma", `${pod}x: [,]\n`, false],
  ["flow double comma", `${pod}x: [a, , b]\n`, false],
  ["unclosed flow", `${pod}x: [a, b\n`, false],
  ["List", `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n  - 42\n  - kind: Secret\n`, true],
  ["missing envelope", `metadata:\n  name: x\n---\napiVersion: 1\nkind: [a]\n`, true],
  ["sequence document", `- a\n- b\n`, false],
  ["scalar document", `just text\n`, false],
  ["null document", `~\n`, false],
  ["anchors and aliases", `${pod}a: &x {k: v}\nb: *x\n`, false],
  ["merge key", `${pod}a: {k: v}\nb:\n  <<: {k: w}\n`, false],
  ["quoted merge-like key", `${pod}b:\n  "<<": v\n`, false],
  ["tags", `${pod}a: !!str 1\n`, false],
  ["local tag", `${pod}a: !thing x\n`, false],
  ["directive", `%YAML 1.1\n---\n${pod}`, false],
  ["explicit key", `${pod}? a\n: b\n`, false],
  ["complex key", `${pod}[a, b]: c\n`, false],
  ["multi-line implicit key", `${pod}"a\n  b": c\n`, false],
  ["tab indentation", `${pod}x:\n\ty: 1\n`, false],
  ["tab before the first key", `\t${pod}`, false],
  ["tab after the marker", `---\t\n${pod}`, false],
  ["tab after colon", `${pod}x:\t1\n`, false],
  ["compact nested mapping", `${pod}a: b: c\n`, false],
  ["block sequence under key on same line", `${pod}a: - b\n`, false],
  ["sequence in sequence", `${pod}a:\n  - - x\n    - y\n  - - z\n`, true],
  ["sequence at key indentation", `${pod}a:\n- x\n- y: 1\n  z: 2\nb: 1\n`, true],
  ["empty sequence items", `${pod}a:\n  -\n  - # c\n  - x\n`, true],
  ["bad indentation", `${pod}a:\n  b: 1\n   c: 2\n`, false],
  ["less indented key", `${pod}a:\n    b: 1\n  c: 2\n`, false],
  ["value on the next line", `${pod}a:\n  b\n`, true],
  ["key without value", `${pod}a:\n  b: 1\n  c\n`, false],
  ["empty key", `${pod}: v\n`, false],
  ["marker then mapping on its line", `--- a: b\n`, false],
  ["marker then flow mapping on its line", `--- {apiVersion: v1, kind: Namespace, metadata: {name: n}}\n`, false],
  ["a line that starts with --- but is no marker", `${pod}---x: 1\n`, false],
  ["a control character", `${pod}data:\n  a: "x\u0001"\n`, false],
  ["proto key", `${pod}data:\n  __proto__: {polluted: true}\n`, true],
  ["long key", `${pod}${"k".repeat(1100)}: v\n`, false],
  ["key near the limit", `${pod}${"k".repeat(990)}: v\n`, true],
  ["unterminated quote", `${pod}a: "open\n`, false],
  ["document end before any document", `...\n${pod}`, true],
  ["content after document end", `${pod}... x\n`, false],
  ["root block scalar", `--- |\n  text\n`, false],
  ["nested 100 levels", `${pod}a: ${"[".repeat(100)}${"]".repeat(100)}\n`, true],
  ["nested past 100 levels", `${pod}a: ${"[".repeat(101)}${"]".repeat(101)}\n`, false],
  // The composer runs out of stack here and says so.
  ["nested 1000 levels", `${pod}a: ${"[".repeat(1000)}${"]".repeat(1000)}\n`, false],
  ["reserved indicator", `${pod}a: @x\n`, false],
  ["one-line flow lists", `${pod}      command: ["/bin/sh", "-c"]\n      args: ['it''s', --v=2, a b , yes, 1, 0x1F, ~, 0644, -.inf, =, <<]\n      ports: [ ]\n      env: [ x ] # c\n`, true],
  ["one-line flow lists in a list", `${pod}x:\n  - [a, "b"]\n  - []\n  - k: ['c']\n`, true],
  ["flow lists the block reader leaves", `${pod}a: [x, ]\nb: [x: 1, y]\nc: [&a x, *a]\n`, false],
  ["IPv6 addresses plain in flow collections", `${pod}a: [10.0.0.1, fe80::]\nb: {k: 2001:db8::, j: [::1]}\n`, false],
];

describe("the fast way agrees with the full parse", () => {
  it.each(SNIPPETS)("%s", (_name, text, fast) => {
    expect(agrees(text)).toBe(fast);
  });

  const fixtures = [...manifestFiles(join(REPO, "test")), ...manifestFiles(join(REPO, "samples"))];
  it.each(fixtures.map((path) => [relative(REPO, path), path]))("fixture %s", (_name, path) => {
    agrees(readFileSync(path, "utf8"), path);
  });

  const corpus = manifestFiles(CORPUS);
  it.skipIf(corpus.length === 0)(`every corpus file${corpus.length === 0 ? " (SKIPPED: ../shared/corpus absent)" : ""}`, () => {
    const taken = corpus.filter((path) => agrees(readFileSync(path, "utf8"), path));
    // Real manifests are the case the fast way exists for: it must take nearly all of them.
    expect(taken.length / corpus.length).toBeGreaterThan(0.9);
  });
});

// [name, text, whether the js-yaml way takes it]: plain scalars must be read
// as go-yaml v2 reads them (YAML 1.1), and what lies outside the plain subset
// the js-yaml way reads must be left to the other ways.
const PLAIN_SUBSET: Array<[string, string, boolean]> = [
  ["booleans of YAML 1.1", `${pod}data:\n  a: yes\n  b: No\n  c: on\n  d: OFF\n  e: y\n  f: n\n  g: TRUE\n  h: "yes"\n`, true],
  ["octal, hex, binary, underscores", `${pod}data:\n  a: 0644\n  b: 0o17\n  c: 0x1F\n  d: 0b101\n  e: 1_000\n  f: -0\n  g: 09\n  h: 0.1_5\n`, true],
  ["sexagesimals and timestamps stay strings", `${pod}data:\n  a: 1:20\n  b: 190:20:30.15\n  c: 2001-12-14t21:59:43.10-05:00\n  d: 2024-01-02\n`, true],
  ["floats, infinities, not-a-number", `${pod}data:\n  a: 1.50\n  b: .5\n  c: 1e3\n  d: .inf\n  e: -.Inf\n  f: .NaN\n  g: 1e1000000\n  h: .\n  i: e5\n`, true],
  ["nulls and the value key", `${pod}data:\n  a: ~\n  b: NULL\n  c:\n  d: =\n  e: ''\n`, true],
  ["typed keys", `${pod}data:\n  yes: a\n  0x1F: b\n  1.50: c\n  0O17: d\n  off: e\n`, true],
  ["a nil key", `${pod}data:\n  null: d\n`, false],
  ["keys that are the same boolean", `${pod}data:\n  yes: a\n  on: b\n`, false],
  ["block scalars in mappings and lists", `${pod}data:\n  a: |\n    {"json": [1,\n    "unbalanced\n  b: >-\n    folded\n    text\n  c:\n    - |\n      x: [\n    - y\n`, true],
  ["one-line flow collections and quotes", `${pod}data:\n  a: [x, "y, z", 'it''s']\n  b: {k: v, "q": 1}\n  c: []\n  d: {}\n  e: [[1, 2]]\n  f: it's\n`, true],
  ["JSON-like pairs in a flow mapping", `${pod}data: {"a":"b", "c": [1]}\n`, true],
  ["comment and empty documents", `# head\n---\n# only a comment\n--- # marker\n${pod}---\n`, true],
  ["a plain backslash", `${pod}data:\n  a: ^v?[0-9]+\\.[0-9]+$\n  b: 'c:\\d'\n`, true],
  ["merge key", `${pod}a: {k: v}\nb:\n  <<: {k: w}\n`, false],
  ["anchor", `${pod}a: &x v\n`, false],
  ["alias of nothing", `${pod}a: *x\n`, false],
  ["tag", `${pod}a: !!str 1\n`, false],
  ["non-specific tag", `${pod}a: ! 1\n`, false],
  ["escape", `${pod}a: "tab\\tthere"\n`, false],
  ["quoted over two lines", `${pod}a: "one\n  two"\n`, false],
  ["flow over two lines", `${pod}a: [x,\n  y]\n`, false],
  ["flow mapping entry without a value", `${pod}a: {k, v}\n`, false],
  ["flow sequence entry with a value", `${pod}a: [k: v]\n`, false],
  ["mapping as a key in flow", `${pod}a: {{k}}\n`, false],
  ["sequence as a key in flow", `${pod}a: {[k]: v}\n`, false],
  ["collection as a key", `${pod}[a]: b\n`, false],
  ["explicit key", `${pod}? a\n: b\n`, false],
  ["empty entry of a list in a list", `${pod}a:\n  - - # c\n  - x\n`, false],
  ["empty entry, then a list", `${pod}a:\n  -\n   - b\n  - x\n`, false],
  ["empty entry after a list in a list", `${pod}a:\n  - - x\n    - \n  - y\n`, false],
  ["list in a list", `${pod}a:\n  - - b\n    - c\n  - x\n`, true],
  ["comment right after a marker", `---# c\n${pod}`, false],
  ["block scalar with an indentation indicator", `${pod}a: |2\n    x\n`, false],
  ["block scalar less indented than its first line", `${pod}a:\n  b: |\n      x\n    y\n`, false],
  ["line of spaces", `${pod}a: |\n    x\n  \n    y\n`, false],
  ["tab", `${pod}a:\tb\n`, false],
  ["carriage return", pod.replace(/\n/g, "\r\n"), false],
  ["byte order mark", `\uFEFF${pod}`, false],
  ["directive", `%YAML 1.1\n---\n${pod}`, false],
  ["document end", `${pod}...\n`, false],
  ["JSON stream", `{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}\n`, false],
  ["repeated key", `${pod}kind: Pod\n`, false],
  ["keys that read alike", `${pod}data:\n  1: a\n  "1": b\n`, false],
  ["long key", `${pod}${"k".repeat(600)}: v\n`, false],
  ["nested past 100 levels", `${pod}a: ${"[".repeat(101)}${"]".repeat(101)}\n`, false],
  ["list document", `- a\n`, false],
  ["scalar document", `text\n`, false],
];

describe("the js-yaml way reads plain YAML as go-yaml does, and leaves the rest", () => {
  it.each(PLAIN_SUBSET)("%s", (_name, text, quick) => {
    expect(parseDocumentsQuick(text) !== undefined).toBe(quick);
    agrees(text);
  });

  it("numbers documents as the other ways do, and finds where each starts", () => {
    const text = `# head\n\n---\n---\n  # c\n${pod}---\n\n${pod}`;
    const quick = parseDocumentsQuick(text)!;
    expect(quick.map((doc) => [doc.index, doc.contentStart])).toEqual([
      [1, text.indexOf("apiVersion")],
      [2, text.lastIndexOf("apiVersion")],
    ]);
    expect(agrees(text)).toBe(true);
  });
});

const INSERTS = [" ", "  ", "\t", ":", ": ", "-", "- ", "'", '"', "#", " #", "\n", "\r\n", "{", "}", "[", "]", ",", "?", "&a ", "*a", "!", "|", ">", "%", "---\n", "...\n", "<<: ", "\\", "\uFEFF"];

function mutate(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const kind = next();
    if (kind < 0.3) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind < 0.5) out = out.slice(0, at) + out.slice(at, at + 1).repeat(2) + out.slice(at + 1);
    else out = out.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + out.slice(at);
  }
  return out;
}

describe("mutation fuzz", () => {
  const small = manifestFiles(CORPUS)
    .map((path) => readFileSync(path, "utf8"))
    .filter((text) => text.length < 4000);
  const bases = [...SNIPPETS.map(([, text]) => text), ...small.slice(0, 60)];

  it(`agrees on ${bases.length * 50} mutated files`, () => {
    const next = random(20240611);
    let taken = 0;
    for (const base of bases) {
      for (let i = 0; i < 50; i++) {
        const text = mutate(base, next);
        try {
          if (agrees(text)) taken++;
        } catch (error) {
          throw new Error(`disagreement on ${JSON.stringify(text)}`, { cause: error });
        }
      }
    }
    // Many mutations leave valid YAML: the comparison must not be empty.
    expect(taken).toBeGreaterThan(bases.length * 10);
    // Thousands of files parsed three ways: minutes on a busy machine.
  }, 180_000);
});
