// A file is read one `---` chunk at a time (as kubectl's YAMLReader cuts it):
// a document with something to report is parsed the full way on its own, and
// the others still the quick ways. What comes out must be exactly what the
// full parse of the whole file gives: the same documents, indexes, findings,
// and the line and column of every key and value.
import { describe, expect, it, vi } from "vitest";
import { parseManifests, parseManifestsFull } from "../../src/load/documents.js";
import * as duplicateKeysModule from "../../src/load/duplicate-keys.js";
import { comparable } from "./load-every-way.js";

// The full way looks for duplicate keys in each document it composes, and no other way does: the calls count its documents.
vi.mock("../../src/load/duplicate-keys.js", async (original) => {
  const real = await original<typeof duplicateKeysModule>();
  return { ...real, duplicateKeys: vi.fn(real.duplicateKeys) };
});

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: "1"\n  script: |\n    echo ${name}\n`;
const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n`;
/** A repeated key: a finding, so its document needs the full way. */
const duplicated = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  name: again\n`;
const good = [configMap("a"), service("b"), configMap("c"), service("d")];

// [name, file, text, how many documents the full way parses]
const CASES: Array<[string, string, string, number]> = [
  ["no problem", "in.yaml", good.join("---\n"), 0],
  ["bad document first", "in.yaml", [duplicated("x"), ...good].join("---\n"), 1],
  ["bad document in the middle", "in.yaml", [good[0], good[1], duplicated("x"), good[2], good[3]].join("---\n"), 1],
  ["bad document last", "in.yaml", [...good, duplicated("x")].join("---\n"), 1],
  ["several bad documents", "in.yaml", [duplicated("x"), good[0], duplicated("y"), good[1], duplicated("z")].join("---\n"), 3],
  ["bad documents side by side", "in.yaml", [good[0], duplicated("x"), duplicated("y"), good[1]].join("---\n"), 2],
  ["bad document with anchors", "in.yaml", [good[0], `${duplicated("x")}data:\n  a: &v one\n  b: *v\n`, good[1]].join("---\n"), 1],
  ["an escape in a good document, read by the token way", "in.yaml", [`${good[0]}  e: "tab\\tthere"\n`, duplicated("x"), good[1]].join("---\n"), 1],
  ["anchors in a good document, read the full way too", "in.yaml", [`${good[0]}labels:\n  a: &v one\n  b: *v\n`, duplicated("x"), good[1]].join("---\n"), 2],
  ["CRLF", "in.yaml", [good[0], duplicated("x"), good[1]].join("---\n").replace(/\n/g, "\r\n"), 1],
  ["separators with spaces and comments", "in.yaml", `${good[0]}--- \n${duplicated("x")}---   # next\n# about b\n${good[1]}--- #\n${good[2]}`, 1],
  ["document end markers", "in.yaml", `${good[0]}...\n---\n${duplicated("x")}...\n---\n${good[1]}...\n`, 1],
  ["a document after an end marker, in the chunk of a bad one", "in.yaml", `${good[0]}---\n${duplicated("x")}...\n${good[1]}---\n${good[2]}`, 2],
  ["comment-only text before the first marker", "in.yaml", `# head\n\n---\n${duplicated("x")}---\n${good[0]}`, 1],
  ["empty documents", "in.yaml", `---\n---\n# nothing\n---\n${duplicated("x")}---\n---\n${good[0]}---\n`, 1],
  ["an unterminated quote", "in.yaml", [good[0], `${good[1]}  x: "open\n`, good[2]].join("---\n"), 1],
  ["a separator kubectl refuses", "in.yaml", `${good[0]}--- a: b\n${good[1]}---\n${duplicated("x")}---\n${good[2]}`, 1],
  ["a control character", "in.yaml", [good[0], `${good[1]}  x: "\u0001"\n`, duplicated("x"), good[2]].join("---\n"), 1],
  ["a List among them", "in.yaml", [duplicated("x"), `apiVersion: v1\nkind: List\nitems:\n  - ${good[0]!.replace(/\n(?=.)/g, "\n    ")}  - 42\n`, good[1]].join("---\n"), 1],
  ["no line break at the end of the file", "in.yaml", [duplicated("x"), good[0]].join("---\n").replace(/\n$/, ""), 1],
  ["no line break at the end of a bad last document", "in.yaml", [good[0], `${duplicated("x")}data:\n  s: |\n    tail`].join("---\n"), 1],
  ["helm's output on standard input", "<stdin>", `---\n# Source: web/templates/a.yaml\n${good[0]}---\n# Source: web/templates/b.yaml\n${duplicated("x")}---\n${good[1]}`, 1],
  // kubectl does not cut a JSON stream: its two documents are one chunk, parsed together.
  ["a JSON stream is one chunk", "in.json", `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "name": "b"}}\n---\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}\n`, 2],
];

describe("a file is read one chunk at a time", () => {
  it.each(CASES)("%s", (_name, file, text, fullDocuments) => {
    const full = comparable(parseManifestsFull(text, file));
    vi.mocked(duplicateKeysModule.duplicateKeys).mockClear();
    const parsed = parseManifests(text, file);
    expect(vi.mocked(duplicateKeysModule.duplicateKeys).mock.calls.length).toBe(fullDocuments);
    expect(comparable(parsed)).toStrictEqual(full);
  });

  it("numbers documents and places findings across chunks read different ways", () => {
    const text = [good[0], duplicated("x"), good[1], duplicated("y")].join("---\n");
    const parsed = parseManifests(text, "in.yaml");
    expect(parsed.documents.map((d) => [d.index, d.locate("/metadata/name")])).toEqual([
      [0, { line: 4, column: 9 }],
      [1, { line: 13, column: 9 }],
      [2, { line: 19, column: 9 }],
      [3, { line: 28, column: 9 }],
    ]);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["yaml/duplicate-key", 14, 3],
      ["yaml/duplicate-key", 29, 3],
    ]);
  });
});
