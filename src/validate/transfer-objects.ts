// How a worker's parsed objects cross to the main thread. Structured cloning
// rebuilds them property by property and cost the main thread, which waits
// for them, about three times what JSON.parse of the same objects does; JSON
// holds a parsed manifest exactly unless it has a value JSON cannot write
// (NaN, Infinity, -0 from `.nan`, `.inf`, `-0`) or shares a subtree (a YAML
// alias): such objects are cloned as before.
import type { KubeObject } from "../types.js";

/** Objects as sent: their JSON text when it holds them exactly, else the objects themselves (structured clone). */
export type EncodedObjects = string | KubeObject[];

/** Whether JSON.parse(JSON.stringify(value)) gives back an equal value, with no subtree shared. */
function jsonExact(value: unknown, seen: Set<object>): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonExact(value[i], seen)) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      // A toJSON method would be called by JSON.stringify; a function value fails below anyway.
      for (const key in value) if (!jsonExact((value as Record<string, unknown>)[key], seen)) return false;
      return true;
    }
    default:
      return false;
  }
}

export function encodeObjects(objects: KubeObject[]): EncodedObjects {
  try {
    return jsonExact(objects, new Set()) ? JSON.stringify(objects) : objects;
  } catch {
    // Nesting too deep for either: structured cloning reports what it can.
    return objects;
  }
}

export function decodeObjects(encoded: EncodedObjects): KubeObject[] {
  return typeof encoded === "string" ? (JSON.parse(encoded) as KubeObject[]) : encoded;
}
