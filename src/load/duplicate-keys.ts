// Repeated keys of a document's mappings, found in one pass: the yaml
// package's own check compares each key with every key before it, which on a
// mapping of 100,000 keys takes minutes. Keys compare as the package compares
// them: scalars by their value once read (`yes` and `true` are the same key).
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";

export interface DuplicateKey {
  /** Where the key starts. */
  offset: number;
  /** The key as read, when it is a string (`{a:}` reads the key `a:`). */
  name?: string;
}

/** Each key that repeats an earlier key of its mapping, in document order. */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value) && key.range) found.push(typeof key.value === "string" ? { offset: key.range[0], name: key.value } : { offset: key.range[0] });
          seen.add(key.value);
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
