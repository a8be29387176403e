// A custom resource's values as CEL rules see them (apiextensions' CEL type
// mapping): integers are int, numbers double, strings with format date or
// date-time timestamps (to the nanosecond, in the zone written), duration
// durations and byte bytes; objects expose only their declared
// properties, with names escaped (`x-y` → `x__dash__y`, `namespace` →
// `__namespace__`); an embedded resource (and the resource itself) exposes
// apiVersion, kind and metadata.name/generateName.
import { parseRFC3339, type GoTime } from "../../../util/go-time.js";
import { mapValueSchema, type StructuralNode } from "../structural.js";
import { parseStrfmtDuration } from "../string-formats.js";
import { durationOf } from "./lib/duration.js";
import { timestampOf } from "./lib/timestamp.js";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const RESERVED = new Set([
  "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
  "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
]);

/** The names a property is reachable by in CEL; none when it cannot be escaped. */
export function celFieldNames(name: string): string[] {
  if (RESERVED.has(name)) return [`__${name}__`, name];
  if (!/^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(name)) return [];
  const escaped = name.replace(/__|[.\-/]/g, (part) => (part === "__" ? "__underscores__" : part === "." ? "__dot__" : part === "-" ? "__dash__" : "__slash__"));
  return [escaped];
}

/** JSON without a schema (preserved unknown fields, untyped nodes): whole numbers as int. */
function dynamicValue(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(dynamicValue);
  if (isRecord(value)) {
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) out[key] = dynamicValue(item);
    return out;
  }
  return value;
}

/**
 * strfmt.ParseDateTime: RFC 3339 with any fraction (its layouts with
 * milliseconds, microseconds, none and nanoseconds), else local time without
 * a zone, read as UTC; for format date, time.Parse("2006-01-02").
 */
function parseTimestamp(value: string, format: "date" | "date-time"): GoTime | undefined {
  if (format === "date") return parseRFC3339(`${value}T00:00:00Z`);
  return parseRFC3339(value) ?? parseRFC3339(`${value}Z`);
}

function stringValue(value: string, format: string | undefined): unknown {
  if (format === "date" || format === "date-time") {
    const time = parseTimestamp(value, format);
    return time ? timestampOf(BigInt(time.seconds), time.nanos, time.offset) : value;
  }
  if (format === "duration") {
    const nanos = parseStrfmtDuration(value);
    return nanos === undefined ? value : durationOf(nanos);
  }
  if (format === "byte") return new Uint8Array(Buffer.from(value, "base64"));
  return value;
}

function typeMeta(object: Json, out: Json): void {
  if (typeof object.apiVersion === "string") out.apiVersion = object.apiVersion;
  if (typeof object.kind === "string") out.kind = object.kind;
  if (isRecord(object.metadata)) {
    const metadata: Json = {};
    if (typeof object.metadata.name === "string") metadata.name = object.metadata.name;
    if (typeof object.metadata.generateName === "string") metadata.generateName = object.metadata.generateName;
    out.metadata = metadata;
  }
}

function objectValue(object: Json, node: StructuralNode, isResourceRoot: boolean, cache: WeakMap<object, unknown>): Json {
  const out: Json = {};
  const values = mapValueSchema(node);
  if (values && !node.properties) {
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = celValue(object[keys[i]!], values, cache);
    return out;
  }
  if (isResourceRoot || node.embeddedResource) typeMeta(object, out);
  node.properties?.forEach((child, name) => {
    if (!Object.hasOwn(object, name)) return;
    const converted = celValue(object[name], child, cache);
    const fields = celFieldNames(name);
    for (let i = 0; i < fields.length; i++) out[fields[i]!] = converted;
  });
  return out;
}

/**
 * The CEL value of `value` under schema `node`. `cache` keeps conversions of
 * one resource: rules at nested levels see the same subtrees.
 */
export function celValue(value: unknown, node: StructuralNode | undefined, cache: WeakMap<object, unknown>, isResourceRoot = false): unknown {
  if (value === null || value === undefined) return null;
  if (!node || (node.type === "" && !node.intOrString && !node.properties && !node.items && node.additionalProperties === undefined)) return dynamicValue(value);
  if (typeof value === "object") {
    const cached = isResourceRoot ? undefined : cache.get(value);
    if (cached !== undefined) return cached;
  }
  let out: unknown;
  if (typeof value === "number") out = node.type === "number" ? value : Number.isInteger(value) ? BigInt(value) : value;
  else if (typeof value === "string") out = stringValue(value, node.format);
  else if (Array.isArray(value)) out = value.map((item) => celValue(item, node.items, cache));
  else if (isRecord(value)) out = objectValue(value, node, isResourceRoot, cache);
  else out = value;
  if (typeof value === "object" && !isResourceRoot) cache.set(value, out);
  return out;
}
