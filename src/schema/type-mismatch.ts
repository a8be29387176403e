// What to say when a value has the wrong JSON type, explaining the YAML
// traps behind most of them: Kubernetes reads YAML 1.1, where unquoted
// yes/no/on/off/true/false are booleans and 8080 or 1.10 are numbers; a
// missing space after a colon makes "key:value" one string.
import { lookupTable } from "../util/lookup-table.js";

export interface Explanation {
  message: string;
  suggestion?: string;
  /** YAML text to write in place of the value, where that is certainly the fix. */
  replacement?: { description: string; text: string };
}

/** The fields of the object that was expected, when one was: they shape the fix. */
export interface ObjectShape {
  properties: readonly string[];
  required: readonly string[];
}

const NOUNS: Readonly<Record<string, string>> = lookupTable({
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "a list",
  null: "null",
});

const YAML_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUTHY = /^(y|yes|true|on)$/i;

function actualType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function describeExpected(types: readonly string[]): string {
  const nouns = types.map((type) => NOUNS[type] ?? type);
  return nouns.length <= 1 ? (nouns[0] ?? "a value") : `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** "port:9000" — a key and value run together for lack of a space after the colon. */
function missingSpaceAfterColon(text: string): { key: string; value: string } | undefined {
  const match = /^([A-Za-z_][\w.-]*):(\S.*)$/.exec(text);
  return match ? { key: match[1]!, value: match[2]! } : undefined;
}

function scalarWrittenAsNonString(value: unknown, source: string | undefined): Explanation {
  const kind = typeof value === "boolean" ? "boolean" : "number";
  if (source === undefined && typeof value === "boolean") {
    return { message: `expected a string, got a boolean (YAML reads unquoted true/false, yes/no, on/off as booleans: quote the value)` };
  }
  if (source === undefined && !Number.isInteger(value)) {
    // 1.10 reads as 1.1: without the text as written, quoting the parsed number would change it.
    return { message: `expected a string, got a number (YAML reads unquoted ${String(value)} as a number: quote the value as written)` };
  }
  const written = source ?? String(value);
  const explanation: Explanation = {
    message: `expected a string, got ${NOUNS[kind]} (YAML reads ${written} as ${NOUNS[kind]}: quote it, ${quoted(written)})`,
    suggestion: quoted(written),
  };
  // Only the text as written can be quoted: 0755 reads as 493.
  if (source !== undefined) explanation.replacement = { description: `quote it: ${quoted(source)}`, text: quoted(source) };
  return explanation;
}

function stringWhereNumberExpected(expected: readonly string[], text: string): Explanation {
  const base = `expected ${describeExpected(expected)}, got a string ${quoted(text)}`;
  const trimmed = text.trim();
  const numeric = trimmed !== "" && Number.isFinite(Number(trimmed));
  if (numeric && (!expected.includes("integer") || Number.isInteger(Number(trimmed)) || expected.includes("number"))) {
    return { message: `${base} (remove the quotes: ${trimmed})`, suggestion: trimmed };
  }
  return { message: base };
}

function stringWhereBooleanExpected(text: string): Explanation {
  const base = `expected a boolean, got a string ${quoted(text)}`;
  if (!YAML_BOOLEANS.test(text)) return { message: `${base} (write true or false)` };
  const fix = TRUTHY.test(text) ? "true" : "false";
  return { message: `${base} (remove the quotes: ${fix})`, suggestion: fix };
}

function stringWhereObjectExpected(text: string, shape: ObjectShape | undefined): Explanation {
  const base = `expected an object, got a string ${quoted(text)}`;
  const runTogether = missingSpaceAfterColon(text);
  if (runTogether) {
    const fix = `${runTogether.key}: ${runTogether.value}`;
    const explanation: Explanation = { message: `${base} (add a space after the colon: ${fix})`, suggestion: fix };
    // Where an object is expected, the space is what is missing (a misspelt key is then found as one).
    if (shape) explanation.replacement = { description: "add a space after the colon", text: fix };
    return explanation;
  }
  // `- FOO=bar` in env, as docker-compose writes it.
  const assignment = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(text);
  if (assignment && shape?.properties.includes("name") && shape.properties.includes("value")) {
    const fix = `{name: ${assignment[1]}, value: ${quoted(assignment[2]!)}}`;
    return { message: `${base} (write it as ${fix})`, suggestion: fix };
  }
  return { message: base };
}

/** `ports: [80]` where items are objects with one required field: `- containerPort: 80`. */
function scalarAsOnlyRequiredField(base: string, value: unknown, shape: ObjectShape | undefined): Explanation {
  if (shape?.required.length !== 1) return { message: base };
  const fix = `${shape.required[0]}: ${String(value)}`;
  return { message: `${base} (write it as ${fix})`, suggestion: fix };
}

function stringWhereListExpected(text: string): Explanation {
  const fix = `[${quoted(text)}]`;
  return { message: `expected a list, got a string ${quoted(text)} (write it as a list: ${fix}, or one "- item" per line)`, suggestion: fix };
}

/** A secret value's mismatch: what it is ("a number"), never what it says. */
function secretMismatch(expected: readonly string[], actual: string): Explanation {
  const noun = actual === "integer" ? NOUNS.number : NOUNS[actual] ?? actual;
  const base = `expected ${describeExpected(expected)}, got ${noun}`;
  if (expected.includes("string") && (actual === "integer" || actual === "number")) {
    return { message: `${base} (YAML reads an unquoted number as a number: quote the value as written)` };
  }
  if (expected.includes("string") && actual === "boolean") {
    return { message: `${base} (YAML reads unquoted true/false, yes/no, on/off as booleans: quote the value)` };
  }
  if (expected.includes("string") && actual === "object") return { message: `${base} (YAML reads "key: value" as a mapping: quote the whole value)` };
  return { message: base };
}

/**
 * @param expected JSON types the schema accepts
 * @param value the value found
 * @param source the scalar as written in the file, when known
 * @param secret whether the value is secret (a Secret's data): the message then never quotes it
 */
export function explainTypeMismatch(expected: readonly string[], value: unknown, source?: string, shape?: ObjectShape, secret = false): Explanation {
  const actual = actualType(value);
  if (secret) return secretMismatch(expected, actual);
  const wantsString = expected.includes("string");
  if (wantsString && (actual === "boolean" || actual === "integer" || actual === "number")) {
    return scalarWrittenAsNonString(value, source);
  }
  if (actual === "string") {
    const text = value as string;
    if (expected.includes("integer") || expected.includes("number")) return stringWhereNumberExpected(expected, text);
    if (expected.includes("boolean")) return stringWhereBooleanExpected(text);
    if (expected.includes("object")) return stringWhereObjectExpected(text, shape);
    if (expected.includes("array")) return stringWhereListExpected(text);
  }
  const base = `expected ${describeExpected(expected)}, got ${NOUNS[actual] ?? actual}`;
  if (actual === "number" && expected.includes("integer")) return { message: `expected an integer, got ${String(value)}` };
  if ((actual === "integer" || actual === "number" || actual === "boolean") && expected.includes("object")) {
    return scalarAsOnlyRequiredField(base, value, shape);
  }
  if (actual === "object" && wantsString) {
    return { message: `${base} (YAML reads "key: value" as a mapping: quote the whole value)` };
  }
  if (actual === "object" && expected.includes("array")) return { message: `${base} (start each item with "- ")` };
  if (actual === "array" && expected.includes("object")) return { message: `${base} (remove the "- " before the fields)` };
  return { message: base };
}
