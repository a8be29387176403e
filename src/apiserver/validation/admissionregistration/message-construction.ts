// Message construction in admission CEL (`Object{spec: Object.spec{...}}`,
// `JSONPatch{op: "add", ...}`), which cel-go's grammar has (CreateMessage) and
// kubeplan's CEL parser has not. Each construction is read here, then written
// as a map literal of the same length, so the rest of the expression compiles
// (syntax, undeclared references) with every offset where it was. The checks
// cel-go's checker makes of the construction itself (checkCreateStruct) are
// made here: the type must be declared, and JSONPatch's fields are typed
// (k8s.io/apiserver's mutating patch library: op, path and from are strings,
// value is of any type). Object's types resolve any field name, of any type.
import { withoutStrings } from "../cel-compile.js";

export interface FieldInitializer {
  name: string;
  /** Offset of the field's name. */
  start: number;
  /** Offset of its `:`, where cel-go places the initializer. */
  colon: number;
  /** Offset of the `?` of an optional field. */
  optional?: number;
  /** The value's source, trimmed. */
  value: string;
}

export interface Construction {
  /** The message type as written, dots without spaces (`Object.spec`). */
  typeName: string;
  /** Offset of the type name. */
  start: number;
  /** Offset of `{`, where cel-go places the construction. */
  brace: number;
  /** Offset of the matching `}`. */
  end: number;
  fields: FieldInitializer[];
}

