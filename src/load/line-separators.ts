// go-yaml v2 reads LS (U+2028) and PS (U+2029) as line breaks, as it reads
// LF, CR and NEL (is_break in yamlprivateh.go): they end comments, plain
// scalars and lines of block scalars, and start the next line at column 0.
// A lone CR or a NEL it turns into a line feed (withLineFeeds reads them so),
// but LS and PS it keeps as themselves (read_line in scannerc.go): where a
// line feed in a scalar would fold into a space or be kept, they are kept.
// So the text is read with a line feed in their place (the same length:
// positions stay), except in quoted scalars, which go-yaml reads to their
// closing quote whatever their lines: there they stay, as the characters
// they are to go-yaml. A plain scalar that holds one gets go-yaml's value
// back, folded again with them kept, and a literal block scalar the line
// feeds that stood for them turned back into them.
import { isScalar, visit, type CST, type Document, type Scalar } from "yaml";
import { visitTokens } from "./cst-walk.js";
import { goQuotedScalar } from "./quoted-lines.js";
import { splitYamlStream } from "./yaml-stream.js";

const SEPARATORS = /[\u2028\u2029]/g;

/** The offsets of the text's LS and PS characters, and which each is; undefined when it has none. */
export function lineSeparators(text: string): Map<number, string> | undefined {
  if (!/[\u2028\u2029]/.test(text)) return undefined;
  const found = new Map<number, string>();
  for (const match of text.matchAll(SEPARATORS)) found.set(match.index, match[0]);
  return found;
}

/**
 * `normalized` (the text with line feeds for LS and PS, withLineFeeds) with
 * the LS and PS of `text` put back inside quoted scalars; `tokens` reads a
 * `---` chunk as the reader of the documents reads it.
 */
export function withQuotedSeparators(normalized: string, separators: ReadonlyMap<number, string>, tokens: (text: string) => CST.Token[]): string {
  const spans: Array<[number, number, boolean]> = [];
  for (const chunk of splitYamlStream(normalized)) {
    const text = normalized.slice(chunk.start, chunk.end);
    visitTokens(tokens(text), (token) => {
      if (token.type !== "double-quoted-scalar" && token.type !== "single-quoted-scalar") return;
      const { offset, source } = token as CST.FlowScalar;
      // A scalar read again as go-yaml reads it (quoted-lines.ts) has its value as its token's text: it runs to its closing quote.
      const read = text.startsWith(source, offset) ? { end: offset + source.length } : goQuotedScalar(text, offset);
      // Double-quoted as written: a scalar read again has become double-quoted JSON whatever its quotes.
      if ("end" in read) spans.push([chunk.start + offset, chunk.start + read.end, text[offset] === '"']);
    });
  }
  if (spans.length === 0) return normalized;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let from = 0;
  let span = 0;
  for (const [offset, char] of separators) {
    while (span < spans.length && spans[span]![1] <= offset) span++;
    // An escaped one (`\` and a break) is read as an escaped line feed is: the line goes on without it.
    if (span < spans.length && spans[span]![0] < offset && !(spans[span]![2] && isEscaped(normalized, offset))) {
      parts.push(normalized.slice(from, offset), char);
      from = offset + 1;
    }
  }
  parts.push(normalized.slice(from));
  return parts.join("");
}

/** Whether the character at `offset` follows an odd number of backslashes: an escape of a double-quoted scalar. */
function isEscaped(text: string, offset: number): boolean {
  let count = 0;
  while (offset - count - 1 >= 0 && text[offset - count - 1] === "\\") count++;
  return count % 2 === 1;
}

/**
 * go-yaml's folding of a plain or quoted scalar's lines: blanks around each
 * break dropped; a run of breaks joined as nothing but the breaks after its
 * first when that first is a line feed (a lone line feed as a space), and
 * as all of them otherwise.
 */
function fold(segments: string[], breaks: string[][]): string {
  let out = segments[0]!;
  for (let i = 1; i < segments.length; i++) {
    const run = breaks[i - 1]!;
    out += run[0] === "\n" ? (run.length === 1 ? " " : run.slice(1).join("")) : run.join("");
    out += segments[i];
  }
  return out;
}

