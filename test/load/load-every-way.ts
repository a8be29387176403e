// Reads a YAML text every way kubeplan can (the full parse, the quick ways,
// and the choice between them) and checks they agree: each test of how a
// construct is read holds for every load path at once.
import { expect } from "vitest";
import { parseManifests, parseManifestsFast, parseManifestsFull, type ParsedFile } from "../../src/load/documents.js";
import { escapeSegment } from "../../src/util/pointer.js";

/** What every way of loading reads: they must agree (the quick ways may leave the file to the full one). */
export function loadEveryWay(text: string): ParsedFile {
  const parsed = parseManifests(text, "in.yaml");
  const full = parseManifestsFull(text, "in.yaml");
  const fast = parseManifestsFast(text, "in.yaml");
  const plain = (p: ParsedFile) => ({ objects: p.documents.map((d) => d.object), findings: p.findings });
  expect(plain(full)).toEqual(plain(parsed));
  if (fast) expect(plain(fast)).toEqual(plain(parsed));
  return parsed;
}

/** Every pointer of a value, and a child that does not exist under each collection. */
function pointers(value: unknown, pointer = ""): string[] {
  if (value === null || typeof value !== "object") return [pointer];
  const children = Object.keys(value).flatMap((key) => pointers((value as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`));
  return [pointer, ...children, `${pointer}/missing`, `${pointer}/0`];
}

/** A file's documents with the position of every key and value and the text of every scalar (the block reader places those of the documents it took). */
export function comparable(parsed: ParsedFile) {
  return {
    documents: parsed.documents.map((d) => ({
      file: d.file,
      index: d.index,
      pointerPrefix: d.pointerPrefix,
      object: d.object,
      places: pointers(d.object).map((pointer) => [pointer, d.locate(pointer), d.locate(pointer, { key: true }), d.sourceText?.(pointer)]),
    })),
    findings: parsed.findings,
  };
}
