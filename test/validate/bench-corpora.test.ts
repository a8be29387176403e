// The benchmark's generated corpora are meant to be valid: a finding in them
// would time the slower path that works out positions, not validation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
// @ts-expect-error: the benchmark's scripts are plain JavaScript modules.
import { writeCrdCorpus } from "../../scripts/bench/crds.mjs";
// @ts-expect-error: as above.
import { generateManifests } from "../../scripts/bench/generate-manifests.mjs";

const dir = mkdtempSync(join(tmpdir(), "kubeplan-bench-corpora-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorsIn(path: string): Promise<string[]> {
  const result = await validate([path]);
  return result.findings.filter((f) => f.severity !== "info").map((f) => `${f.file}: ${f.message}`);
}

describe("the benchmark's generated corpora", () => {
  it("CRD-heavy corpus: CRDs the API server accepts and custom resources that pass them", async () => {
    const path = join(dir, "crds");
    writeCrdCorpus(path);
    expect(await errorsIn(path)).toEqual([]);
  });

  it("app documents: no finding", async () => {
    const path = join(dir, "manifests");
    generateManifests(path, 300);
    expect(await errorsIn(path)).toEqual([]);
  });
});
