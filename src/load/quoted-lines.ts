// go-yaml v2 reads a quoted scalar to its closing quote whatever the
// indentation of its lines (scannerc.go yaml_parser_scan_flow_scalar checks
// none): a line of blanks with a tab in it, or a line less indented than
// the mapping holding the scalar, is folded like any other. The yaml
// package ends the scalar at such a line and reports a missing closing
// quote. Where it does, the scalar is read again as go-yaml reads it: its
// lines are put on one (line breaks and tabs made spaces, so that every
// offset stays where it was) for the parser, and its token then says go-yaml's
// value. A scalar go-yaml would refuse (no closing quote, a `---` or `...`
// line, an escape it does not know) is left as the yaml package read it.
import { Parser, type CST } from "yaml";
import { visitTokens } from "./cst-walk.js";
import { unterminatedQuote } from "./cst-checks.js";
import { badEscape, type GoYamlProblem } from "./go-yaml.js";

/**
 * Each re-read parses the text again: at most this many characters are
 * parsed again in all (one re-read at least); past that, the scalars left
 * are left as the yaml package read them.
 */
const REREAD_BUDGET = 1_000_000;

const ESCAPED: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ",
  '"': '"', "'": "'", "\\": "\\", N: "\u0085", _: "\u00a0", L: "\u2028", P: "\u2029",
};
const CODE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
// LS and PS stand in quoted scalars as they were written (line-separators.ts): go-yaml breaks lines at them too.
const isBreak = (c: string | undefined): boolean => c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";

/** A line break as it stands in a value (read_line): LS and PS as themselves, any other as a line feed. */
const breakKind = (c: string): string => (c === "\u2028" || c === "\u2029" ? c : "\n");

type QuotedScalar = { value: string; end: number } | { refused: GoYamlProblem };

/** go-yaml's refusal of the escape at `at` (go-yaml.ts words it). */
function escapeRefused(text: string, at: number): { refused: GoYamlProblem } {
  const problem = badEscape(text.slice(at, at + 10));
  return { refused: { offset: at, message: problem?.message ?? "found unknown escape character while parsing a quoted scalar" } };
}

/**
 * The value go-yaml reads from the quoted scalar opening at `start`, and
 * where its closing quote is; or go-yaml's refusal of it.
 */
export function goQuotedScalar(text: string, start: number): QuotedScalar {
  const single = text[start] === "'";
  const quote = text[start]!;
  let at = start + 1;
  let value = "";
  for (;;) {
    const lineStart = at === 0 || isBreak(text[at - 1]);
    if (lineStart && (text.startsWith("---", at) || text.startsWith("...", at)) && (at + 3 >= text.length || isBlank(text[at + 3]) || isBreak(text[at + 3]))) {
      return { refused: { offset: at, message: "found unexpected document indicator" } };
    }
    if (at >= text.length) return { refused: { offset: start, message: "found unexpected end of stream" } };
    let leadingBlanks = false;
    while (at < text.length && !isBlank(text[at]) && !isBreak(text[at])) {
      const c = text[at]!;
      if (single && c === "'" && text[at + 1] === "'") {
        value += "'";
        at += 2;
      } else if (c === quote) {
        break;
      } else if (!single && c === "\\" && isBreak(text[at + 1])) {
        at += text[at + 1] === "\r" && text[at + 2] === "\n" ? 3 : 2;
        leadingBlanks = true;
        break;
      } else if (!single && c === "\\") {
        const letter = text[at + 1] ?? "";
        const length = CODE_LENGTH[letter];
        if (length !== undefined) {
          const hex = text.slice(at + 2, at + 2 + length);
          if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) return escapeRefused(text, at);
          const code = parseInt(hex, 16);
          if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return escapeRefused(text, at);
          value += String.fromCodePoint(code);
          at += 2 + length;
        } else if (Object.hasOwn(ESCAPED, letter)) {
          value += ESCAPED[letter];
          at += 2;
        } else {
          return escapeRefused(text, at);
        }
      } else {
        value += c;
        at++;
      }
    }
    if (text[at] === quote) return { value, end: at };
    let whitespace = "";
    let leadingBreak = "";
    let trailingBreaks = "";
    while (isBlank(text[at]) || isBreak(text[at])) {
      if (isBlank(text[at])) {
        if (!leadingBlanks) whitespace += text[at];
        at++;
      } else {
        const kind = breakKind(text[at]!);
        at += text[at] === "\r" && text[at + 1] === "\n" ? 2 : 1;
        if (!leadingBlanks) {
          whitespace = "";
          leadingBreak = kind;
          leadingBlanks = true;
        } else {
          trailingBreaks += kind;
        }
      }
    }
    // A line feed folds into a space, or into the breaks after it; an LS or PS stays, with them.
    if (leadingBlanks) value += leadingBreak === "\n" ? (trailingBreaks === "" ? " " : trailingBreaks) : leadingBreak + trailingBreaks;
    else value += whitespace;
  }
}

