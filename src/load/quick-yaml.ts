// The quickest way from a file's YAML to its documents' values, for the plain
// YAML nearly every manifest is written in: block-yaml.ts reads most documents
// straight from the text, and js-yaml the others, several times faster than
// yaml's parser, with plain scalars typed by typePlainScalar as
// go-yaml v2 types them (`yes`, `0644`, `1_000`), as the other ways do.
// Anything outside that plain subset, where js-yaml might read the text
// otherwise than go-yaml, or where the full parse would report something,
// makes it give up on the whole file, which then goes the CST way
// (fast-yaml.ts) or the full way: anchors, aliases and tags (seen as js-yaml
// closes each node), merge keys, directives, `...`, escapes, tabs, carriage
// returns, byte order marks, JSON streams, long keys, deep nesting, repeated
// keys and whatever js-yaml refuses.
import { FAILSAFE_SCHEMA, Type, YAMLException, load, type LoadOptions, type State } from "js-yaml";
import { blockReadable, readBlockDocument } from "./block-yaml.js";
import { DEEPEST, giveUp, NotCertain } from "./cst-values.js";
import type { PlainDocument, ReadDocuments } from "./fast-yaml.js";
import { typePlainScalar } from "./plain-scalars.js";
import { isJsonStream } from "./yaml-stream.js";

/** A document as the CST way reads it, but for its comments: only standard input's names come from them. */
export type QuickDocument = Omit<PlainDocument, "commentsBefore"> & {
  /** Where the chunk of a document the block reader took ends: its positions are read again the same way (block-positions.ts). */
  blockEnd?: number;
};

/** The tag js-yaml gives every plain scalar; a node with any other tag is left to the other ways. */
const PLAIN = "tag:kubeplan,plain";

const plainScalar = new Type(PLAIN, {
  kind: "scalar",
  resolve: () => true,
  construct: (text: string) => {
    const value = typePlainScalar(text, false);
    return value === undefined ? giveUp() : value;
  },
});

const OPTIONS: LoadOptions = {
  schema: FAILSAFE_SCHEMA.extend({ implicit: [plainScalar] }),
  // Called as each node closes, with its anchor and the tag it was resolved to.
  listener(event, state) {
    const { anchor, tag } = state as State & { anchor: string | null; tag: string | null };
    if (event === "close" && (anchor !== null || (tag !== null && tag !== PLAIN))) giveUp();
  },
};

/** Characters this way leaves to the others: tabs, carriage returns, byte order marks and YAML 1.1's other line breaks. */
const OUTSIDE_CHARACTERS = /[\t\r\uFEFF\u0085\u2028\u2029]/;

