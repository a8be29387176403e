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
import { walkTokens, type TokenContext } from "./cst-walk.js";
import type { GoYamlProblem } from "./go-yaml.js";

/** A line of blanks with a tab among them (spaces, the first tab, blanks: one way to match, linear). */
const TAB_ONLY_LINE = /^ *\t[ \t]*$/m;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
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

/**
 * The reader of a document's leaves, in the order written: each says the
 * refusal its token shows, knowing the plain scalar before it.
 */
function leafReader(text: string): (token: CST.SourceToken | CST.FlowScalar | CST.BlockScalar, context: TokenContext) => GoYamlProblem | undefined {
  // The block indentation of a plain scalar that ended its line, whose reader takes the blank lines after it.
  let plainIndent: number | undefined;
  return (token, context) => {
    const source = token.source;
    if (token.type === "space" || token.type === "newline") {
      if (context.flow || !source.includes("\t")) return undefined;
      const tab = tabOnBlankLine(text, token.offset, token.offset + source.length);
      if (!tab) return undefined;
      if (plainIndent === undefined) return { offset: tab.offset, message: CANNOT_START };
      if (tab.column < plainIndent + 1) return { offset: tab.offset, message: VIOLATES };
      return undefined;
    }
    if (token.type === "scalar" && !context.flow) {
      // A plain scalar over several lines took the blank lines inside it the same way.
      const inside = source.includes("\n") ? tabOnBlankLine(text, token.offset, token.offset + source.length) : undefined;
      if (inside && inside.column < context.blockIndent + 1) return { offset: inside.offset, message: VIOLATES };
      plainIndent = context.blockIndent;
      return undefined;
    }
    plainIndent = undefined;
    return undefined;
  };
}

/** go-yaml's refusal of a tab on a line of blanks in a document, offsets in `text` (the tokens' text). */
export function tabOnlyLineProblem(document: CST.Token, text: string): GoYamlProblem | undefined {
  if (!hasTabOnlyLine(text)) return undefined;
  const read = leafReader(text);
  let problem: GoYamlProblem | undefined;
  walkTokens([document], (token, context) => {
    // Documents and collections are read through their contents.
    if (token.type === "document" || token.type === "block-map" || token.type === "block-seq" || token.type === "flow-collection") return false;
    problem = read(token as CST.SourceToken | CST.FlowScalar | CST.BlockScalar, context);
    return problem !== undefined;
  }, { props: true, ends: true });
  return problem;
}
