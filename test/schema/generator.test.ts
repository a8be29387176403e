// `npm run schemas` is reproducible: a fresh run writes the committed bytes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const SPECS = join(ROOT, "..", "shared", "k8s-openapi");
const available = existsSync(SPECS);
if (!available) console.warn(`schema generator test skipped: ${SPECS} is absent`);

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    })
    .sort();
}

describe.skipIf(!available)("schema generator", () => {
  const out = mkdtempSync(join(tmpdir(), "kubeplan-schemas-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("a fresh run writes exactly the committed schemas/", () => {
    const log = execFileSync(process.execPath, [join(ROOT, "scripts", "generate-schemas.mjs")], {
      env: { ...process.env, KUBEPLAN_SCHEMAS_OUT: out },
      encoding: "utf8",
    });
    expect(log).toMatch(/schemas\/: [\d.]+ MiB in total/);
    const committed = join(ROOT, "schemas");
    const fresh = listFiles(out).map((file) => relative(out, file));
    expect(fresh).toEqual(listFiles(committed).map((file) => relative(committed, file)));
    for (const file of fresh) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(committed, file))), file).toBe(true);
    }
    // About 45 s on a quiet 2-core machine; a busy CI runner can take three times that.
  }, 180_000);

  test("schemas/ stays under 20 MB", () => {
    const bytes = listFiles(join(ROOT, "schemas")).reduce((total, file) => total + statSync(file).size, 0);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });
});
