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

/** The anchor and alias tokens of a document, in the order they were written. */
function namedTokens(token: CST.Token | CST.SourceToken | null | undefined, flow: boolean, out: Named[]): void {
  if (!token) return;
  switch (token.type) {
    case "anchor":
    case "alias":
      out.push({ token: token as CST.SourceToken, flow });
      return;
    case "document":
      token.start.forEach((t) => namedTokens(t, flow, out));
      namedTokens(token.value, flow, out);
      return;
    case "block-map":
    case "block-seq":
      for (const item of token.items) {
        item.start.forEach((t) => namedTokens(t, false, out));
        if ("key" in item) namedTokens(item.key, false, out);
        if ("sep" in item) item.sep?.forEach((t) => namedTokens(t, false, out));
        namedTokens(item.value, false, out);
      }
      return;
    case "flow-collection":
      for (const item of token.items) {
        item.start.forEach((t) => namedTokens(t, true, out));
        namedTokens(item.key, true, out);
        item.sep?.forEach((t) => namedTokens(t, true, out));
        namedTokens(item.value, true, out);
      }
      return;
    case "block-scalar":
      token.props.forEach((t) => namedTokens(t, flow, out));
      return;
    default:
      return;
  }
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
  const named: Named[] = [];
  namedTokens(document, false, named);
  const known = new Set<string>();
  for (const item of named) {
    const problem = nameProblem(item, text, known);
    if (problem) return problem;
  }
  return undefined;
}
