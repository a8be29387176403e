// The quickest reader of all, for the block YAML most manifests are written
// in: mappings and sequences by indentation, one-line plain and quoted
// scalars, `|` and `|-` literal blocks, `{}`, and one-line flow lists of
// quoted or simple plain scalars (`args: ["a", b]`). It reads a document
// that quick-yaml.ts has already vetted (checkLayout) straight from the text,
// line by line, into the values js-yaml would give it under quick-yaml's
// options (plain scalars typed by typePlainScalar, keys made strings), without
// js-yaml's state machine and the objects it makes for every node. Whatever
// it does not take (other flow collections, folded or kept blocks, multi-line
// plain scalars, odd keys, duplicate keys, anything it is unsure about) makes
// it give the document back to js-yaml, which then reads it as before.
// Read again with `places`, it also notes where each key and value was
// written: the positions of a document with findings, without another parse.
import { goDecoded } from "./go-scalars.js";
import { jsonKey } from "./json-keys.js";
import { typePlainScalar } from "./plain-scalars.js";

/** Thrown where the document is outside what this reader takes. */
class Outside {}
const OUTSIDE = new Outside();

function outside(): never {
  throw OUTSIDE;
}

const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const CLOSE_BRACKET = 93;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
const PIPE = 124;

/** Nesting past this is left to js-yaml (quick-yaml's own limit is further). */
const DEEPEST = 60;

/** Keys quick-yaml refuses after js-yaml (merge keys, long keys): the document goes to js-yaml, which refuses them there. */
const LONGEST_KEY = 500;

/** Characters a plain scalar may not start with here: YAML's indicators, quotes and space. */
function refusedStart(c: number): boolean {
  switch (c) {
    case SPACE: case 44 /* , */: case OPEN_BRACKET: case 93 /* ] */: case OPEN_BRACE: case 125 /* } */:
    case HASH: case 38 /* & */: case 42 /* * */: case 33 /* ! */: case PIPE: case 62 /* > */:
    case SINGLE_QUOTE: case DOUBLE_QUOTE: case 37 /* % */: case 64 /* @ */: case 96 /* ` */:
    case 63 /* ? */: case COLON:
      return true;
    default:
      return false;
  }
}

/**
 * Whether a plain scalar in a flow list may hold the character `c` without a
 * second thought: not an indicator, a quote, a separator, a tab, a control,
 * nor a character some reader takes for a line break or a byte order mark.
 */
