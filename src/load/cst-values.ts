// Plain values straight from yaml's CST tokens, for the shapes whose meaning
// is certain: block and flow mappings with one-line scalar keys, sequences,
// and scalars without anchors, tags or aliases. Each check mirrors a problem
// yaml's composer would report (as an error or a warning): instead of
// reporting it, the conversion gives up (NotCertain) so that the full parse,
// which reports it, can take over.
import { CST } from "yaml";
import { goReadsQuestionMark, goScalar, goScalarBeforeCollection } from "./go-flow-scalars.js";
import { badEscape } from "./go-yaml.js";
import { plainDoubleQuoted } from "./long-quotes.js";
import { MAX_KEY_LENGTH } from "./cst-checks.js";
import { goDecoded } from "./go-scalars.js";
import { jsonKey } from "./json-keys.js";
import { typePlainScalar } from "./plain-scalars.js";
import { setOwn } from "./yaml-ast.js";

type SourceToken = CST.SourceToken;

/** The conversion cannot vouch for the value; the full parse must decide. */
export class NotCertain extends Error {}

export function giveUp(): never {
  throw new NotCertain();
}

/**
 * The composer checks that an implicit key's `:` is at most 1024 characters
 * after the key's start; keys anywhere near that are left to it.
 */
const LONGEST_KEY = 1000;

/**
 * The composer recurses several calls deep per level of nesting and reports
 * running out of stack (from about 300 levels on a small stack); deeper
 * documents than Kubernetes objects ever need are left to it.
 */
export const DEEPEST = 100;

interface Props {
  indicator: SourceToken | undefined;
  comma: boolean;
  newline: boolean;
}

/**
 * The space, line breaks, comments and indicator (`-`, `:`, `?`) before a
 * node, read as the composer's resolveProps does. Anchors, tags and stray
 * tokens give up, as do comments not set off by white space and tabs where
 * block indentation is read (the composer's rules for those are subtle).
 */
function readProps(tokens: readonly SourceToken[], indicator: SourceToken["type"], flow: boolean, spaced: boolean): Props {
  const props: Props = { indicator: undefined, comma: false, newline: false };
  for (const token of tokens) {
    switch (token.type) {
      case "space":
        if (!flow && token.source.includes("\t")) giveUp();
        spaced = true;
        break;
      case "comment":
        if (!spaced) giveUp();
        break;
      case "newline":
        props.newline = true;
        spaced = true;
        break;
      case "comma":
        if (!flow || props.comma) giveUp();
        props.comma = true;
        spaced = false;
        break;
      default:
        if (token.type !== indicator || props.indicator) giveUp();
        props.indicator = token;
        spaced = false;
    }
  }
  return props;
}

/** The `:` after a key, with nothing but spaces between them. */
function readSeparator(sep: readonly SourceToken[] | undefined, flow: boolean): Props & { indicator: SourceToken } {
  const tokens = sep ?? [];
  const props = readProps(tokens, "map-value-ind", flow, false);
  const at = props.indicator ? tokens.indexOf(props.indicator) : -1;
  if (at < 0 || props.comma || tokens.slice(0, at).some((token) => token.type !== "space")) giveUp();
  return props as Props & { indicator: SourceToken };
}

/** White space and comments after a node, as the composer's resolveEnd reads them. */
export function checkEnd(tokens: readonly SourceToken[] | undefined, strict: boolean): void {
  let spaced = false;
  for (const token of tokens ?? []) {
    if (token.type === "space" || token.type === "newline") spaced = true;
    else if (token.type !== "comment" || (strict && !spaced)) giveUp();
  }
}

function isFlowScalar(token: CST.Token | null | undefined): token is CST.FlowScalar {
  return token?.type === "scalar" || token?.type === "single-quoted-scalar" || token?.type === "double-quoted-scalar";
}

export function isBlockCollection(token: CST.Token | undefined): boolean {
  return token?.type === "block-map" || token?.type === "block-seq";
}

function scalarValue(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): unknown {
  // Anything after it but space (a comment with no space before `#`, a stray word) is for resolving to judge.
  if (token.type === "double-quoted-scalar" && (token.end ?? []).every((t) => t.type === "space" || t.type === "newline")) {
    const text = plainDoubleQuoted(token.source);
    if (text !== undefined) return text;
  }
  if (token.type === "double-quoted-scalar" && badEscape(token.source)) giveUp();
  let failed = false;
  const resolved = CST.resolveAsScalar(token, true, () => (failed = true));
  if (failed) giveUp();
  // Quoted and block scalars are strings whatever they say; only plain ones get a type.
  if (token.type !== "scalar") return resolved.value;
  const value = typePlainScalar(resolved.value, atKey);
  return value === undefined ? giveUp() : value;
}

