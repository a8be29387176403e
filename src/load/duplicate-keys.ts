// Repeated keys of a document's mappings, found in one pass: the yaml
// package's own check compares each key with every key before it, which on a
// mapping of 100,000 keys takes minutes. Keys compare as go-yaml's decoding
// compares them, by the Go value it makes of them (`yes` and `true` are the
// same key, and so are `0x10` and `16`): a later one replaces the earlier.
// Keys that are different Go values but make the same JSON key (json-keys.ts:
// `1` and `1.0`, `1` and `"1"`, `true` and `"true"`) collide otherwise:
// sigs.k8s.io/yaml builds the JSON object from go-yaml's Go map in Go's map
// order, which is random, so kubectl sends the value of either key, not
// always the same.
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { jsonKey } from "./json-keys.js";
import { scalarOf } from "./go-syntax.js";
import type { GoScalar } from "./go-scalars.js";

export interface DuplicateKey {
  /** Where the key starts. */
  offset: number;
  /** The key as read, when it is a string (`{a:}` reads the key `a:`). */
  name?: string;
  /** For a key that is another Go value than the earlier one: where that one starts, and the JSON key both make. */
  collides?: { offset: number; jsonKey: string };
}

/** A Go map's identity of a key; NaN is no key's equal, not even its own. */
function identity(scalar: GoScalar, offset: number): string {
  if (scalar.type === "nil") return "nil";
  if (scalar.type === "float64" && Number.isNaN(scalar.value)) return `NaN@${offset}`;
  return `${scalar.type}:${String(scalar.value)}`;
}

/** Each key that repeats an earlier key of its mapping, or makes the same JSON key, in document order. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      const jsonKeys = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const scalar = isScalar(key) && key.range ? scalarOf(key) : undefined;
        if (scalar && key!.range) {
          const offset = key!.range[0];
          const id = identity(scalar, offset);
          const json = jsonKey(scalar);
          const earlier = json === undefined ? undefined : jsonKeys.get(json);
          if (seen.has(id)) found.push(typeof (key as { value: unknown }).value === "string" ? { offset, name: (key as { value: string }).value } : { offset });
          else if (earlier !== undefined) found.push({ offset, collides: { offset: earlier, jsonKey: json! } });
          seen.add(id);
          if (json !== undefined && earlier === undefined) jsonKeys.set(json, offset);
        }
        stack.push(pair.key, pair.value);
      }
      // Document order does not matter: the offsets are sorted at the end.
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
