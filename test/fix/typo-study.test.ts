// The typo study (scripts/typo-study.mjs) on a fixed-seed sample of the
// corpus: keys misspelt at random get the key as written first, `fix` puts
// the documents right, and files without errors are never changed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript script, run on the compiled library.
import { changedByFix, corpusFiles, mutate, random, studyTypos } from "../../scripts/typo-study.mjs";

const CORPUS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
const available = existsSync(CORPUS);
if (!available) console.warn(`typo study test skipped: ${CORPUS} is absent`);

describe("typo mutations", () => {
  it.each([
    ["deletion", "containerPort", 0.5, "contaierPort"],
    ["transposition", "replicas", 0.5, "replcias"],
    ["doubled", "image", 0, "iimage"],
    ["neighbour", "image", 0, "umage"],
    ["case", "replicas", 0, "Replicas"],
    ["prefix", "targetPort", 0, "target"],
    ["prefix", "image", 0, undefined],
  ])("%s of %s", (kind, key, draw, expected) => {
    expect(mutate(key, kind, () => draw)).toBe(expected);
  });

  it("draws the same numbers from the same seed", () => {
    const a = random(7);
    const b = random(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe.skipIf(!available)("typo study on a sample of the corpus", () => {
  const files = available ? corpusFiles(CORPUS).filter((_: string, i: number) => i % 8 === 0) : [];

  it("gets the first suggestion right for at least 95% of typos, and fix puts at least 90% right", async () => {
    const tally = await studyTypos(files, { seed: 42, cases: 40, fixCases: 12 });
    expect(tally.cases).toBe(40);
    expect(tally.right / tally.cases).toBeGreaterThanOrEqual(0.95);
    expect(tally.fixed / tally.fixTried).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("changes no file without errors", async () => {
    const changed = await changedByFix(files);
    expect(changed.filter((c: { errors: number }) => c.errors === 0)).toEqual([]);
  }, 120_000);
});
