// Text that came from the manifests, made safe for a terminal or a CI log:
// control characters (line breaks, escape sequences that move the cursor,
// retitle the window or hide text, bidirectional overrides) are written as
// escapes, and nothing can pass for a CI command: GitHub Actions runs any
// output line that starts with `::` (after spaces), and GitHub and Azure
// Pipelines any that contains `##[` or `##vso[`.
import { boundedText } from "../util/bounded-text.js";

/**
 * What input may not print as it is: controls (C0, DEL, C1, NEL), line and
 * paragraph separators, and the characters that print nothing but change
 * what is shown (bidirectional controls, zero-width spaces and joiners,
 * soft hyphens, fillers, tags), which make one name look like another.
 */
export const CONTROL_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const CONTROL = new RegExp(CONTROL_CHARACTER.source, "gu");

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Printable ASCII, which holds no CONTROL_CHARACTER: text of it alone (nearly
 * all) is let through without CONTROL, whose Unicode classes take V8 a
 * millisecond to compile.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** `\x1b`, `\u202e`, `\u{e0041}`: the character's code, as JavaScript writes it. */
function codeEscape(char: string): string {
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
}

function escapeCharacter(char: string): string {
  return NAMED[char] ?? codeEscape(char);
}

/** One line of text from the input, its control characters written as escapes (`\n`, `\x1b`, `\u202e`). */
export function escapeControl(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text : text.replace(CONTROL, escapeCharacter);
}

/** A kind, name or version from the input shown as a title: its long words shortened (it may be megabytes long), then escaped. */
export function escapeTitle(text: string): string {
  return escapeControl(boundedText(text));
}

/** A CI log command that input could spell: `##[`, `##vso[` anywhere. */
const COMMAND_MARK = /##(?=\[|vso\[)/g;

/** `##[` and `##vso[` spelled so that no CI reads them (`#\#[`). */
export function neutralizeCommandMarks(text: string): string {
  return text.replace(COMMAND_MARK, "#\\#");
}

/** An output line that would start a workflow command (`::error::x`, also after spaces) is prefixed with a backslash. */
function neutralizeLine(line: string): string {
  const safe = neutralizeCommandMarks(line);
  return /^\s*::/.test(safe) ? safe.replace(/^(\s*)::/, "$1\\::") : safe;
}

/** Colour sequences kubeplan writes itself (`\x1b[31m`); any other escape sequence came from the input. */
const OWN_COLOR = /\u001b\[[0-9;]*m/y;

function escapeExceptColors(line: string, keepColors: boolean): string {
  if (PRINTABLE_ASCII.test(line)) return line;
  let out = "";
  let last = 0;
  CONTROL.lastIndex = 0;
  for (let match = CONTROL.exec(line); match; match = CONTROL.exec(line)) {
    OWN_COLOR.lastIndex = match.index;
    if (keepColors && OWN_COLOR.test(line)) continue;
    out += line.slice(last, match.index) + escapeCharacter(match[0]);
    last = match.index + match[0].length;
  }
  return out + line.slice(last);
}

/**
 * A whole text output made safe, line by line: the last guard after each
 * renderer has escaped the input it printed. Line feeds are the output's own;
 * colour sequences are kept when `colors` says kubeplan wrote them.
 */
export function terminalSafe(output: string, options: { colors?: boolean } = {}): string {
  return output
    .split("\n")
    .map((line) => neutralizeLine(escapeExceptColors(line, options.colors ?? false)))
    .join("\n");
}

/** Characters JSON.stringify leaves raw that a terminal or a CI log would act on, or that hide text (its own white space aside). */
const JSON_UNSAFE = new RegExp(`(?![\\t\\n\\r])${CONTROL_CHARACTER.source}|##(?:vso)?\\[`, "gu");

/** What JSON_UNSAFE cannot find, but for `##[`: printable ASCII and JSON's white space. */
const PRINTABLE_ASCII_OR_WHITE_SPACE = /^[\x20-\x7e\t\n\r]*$/;

/** Each UTF-16 unit of `text` as a JSON `\uXXXX` escape (a character beyond U+FFFF is two). */
function jsonEscape(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += `\\u${text.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/**
 * JSON text with those characters as `\uXXXX` escapes and the `[` of `##[`
 * as `\u005b`: the same data for any JSON reader, nothing for a log to act on.
 */
export function terminalSafeJson(json: string): string {
  if (PRINTABLE_ASCII_OR_WHITE_SPACE.test(json) && !json.includes("##")) return json;
  return json.replace(JSON_UNSAFE, (match) => (match.startsWith("##") ? `${match.slice(0, -1)}\\u005b` : jsonEscape(match)));
}
