// go-yaml v2's scanner (yaml_parser_scan_anchor) reads an anchor or alias
// name as a run of ASCII letters, digits, `_` and `-`, and then wants a
// blank, the end of the line, or one of `?:,]}%@` and a backquote; the yaml
// package takes any character but blanks and `,[]{}`. So `&a.b`, `*é` or an
// empty `&` is go-yaml's error ("did not find expected alphabetic or numeric
// character"), and kubectl refuses the document. A name stopped by `%`, `@`
// or a backquote leaves that character to start a token, which none can
// ("found character that cannot start any token"). A name followed by `:` or
// `?` is read as go-yaml reads it where it is no error (anchor-spacing.ts);
// where it is: in a block collection, a `?` and a blank after a name (no key
// may start after an anchor or an alias: "mapping keys are not allowed in
// this context"), and a `:` and a blank where no key may start ("mapping
// values are not allowed in this context"); in a flow collection, a `?` right
// after a name, a key indicator where the collection wants a `,` or its end
// ("did not find expected ',' or ']'").
import type { CST } from "yaml";
import type { GoYamlProblem } from "./go-yaml.js";
import { keyMayStart, namedTokens, type Named } from "./anchor-spacing.js";

/** What may hold an anchor or an alias: without either character, nothing here applies. */
const MAY_HOLD = /[&*]/;

/** One of go-yaml's name characters (is_alpha). */
const NAME_CHARACTER = /[0-9A-Za-z_-]/;

const EXPECTED_NAME = "did not find expected alphabetic or numeric character";
const CANNOT_START = "found character that cannot start any token";

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
    // go-yaml resolves an alias as soon as it has read it, before what follows.
    const unknown = token.type === "alias" && !known.has(name) ? { offset, message: `unknown anchor '${name}' referenced` } : undefined;
    if (flow) return stop === "?" ? (unknown ?? { offset: offset + end, message: `did not find expected ',' or '${flow}'` }) : undefined;
    // Followed by anything but a blank, the `:` or `?` starts a plain scalar; a key's `:` where a key may start is no error.
    if (end !== source.length - 1 || (stop === ":" && keyMayStart(text, offset))) return undefined;
    return unknown ?? { offset: offset + end, message: stop === ":" ? "mapping values are not allowed in this context" : "mapping keys are not allowed in this context" };
  }
  return { offset, message: EXPECTED_NAME };
}

/** The first anchor or alias of a document whose name go-yaml refuses, offsets in `text` (the tokens' text). */
export function anchorNameProblem(document: CST.Token, text: string): GoYamlProblem | undefined {
  if (!MAY_HOLD.test(text)) return undefined;
  const known = new Set<string>();
  for (const item of namedTokens([document])) {
    const problem = nameProblem(item, text, known);
    if (problem) return problem;
  }
  return undefined;
}
