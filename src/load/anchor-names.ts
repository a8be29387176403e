// go-yaml v2's scanner (yaml_parser_scan_anchor) reads an anchor or alias
// name as a run of ASCII letters, digits, `_` and `-`, and then wants a
// blank, the end of the line, or one of `?:,]}%@` and a backquote; the yaml
// package takes any character but blanks and `,[]{}`. So `&a.b`, `*é` or an
// empty `&` is go-yaml's error ("did not find expected alphabetic or numeric
// character"), and kubectl refuses the document. A name stopped by `%`, `@`
// or a backquote leaves that character to start a token, which none can
// ("found character that cannot start any token"). In a block collection, a
// name ended by `:` or `?` and a blank is the name, then a `:` or `?` where
// go-yaml allows no key ("mapping values are not allowed in this context",
// "mapping keys are not allowed in this context"), except on a line of its
// own. Not matched: `&a:x`, which go-yaml reads as the anchor `a` of the
// plain scalar `:x`, and `:` or `?` after a name in a flow collection.
import type { CST } from "yaml";
import { walkTokens } from "./cst-walk.js";
import type { GoYamlProblem } from "./go-yaml.js";

/** What may hold an anchor or an alias: without either character, nothing here applies. */
const MAY_HOLD = /[&*]/;

/** One of go-yaml's name characters (is_alpha). */
const NAME_CHARACTER = /[0-9A-Za-z_-]/;

const EXPECTED_NAME = "did not find expected alphabetic or numeric character";
const CANNOT_START = "found character that cannot start any token";

interface Named {
  token: CST.SourceToken | CST.FlowScalar;
  flow: boolean;
}

/** Whether only blanks stand between the line's start and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let at = offset - 1; at >= 0; at--) {
    const c = text[at];
    if (c === "\n" || c === "\r") return true;
    if (c !== " " && c !== "\t") return false;
  }
  return true;
}

/** go-yaml's refusal of one anchor or alias token, offsets in `text`; `known`: the anchors defined before it. */
function nameProblem({ token, flow }: Named, text: string, known: Set<string>): GoYamlProblem | undefined {
  const { offset, source } = token;
  let end = 1;
  while (end < source.length && NAME_CHARACTER.test(source[end]!)) end++;
  if (end === 1) return { offset, message: EXPECTED_NAME };
  const name = source.slice(1, end);
  if (token.type === "anchor") known.add(name);
  // The yaml package stops a name at a blank or at `,[]{}`: of those, go-yaml wants none of `[{` next.
  const stop = end < source.length ? source[end]! : text[offset + source.length] ?? "";
  if (end === source.length) return stop === "[" || stop === "{" ? { offset, message: EXPECTED_NAME } : undefined;
  if (stop === "%" || stop === "@" || stop === "`") return { offset: offset + end, message: CANNOT_START };
  if (stop === ":" || stop === "?") {
    // `&a:x` is the anchor of `:x` to go-yaml, and a flow collection reads `:` and `?` otherwise: not matched here.
    if (flow || end !== source.length - 1 || startsLine(text, offset)) return undefined;
    // go-yaml resolves an alias as soon as it has read it, before what follows.
    if (token.type === "alias" && !known.has(name)) return { offset, message: `unknown anchor '${name}' referenced` };
    return { offset: offset + end, message: stop === ":" ? "mapping values are not allowed in this context" : "mapping keys are not allowed in this context" };
  }
  return { offset, message: EXPECTED_NAME };
}

/** The first anchor or alias of a document whose name go-yaml refuses, offsets in `text` (the tokens' text). */
export function anchorNameProblem(document: CST.Token, text: string): GoYamlProblem | undefined {
  if (!MAY_HOLD.test(text)) return undefined;
  const known = new Set<string>();
  let problem: GoYamlProblem | undefined;
  // The anchors before a node or between an item's parts: one among what ends a node's line is the parser's error (Unexpected anchor at node end).
  walkTokens([document], (token, context) => {
    if (token.type !== "anchor" && token.type !== "alias") return false;
    problem = nameProblem({ token: token as CST.SourceToken | CST.FlowScalar, flow: context.flow }, text, known);
    return problem !== undefined;
  }, { props: true });
  return problem;
}
