// The field an unknown key's value has the shape of: `paths:` whose items are
// `{containerPort: 8080, hostPort: 18080}` can only be a container's `ports`.
// Only objects (or lists of them) say enough: every key they have must be a
// field of the candidate's objects. A plain value fits too many fields.
import { joinPointer } from "../../util/pointer.js";
import { deref } from "../schema-walker.js";
import type { SchemaNode } from "../schema-node.js";
import { schemaOf, type TranslationContext } from "./context.js";

/** Keys looked at, at most: a value with more is judged by these. */
const MAX_KEYS = 64;
/** List items looked at, at most. */
const MAX_ITEMS = 16;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Whether every key of `object` is a field of the object schema `schema` (a map type is no evidence). */
function keysFit(schema: SchemaNode, object: Record<string, unknown>): boolean {
  const properties = schema.properties;
  if (!properties) return false;
  let seen = 0;
  for (const key in object) {
    if (!Object.hasOwn(properties, key)) return false;
    if (++seen >= MAX_KEYS) break;
  }
  return seen > 0;
}

function fits(context: TranslationContext, schema: SchemaNode | undefined, value: unknown): boolean {
  if (!schema) return false;
  if (Array.isArray(value)) {
    if (value.length === 0 || !schema.items) return false;
    const items = deref(context.release, schema.items);
    return value.slice(0, MAX_ITEMS).every((item) => isRecord(item) && keysFit(items, item));
  }
  return isRecord(value) && !schema.items && keysFit(schema, value);
}

/** The one candidate field (of the object at `parentPointer`) whose schema the value fits, if exactly one does. */
export function shapeMatch(context: TranslationContext, value: unknown, parentPointer: string, candidates: readonly string[]): string | undefined {
  if (!isRecord(value) && !Array.isArray(value)) return undefined;
  const matching = candidates.filter((field) => fits(context, schemaOf(context, joinPointer(parentPointer, field)), value));
  return matching.length === 1 ? matching[0] : undefined;
}
