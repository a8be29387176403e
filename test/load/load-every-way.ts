// Reads a YAML text every way kubeplan can (the full parse, the quick ways,
// and the choice between them) and checks they agree: each test of how a
// construct is read holds for every load path at once.
import { expect } from "vitest";
import { parseManifests, parseManifestsFast, parseManifestsFull, type ParsedFile } from "../../src/load/documents.js";

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
