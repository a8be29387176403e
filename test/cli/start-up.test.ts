// What the command line loads before it does anything: `--version` and
// `--help` must not pay for the stages, rules, schemas or the YAML reader.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..");
const HOOK = join(import.meta.dirname, "fixtures", "start-up", "log-modules.mjs");
const BUILTINS_HOOK = join(import.meta.dirname, "fixtures", "start-up", "log-builtins.mjs");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The files, relative to the project, that a run of `kubeplan <args>` loads. */
function filesLoaded(args: string[]): string[] {
  const run = spawnSync(process.execPath, ["--import", HOOK, join(ROOT, "bin", "kubeplan.js"), ...args], { encoding: "utf8" });
  // A CommonJS entry point is both resolved as a module and in require()'s cache: named once.
  const urls = new Set([...run.stderr.matchAll(/^module (file:\/\/.*)$/gm)].map((m) => m[1]!));
  return [...urls].map((url) => url.slice("file://".length + ROOT.length + 1));
}

/** The modules of Node's own that a run of `kubeplan <args>` loads (`child_process`, `internal/blocklist`...). */
function builtinsLoaded(args: string[]): string[] {
  const run = spawnSync(process.execPath, ["--import", BUILTINS_HOOK, join(ROOT, "bin", "kubeplan.js"), ...args], { encoding: "utf8" });
  return [...run.stderr.matchAll(/^builtin (.*)$/gm)].map((m) => m[1]!);
}

/** What a file of dist/bundle/ was made of (scripts/bundle.mjs writes it down). */
const BUNDLE_SOURCES = join(ROOT, "dist", "bundle", "sources.json");

/** The project's own modules and the packages a run of `kubeplan <args>` loads, files of the bundle read as their sources. */
function modulesLoaded(args: string[]): { own: string[]; packages: string[] } {
  const files = filesLoaded(args);
  const bundled = files.some((file) => file.startsWith("dist/bundle/")) ? (JSON.parse(readFileSync(BUNDLE_SOURCES, "utf8")) as Record<string, string[]>) : {};
  const sources = files.flatMap((file) => bundled[file] ?? [file]);
  const own = sources.filter((path) => !path.includes("node_modules/"));
  const packages = sources.filter((path) => path.includes("node_modules/")).map((path) => path.split("node_modules/")[1]!.split("/")[0]!);
  return { own: own.filter((path) => !path.startsWith("test/")), packages: [...new Set(packages)] };
}

/** A copy of the package's bundle (scripts without caches) in a directory of its own, so that no other test's run writes its caches. */
function bundledCopy(prefix: string): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const path of ["bin", "package.json", join("dist", "cli.js")]) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  mkdirSync(join(copy, "dist", "bundle"));
  for (const script of ["cli.cjs", "validate.cjs", "stages.cjs", "worker.cjs"]) cpSync(join(ROOT, "dist", "bundle", script), join(copy, "dist", "bundle", script));
  for (const shared of ["schemas", "node_modules"]) symlinkSync(join(ROOT, shared), join(copy, shared));
  return copy;
}

