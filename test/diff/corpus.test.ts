// Over the real manifests of the shared corpus: planning never throws, and a
// manifest planned against the object its own create would store is a no-op.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import { loadText } from "../../src/load/index.js";
import type { KubeObject } from "../../src/types.js";

const CORPUS = "../shared/corpus/kubernetes-examples";
const haveCorpus = existsSync(CORPUS);
if (!haveCorpus) console.warn(`skipping the corpus checks: ${CORPUS} not found`);

function manifestFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "_archived") return [];
    if (statSync(path).isDirectory()) return manifestFiles(path);
    return /\.(ya?ml|json)$/.test(name) ? [path] : [];
  });
}

/** What the server would store for a create: the planned object with server fields added. */
function storedFrom(after: KubeObject, index: number): KubeObject {
  const stored = structuredClone(after);
  stored.metadata = { ...stored.metadata, uid: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`, resourceVersion: String(1000 + index), creationTimestamp: "2025-01-01T00:00:00Z" };
  stored.status = {};
  return stored;
}

describe.skipIf(!haveCorpus)("corpus", () => {
  const files = haveCorpus ? manifestFiles(CORPUS) : [];

  it("has manifests to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`${relative(CORPUS, file)}: create, then the same manifests plan as no-op`, () => {
      const objects = loadText(readFileSync(file, "utf8"), file).documents.map((d) => d.object);
      const created = planChanges({ desired: objects.map((object) => ({ object })), current: [], kubernetesVersion: "1.36", showSecrets: true });
      expect(created.changes.every((c) => c.action === "create")).toBe(true);
      const stored = created.changes.filter((c) => c.after && c.name !== "").map((c, i) => storedFrom(c.after!, i));
      const again = planChanges({ desired: objects.map((object) => ({ object })), current: stored, kubernetesVersion: "1.36" });
      const changed = again.changes.filter((c) => c.action !== "no-op").map((c) => ({ object: `${c.kind}/${c.name}`, action: c.action, fields: c.fields }));
      // Only objects named by the server (generateName) cannot be matched.
      const generated = objects.filter((o) => typeof o.metadata?.name !== "string").map((o) => `${o.kind}/${o.metadata?.generateName}`);
      expect(changed.map((c) => c.object)).toEqual(generated);
      expect(changed.every((c) => c.action === "create")).toBe(true);
    });
  }
});