/** The characters that make a line worth reading closely (scanLine); other lines are keys and plain values. */
const NOTABLE = /["'[\]{}|>?]/g;

/** A `---` line with nothing but a comment after the marker. */
const MARKER_LINE = /---(?: +#.*| *)$/my;

/** A list entry with nothing after its `-` on the line: js-yaml misreads some of them in lists of lists. */
const EMPTY_ENTRY = /(?:- +)*-(?: +#.*| *)$/my;

/** A key must end within this many characters of its line's start to be vouched for (go-yaml reads at most 1,024). */
const LINE_KEY_REACH = 1000;

/** Keys longer than this are left to the full parse, which holds them to go-yaml's length. */
const LONGEST_KEY = 500;

const SPACE = 32;
const HASH = 35;
const DASH = 45;

/** The offset of the quote that closes the one at `open` on the same line (`''` is a quote in single quotes); -1 for none. */
function closingQuote(text: string, open: number, end: number): number {
  const quote = text[open]!;
  for (let at = text.indexOf(quote, open + 1); at >= 0 && at < end; at = text.indexOf(quote, at + 2)) {
    if (quote === "'" && text[at + 1] === "'") continue;
    return at;
  }
  return -1;
}

/** A block scalar's header after its indicator: chomping and a comment, no indentation indicator. */
const BLOCK_HEADER_REST = /^[-+]?(?: +#.*)?$/;

/** A flow collection open on the line: a mapping or a sequence, and what its current entry has had. */
interface FlowLevel {
  mapping: boolean;
  content: boolean;
  colon: boolean;
}

/** A flow mapping's entry must be `key: value`; `{a, b}` is left to the others. */
function endEntry(level: FlowLevel): void {
  if (level.mapping && level.content && !level.colon) giveUp();
  level.content = false;
  level.colon = false;
}

/** Whether the `:` at `at` in a flow collection separates a key from its value. */
function isValueIndicator(text: string, at: number, end: number): boolean {
  const after = at + 1 < end ? text[at + 1] : " ";
  return after === " " || after === "," || after === "]" || after === "}" || text[at - 1] === '"' || text[at - 1] === "'";
}

/** Gives up on a comment right after a quote or a bracket (an error), and on a quoted or flow key (`[a]: b`). */
function checkAfterClose(text: string, at: number, end: number, flow: boolean): void {
  if (text.charCodeAt(at + 1) === HASH) giveUp();
  if (flow) return;
  let next = at + 1;
  while (next < end && text.charCodeAt(next) === SPACE) next++;
  if (text[at] !== '"' && text[at] !== "'" && text[next] === ":") giveUp();
}

/**
 * Reads one line with quotes, brackets or indicators in it, outside block
 * scalars. Gives up on escapes, on a quoted scalar or a flow collection that
 * goes on to another line, on a collection as a key, on a flow mapping
 * entry without `: ` or a flow sequence entry with one, on explicit keys
 * (`? `) and on a block scalar with an indentation indicator. Returns, for a
 * line that opens a block scalar, the column its lines must be indented
 * past; -1 otherwise.
 */
function scanLine(text: string, start: number, end: number, column: number): number {
  const flows: FlowLevel[] = [];
  let atToken = true;
  let tokenColumn = column;
  for (let at = start; at < end; at++) {
    const c = text[at]!;
    if (c === " ") {
      const before = text[at - 1];
      atToken ||= before === ":" || before === "-" || before === ",";
      continue;
    }
    if (c === "#" && (at === start || text.charCodeAt(at - 1) === SPACE)) break;
    const flow = flows[flows.length - 1];
    let valueIndicator = false;
    if ((c === "|" || c === ">") && atToken && !flow) {
      return BLOCK_HEADER_REST.test(text.slice(at + 1, end)) ? tokenColumn : giveUp();
    }
    if (c === "?" && atToken && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) giveUp();
    if (atToken && !flow) tokenColumn = column + at - start;
    if ((c === '"' || c === "'") && atToken) {
      const close = closingQuote(text, at, end);
      // Escapes are go-yaml's to judge (go-yaml.ts); the other ways read them.
      if (close < 0 || (c === '"' && text.slice(at + 1, close).includes("\\"))) giveUp();
      checkAfterClose(text, close, end, flow !== undefined);
      at = close;
      if (flow) flow.content = true;
    } else if (c === "[" || c === "{") {
      // `{{a}}`, `{[a]: b}`: a collection as a key is read otherwise by js-yaml.
      if (flow?.mapping && !flow.colon) giveUp();
      if (flow) flow.content = true;
      flows.push({ mapping: c === "{", content: false, colon: false });
    } else if (c === "]" || c === "}") {
      const closed = flows.pop();
      if (!closed || closed.mapping !== (c === "}")) giveUp();
      endEntry(closed);
      checkAfterClose(text, at, end, flows.length > 0);
    } else if (c === "," && flow) {
      endEntry(flow);
    } else if (c === "?" && flow) {
      // `[h/p?q=1]`: go-yaml ends the plain scalar at `?` and reads a key with no `,` before it, an error;
      // `[?b]`: go-yaml takes a `?` starting an item for a key indicator, blank after it or not.
      giveUp();
    } else if (c === ":" && flow && (text[at + 1] === "[" || text[at + 1] === "{") && text[at - 1] !== '"' && text[at - 1] !== "'") {
      // `{a:[1]}`: go-yaml reads the scalar `a:` and then a collection, an error; js-yaml a pair.
      giveUp();
    } else if (c === ":" && flow && isValueIndicator(text, at, end)) {
      if (!flow.mapping || flow.colon || !flow.content) giveUp();
      // `{a:}`: go-yaml reads the key `a:` (a `:` ends a plain scalar only before a blank), js-yaml the key `a`.
      if (at + 1 < end && text[at + 1] !== " " && text[at - 1] !== '"' && text[at - 1] !== "'") giveUp();
      flow.colon = true;
      valueIndicator = true;
    } else if (flow) {
      flow.content = true;
    }
    atToken = c === "[" || c === "{" || c === "," || valueIndicator;
  }
  if (flows.length > 0) giveUp();
  return -1;
}

/** Gives up on directives, `...` lines, `---` lines with more than a comment, empty list entries and lines too long to vouch for their key. */
function checkLineStart(text: string, start: number, at: number, end: number): void {
  const first = text[start];
  if (first === "%" || text.startsWith("...", start)) giveUp();
  if (text.startsWith("---", start)) {
    MARKER_LINE.lastIndex = start;
    if (!MARKER_LINE.test(text)) giveUp();
  }
  if (text.charCodeAt(at) === DASH) {
    EMPTY_ENTRY.lastIndex = at;
    if (EMPTY_ENTRY.test(text)) giveUp();
  }
  if (end - start > LINE_KEY_REACH) {
    const colon = text.indexOf(":", start);
    if (colon < 0 || colon - start > LINE_KEY_REACH) giveUp();
  }
}

/**
 * Reads the text line by line, passing over the lines of block scalars as
 * long as they are indented alike, and gives up on what this way leaves to
 * the others (checkLineStart, scanLine) and on lines of spaces only, which
 * block scalars read in subtle ways.
 */
function checkLayout(text: string): void {
  let blockParent = -1;
  let blockIndent = -1;
  let notable = -1;
  for (let start = 0; start < text.length; ) {
    const next = text.indexOf("\n", start);
    const end = next < 0 ? text.length : next;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    const indent = at - start;
    if (at === end && indent > 0) giveUp();
    if (blockParent >= 0 && (at === end || indent > blockParent)) {
      if (blockIndent < 0 && at < end) blockIndent = indent;
      else if (at < end && indent < blockIndent) giveUp();
    } else if (at < end) {
      checkLineStart(text, start, at, end);
      if (notable < at) {
        NOTABLE.lastIndex = at;
        notable = NOTABLE.exec(text)?.index ?? text.length;
      }
      blockParent = notable < end ? scanLine(text, at, end, indent) : -1;
      blockIndent = -1;
    }
    start = end + 1;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What JavaScript's String makes of a number: a key js-yaml read as one, or a quoted key that reads alike. */
const NUMBER_KEY = /^-?(?:[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|Infinity|NaN)$/;

/** Gives up on merge keys, keys too long to vouch for, and nesting deeper than the CST way takes. */
function checkNested(value: unknown, depth: number): void {
  if (typeof value !== "object" || value === null) return;
  if (depth > DEEPEST) giveUp();
  if (Array.isArray(value)) {
    for (const item of value) checkNested(item, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    // `null` may be js-yaml's name for a nil key (`~:`, `: x`), an error for go-yaml (json-keys.ts);
    // a number as JavaScript writes it may stand for a key kubectl writes otherwise (`1e6:` is "1e+06").
    if (key === "<<" || key === "null" || key.length > LONGEST_KEY || NUMBER_KEY.test(key)) giveUp();
    checkNested((value as Record<string, unknown>)[key], depth + 1);
  }
}

/** Where a chunk's contents start, past its `---` line, blank lines and comments; -1 when it has none. */
function contentStart(text: string, start: number, end: number): number {
  let line = text.startsWith("---", start) ? text.indexOf("\n", start) + 1 || end : start;
  while (line < end) {
    let at = line;
    while (at < end && text[at] === " ") at++;
    if (at < end && text[at] !== "\n" && text[at] !== "#") return at;
    const next = text.indexOf("\n", at);
    line = next < 0 || next >= end ? end : next + 1;
  }
  return -1;
}

/** Where each chunk starts: the start of the text, and every line that starts with `---`. */
function chunkStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n---"); at >= 0; at = text.indexOf("\n---", at + 1)) starts.push(at + 1);
  return starts;
}

function readChunk(text: string, start: number, end: number, index: number, readable: boolean): QuickDocument | null {
  const contents = contentStart(text, start, end);
  if (contents < 0) return null;
  // Block YAML is read straight from the text; what that reader leaves, js-yaml reads.
  const block = readable ? readBlockDocument(text, end, contents) : undefined;
  if (block) return { index, value: block, contentStart: contents, blockEnd: end };
  const value = load(text.slice(start, end), OPTIONS);
  // A document that is not a mapping is the full parse's to report.
  if (!isMapping(value)) giveUp();
  checkNested(value, 0);
  return { index, value, contentStart: contents };
}

/**
 * The documents with contents of a file, or `undefined` when the file needs
 * another way. They are numbered as the other ways number them: each `---`
 * line starts a document, and so does the text before the first one if it
 * has contents.
 */
export function parseDocumentsQuick(text: string): QuickDocument[] | undefined {
  return readDocumentsQuick(text)?.documents;
}

/** parseDocumentsQuick's documents, and how many documents the text has, empty ones included. */
export function readDocumentsQuick(text: string): ReadDocuments<QuickDocument> | undefined {
  if (isJsonStream(text) || OUTSIDE_CHARACTERS.test(text)) return undefined;
  const starts = chunkStarts(text);
  const documents: QuickDocument[] = [];
  let index = 0;
  const readable = blockReadable(text);
  try {
    checkLayout(text);
    starts.forEach((start, i) => {
      const end = starts[i + 1] ?? text.length;
      if (start === 0 && !text.startsWith("---") && contentStart(text, 0, end) < 0) return;
      const document = readChunk(text, start, end, index++, readable);
      if (document) documents.push(document);
    });
  } catch (error) {
    // A RangeError is nesting too deep for js-yaml's recursion.
    if (error instanceof NotCertain || error instanceof YAMLException || error instanceof RangeError) return undefined;
    throw error;
  }
  return { documents, count: index };
}
