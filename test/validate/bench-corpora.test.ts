// The benchmark's generated corpora are meant to be valid: a finding in them
// would time the slower path that works out positions, not validation.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
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

  it("CRD-heavy corpus: each enum lists its values once, as JSON Schema requires (kubeconform refuses the schema otherwise)", () => {
    const path = join(dir, "crds-enums");
    writeCrdCorpus(path);
    const repeated: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== "object") return;
      const { enum: values } = node as { enum?: unknown };
      if (Array.isArray(values) && new Set(values).size !== values.length) repeated.push(JSON.stringify(values));
      Object.values(node).forEach(visit);
    };
    // Every CRD embeds the same generated schemas: the first stands for all.
    visit(parse(readFileSync(join(path, readdirSync(path).find((name) => name.startsWith("crd-"))!), "utf8")));
    expect(repeated).toEqual([]);
  });

  it("app documents: no finding", async () => {
    const path = join(dir, "manifests");
    generateManifests(path, 300);
    expect(await errorsIn(path)).toEqual([]);
  });
});
