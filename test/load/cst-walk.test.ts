// The one walk over the parser's tokens: every token in the order written,
// with whether it stands in a flow collection and the indentation of the
// block collection around it.
import { describe, expect, it } from "vitest";
import { Parser, type CST } from "yaml";
import { visitTokens, walkTokens, type TokenContext, type WalkOptions } from "../../src/load/cst-walk.js";

const CONTAINERS = new Set(["document", "block-map", "block-seq", "flow-collection"]);

function walked(text: string, options?: WalkOptions): Array<[string, string, TokenContext]> {
  const out: Array<[string, string, TokenContext]> = [];
  walkTokens([...new Parser().parse(text)], (token, context) => {
    out.push([token.type, "source" in token ? token.source : "", context]);
  }, options);
  return out;
}

const TEXTS = [
  "a: 1\n",
  "--- # c\na: &x [b, {c: d}] # after\nb:\n  - |\n    text\n  - *x\n...\n",
  "# head\n\n---\nk: \"q\"\n---\n- - x\n  - y\n- {a: [1, 2]}\n",
  "a:\n  b: >-\n    folded\n  \t\n  c: !!str 3\n? x\n: y\n",
  "{\"a\": [1, 2],\n \"b\": {\"c\": null}}\n",
  "a: [x, ]\nb: \"open\n",
];

describe("walkTokens", () => {
  it.each(TEXTS)("gives back %j, token by token in the order written", (text) => {
    const leaves = walked(text, { props: true, ends: true }).filter(([type]) => !CONTAINERS.has(type));
    expect(leaves.map(([, source]) => source).join("")).toBe(text);
  });

  it("leaves out what is around nodes unless asked", () => {
    const text = "a: &x [b] # c\n";
    expect(walked(text).map(([type, source]) => [type, source])).toEqual([
      ["document", ""],
      ["block-map", ""],
      ["scalar", "a"],
      ["flow-collection", ""],
      ["scalar", "b"],
    ]);
    expect(walked(text, { props: true }).map(([type]) => type)).toEqual([
      "document", "block-map", "scalar", "map-value-ind", "space", "anchor", "space", "flow-collection", "flow-seq-start", "scalar",
    ]);
    expect(walked(text, { ends: true }).map(([type]) => type)).toEqual([
      "document", "block-map", "scalar", "flow-collection", "scalar", "flow-seq-end", "space", "comment", "newline",
    ]);
  });

  it("says where each token stands", () => {
    const text = "a:\n  - [b, c]\n  - d\n";
    const scalars = walked(text, { props: true, ends: true }).filter(([type]) => type === "scalar");
    expect(scalars.map(([, source, context]) => [source, context])).toEqual([
      ["a", { flow: false, blockIndent: 0 }],
      ["b", { flow: true, blockIndent: 2 }],
      ["c", { flow: true, blockIndent: 2 }],
      ["d", { flow: false, blockIndent: 2 }],
    ]);
    // A flow collection's closing bracket and what follows it stand where the collection does.
    const closing = walked(text, { ends: true }).find(([type]) => type === "flow-seq-end");
    expect(closing?.[2]).toEqual({ flow: false, blockIndent: 2 });
  });

  it("puts a block scalar after its header", () => {
    const types = walked("a: | # keep\n  x\n", { props: true }).map(([type]) => type);
    expect(types.slice(types.indexOf("block-scalar-header"))).toEqual(["block-scalar-header", "space", "comment", "newline", "block-scalar"]);
  });

  it("stops when the visit says so", () => {
    const seen: string[] = [];
    walkTokens([...new Parser().parse("a: b\nc: d\n")], (token) => {
      if ("source" in token) seen.push(token.source);
      return "source" in token && token.source === "b";
    });
    expect(seen).toEqual(["a", "b"]);
  });

  it("visits a collection before its items, so that a pass may mend them first", () => {
    const tokens = [...new Parser().parse("a: [b]\n")];
    const seen: string[] = [];
    visitTokens(tokens, (token) => {
      if (token.type === "flow-collection") token.items[0]!.value = { ...(token.items[0]!.value as CST.FlowScalar), source: "mended" };
      if (token.type === "scalar") seen.push(token.source);
    });
    expect(seen).toEqual(["a", "mended"]);
  });
});
