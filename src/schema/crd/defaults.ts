// What the API server does to a custom resource before validating it: null
// values of fields that are not nullable are dropped, then the structural
// schema's defaults fill in missing fields (defaults are defaulted in turn).
// The input is never changed: changed parts are copies, the rest is shared.
import { mapValueSchema, type StructuralNode } from "./structural.js";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isRecord(value)) {
    const out: Json = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = cloneJson(value[keys[i]!]);
    return out;
  }
  return value;
}

/** A missing field, or a null one that is pruned, takes the default. */
function needsDefault(value: unknown, present: boolean, node: StructuralNode): boolean {
  return node.hasDefault && (!present || (value === null && !node.nullable && node.default !== null));
}

function normalizeObject(object: Json, node: StructuralNode, depth: number): Json {
  let out: Json | undefined;
  const set = (key: string, value: unknown) => {
    out ??= { ...object };
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  const values = mapValueSchema(node);
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = object[key];
    const child = node.properties?.get(key) ?? values;
    if (!child) continue;
    if (needsDefault(value, true, child)) set(key, normalize(cloneJson(child.default), child, depth + 1));
    else if (value === null && !child.nullable) set(key, undefined);
    else {
      const normalized = normalize(value, child, depth + 1);
      if (normalized !== value) set(key, normalized);
    }
  }
  node.properties?.forEach((child, key) => {
    if (!Object.hasOwn(object, key) && needsDefault(undefined, false, child)) set(key, normalize(cloneJson(child.default), child, depth + 1));
  });
  return out ?? object;
}

function normalizeList(list: unknown[], node: StructuralNode, depth: number): unknown[] {
  const items = node.items;
  if (!items) return list;
  let out: unknown[] | undefined;
  list.forEach((item, index) => {
    const normalized = item === null && needsDefault(item, true, items) ? normalize(cloneJson(items.default), items, depth + 1) : normalize(item, items, depth + 1);
    if (normalized !== item) {
      out ??= [...list];
      out[index] = normalized;
    }
  });
  return out ?? list;
}

function normalize(value: unknown, node: StructuralNode, depth: number): unknown {
  if (depth > 64) return value;
  if (Array.isArray(value)) return normalizeList(value, node, depth);
  if (isRecord(value)) return normalizeObject(value, node, depth);
  return value;
}

/**
 * The custom resource as the API server validates it. The root's metadata,
 * apiVersion and kind are not the schema's business and are left alone.
 */
export function defaultedResource(object: Json, root: StructuralNode): Json {
  const envelope = new Set(["apiVersion", "kind", "metadata"]);
  const body: Json = {};
  for (const [key, value] of Object.entries(object)) if (!envelope.has(key)) body[key] = value;
  const normalized = normalizeObject(body, root, 0);
  const metadata = withoutNulls(object.metadata);
  if (normalized === body && metadata === object.metadata) return object;
  const out: Json = {};
  for (const key of Object.keys(object)) if (envelope.has(key)) out[key] = key === "metadata" ? metadata : object[key];
  return Object.assign(out, normalized);
}

/** A map of strings with its nulls as Go decodes them: empty strings. */
function nullsAsEmpty(value: unknown): unknown {
  if (!isRecord(value) || !Object.values(value).includes(null)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item ?? ""]));
}

/**
 * ObjectMeta decodes a null field as its zero value (`creationTimestamp: null`,
 * as kubectl writes it), and a null label or annotation as "".
 */
function withoutNulls(metadata: unknown): unknown {
  if (!isRecord(metadata)) return metadata;
  let changed = false;
  const out: Json = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === null) {
      changed = true;
      continue;
    }
    const read = key === "labels" || key === "annotations" ? nullsAsEmpty(value) : value;
    changed ||= read !== value;
    out[key] = read;
  }
  return changed ? out : metadata;
}
