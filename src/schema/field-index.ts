// Where each field name exists in a kind's schema, so that a field written at
// the wrong level can be sent where it belongs (`containers` under a
// Deployment's `spec` → `spec.template.spec.containers`).
import type { ReleaseSchemas } from "./registry.js";
import type { SchemaNode } from "./schema-node.js";

/** A list hop in a schema path (`containers[*]`), as upstream messages write it. */
export const ANY_ITEM = "[*]";

export interface FieldPlace {
  /** The field as the schema spells it. */
  name: string;
  /** Schema path of the object holding it: property names and ANY_ITEM. */
  parent: string[];
}

/** Subtrees nobody writes by hand: suggesting them would mislead. */
const SKIPPED_TOP_LEVEL = new Set(["status"]);
const SKIPPED_ANYWHERE = new Set(["managedFields"]);
const MAX_DEPTH = 12;
const MAX_OBJECTS = 20000;

interface Pending {
  node: SchemaNode;
  path: string[];
  /** Definitions on the way here: recursive schemas (CRDs) are not unrolled. */
  seen: ReadonlySet<string>;
}

function objectSchemaOf(release: ReleaseSchemas, node: SchemaNode, seen: ReadonlySet<string>): { node: SchemaNode; seen: ReadonlySet<string> } | undefined {
  let current = node;
  const names = new Set(seen);
  for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
    if (names.has(current.$ref)) return undefined;
    names.add(current.$ref);
    current = release.definition(current.$ref) ?? {};
  }
  return { node: current, seen: names };
}

/** Field name (lower case) → the places it exists in a kind's schema, shallowest first. */
export function buildFieldIndex(release: ReleaseSchemas, root: SchemaNode): Map<string, FieldPlace[]> {
  const index = new Map<string, FieldPlace[]>();
  const queue: Pending[] = [{ node: root, path: [], seen: new Set() }];
  let visited = 0;
  for (let next = 0; next < queue.length && visited < MAX_OBJECTS; next++) {
    const { node, path, seen } = queue[next]!;
    const resolved = objectSchemaOf(release, node, seen);
    if (!resolved || path.length > MAX_DEPTH) continue;
    visited++;
    const schema = resolved.node;
    if (schema.items) {
      queue.push({ node: schema.items, path: [...path, ANY_ITEM], seen: resolved.seen });
      continue;
    }
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if ((path.length === 0 && SKIPPED_TOP_LEVEL.has(name)) || SKIPPED_ANYWHERE.has(name)) continue;
      const key = name.toLowerCase();
      if (!index.has(key)) index.set(key, []);
      index.get(key)!.push({ name, parent: path });
      queue.push({ node: child, path: [...path, name], seen: resolved.seen });
    }
  }
  return index;
}

/** Object skeleton fields: moving a field between them keeps its meaning (pod `labels` → `template.metadata`). */
const SKELETON = new Set(["metadata", "spec", "template"]);

/**
 * Whether moving a field from `from` to `to` keeps its meaning: up or down the
 * same branch, or across the object skeleton. Across sibling structs (one
 * volume source to another) the same name means something else.
 */
function isSensibleMove(from: readonly string[], to: readonly string[], common: number): boolean {
  if (common === from.length || common === to.length) return true;
  return SKELETON.has(from[common]!) && SKELETON.has(to[common]!);
}

/** The places nearest to `from` (schema path of the object where the field was written), all at the same distance, in index order. */
export function nearestPlaces(places: readonly FieldPlace[], from: readonly string[]): FieldPlace[] {
  let best: FieldPlace[] = [];
  let bestDistance = Infinity;
  for (const place of places) {
    if (samePath(place.parent, from)) continue;
    let common = 0;
    while (common < from.length && common < place.parent.length && from[common] === place.parent[common]) common++;
    if (!isSensibleMove(from, place.parent, common)) continue;
    const distance = from.length - common + (place.parent.length - common);
    if (distance < bestDistance) [best, bestDistance] = [[place], distance];
    else if (distance === bestDistance) best.push(place);
  }
  return best;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/** Schema path of a document path: list indexes become ANY_ITEM. */
export function schemaPathOf(segments: readonly string[]): string[] {
  return segments.map((segment) => (/^\d+$/.test(segment) ? ANY_ITEM : segment));
}

/**
 * The document path of a place, reusing the indexes of the path the field was
 * found at where both go the same way (`containers[0].resources` →
 * `containers[0].volumeMounts`), `[*]` elsewhere.
 */
export function placeSegments(place: FieldPlace, from: readonly string[]): string[] {
  const out: string[] = [];
  let sameWay = true;
  place.parent.forEach((segment, i) => {
    const written = from[i];
    sameWay &&= written !== undefined && (segment === written || (segment === ANY_ITEM && /^\d+$/.test(written)));
    out.push(sameWay ? written! : segment);
  });
  out.push(place.name);
  return out;
}
