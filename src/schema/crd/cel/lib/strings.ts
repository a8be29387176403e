// cel-go's strings extension where cel-js lacks it (charAt, replace,
// reverse, format, strings.quote) or reads strings otherwise (indexOf,
// lastIndexOf and substring count UTF-16 units where cel-go counts code
// points and says "index out of range"; lowerAscii and upperAscii change
// letters beyond ASCII; trim is JavaScript's), as Kubernetes' CEL
// environment offers it, offsets past the end as the release's cel-go
// treats them. cel-js's own are reached under names source.ts
// gives these calls (`indexOf(` becomes `__indexOf(`).
import type { Environment } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";
import { namespace } from "./namespace.js";
import { evaluatedRelease } from "./release.js";
import { atLeast } from "../../../../util/release.js";

function replace(text: string, from: string, to: string, limit: bigint): string {
  if (limit < 0n) return text.split(from).join(to);
  const parts = text.split(from);
  const head = parts.slice(0, Number(limit) + 1);
  return head.join(to) + (parts.length > head.length ? from + parts.slice(head.length).join(from) : "");
}

/** strings.quote: the string as a CEL string literal. */
function quote(text: string): string {
  const escapes: Record<string, string> = { "\u0007": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"' };
  return '"' + [...text].map((char) => escapes[char] ?? char).join("") + '"';
}

/** How format() prints one argument for %s. */
function display(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(display).join(", ")}]`;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (value instanceof Date) return value.toISOString().replace(".000Z", "Z");
  if (value instanceof Map) return `{${[...value.entries()].map(([k, v]) => `${display(k)}: ${display(v)}`).join(", ")}}`;
  if (typeof value === "object") return `{${Object.entries(value as object).map(([k, v]) => `${k}: ${display(v)}`).join(", ")}}`;
  return String(value);
}

function numberArg(value: unknown, clause: string): number {
  if (typeof value === "bigint" || typeof value === "number") return Number(value);
  throw new CelEvaluationError("no_such_overload", `error during formatting: ${clause} clause can only be used on integers and doubles`);
}

/** string.format: %s %d %f (with precision) %e %x %X %o %b, and %%. */
function format(template: string, args: unknown[]): string {
  let index = 0;
  return template.replace(/%(?:\.(\d+))?([%sdfeExXob])/g, (_all, precision: string | undefined, verb: string) => {
    if (verb === "%") return "%";
    if (index >= args.length) throw new CelEvaluationError("invalid_argument", `index ${index} out of range`);
    const value = args[index++];
    switch (verb) {
      case "s":
        return display(value);
      case "d":
        return typeof value === "bigint" ? String(value) : String(Math.trunc(numberArg(value, "decimal")));
      case "f":
        return numberArg(value, "fixed-point").toFixed(precision === undefined ? 6 : Number(precision));
      case "e":
      case "E": {
        const text = numberArg(value, "scientific").toExponential(precision === undefined ? 6 : Number(precision)).replace(/e([+-])(\d)$/, "e$10$2");
        return verb === "E" ? text.toUpperCase() : text;
      }
      case "x":
      case "X": {
        const text = typeof value === "string" ? Buffer.from(value).toString("hex") : typeof value === "bigint" ? value.toString(16) : numberArg(value, "hex").toString(16);
        return verb === "X" ? text.toUpperCase() : text;
      }
      case "o":
        return typeof value === "bigint" ? value.toString(8) : numberArg(value, "octal").toString(8);
      default:
        return typeof value === "bigint" ? value.toString(2) : typeof value === "boolean" ? (value ? "1" : "0") : numberArg(value, "binary").toString(2);
    }
  });
}

function outOfRange(index: bigint): never {
  throw new CelEvaluationError("invalid_argument", `index out of range: ${index}`);
}

/** Whether `sub` stands in `runes` at `at`. */
function standsAt(runes: readonly string[], sub: readonly string[], at: number): boolean {
  for (let j = 0; j < sub.length; j++) if (runes[at + j] !== sub[j]) return false;
  return true;
}

/**
 * Whether an offset at or past the end is out of range, as before cel-go 0.22
 * (Kubernetes 1.30 and 1.31 on cel-go 0.17.8 and 0.20.1); from Kubernetes
 * 1.32 it finds nothing.
 */
function offsetPastEndFails(): boolean {
  const release = evaluatedRelease();
  return release !== undefined && !atLeast(release, "1.32");
}

/** cel-go's indexOfOffset, counted in code points. */
function indexOf(text: string, search: string, offset: bigint): bigint {
  if (search === "") return offset;
  if (offset < 0n) outOfRange(offset);
  const runes = [...text];
  const sub = [...search];
  if (offset >= BigInt(runes.length)) return offsetPastEndFails() ? outOfRange(offset) : -1n;
  for (let i = Number(offset); i < runes.length - (sub.length - 1); i++) if (standsAt(runes, sub, i)) return BigInt(i);
  return -1n;
}

/** cel-go's lastIndexOfOffset: searched backwards from the offset. */
function lastIndexOf(text: string, search: string, offset: bigint): bigint {
  if (search === "") return offset;
  if (offset < 0n) outOfRange(offset);
  const runes = [...text];
  const sub = [...search];
  if (offset >= BigInt(runes.length)) return offsetPastEndFails() ? outOfRange(offset) : -1n;
  for (let i = Math.min(Number(offset), runes.length - sub.length); i >= 0; i--) if (standsAt(runes, sub, i)) return BigInt(i);
  return -1n;
}

/**
 * cel-go's lastIndexOf: from the last code point. From cel-go 0.26
 * (Kubernetes 1.34) a text shorter in bytes than the search finds nothing;
 * before, the empty text's offset -1 is out of range.
 */
function lastIndexOfEnd(text: string, search: string): bigint {
  const length = BigInt([...text].length);
  if (search === "") return length;
  const release = evaluatedRelease();
  if ((release === undefined || atLeast(release, "1.34")) && Buffer.byteLength(text) < Buffer.byteLength(search)) return -1n;
  return lastIndexOf(text, search, length - 1n);
}

function substring(text: string, start: bigint, end?: bigint): string {
  const runes = [...text];
  const length = BigInt(runes.length);
  if (end === undefined) {
    if (start < 0n || start > length) outOfRange(start);
    return runes.slice(Number(start)).join("");
  }
  if (start > end) throw new CelEvaluationError("invalid_argument", `invalid substring range. start: ${start}, end: ${end}`);
  if (start < 0n || start > length) outOfRange(start);
  if (end < 0n || end > length) outOfRange(end);
  return runes.slice(Number(start), Number(end)).join("");
}

/** lowerAscii and upperAscii change ASCII letters only. */
const asciiCase = (text: string, upper: boolean): string => text.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (letters) => (upper ? letters.toUpperCase() : letters.toLowerCase()));

/** Go's unicode.IsSpace, which strings.TrimSpace trims (not U+FEFF, which JavaScript's trim takes). */
const GO_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, "g");

export function registerStrings(env: Environment): void {
  env.registerFunction("string.__indexOf(string): int", (text: string, search: string) => indexOf(text, search, 0n));
  env.registerFunction("string.__indexOf(string, int): int", indexOf);
  env.registerFunction("string.__lastIndexOf(string): int", lastIndexOfEnd);
  env.registerFunction("string.__lastIndexOf(string, int): int", lastIndexOf);
  env.registerFunction("string.__substring(int): string", (text: string, start: bigint) => substring(text, start));
  env.registerFunction("string.__substring(int, int): string", substring);
  env.registerFunction("string.__lowerAscii(): string", (text: string) => asciiCase(text, false));
  env.registerFunction("string.__upperAscii(): string", (text: string) => asciiCase(text, true));
  env.registerFunction("string.__trim(): string", (text: string) => text.replace(GO_TRIM, ""));
  env.registerFunction("string.charAt(int): string", (text: string, index: bigint) => {
    const chars = [...text];
    if (index < 0n || index > BigInt(chars.length)) throw new CelEvaluationError("invalid_argument", `index out of range: ${index}`);
    return chars[Number(index)] ?? "";
  });
  env.registerFunction("string.replace(string, string): string", (text: string, from: string, to: string) => replace(text, from, to, -1n));
  env.registerFunction("string.replace(string, string, int): string", replace);
  env.registerFunction("string.reverse(): string", (text: string) => [...text].reverse().join(""));
  env.registerFunction("string.format(list): string", (text: string, args: unknown[]) => format(text, args));
  const strings = namespace(env, "strings");
  env.registerFunction(`${strings}.quote(string): string`, (_ns: unknown, text: string) => quote(text));
}
