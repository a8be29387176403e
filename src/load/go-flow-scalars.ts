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
// A `?` that starts an item is, for go-yaml, always the explicit key
// indicator, blank after it or not (`yaml_parser_fetch_next_token` takes `?`
// in a flow collection as KEY): `[a, ?b]` is `["a", {"b": null}]`, where the
// yaml package reads the plain scalar `?b`.
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
function goEndsAtQuestionMark(token: CST.Token | null | undefined): boolean {
  return token?.type === "scalar" && token.source.indexOf("?") > 0;
}

/** A plain scalar in a flow collection with a `?` anywhere, which go-yaml reads otherwise than the yaml package. */
export function goReadsQuestionMark(token: CST.Token | null | undefined): boolean {
  return token?.type === "scalar" && token.source.includes("?");
}

function expectedEnd(sequence: boolean): string {
  return `did not find expected ',' or '${sequence ? "]" : "}"}'`;
}

/** The error go-yaml reports where a `?` ends a plain scalar of the collection. */
function questionMarkError(scalar: CST.FlowScalar, sequence: boolean): CST.ErrorToken {
  const at = scalar.source.indexOf("?");
  return { type: "error", offset: scalar.offset + at, source: "?", message: expectedEnd(sequence) };
}

function errorAt(token: CST.FlowScalar, message: string): CST.ErrorToken {
  return { type: "error", offset: token.offset, source: token.source, message };
}

/** What go-yaml finds after a leading `?`, where it needs a node and the text cannot start one. */
const NO_NODE_AFTER_KEY = /^[?#]/;
/** A whole quoted scalar after `?` (`[?"b"]`), go-yaml's key. */
const QUOTED = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')$/;
/** What may start a node after `?` that is not read again here (other quoted text, properties, aliases, collections): the item is left as the parser read it. */
const NODE_READ_OTHERWISE = /^["'&!*[{]/;

/**
 * An item whose first plain scalar starts with `?` (`?b`, `?b: c`), made into
 * the explicit key go-yaml reads; a value that starts with `?` (`{a: ?b}`) is
 * go-yaml's error. Returns whether the item was changed.
 */
function mendLeadingQuestionMark(item: FlowItem, sequence: boolean): boolean {
  const explicit = item.start.some((token) => token.type === "explicit-key-ind");
  if (explicit) {
    // `[?]`, `[?, a]`: a key indicator with nothing after it.
    if (sequence && !item.key && !item.sep && !item.value) {
      const indicator = item.start.find((token) => token.type === "explicit-key-ind")!;
      item.key = { type: "error", offset: indicator.offset + 1, source: "", message: expectedEnd(sequence) };
      item.sep = [];
      return true;
    }
    return false;
  }
  const asKey = item.key !== undefined;
  const token = asKey ? item.key : item.sep ? undefined : item.value;
  if (token?.type === "scalar" && token.source.startsWith("?") && token.source.length > 1) {
    const rest = token.source.slice(1);
    const quoted = QUOTED.test(rest);
    if (!quoted && NODE_READ_OTHERWISE.test(rest)) return false;
    const type = !quoted ? "scalar" : rest.startsWith('"') ? "double-quoted-scalar" : "single-quoted-scalar";
    const scalar: CST.FlowScalar = { type, offset: token.offset + 1, indent: token.indent, source: rest, end: token.end };
    if (NO_NODE_AFTER_KEY.test(rest)) {
      item[asKey ? "key" : "value"] = errorAt(scalar, "did not find expected node content");
      return true;
    }
    if (rest.startsWith(":")) {
      item[asKey ? "key" : "value"] = errorAt(scalar, expectedEnd(sequence));
      return true;
    }
    item.start.push({ type: "explicit-key-ind", offset: token.offset, indent: token.indent, source: "?" });
    item.key = !quoted && rest.includes("?") ? questionMarkError(scalar, sequence) : scalar;
    if (!asKey) {
      item.sep = [];
      delete item.value;
    }
    return true;
  }
  const value = item.value;
  if (item.sep && value?.type === "scalar" && value.source.startsWith("?")) {
    item.value = errorAt(value, "did not find expected node content");
    return true;
  }
  return false;
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
    if (mendLeadingQuestionMark(item, sequence)) continue;
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