describe("start-up", () => {
  it.each([["--version"], ["-V"]])("%s prints the package's version", (flag) => {
    const run = runCli([flag]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, `${VERSION}\n`, ""]);
  });

  it("--version alone loads nothing of kubeplan but its entry point", () => {
    expect(modulesLoaded(["--version"])).toEqual({ own: ["bin/kubeplan.js"], packages: [] });
  });

  it.each([[["--help"]], [["validate", "--help"]], [["plan", "--help"]], [["what-if", "--help"]]])("%j loads the command line only: no stage, rule, schema or parser", (args) => {
    const { own, packages } = modulesLoaded(args);
    expect(packages).toEqual(["commander"]);
    expect(own.filter((path) => /^dist\/(validate|rules|schema\/(?!schema-locations)|apiserver|plan|admission|scheduler|expand|report\/(?!colors))/.test(path))).toEqual([]);
    expect(own).toContain("dist/cli.js");
  });

  it.each([[["--help"]], [["validate", "samples/app/config.yaml"]]])("%j with dist/ in place loads neither the compiler nor the bundler", (args) => {
    const files = filesLoaded(args);
    expect(files).toContain("bin/kubeplan.js");
    expect(files.filter((file) => file === "bin/build-if-needed.js" || file === "bin/bundle.js")).toEqual([]);
  });

  it("a command runs from the bundle when it was made from the dist/ there is (npm run compile makes both)", () => {
    const files = filesLoaded(["validate", "samples/app/config.yaml"]);
    expect(files).toEqual(expect.arrayContaining(["dist/bundle/cli.cjs", "dist/bundle/validate.cjs"]));
    expect(files.filter((file) => file.startsWith("dist/") && !file.startsWith("dist/bundle/"))).toEqual([]);
  });

  it.each([
    [["validate", "samples/app/config.yaml"], ["dist/bundle/cli.cjs", "dist/bundle/validate.cjs"]],
    [["rules"], ["dist/bundle/cli.cjs", "dist/bundle/validate.cjs"]],
    [["plan", "samples/app", "--cluster", "samples/cluster"], ["dist/bundle/cli.cjs", "dist/bundle/stages.cjs", "dist/bundle/validate.cjs"]],
    [["fix", "samples/typos/enums.yaml", "--dry-run"], ["dist/bundle/cli.cjs", "dist/bundle/stages.cjs", "dist/bundle/validate.cjs"]],
  ])("%j reads the bundle's scripts it runs: validate and rules not the stages of plan, what-if and fix", (args, scripts) => {
    const files = filesLoaded(args);
    expect(files.filter((file) => /^dist\/bundle\/(cli|validate|stages)\.cjs$/.test(file)).sort()).toEqual(scripts);
  });

  // npm unpacks a package's files with the time it writes them: dist/cli.js after dist/bundle/.
  it.each([
    ["an installed copy (in node_modules) whose dist/cli.js was unpacked after the bundle", join("node_modules", "kubeplan"), true],
    ["a working copy whose dist/ was compiled after the bundle was made", "kubeplan", false],
  ])("%s (%s) runs from the bundle: %s", (_, where, fromBundle) => {
    const copy = join(mkdtempSync(join(tmpdir(), "kubeplan-copy-")), where);
    mkdirSync(copy, { recursive: true });
    for (const path of ["bin", "package.json", "dist"]) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    for (const shared of ["schemas", "node_modules"]) symlinkSync(join(ROOT, shared), join(copy, shared));
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(copy, "dist", "cli.js"), later, later);
    const run = spawnSync(process.execPath, ["--import", HOOK, join(copy, "bin", "kubeplan.js"), "validate", join(ROOT, "samples", "app", "config.yaml")], { encoding: "utf8" });
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining("3 documents in 1 file: 0 errors")]);
    expect(run.stderr.includes(`module ${pathToFileURL(join(copy, "dist", "bundle", "cli.cjs")).href}\n`)).toBe(fromBundle);
  });

  it.each([[["--help"]], [["validate", "samples/app/config.yaml"]]])("%j loads none of Node's modules it does not use", (args) => {
    const builtins = builtinsLoaded(args);
    expect(builtins).toContain("fs");
    // commander's executable subcommands (kubeplan has none); what an ES module import of node:net reads (every export).
    expect(builtins.filter((name) => ["child_process", "internal/child_process", "internal/blocklist"].includes(name))).toEqual([]);
  });

  it("a validate run uses the code caches the first run left, its scripts' and its validators' (made under validate's V8 flags)", () => {
    const copy = bundledCopy("kubeplan-caches-");
    const validate = (path: string) => spawnSync(process.execPath, [join(copy, "bin", "kubeplan.js"), "validate", join(ROOT, "samples", path)], { encoding: "utf8" });
    const bundle = join(copy, "dist", "bundle");
    const caches = () =>
      readdirSync(bundle)
        .filter((file) => file.endsWith(".cache"))
        .sort()
        .map((file) => [file, statSync(join(bundle, file)).ino]);
    // A run over one small file has caches of its own.
    expect(validate(join("app", "config.yaml")).status).toBe(0);
    const written = caches();
    const names = written.map(([file]) => file);
    expect(names).toEqual(expect.arrayContaining(["cli.cjs.short-runs.few-files.cache", "validate.cjs.short-runs.few-files.cache"]));
    // The precompiled validators of the kinds met (schemas/validators/*.cjs).
    expect(names.filter((file) => !/^(cli|validate)\.cjs\./.test(file as string)).length).toBeGreaterThan(0);
    expect(names.every((file) => (file as string).endsWith(".short-runs.few-files.cache"))).toBe(true);
    const run = validate(join("app", "config.yaml"));
    expect([run.status, run.stdout]).toEqual([0, expect.stringContaining("3 documents in 1 file: 0 errors")]);
    expect(caches()).toEqual(written);
    // A run over a directory writes the others, and leaves those of small runs as they are.
    expect(validate("app").status).toBe(0);
    const after = caches();
    expect(after.filter(([file]) => (file as string).endsWith(".short-runs.few-files.cache"))).toEqual(written);
    expect(after.map(([file]) => file)).toEqual(expect.arrayContaining(["cli.cjs.short-runs.cache", "validate.cjs.short-runs.cache"]));
  });

  it("a validate run on two threads starts its worker from the bundle's worker.cjs, with the code cache the first run left", () => {
    const copy = bundledCopy("kubeplan-worker-caches-");
    // Enough YAML (over a megabyte) to be shared between threads.
    const inputs = join(copy, "inputs");
    mkdirSync(inputs);
    const configMap = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  value: "${"x".repeat(400)}"\n`;
    for (let f = 0; f < 4; f++) writeFileSync(join(inputs, `f${f}.yaml`), Array.from({ length: 800 }, (_, i) => configMap(f * 800 + i)).join("---\n"));
    const validate = () => spawnSync(process.execPath, [join(copy, "bin", "kubeplan.js"), "validate", inputs, "--summary"], { encoding: "utf8", env: { ...process.env, KUBEPLAN_THREADS: "2" } });
    const bundle = join(copy, "dist", "bundle");
    const workerCache = () => statSync(join(bundle, "worker.cjs.short-runs.cache"), { throwIfNoEntry: false })?.ino;
    const first = validate();
    expect([first.status, first.stdout]).toEqual([0, expect.stringContaining("3200 documents in 4 files: 0 errors")]);
    const written = workerCache();
    expect(written).toBeDefined();
    const second = validate();
    const withoutTime = (text: string) => text.replace(/\d+ ms/, "");
    expect([second.status, withoutTime(second.stdout)]).toEqual([0, withoutTime(first.stdout)]);
    expect(workerCache()).toBe(written);
    // No half-written cache is left behind by either thread.
    expect(readdirSync(bundle).filter((file) => /\.cache\./.test(file))).toEqual([]);
  });

  it("validate of CRDs and their resources takes ajv, cel-js and re2js from the bundle's packages.cjs, not from node_modules", () => {
    // samples/crds has a CRD with a CEL rule and a pattern, and resources that break both.
    const files = filesLoaded(["validate", "samples/crds"]);
    expect(files).toContain("dist/bundle/packages.cjs");
    // re2js is the one of them whose file ends in .cjs, which the hook sees read.
    expect(files.filter((file) => file.startsWith("node_modules/re2js/"))).toEqual([]);
    const { packages } = modulesLoaded(["validate", "samples/crds"]);
    expect(packages).toEqual(expect.arrayContaining(["ajv", "@marcbachmann", "re2js"]));
  });

  it("validate loads the stages it needs", () => {
    const { own, packages } = modulesLoaded(["validate", "samples/app/config.yaml"]);
    expect(own).toContain("dist/validate/index.js");
    expect(packages).toContain("yaml");
  });
});