/** A qualified name followed by `{`; `in` before a map literal is an operator, not a type. */
const TYPE_BEFORE_BRACE = /(?<![\w.])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*)(\s*)\{/g;
const OPENERS = "([{";
const CLOSERS = ")]}";
const FIELD = /^(\s*)(\?\s*)?([A-Za-z_]\w*)(\s*):/;

/**
 * For each opening bracket of the masked text, the offset of the bracket that
 * closes it (-1 when none does): one pass, so that nested constructions cost no
 * more to read than flat ones.
 */
function closingBrackets(masked: string): Int32Array {
  const closes = new Int32Array(masked.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (OPENERS.includes(masked[i]!)) open.push(i);
    else if (CLOSERS.includes(masked[i]!) && open.length > 0) closes[open.pop()!] = i;
  }
  return closes;
}

/**
 * The comma-separated entries directly inside the brackets at `open`..`close`,
 * as offset ranges (end exclusive, untrimmed); nested brackets are skipped whole.
 */
function topLevelEntries(masked: string, closes: Int32Array, open: number, close: number): Array<{ start: number; end: number }> {
  const entries: Array<{ start: number; end: number }> = [];
  let entryStart = open + 1;
  for (let i = open + 1; i <= close; i++) {
    if (i < close && closes[i]! > i) {
      i = closes[i]!;
      continue;
    }
    if (masked[i] !== "," && i !== close) continue;
    entries.push({ start: entryStart, end: i });
    entryStart = i + 1;
  }
  return entries;
}

/** The field initializers directly inside the braces at `brace`..`end`. */
function fieldInitializers(expression: string, masked: string, closes: Int32Array, brace: number, end: number): FieldInitializer[] {
  const fields: FieldInitializer[] = [];
  for (const { start: entryStart, end: entryEnd } of topLevelEntries(masked, closes, brace, end)) {
    const entry = FIELD.exec(masked.slice(entryStart, entryEnd));
    if (!entry) continue;
    const start = entryStart + entry[1]!.length + (entry[2]?.length ?? 0);
    const colon = start + entry[3]!.length + entry[4]!.length;
    const value = expression.slice(colon + 1, entryEnd).trim();
    fields.push({ name: entry[3]!, start, colon, value, ...(entry[2] ? { optional: entryStart + entry[1]!.length } : {}) });
  }
  return fields;
}

/** Every message construction of the expression, outermost first. */
export function findConstructions(expression: string): Construction[] {
  const masked = withoutStrings(expression);
  const closes = closingBrackets(masked);
  const found: Construction[] = [];
  for (const match of masked.matchAll(TYPE_BEFORE_BRACE)) {
    const typeName = match[1]!.replace(/\s+/g, "");
    if (typeName === "in") continue;
    const brace = match.index + match[0].length - 1;
    const end = closes[brace]!;
    if (end < 0) continue;
    found.push({ typeName, start: match.index, brace, end, fields: fieldInitializers(expression, masked, closes, brace, end) });
  }
  return found;
}

/** A string (or, for a one-letter name, an int) key of exactly `length` characters. */
function sameLengthKey(length: number): string {
  return length === 1 ? "0" : `"${"_".repeat(length - 2)}"`;
}

/** The expression with each construction written as a map literal, every other character in place. */
export function asMapLiterals(expression: string): string {
  const chars = [...expression];
  // Offsets are of UTF-16 units; a construction's names are ASCII, so units and characters agree up to the first non-ASCII one.
  if (chars.length !== expression.length) return expression;
  for (const construction of findConstructions(expression)) {
    for (let i = construction.start; i < construction.brace; i++) if (!/\s/.test(chars[i]!)) chars[i] = " ";
    for (const field of construction.fields) {
      const key = sameLengthKey(field.name.length);
      for (let i = 0; i < key.length; i++) chars[field.start + i] = key[i]!;
      // The CEL parser has no optional entries: the value stands as an entry of any type.
      if (field.optional !== undefined) chars[field.optional] = " ";
    }
  }
  return chars.join("");
}

/** Whether `typeName` names a type the mutation environment declares: Object (any of its nested names) or JSONPatch. */
export function isPatchType(typeName: string): boolean {
  return typeName === "JSONPatch" || typeName === "Object" || typeName.startsWith("Object.");
}

const JSON_PATCH_STRING_FIELDS = new Set(["op", "path", "from"]);
const JSON_PATCH_FIELDS = new Set([...JSON_PATCH_STRING_FIELDS, "value"]);

/** The cel-go type of a scalar literal, if the value is one. */
function literalType(value: string): string | undefined {
  if (/^-?(?:0x[0-9a-fA-F]+|\d+)$/.test(value)) return "int";
  if (/^(?:0x[0-9a-fA-F]+|\d+)[uU]$/.test(value)) return "uint";
  if (/^-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$/.test(value)) return "double";
  if (value === "true" || value === "false") return "bool";
  return undefined;
}

/** What cel-go's checker says of a JSONPatch initializer: an undefined field, or a literal of another type than the field's. */
export function jsonPatchFieldIssue(construction: Construction): { message: string; offset: number } | undefined {
  if (construction.typeName !== "JSONPatch") return undefined;
  for (const field of construction.fields) {
    if (!JSON_PATCH_FIELDS.has(field.name)) return { message: `undefined field '${field.name}'`, offset: field.colon };
    const type = JSON_PATCH_STRING_FIELDS.has(field.name) ? literalType(field.value) : undefined;
    if (type !== undefined) return { message: `expected type of field '${field.name}' is 'string' but provided type is '${type}'`, offset: field.colon };
  }
  return undefined;
}

/** The result type when the whole expression is one construction, or a list of JSONPatch constructions; else unknown. */
export function constructedResultType(expression: string, constructions: readonly Construction[]): string | undefined {
  const first = expression.length - expression.trimStart().length;
  const last = expression.trimEnd().length - 1;
  const byStart = new Map(constructions.map((c) => [c.start, c]));
  const whole = byStart.get(first);
  if (whole && whole.end === last) return whole.typeName;
  const masked = withoutStrings(expression);
  if (masked[first] !== "[" || closingBrackets(masked)[first] !== last) return undefined;
  const items = listItems(masked, first, last);
  const isPatch = (item: { start: number; end: number }) => {
    const construction = byStart.get(item.start);
    return construction?.typeName === "JSONPatch" && construction.end === item.end;
  };
  return items.length > 0 && items.every(isPatch) ? "list(JSONPatch)" : undefined;
}

/** The items of the list literal at `open`..`close`, as trimmed offset ranges (end inclusive). */
function listItems(masked: string, open: number, close: number): Array<{ start: number; end: number }> {
  const items: Array<{ start: number; end: number }> = [];
  for (const { start, end } of topLevelEntries(masked, closingBrackets(masked), open, close)) {
    const text = masked.slice(start, end);
    if (text.trim() !== "") items.push({ start: start + (text.length - text.trimStart().length), end: start + text.trimEnd().length - 1 });
  }
  return items;
}
