// bin/input-scale.js tells, from the paths on a command line, whether a run
// works on a few small files: such a run keeps code caches of its own.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const { SMALL_INPUT_BYTES, smallInputs } = createRequire(import.meta.url)("../../bin/input-scale.js") as {
  SMALL_INPUT_BYTES: number;
  smallInputs: (args: string[]) => boolean;
};

const dir = mkdtempSync(join(tmpdir(), "kubeplan-input-scale-"));
const small = join(dir, "small.yaml");
const half = join(dir, "half.yaml");
const large = join(dir, "large.yaml");
const folder = join(dir, "manifests");
writeFileSync(small, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
writeFileSync(half, "#".repeat(SMALL_INPUT_BYTES / 2));
writeFileSync(large, "#".repeat(SMALL_INPUT_BYTES + 1));
mkdirSync(folder);

describe("input-scale", () => {
  it.each<[string, string[], boolean]>([
    ["one small file", ["validate", small], true],
    ["small files with options and their values", ["validate", "-o", "json", small, "--kubernetes-version", "1.33", half], true],
    ["files of the limit together", ["validate", half, half], true],
    ["files over the limit together", ["validate", half, half, small], false],
    ["one file over the limit", ["validate", large], false],
    ["a directory", ["validate", folder], false],
    ["a file and a directory", ["validate", small, folder], false],
    ["standard input", ["validate", "-"], false],
    ["no path (standard input)", ["validate", "-o", "json"], false],
    ["a path that does not exist", ["validate", join(dir, "missing.yaml")], false],
  ])("%s: %s", (_, args, expected) => {
    expect(smallInputs(args)).toBe(expected);
  });
});