/** The text with the quoted scalar from `start` to `end` on one line: its line breaks and tabs made spaces. */
function onOneLine(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end + 1).replace(/[\r\n\t]/g, " ") + text.slice(end + 1);
}

/** The quoted scalar at `offset`, a collection's key or value, made the error go-yaml reports. */
function refuse(tokens: CST.Token[], offset: number, problem: GoYamlProblem): void {
  visitTokens(tokens, (token) => {
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") return;
    for (const item of token.items) {
      for (const part of ["key", "value"] as const) {
        const child = (item as { key?: CST.Token | null; value?: CST.Token })[part];
        if (child?.offset === offset && (child.type === "double-quoted-scalar" || child.type === "single-quoted-scalar")) {
          (item as Record<string, unknown>)[part] = { type: "error", offset: problem.offset, source: child.source, message: problem.message } satisfies CST.ErrorToken;
        }
      }
    }
  });
}

/** Whether the token at `offset` is a key written without `?`. */
function isImplicitKey(tokens: CST.Token[], offset: number): boolean {
  let found = false;
  visitTokens(tokens, (token) => {
    if (token.type !== "block-map" && token.type !== "flow-collection") return;
    for (const item of token.items) {
      if (item.key?.offset === offset && !item.start.some((t) => t.type === "explicit-key-ind")) found = true;
    }
  });
  return found;
}

/** The parser's tokens of `text`, its quoted scalars read to the closing quote go-yaml reads them to. */
export function goQuotedTokens(text: string): CST.Token[] {
  let tokens = [...new Parser().parse(text)];
  const reread = new Map<number, string>();
  let read = text;
  const rounds = Math.max(1, Math.floor(REREAD_BUDGET / Math.max(1, text.length)));
  for (let round = 0; round < rounds; round++) {
    const start = unterminatedQuote(tokens);
    if (start === undefined || reread.has(start)) break;
    const scalar = goQuotedScalar(read, start);
    if ("refused" in scalar) {
      // go-yaml's words for what stops it, where the yaml package would say the quote is missing.
      refuse(tokens, start, scalar.refused);
      return tokens;
    }
    if (!/[\r\n]/.test(read.slice(start, scalar.end))) break;
    const oneLine = onOneLine(read, start, scalar.end);
    const reparsed = [...new Parser().parse(oneLine)];
    // A key may not go on over lines, in go-yaml either: such a scalar stays as it was read.
    if (isImplicitKey(reparsed, start)) break;
    reread.set(start, scalar.value);
    read = oneLine;
    tokens = reparsed;
  }
  if (reread.size === 0) return tokens;
  visitTokens(tokens, (token) => {
    if ((token.type === "double-quoted-scalar" || token.type === "single-quoted-scalar") && reread.has(token.offset)) {
      // JSON's escapes are YAML's: the composer reads go-yaml's value from it.
      (token as CST.FlowScalar).type = "double-quoted-scalar";
      token.source = JSON.stringify(reread.get(token.offset));
    }
  });
  return tokens;
}
