// What the command line loads before it does anything: `--version` and
// `--help` must not pay for the stages, rules, schemas or the YAML reader.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const ROOT = join(import.meta.dirname, "..", "..");
const HOOK = join(import.meta.dirname, "fixtures", "start-up", "log-modules.mjs");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The project's own modules and the packages a run of `kubeplan <args>` loads. */
function modulesLoaded(args: string[]): { own: string[]; packages: string[] } {
  const run = spawnSync(process.execPath, ["--import", HOOK, join(ROOT, "bin", "kubeplan.js"), ...args], { encoding: "utf8" });
  const urls = [...run.stderr.matchAll(/^module (file:\/\/.*)$/gm)].map((m) => m[1]!);
  const own = urls.filter((url) => !url.includes("/node_modules/")).map((url) => url.slice(url.indexOf("/", "file://".length + ROOT.length) + 1));
  const packages = urls.filter((url) => url.includes("/node_modules/")).map((url) => url.split("/node_modules/")[1]!.split("/")[0]!);
  return { own: own.filter((path) => !path.startsWith("test/")), packages: [...new Set(packages)] };
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

  it("validate loads the stages it needs", () => {
    const { own, packages } = modulesLoaded(["validate", "samples/app/config.yaml"]);
    expect(own).toContain("dist/validate/index.js");
    expect(packages).toContain("yaml");
  });
});