function flowPlainChar(c: number): boolean {
  if (c <= SPACE || c === 127 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  switch (c) {
    case COLON: case HASH: case OPEN_BRACE: case 125 /* } */: case OPEN_BRACKET: case CLOSE_BRACKET: case COMMA:
    case 38 /* & */: case 42 /* * */: case 33 /* ! */: case PIPE: case 62 /* > */: case 37 /* % */: case 64 /* @ */:
    case 96 /* ` */: case 63 /* ? */: case SINGLE_QUOTE: case DOUBLE_QUOTE:
      return false;
    default:
      return true;
  }
}

/** A plain scalar's value as quick-yaml's schema constructs it. */
function typed(text: string): unknown {
  const value = typePlainScalar(text, false);
  return value === undefined ? outside() : value;
}

/** Where a key and its value were written, as yaml's nodes would place them. */
export interface BlockPlace {
  /** The key's offset; -1 for a sequence's item. */
  key: number;
  /** The value's offset; -1 for an empty value (`key:` and nothing). */
  value: number;
  /** A scalar's text as yaml keeps it (a plain scalar's as written, a quoted one's unquoted); undefined for a collection. */
  source: string | undefined;
  node: unknown;
}

/** The places of each mapping's keys and each sequence's items, by the mapping or sequence read. */
export type BlockPlaces = Map<object, Map<string, BlockPlace> | BlockPlace[]>;

class BlockReader {
  /** The content line the reader stands on: where it starts, its indentation, its first character, its end. */
  private line = 0;
  private indent = -1;
  private content = -1;
  private lineEnd = 0;
  /** Where the last value read started (-1: empty), and its scalar text. */
  private valueAt = -1;
  private valueSource: string | undefined = undefined;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly places?: BlockPlaces,
  ) {}

  /** Stands on the first line from `from` with content (not blank, not a comment); indent -1 past the end. */
  private seek(from: number): void {
    const { text, end } = this;
    for (let line = from; line < end; ) {
      let at = line;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      let lineEnd = text.indexOf("\n", at);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      if (at === lineEnd || text.charCodeAt(at) === HASH) {
        line = lineEnd + 1;
        continue;
      }
      this.line = line;
      this.indent = at - line;
      this.content = at;
      this.lineEnd = lineEnd;
      return;
    }
    this.indent = -1;
    this.content = -1;
  }

  /** The document's top mapping, its contents starting at `contents`. */
  document(contents: number): Record<string, unknown> {
    this.seek(this.text.lastIndexOf("\n", contents - 1) + 1);
    if (this.isEntry()) outside();
    const value = this.mapping(this.indent, this.content, 0);
    if (this.indent >= 0) outside();
    return value;
  }

  /** Whether the line stands on a sequence entry (`-` then a space or the line's end). */
  private isEntry(): boolean {
    const { text, content } = this;
    return text.charCodeAt(content) === DASH && (content + 1 === this.lineEnd || text.charCodeAt(content + 1) === SPACE);
  }

  /** The offset of the quote closing the one at `open` on this line; -1 for none. */
  private closingQuote(open: number): number {
    const { text, lineEnd } = this;
    const quote = text.charCodeAt(open);
    for (let at = open + 1; at < lineEnd; at++) {
      if (text.charCodeAt(at) !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(at + 1) === SINGLE_QUOTE && at + 1 < lineEnd) {
        at++;
        continue;
      }
      return at;
    }
    return -1;
  }

  /** A quoted scalar's value (no escapes in double quotes: those are outside). */
  private unquoted(open: number, close: number): string {
    const inner = this.text.slice(open + 1, close);
    if (this.text.charCodeAt(open) === SINGLE_QUOTE) return inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    return inner.includes("\\") ? outside() : inner;
  }

  /** The `:` ending a key that starts at `at` on this line, or -1 when the line there holds no key. */
  private keyColon(at: number): number {
    const { text, lineEnd } = this;
    const first = text.charCodeAt(at);
    if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
      const close = this.closingQuote(at);
      if (close < 0 || text.charCodeAt(close + 1) !== COLON) return -1;
      return close + 2 === lineEnd || text.charCodeAt(close + 2) === SPACE ? close + 1 : -1;
    }
    for (let i = at; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE) return i;
      } else if (c === HASH) {
        if (text.charCodeAt(i - 1) === SPACE) return -1;
      } else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) {
        return -1;
      }
    }
    return -1;
  }

  /** The key from `at` to its colon, as js-yaml keeps it. */
  private key(at: number, colon: number): string {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) return this.unquoted(at, colon - 1);
    if (refusedStart(first) || first === DASH || text.charCodeAt(colon - 1) === SPACE) outside();
    const source = text.slice(at, colon);
    // The JSON key kubectl makes of it (`1e6:` is "1e+06"); `~:`, `null:` and uint64 keys have none, an error (json-keys.ts): left to the others.
    return jsonKey(goDecoded(typed(source), source)) ?? outside();
  }

  /** A block mapping at `indent`, its first key at `at` on the current line. */
  private mapping(indent: number, at: number, depth: number): Record<string, unknown> {
    if (depth > DEEPEST) outside();
    const result: Record<string, unknown> = {};
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0) outside();
      const key = this.key(at, colon);
      if (key === "__proto__" || key === "<<" || key.length > LONGEST_KEY || Object.hasOwn(result, key)) outside();
      const value = this.value(colon + 1, indent, depth);
      result[key] = value;
      if (this.places) this.placeKey(result, key, at, value);
      if (this.indent < indent) return result;
      if (this.indent > indent || this.isEntry()) outside();
      at = this.content;
    }
  }

  /** A mapping value after its `:` at `after`; leaves the reader on the next content line. */
  private value(after: number, indent: number, depth: number): unknown {
    const { text, lineEnd } = this;
    let at = after;
    while (at < lineEnd && text.charCodeAt(at) === SPACE) at++;
    if (at < lineEnd && text.charCodeAt(at) !== HASH) return this.inline(at, indent);
    // On the lines below: deeper, or a sequence at the key's own indentation.
    this.seek(lineEnd + 1);
    if (this.indent < indent || (this.indent === indent && !this.isEntry())) return this.placed(-1, "", null);
    const start = this.content;
    return this.placed(start, undefined, this.node(depth + 1));
  }

  /** Notes where the value just read started, and its scalar text; returns the value. */
  private placed<T>(at: number, source: string | undefined, value: T): T {
    this.valueAt = at;
    this.valueSource = source;
    return value;
  }

  private placeKey(mapping: Record<string, unknown>, key: string, at: number, node: unknown): void {
    let keys = this.places!.get(mapping) as Map<string, BlockPlace> | undefined;
    if (!keys) this.places!.set(mapping, (keys = new Map()));
    keys.set(key, { key: at, value: this.valueAt, source: this.valueSource, node });
  }

  private placeItem(sequence: unknown[], node: unknown): void {
    let items = this.places!.get(sequence) as BlockPlace[] | undefined;
    if (!items) this.places!.set(sequence, (items = []));
    items.push({ key: -1, value: this.valueAt, source: this.valueSource, node });
  }

  /** The block collection the current line starts. */
  private node(depth: number): unknown {
    if (this.isEntry()) return this.sequence(this.indent, depth);
    return this.mapping(this.indent, this.content, depth);
  }

  /** A block sequence at `indent`, the reader on its first entry. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > DEEPEST) outside();
    const { text } = this;
    const items: unknown[] = [];
    for (;;) {
      let at = this.content + 1;
      while (at < this.lineEnd && text.charCodeAt(at) === SPACE) at++;
      // Empty entries and entries that open a sequence of their own are js-yaml's.
      if (at === this.lineEnd || text.charCodeAt(at) === HASH) outside();
      if (text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || text.charCodeAt(at + 1) === SPACE)) outside();
      const item = this.keyColon(at) >= 0 ? this.placed(at, undefined, this.mapping(at - this.line, at, depth + 1)) : this.inline(at, indent);
      items.push(item);
      if (this.places) this.placeItem(items, item);
      if (this.indent < indent) return items;
      if (this.indent > indent) outside();
      if (!this.isEntry()) return items;
    }
  }

  /**
   * A value that starts at `at` on the current line, in a collection at
   * `parent`'s indentation; leaves the reader on the next content line, which
   * must not be deeper than `parent` (that would be a multi-line scalar).
   */
  private inline(at: number, parent: number): unknown {
    const { text, lineEnd } = this;
    const first = text.charCodeAt(at);
    let value: unknown;
    let source: string | undefined;
    let rest: number;
    if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
      const close = this.closingQuote(at);
      if (close < 0) outside();
      value = source = this.unquoted(at, close);
      rest = close + 1;
      if (rest < lineEnd && text.charCodeAt(rest) !== SPACE) outside();
    } else if (first === PIPE) {
      const literal = this.literal(at, parent);
      return this.placed(at, literal, literal);
    } else if (first === OPEN_BRACE) {
      if (text.charCodeAt(at + 1) !== first + 2) outside();
      value = {};
      rest = at + 2;
    } else if (first === OPEN_BRACKET) {
      const items: unknown[] = [];
      rest = this.flowSequence(at, items);
      value = items;
    } else {
      if (refusedStart(first) || (first === DASH && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE))) outside();
      let last = at;
      for (rest = at; rest < lineEnd; rest++) {
        const c = text.charCodeAt(rest);
        if (c === SPACE) continue;
        if (c === HASH && text.charCodeAt(rest - 1) === SPACE) break;
        if (c === COLON && (rest + 1 === lineEnd || text.charCodeAt(rest + 1) === SPACE)) outside();
        last = rest;
      }
      source = text.slice(at, last + 1);
      value = typed(source);
    }
    // After the value: spaces, then a comment or the line's end.
    while (rest < lineEnd && text.charCodeAt(rest) === SPACE) rest++;
    if (rest < lineEnd && (text.charCodeAt(rest) !== HASH || text.charCodeAt(rest - 1) !== SPACE)) outside();
    this.seek(lineEnd + 1);
    if (this.indent > parent) outside();
    return this.placed(at, source, value);
  }

  /**
   * A flow sequence opening at `at` and closing on the same line, its items
   * quoted scalars or plain ones made of characters that mean nothing in a
   * flow collection (anything else is outside); fills `items` and returns the
   * offset after its `]`.
   */
  private flowSequence(at: number, items: unknown[]): number {
    const { text, lineEnd } = this;
    let next = at + 1;
    while (next < lineEnd && text.charCodeAt(next) === SPACE) next++;
    if (text.charCodeAt(next) === CLOSE_BRACKET) return next + 1;
    for (;;) {
      if (next >= lineEnd) outside();
      const start = next;
      const first = text.charCodeAt(start);
      let value: unknown;
      let source: string;
      if (first === SINGLE_QUOTE || first === DOUBLE_QUOTE) {
        const close = this.closingQuote(start);
        if (close < 0) outside();
        value = source = this.unquoted(start, close);
        next = close + 1;
      } else {
        // `-` starts a plain scalar only before a character of its own (`-1`, `-v`).
        if (first === DASH && !flowPlainChar(text.charCodeAt(start + 1))) outside();
        let last = start - 1;
        for (; next < lineEnd; next++) {
          const c = text.charCodeAt(next);
          if (c === COMMA || c === CLOSE_BRACKET) break;
          if (c === SPACE) continue;
          if (!flowPlainChar(c)) outside();
          last = next;
        }
        if (last < start) outside();
        source = text.slice(start, last + 1);
        value = typed(source);
      }
      items.push(value);
      if (this.places) {
        this.placed(start, source, value);
        this.placeItem(items, value);
      }
      while (next < lineEnd && text.charCodeAt(next) === SPACE) next++;
      const separator = text.charCodeAt(next);
      if (next >= lineEnd || (separator !== COMMA && separator !== CLOSE_BRACKET)) outside();
      next++;
      if (separator === CLOSE_BRACKET) return next;
      // A trailing comma (`[a, ]`) is left to the others.
      while (next < lineEnd && text.charCodeAt(next) === SPACE) next++;
    }
  }

  /**
   * A literal block (`|` or `|-`) whose header is at `at`, in a collection at
   * `parent`'s indentation: its lines are those below indented deeper than
   * `parent`, or empty (quick-yaml leaves lines of spaces and lines indented
   * less than the first to the others). Line breaks as js-yaml keeps them:
   * all between lines, one at the end unless `|-` strips it.
   */
  private literal(at: number, parent: number): string {
    const { text, end } = this;
    let header = at + 1;
    const strip = text.charCodeAt(header) === DASH;
    if (strip) header++;
    while (header < this.lineEnd && text.charCodeAt(header) === SPACE) header++;
    if (header < this.lineEnd && (text.charCodeAt(header) !== HASH || header === at + 1 + (strip ? 1 : 0))) outside();
    let result = "";
    let read = false;
    let textIndent = -1;
    let emptyLines = 0;
    let line = this.lineEnd + 1;
    while (line < end) {
      let start = line;
      while (start < end && text.charCodeAt(start) === SPACE) start++;
      let lineEnd = text.indexOf("\n", start);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      if (start === lineEnd) {
        if (start > line) outside();
        emptyLines++;
        line = lineEnd + 1;
        continue;
      }
      const indent = start - line;
      if (indent <= parent) break;
      if (textIndent < 0) textIndent = indent;
      else if (indent < textIndent) outside();
      if (read) result += "\n";
      if (emptyLines > 0) result += "\n".repeat(emptyLines);
      result += text.slice(line + textIndent, lineEnd);
      read = true;
      emptyLines = 0;
      line = lineEnd + 1;
    }
    // An empty block is js-yaml's to read.
    if (!read) outside();
    this.seek(line);
    return strip ? result : result + "\n";
  }
}

/** Characters YAML does not allow in a stream (js-yaml refuses the whole document): C0 and C1 controls, non-characters, lone surrogates. */
const NOT_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether this reader may read the documents of `text`: those with characters YAML refuses are js-yaml's to refuse. */
export function blockReadable(text: string): boolean {
  return !NOT_PRINTABLE.test(text);
}

/**
 * The document of the chunk from `start` to `end` whose contents start at
 * `contents`, when it is a mapping this reader takes; otherwise undefined
 * (js-yaml reads it).
 */
export function readBlockDocument(text: string, end: number, contents: number, places?: BlockPlaces): Record<string, unknown> | undefined {
  try {
    return new BlockReader(text, end, places).document(contents);
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}
