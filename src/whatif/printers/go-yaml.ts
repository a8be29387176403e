// YAML as kubectl prints it: sigs.k8s.io/yaml turns the object's JSON into
// YAML with go-yaml v2 (go.yaml.in/yaml/v2 2.4), whose encoder sorts map keys
// (sorter.go keyList.Less), picks each string's style (encode.go stringv,
// resolve.go) and whose emitter (emitterc.go) writes block collections,
// folds long scalars past column 80 and quotes what would read back as
// another type. Only JSON values are written: maps, lists, strings, numbers,
// booleans and null, as kubectl's objects hold.

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type ScalarStyle = "plain" | "single" | "double" | "literal";

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** A code point per element: the emitter counts columns in characters. */
function codePoints(text: string): string[] {
  return Array.from(text);
}

function isBreak(ch: string | undefined): boolean {
  return ch === "\r" || ch === "\n" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
}

function isBlank(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

function isBlankOrEnd(ch: string | undefined): boolean {
  return ch === undefined || ch === "\0" || isBlank(ch) || isBreak(ch);
}

/** libyaml's is_printable on the UTF-8 bytes: astral characters are not. */
function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** yaml_emitter_analyze_scalar: which styles can hold the text unchanged. */
function analyzeScalar(chars: readonly string[]): ScalarAnalysis {
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const text = chars.join("");
  if (text.startsWith("---") || text.startsWith("...")) blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      else if ((ch === "?" || ch === ":" || ch === "-") && followedByWhitespace) blockIndicators = true;
    } else if ((ch === ":" && followedByWhitespace) || (ch === "#" && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(ch)) specialCharacters = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(ch);
  }
  const analysis: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) analysis.blockPlainAllowed = false;
  if (trailingSpace) analysis.blockAllowed = false;
  if (breakSpace) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
    analysis.blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) analysis.blockPlainAllowed = false;
  return analysis;
}

