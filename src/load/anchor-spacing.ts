// go-yaml v2 ends an anchor or alias name at the first character that is not
// an ASCII letter, digit, `_` or `-` (anchor-names.ts) and reads what follows
// as the next token, where the yaml package takes `:` and `?` into the name.
// So, to go-yaml, `&a:x` and `&a?x` are the anchor `a` of the plain scalars
// `:x` and `?x`; `*a:` where a key may start (a line's start, after `- ` or
// `? `) is the alias `a` as a key, and `&a:` there the anchor of an empty key
// (nil, which kubectl refuses); in a flow collection a `:` right after a name
// is a value indicator, so `[*a:x]` is `[{*a: x}]` and `{&a: x}` has a nil
// key. For the yaml package to read the same tokens, a blank is put after such
// a name (and after a flow collection's `:` when none follows); positions are
// counted back to the text as written. A name followed by `?` and a blank, or
// in a flow collection by `?`, and a `:` and a blank where no key may start,
// are go-yaml's errors, which anchor-names.ts reports.
import type { CST } from "yaml";
import { splitYamlStream } from "./yaml-stream.js";

/** An anchor or alias at a token's start with `:` or `?` right after a go-yaml name: without one, nothing here applies. */
const HINT = /(?:^|[\s,[{])[&*][0-9A-Za-z_-]+[:?]/m;

/** One of go-yaml's name characters (is_alpha). */
const NAME_CHARACTER = /[0-9A-Za-z_-]/;

/** A line's start up to where a key may start in a block collection: blanks, and `- ` or `? ` indicators. */
const KEY_MAY_START = /^[ \t]*(?:[-?][ \t]+)*$/;

/** The text with blanks put in, and the offset in the text as written of an offset in it. */
export interface SpacedText {
  text: string;
  toOriginal(offset: number): number;
}

/** An anchor or alias token, and the closing indicator of the flow collection that holds it, if one does. */
export interface Named {
  token: CST.SourceToken | CST.FlowScalar;
  flow?: "]" | "}";
}

/** Where a key may start in a block collection at `offset`: after blanks and `- ` or `? ` on its line. */
export function keyMayStart(text: string, offset: number): boolean {
  const lineStart = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
  return KEY_MAY_START.test(text.slice(lineStart, offset));
}

const isBlank = (c: string | undefined): boolean => c === undefined || c === " " || c === "\t" || c === "\n" || c === "\r";

/** The anchor and alias tokens of a document's tokens. A stack, not recursion: nesting is not yet bounded here. */
export function namedTokens(tokens: readonly CST.Token[]): Named[] {
  const out: Named[] = [];
  type Flow = Named["flow"];
  const stack: Array<{ token: CST.Token | CST.SourceToken; flow: Flow }> = tokens.map((token) => ({ token, flow: undefined }));
  const push = (token: CST.Token | CST.SourceToken | null | undefined, flow: Flow) => {
    if (token) stack.push({ token, flow });
  };
  while (stack.length > 0) {
    const { token, flow } = stack.pop()!;
    switch (token.type) {
      case "anchor":
      case "alias":
        out.push(flow ? { token: token as CST.SourceToken, flow } : { token: token as CST.SourceToken });
        break;
      case "document": {
        const document = token as CST.Document;
        document.start.forEach((t) => push(t, flow));
        push(document.value, flow);
        break;
      }
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        const collection = token as CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
        const inFlow: Flow = collection.type !== "flow-collection" ? undefined : collection.start.source === "[" ? "]" : "}";
        for (const item of collection.items) {
          item.start.forEach((t) => push(t, inFlow));
          if ("key" in item) push(item.key, inFlow);
          if ("sep" in item) item.sep?.forEach((t) => push(t, inFlow));
          push(item.value, inFlow);
        }
        break;
      }
      case "block-scalar":
        (token as CST.BlockScalar).props.forEach((t) => push(t, flow));
        break;
      default:
        break;
    }
  }
  return out.sort((a, b) => a.token.offset - b.token.offset);
}

/** Where blanks go after one name, as offsets of `text` (a blank goes before the character there). */
function blanksFor({ token, flow }: Named, text: string): number[] {
  const { offset, source } = token;
  let end = 1;
  while (end < source.length && NAME_CHARACTER.test(source[end]!)) end++;
  if (end === 1 || end >= source.length) return [];
  const indicator = source[end];
  const next = text[offset + end + 1];
  const at = offset + end;
  if (flow) {
    if (indicator !== ":") return [];
    // A value indicator in a flow collection, whatever follows: a blank after it too, unless one or the item's end follows.
    return isBlank(next) || next === "," || next === "]" || next === "}" ? [at] : [at, at + 1];
  }
  // Followed by something else, `:` and `?` start a plain scalar; followed by a blank, `:` is a key's value where a key may start.
  if (!isBlank(next)) return [at];
  return indicator === ":" && keyMayStart(text, offset) ? [at] : [];
}

/**
 * The text with a blank after each anchor or alias name go-yaml ends at `:`
 * or `?` where it reads another token there; undefined when there is none.
 * `tokens` reads a `---` chunk as the reader of the documents reads it.
 */
export function withGoAnchorSpacing(text: string, tokens: (chunk: string) => CST.Token[]): SpacedText | undefined {
  if (!HINT.test(text)) return undefined;
  const blanks: number[] = [];
  for (const chunk of splitYamlStream(text)) {
    if (chunk.separatorError) continue;
    const chunkText = text.slice(chunk.start, chunk.end);
    if (!HINT.test(chunkText)) continue;
    for (const named of namedTokens(tokens(chunkText))) for (const at of blanksFor(named, chunkText)) blanks.push(chunk.start + at);
  }
  if (blanks.length === 0) return undefined;
  blanks.sort((a, b) => a - b);
  let spaced = "";
  let from = 0;
  for (const at of blanks) {
    spaced += text.slice(from, at) + " ";
    from = at;
  }
  spaced += text.slice(from);
  // The i-th blank stands at blanks[i] + i in the spaced text.
  const toOriginal = (offset: number): number => {
    let low = 0;
    let high = blanks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blanks[middle]! + middle < offset) low = middle + 1;
      else high = middle;
    }
    return offset - low;
  };
  return { text: spaced, toOriginal };
}