/** An implicit key written on one line, as the string it becomes in the object. */
function keyName(token: CST.Token | null | undefined): string {
  if (!isFlowScalar(token) || token.source === "") giveUp();
  if (token.source.includes("\n") || token.end?.some((t) => t.type === "newline") || token.source.length > MAX_KEY_LENGTH) giveUp();
  const value = scalarValue(token, true);
  // The JSON key kubectl makes of it (`1e6:` is "1e+06"); `~:`, `null:` and uint64 keys have none, an error (json-keys.ts): left to the full parse.
  const name = jsonKey(goDecoded(value, token.type === "scalar" ? token.source : undefined)) ?? giveUp();
  if (name === "<<") giveUp();
  return name;
}

/** Adds a pair; keys that repeat, or only read alike (`1` and `"1"`), are the full parse's to judge. */
function addPair(target: Record<string, unknown>, name: string, value: unknown): void {
  if (Object.hasOwn(target, name)) giveUp();
  setOwn(target, name, value);
}

function blockMap(map: CST.BlockMap, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.items.forEach((item, i) => {
    const props = readProps(item.start, "explicit-key-ind", false, true);
    if (props.indicator || item.explicitKey) giveUp();
    if (!item.key && !item.sep) {
      // Comment lines: the composer takes them only after the last pair.
      if (i < map.items.length - 1) giveUp();
      return;
    }
    if (!isFlowScalar(item.key) || item.key.indent !== map.indent) giveUp();
    const name = keyName(item.key);
    const sep = readSeparator(item.sep, false);
    if (sep.indicator.offset - item.key.offset > LONGEST_KEY) giveUp();
    // `a: b: c`: a mapping may not start on its key's line.
    if (isBlockCollection(item.value) && !sep.newline) giveUp();
    addPair(out, name, item.value ? nodeValue(item.value, false, depth + 1) : null);
  });
  return out;
}

function blockSeq(seq: CST.BlockSequence, depth: number): unknown[] {
  const out: unknown[] = [];
  for (const item of seq.items) {
    const props = readProps(item.start, "seq-item-ind", false, true);
    if (!props.indicator) {
      if (item.value) giveUp();
      continue; // comment lines
    }
    out.push(item.value ? nodeValue(item.value, false, depth + 1) : null);
  }
  return out;
}

function flowCollection(collection: CST.FlowCollection, depth: number): Record<string, unknown> | unknown[] {
  const isMap = collection.start.source === "{";
  const map: Record<string, unknown> = {};
  const seq: unknown[] = [];
  collection.items.forEach((item, i) => {
    const props = readProps(item.start, "explicit-key-ind", true, false);
    if (props.indicator) giveUp();
    if (!item.key && !item.sep && !item.value) {
      // Only a trailing comma may leave an empty item.
      if (i < collection.items.length - 1 || (i === 0 && props.comma)) giveUp();
      return;
    }
    if (props.comma !== i > 0) giveUp();
    // `[h/p?q=1]` (an error) and `[?b]` (the key `b`): go-yaml reads a `?` otherwise (go-flow-scalars.ts): left to the full parse.
    if (goReadsQuestionMark(item.key) || goReadsQuestionMark(item.value)) giveUp();
    if (isMap) {
      // `{a:}`: go-yaml's key is `a:`, `{a:[1]}` an error (go-flow-scalars.ts): left to the full parse.
      if (goScalar(item) || goScalarBeforeCollection(item)) giveUp();
      const name = keyName(item.key);
      readSeparator(item.sep, true);
      addPair(map, name, item.value ? nodeValue(item.value, true, depth + 1) : null);
    } else {
      // `[a: 1]` makes a one-pair mapping: left to the full parse.
      if (item.key || item.sep || !item.value) giveUp();
      seq.push(nodeValue(item.value, true, depth + 1));
    }
  });
  const [close, ...rest] = collection.end;
  if (close?.source !== (isMap ? "}" : "]")) giveUp();
  checkEnd(rest, true);
  return isMap ? map : seq;
}

/** The value of a node token; block nodes may not appear inside flow collections. */
export function nodeValue(token: CST.Token, inFlow: boolean, depth = 0): unknown {
  if (depth > DEEPEST) giveUp();
  switch (token.type) {
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
      return scalarValue(token, false);
    case "flow-collection":
      return flowCollection(token, depth);
    case "block-scalar":
      return inFlow ? giveUp() : scalarValue(token, false);
    case "block-map":
      return inFlow ? giveUp() : blockMap(token, depth);
    case "block-seq":
      return inFlow ? giveUp() : blockSeq(token, depth);
    default:
      return giveUp(); // aliases, errors
  }
}
