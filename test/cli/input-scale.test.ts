// bin/input-scale.js tells, from the paths on a command line, whether a run
// works on a few small files: such a run keeps code caches of its own; and
// whether it has enough YAML for a second thread, whose worker starts early.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PARALLEL_THRESHOLD_BYTES } from "../../src/validate/parallel.js";

const { MAX_ENTRIES, PARALLEL_INPUT_BYTES, SMALL_INPUT_BYTES, largeInputs, smallInputs } = createRequire(import.meta.url)("../../bin/input-scale.js") as {
  MAX_ENTRIES: number;
  PARALLEL_INPUT_BYTES: number;
  SMALL_INPUT_BYTES: number;
  largeInputs: (args: string[]) => boolean;
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

/** A directory of `files` files of `bytes` bytes each, named `name`; `head` starts each. */
function directoryOf(files: number, bytes: number, head = "apiVersion: v1\nkind: ConfigMap\n", name = (i: number) => `f${i}.yaml`): string {
  const at = mkdtempSync(join(dir, "tree-"));
  for (let i = 0; i < files; i++) writeFileSync(join(at, name(i)), head + "#".repeat(bytes - head.length));
  return at;
}

const QUARTER = PARALLEL_INPUT_BYTES / 4;
const crdHead = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n";
const nested = directoryOf(0, 0);
mkdirSync(join(nested, "a", "b"), { recursive: true });
for (let i = 0; i < 4; i++) writeFileSync(join(nested, "a", "b", `f${i}.yml`), "#".repeat(QUARTER));
const oneLargeFile = join(directoryOf(1, PARALLEL_INPUT_BYTES), "f0.yaml");

/** A directory whose only entries are links to YAML elsewhere: validate does not follow them out. */
const linksOut = mkdtempSync(join(dir, "links-"));
symlinkSync(directoryOf(4, QUARTER), join(linksOut, "elsewhere"));
symlinkSync(oneLargeFile, join(linksOut, "large.yaml"));

describe("largeInputs", () => {
  it("starts a worker from the input size at which validate shares its work", () => {
    expect(PARALLEL_INPUT_BYTES).toBe(PARALLEL_THRESHOLD_BYTES);
  });

  it.each<[string, string[], boolean]>([
    ["a directory of that much YAML", ["validate", directoryOf(4, QUARTER)], true],
    ["a directory of a little less", ["validate", directoryOf(4, QUARTER - 1)], false],
    ["manifests in subdirectories, .yml", ["validate", nested], true],
    ["one file named, of that size", ["validate", "-o", "json", oneLargeFile], true],
    ["a link named, to a file of that size", ["validate", join(linksOut, "large.yaml")], true],
    ["a directory whose links lead to that much YAML", ["validate", linksOut], false],
    ["directories that together hold that much", ["validate", directoryOf(2, QUARTER), directoryOf(2, QUARTER)], true],
    ["files that define CRDs (checked on the main thread)", ["validate", directoryOf(4, QUARTER, crdHead)], false],
    ["files that are not manifests", ["validate", directoryOf(4, QUARTER, "", (i) => `f${i}.txt`)], false],
    ["hidden files", ["validate", directoryOf(4, QUARTER, "", (i) => `.f${i}.yaml`)], false],
    ["more directory entries than it looks at, though they hold that much", ["validate", directoryOf(MAX_ENTRIES + 1, Math.ceil(PARALLEL_INPUT_BYTES / MAX_ENTRIES))], false],
    ["standard input", ["validate", "-"], false],
    ["a path that does not exist", ["validate", join(dir, "missing")], false],
  ])("%s", (_, args, expected) => {
    expect(largeInputs(args)).toBe(expected);
  });
});