const BOOL_OR_NULL = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// Go's strconv.ParseInt with base 0: an optional sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal.
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
// strconv.ParseFloat's decimal and hexadecimal forms, and its infinities and NaN.
const GO_FLOAT = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+|inf|infinity|nan)$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** resolve.go parseTimestamp: the layouts go-yaml accepts as a YAML 1.1 timestamp. */
function isTimestamp(text: string): boolean {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const hour = Number(match[4] ?? match[7] ?? 0);
  const minute = Number(match[5] ?? match[8] ?? 0);
  const second = Number(match[6] ?? match[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

/** Whether a finite float parse succeeds: Go's ParseFloat fails on overflow. */
function parsesAsFloat(text: string): boolean {
  if (!GO_FLOAT.test(text)) return false;
  if (/inf|nan/i.test(text) || /^[+-]?0[xX]/.test(text)) return true;
  return Number.isFinite(Number(text));
}

/** resolve("", s) for a string: whether it reads back as something other than a string. */
function resolvesToNonString(text: string): boolean {
  if (text === "") return true;
  // resolve.go's hint table: only these first characters can start another type.
  const first = text[0]!;
  if (!/[-+0-9yYnNtTfFoO~.]/.test(first)) return false;
  if (BOOL_OR_NULL.has(text)) return true;
  if (first === ".") return parsesAsFloat(text);
  if (!/[-+0-9]/.test(first)) return false;
  if (isTimestamp(text)) return true;
  const plain = text.replaceAll("_", "");
  if (GO_INT.test(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain) && parsesAsFloat(plain)) return true;
  return /^-0[bB][01]+$/.test(plain);
}

/** encode.go stringv: the style asked of the emitter. */
function requestedStyle(text: string): ScalarStyle {
  if (text.includes("\n")) return "literal";
  const canUsePlain = !resolvesToNonString(text) && !BASE60_FLOAT.test(text);
  return canUsePlain ? "plain" : "double";
}

/** yaml_emitter_select_scalar_style (block context, no tags). */
function selectStyle(requested: ScalarStyle, analysis: ScalarAnalysis, empty: boolean, simpleKey: boolean): ScalarStyle {
  let style = requested;
  if (simpleKey && analysis.multiline) style = "double";
  if (style === "plain" && (!analysis.blockPlainAllowed || (empty && simpleKey))) style = "single";
  if (style === "single" && !analysis.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!analysis.blockAllowed || simpleKey)) style = "double";
  return style;
}

const ESCAPES: Record<number, string> = {
  0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r",
  0x1b: "e", 0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P",
};

function escapeCharacter(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const named = ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  if (cp <= 0xff) return `\\x${cp.toString(16).toUpperCase().padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return `\\U${cp.toString(16).toUpperCase().padStart(8, "0")}`;
}

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Nd}/u.test(ch);
}

/** sorter.go keyList.Less for string keys: letters before other characters, digit runs by value. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), as the encoder writes floats. */
function formatFloat(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponential = value.toExponential();
  const exponent = Number(exponential.slice(exponential.indexOf("e") + 1));
  if (exponent < -4 || exponent >= 6) {
    const [mantissa, exp] = exponential.split("e") as [string, string];
    const sign = exp.startsWith("-") ? "-" : "+";
    const digits = exp.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

/** The emitter's state, as libyaml keeps it. */
class Emitter {
  private out = "";
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  private put(text: string): void {
    this.out += text;
    this.column += codePoints(text).length;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  document(value: unknown): string {
    this.node(value, false, false);
    // yaml_emitter_emit_document_end: the last line ends.
    this.indent = -1;
    this.writeIndent();
    return this.out;
  }

  private node(value: unknown, inMapping: boolean, simpleKey: boolean): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emptyFlow("[", "]");
      else this.blockSequence(value, inMapping);
      return;
    }
    if (value !== null && typeof value === "object") {
      const map = value as Record<string, unknown>;
      if (Object.keys(map).length === 0) this.emptyFlow("{", "}");
      else this.blockMapping(map);
      return;
    }
    this.scalar(value, simpleKey);
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: readonly unknown[], inMapping: boolean): void {
    this.increaseIndent(false, inMapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private blockMapping(map: Record<string, unknown>): void {
    this.increaseIndent(false, false);
    for (const key of sortedKeys(map)) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.scalar(key, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.scalar(key, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(map[key], true, false);
    }
    this.popIndent();
  }

  /** yaml_emitter_check_simple_key: one line, at most 128 bytes. */
  private isSimpleKey(key: string): boolean {
    return !analyzeScalar(codePoints(key)).multiline && Buffer.byteLength(key, "utf8") <= 128;
  }

  private scalar(value: unknown, simpleKey: boolean): void {
    let text: string;
    let style: ScalarStyle;
    if (typeof value === "string") {
      text = value;
      style = selectStyle(requestedStyle(text), analyzeScalar(codePoints(text)), text === "", simpleKey);
    } else {
      text = value === null || value === undefined ? "null" : typeof value === "number" ? formatFloat(value) : String(value);
      style = "plain";
    }
    this.increaseIndent(true, false);
    const chars = codePoints(text);
    const allowBreaks = !simpleKey;
    if (style === "plain") this.writePlain(chars, allowBreaks);
    else if (style === "single") this.writeSingleQuoted(chars, allowBreaks);
    else if (style === "double") this.writeDoubleQuoted(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  private writePlain(chars: readonly string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch === "'" ? "''" : ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(chars: readonly string[], allowBreaks: boolean): void {
    let spaces = false;
    // libyaml's is_bom looks at the start of the text, whatever the position: a leading BOM escapes everything.
    const bom = chars[0] === "\uFEFF";
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (bom || !isPrintable(ch) || isBreak(ch) || ch === '"' || ch === "\\") {
        this.put(escapeCharacter(ch));
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: readonly string[]): void {
    this.writeIndicator("|", true, false, false);
    this.writeBlockScalarHints(chars);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        if (ch === "\n") this.putBreak();
        else {
          this.put(ch);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** The indentation hint for text that starts with a space, and the chomping indicator. */
  private writeBlockScalarHints(chars: readonly string[]): void {
    if (chars[0] === " " || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) this.writeIndicator("-", false, false, false);
    else if (last === 0 || isBreak(chars[last - 1])) this.writeIndicator("+", false, false, false);
  }
}

/** yaml.Marshal of a JSON value, as go-yaml v2 writes it. */
export function goYamlMarshal(value: unknown): string {
  return new Emitter().document(value);
}
