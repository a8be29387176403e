// Inside a flow collection, go-yaml v2 (the reader of kubectl and the API
// server, through sigs.k8s.io/yaml; scannerc.go yaml_parser_scan_plain_scalar)
// ends a plain scalar at `:` only where a blank or the line's end follows;
// `,`, `]` and `}` end the scalar itself. The yaml package, following YAML
// 1.2, also takes a `:` right before `,`, `]` or `}` as a value indicator, so
// that IPv6 addresses written plain in a list, `[fe80::, 10.0.0.1]`, would
// read as one-pair mappings (`{"fe80:": null}`), a flow mapping's `{a:}` as
// the key `a` where go-yaml reads the key `a:`, and `{k: fe80::}` as an
// error. Those pairs are made back into the scalars go-yaml reads, before
// the composer sees them; their text and positions stay as written. A plain
// key glued by its `:` to a collection (`{a:[1]}`) is, for go-yaml, the
// scalar `a:` followed by a collection with no `,` between: an error, which
// the composer then reports as its own (`Missing , or : between flow map
// items`).
// go-yaml also ends a plain scalar at `?` in a flow collection, and takes
// the `?` for a key with no `,` before it: `[http://h/p?q=1]` is an error
// (`did not find expected ',' or ']'`), which is put in the scalar's place.
import type { CST } from "yaml";
import { visitTokens } from "./cst-walk.js";

/** A `:` right before a flow indicator, or a `?`, somewhere in the text: without one, nothing here applies. */
const GO_FLOW_SCALAR_HINT = /:[,\]}[{]|\?/;

type FlowItem = CST.CollectionItem;

/**
 * The plain scalar go-yaml reads where the yaml package read a pair of a
 * plain key, a `:` right after it and no value: the key's text and the `:`.
 */
export function goScalar(item: FlowItem): CST.FlowScalar | undefined {
  const { key, sep, value } = item;
  if (key?.type !== "scalar" || sep?.length !== 1) return undefined;
  const colon = sep[0]!;
  if (colon.type !== "map-value-ind" || colon.offset !== key.offset + key.source.length) return undefined;
  if (value && (value.type !== "scalar" || value.source !== "")) return undefined;
  return { type: "scalar", offset: key.offset, indent: key.indent, source: `${key.source}:`, end: [] };
}

/** The scalar go-yaml reads where the yaml package read a plain key, a `:` right after it and a flow collection right after that. */
export function goScalarBeforeCollection(item: FlowItem): CST.FlowScalar | undefined {
  const { key, sep, value } = item;
  if (key?.type !== "scalar" || sep?.length !== 1 || value?.type !== "flow-collection") return undefined;
  const colon = sep[0]!;
  if (colon.type !== "map-value-ind" || colon.offset !== key.offset + key.source.length || value.offset !== colon.offset + 1) return undefined;
  return { type: "scalar", offset: key.offset, indent: key.indent, source: `${key.source}:`, end: [] };
}

/** A plain scalar in a flow collection that go-yaml ends at a `?` after its first character. */
export function goEndsAtQuestionMark(token: CST.Token | null | undefined): boolean {
  return token?.type === "scalar" && token.source.indexOf("?") > 0;
}

/** The error go-yaml reports where a `?` ends a plain scalar of the collection. */
function questionMarkError(scalar: CST.FlowScalar, sequence: boolean): CST.ErrorToken {
  const at = scalar.source.indexOf("?");
  return { type: "error", offset: scalar.offset + at, source: "?", message: `did not find expected ',' or '${sequence ? "]" : "}"}'` };
}

/** The item's value, a one-pair block mapping the lexer made of a scalar inside a flow collection, read as go-yaml reads it. */
function goValue(value: CST.Token | undefined): CST.FlowScalar | undefined {
  if (value?.type !== "block-map" || value.items.length !== 1) return undefined;
  const [pair] = value.items;
  return pair!.start.length === 0 ? goScalar(pair!) : undefined;
}

function mend(collection: CST.FlowCollection): void {
  const sequence = collection.start.source === "[";
  for (const item of collection.items) {
    const scalar = goScalar(item);
    if (scalar) {
      // A sequence's item, or a mapping's key without a value (`{a:}` is go-yaml's `{"a:": null}`, the parser's `{a}`).
      if (sequence) {
        delete item.key;
        delete item.sep;
        item.value = scalar;
      } else {
        item.key = scalar;
        item.sep = [];
        delete item.value;
      }
      continue;
    }
    const glued = goScalarBeforeCollection(item);
    if (glued) {
      // The collection stays as the item's value, with nothing between: the composer's error.
      item.key = glued;
      item.sep = [];
      continue;
    }
    const value = goValue(item.value);
    if (value) item.value = value;
    for (const part of ["key", "value"] as const) {
      const token = item[part];
      if (goEndsAtQuestionMark(token)) item[part] = questionMarkError(token as CST.FlowScalar, sequence);
    }
  }
}

/** The parser's tokens of `text` with the flow pairs go-yaml reads as scalars made back into scalars. */
export function withGoFlowScalars(tokens: CST.Token[], text: string): CST.Token[] {
  if (!GO_FLOW_SCALAR_HINT.test(text)) return tokens;
  visitTokens(tokens, (token) => {
    // Items are visited after their collection is mended, so a mended scalar is never taken for a pair again.
    if (token.type === "flow-collection") mend(token);
  });
  return tokens;
}
