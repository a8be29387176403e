// A line holding only blanks, among them a tab, is refused by go-yaml (the
// reader of kubectl and the API server) in block context, where the yaml
// package skips it. go-yaml's scanner (yaml_parser_scan_to_next_token) eats
// tabs at a line's start only inside a flow collection, so the tab is "found
// character that cannot start any token"; right after a plain scalar that
// ends its line, the scalar's reader (yaml_parser_scan_plain_scalar) takes
// the blank lines that follow, and refuses a tab left of the scalar's block,
// "found a tab character that violates indentation". kubectl reports both:
// a file with a tab on an empty-looking line is not applied.
import type { CST } from "yaml";
import type { GoYamlProblem } from "./go-yaml.js";

/** A line of blanks with a tab among them (spaces, the first tab, blanks: one way to match, linear). */
const TAB_ONLY_LINE = /^ *\t[ \t]*$/m;

interface Context {
  flow: boolean;
  /** The column of the innermost block mapping or list (go-yaml's `parser.indent`), -1 at the top. */
  blockIndent: number;
}

type Leaf = { token: CST.SourceToken | CST.FlowScalar | CST.BlockScalar; context: Context };

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** The leaves of a document's tokens in the order they were written, each with its context. */
function leaves(token: CST.Token | CST.SourceToken | null | undefined, context: Context, out: Leaf[]): void {
  if (!token) return;
  switch (token.type) {
    case "document":
      token.start.forEach((t) => leaves(t, context, out));
      leaves(token.value, context, out);
      token.end?.forEach((t) => leaves(t, context, out));
      return;
    case "block-map":
    case "block-seq": {
      const inner = { flow: false, blockIndent: token.indent };
      for (const item of token.items) {
        item.start.forEach((t) => leaves(t, inner, out));
        if ("key" in item) leaves(item.key, inner, out);
        if ("sep" in item) item.sep?.forEach((t) => leaves(t, inner, out));
        leaves(item.value, inner, out);
      }
      return;
    }
    case "flow-collection": {
      const inner = { flow: true, blockIndent: context.blockIndent };
      leaves(token.start, inner, out);
      for (const item of token.items) {
        item.start.forEach((t) => leaves(t, inner, out));
        leaves(item.key, inner, out);
        item.sep?.forEach((t) => leaves(t, inner, out));
        leaves(item.value, inner, out);
      }
      token.end.forEach((t) => leaves(t, context, out));
      return;
    }
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
      out.push({ token, context });
      token.end?.forEach((t) => leaves(t, context, out));
      return;
    case "block-scalar":
      token.props.forEach((t) => leaves(t, context, out));
      out.push({ token, context });
      return;
    default:
      out.push({ token: token as CST.SourceToken, context });
  }
}

/**
 * The first tab at `from..to` of `text` on a line of blanks only, and its
 * column; lines with anything else on them are the parser's to judge.
 */
function tabOnBlankLine(text: string, from: number, to: number): { offset: number; column: number } | undefined {
  for (let at = text.indexOf("\t", from); at >= 0 && at < to; ) {
    let start = at;
    while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && isBlank(text.charCodeAt(end))) end++;
    const afterBreak = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
    const beforeBreak = end === text.length || text[end] === "\n" || text[end] === "\r";
    if (afterBreak && beforeBreak) return { offset: at, column: at - start };
    // Past this run of blanks: each is walked once, however many tabs it holds.
    at = text.indexOf("\t", end);
  }
  return undefined;
}

const CANNOT_START = "found character that cannot start any token";
const VIOLATES = "found a tab character that violates indentation";

/** Whether some line of the text holds only blanks and a tab among them. */
export function hasTabOnlyLine(text: string): boolean {
  return text.includes("\t") && TAB_ONLY_LINE.test(text);
}

/** go-yaml's refusal of a tab on a line of blanks in a document, offsets in `text` (the tokens' text). */
export function tabOnlyLineProblem(document: CST.Token, text: string): GoYamlProblem | undefined {
  if (!hasTabOnlyLine(text)) return undefined;
  const out: Leaf[] = [];
  leaves(document, { flow: false, blockIndent: -1 }, out);
  // The block indentation of a plain scalar that ended its line, whose reader takes the blank lines after it.
  let plainIndent: number | undefined;
  for (const { token, context } of out) {
    const source = token.source;
    if (token.type === "space" || token.type === "newline") {
      if (context.flow || !source.includes("\t")) continue;
      const tab = tabOnBlankLine(text, token.offset, token.offset + source.length);
      if (!tab) continue;
      if (plainIndent === undefined) return { offset: tab.offset, message: CANNOT_START };
      if (tab.column < plainIndent + 1) return { offset: tab.offset, message: VIOLATES };
      continue;
    }
    if (token.type === "scalar" && !context.flow) {
      // A plain scalar over several lines took the blank lines inside it the same way.
      const inside = source.includes("\n") ? tabOnBlankLine(text, token.offset, token.offset + source.length) : undefined;
      if (inside && inside.column < context.blockIndent + 1) return { offset: inside.offset, message: VIOLATES };
      plainIndent = context.blockIndent;
      continue;
    }
    plainIndent = undefined;
  }
  return undefined;
}