/**
 * The lines of a plain or quoted scalar's text between `start` and `end` (at least one
 * break), blanks around breaks dropped, and the runs of breaks between them:
 * a line of blanks only, between two others, adds its break to the run.
 */
function flowLines(text: string, start: number, end: number, separatorAt: (offset: number) => string | undefined): { segments: string[]; breaks: string[][] } {
  const lines: string[] = [];
  const ends: string[] = [];
  let from = start;
  for (let at = start; at < end; at++) {
    const c = text[at];
    if (c !== "\n" && c !== "\u2028" && c !== "\u2029") continue;
    lines.push(text.slice(from, c === "\n" && text[at - 1] === "\r" ? at - 1 : at));
    ends.push(c === "\n" ? (separatorAt(at) ?? "\n") : c);
    from = at + 1;
  }
  const last = text.slice(from, end);
  if (lines.length === 0) return { segments: [last], breaks: [] };
  const segments = [lines[0]!.replace(/[ \t]+$/, "")];
  const breaks: string[][] = [];
  let run = [ends[0]!];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/^[ \t]+|[ \t]+$/g, "");
    if (line === "") run.push(ends[i]!);
    else {
      breaks.push(run);
      segments.push(line);
      run = [ends[i]!];
    }
  }
  breaks.push(run);
  segments.push(last.replace(/^[ \t]+/, ""));
  return { segments, breaks };
}

/** go-yaml's value of a scalar whose text holds a separator; undefined where yaml's is kept (double quotes with escapes). */
function goValue(node: Scalar, text: string, separatorAt: (offset: number) => string | undefined, blockValue: (offset: number) => string | undefined): string | undefined {
  const [start, end] = node.range!;
  switch (node.type) {
    case "PLAIN": {
      const { segments, breaks } = flowLines(text, start, end, separatorAt);
      return fold(segments, breaks);
    }
    case "QUOTE_SINGLE":
    case "QUOTE_DOUBLE": {
      // A scalar read again as go-yaml reads it (quoted-lines.ts) holds its value, not its text: left as it is.
      const quote = node.type === "QUOTE_SINGLE" ? "'" : '"';
      if (end - start < 2 || text[start] !== quote || text[end - 1] !== quote || (quote === '"' && text.slice(start, end).includes("\\"))) return undefined;
      const { segments, breaks } = flowLines(text, start + 1, end - 1, separatorAt);
      const value = fold(segments, breaks);
      return quote === "'" ? value.replace(/''/g, "'") : value;
    }
    case "BLOCK_LITERAL": {
      // The value's line feeds are the breaks of the lines after the header, in order.
      const kinds: string[] = [];
      const through = node.range![2];
      for (let at = text.indexOf("\n", text.indexOf("\n", start) + 1); at >= 0 && at < through; at = text.indexOf("\n", at + 1)) kinds.push(separatorAt(at) ?? "\n");
      let i = 0;
      return (node.value as string).replace(/\n/g, () => kinds[i++] ?? "\n");
    }
    case "BLOCK_FOLDED":
      // Folding depends on each line's indentation and kind of break: go-yaml's reading of the block says it.
      return blockValue(start);
    default:
      return undefined;
  }
}

/**
 * Gives the scalars of a document read with line feeds for LS and PS their
 * go-yaml values; `text` is the chunk's text as read, `separatorAt` tells
 * which LS or PS stood at an offset of it, and `blockValue` gives go-yaml's
 * value of the block scalar whose `>` is at an offset of it.
 */
export function restoreLineSeparators(
  doc: Document,
  text: string,
  separatorAt: (offset: number) => string | undefined,
  blockValue: (offset: number) => string | undefined,
): void {
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range || typeof node.value !== "string") return;
      const [start, end] = node.range;
      // Quoted scalars hold LS and PS themselves; others hold line feeds in their place.
      let holds = (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && /[\u2028\u2029]/.test(text.slice(start, end));
      for (let at = text.indexOf("\n", start); !holds && at >= 0 && at < end; at = text.indexOf("\n", at + 1)) {
        if (separatorAt(at) !== undefined) holds = true;
      }
      if (!holds) return;
      const value = goValue(node, text, separatorAt, blockValue);
      if (value !== undefined) node.value = value;
    },
  });
}
