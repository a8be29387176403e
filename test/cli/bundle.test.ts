// bin/bundle.js bundles a compiled dist/ wherever it is: `npm run compile`
// bundles dist/, and the first run of a copy without dist/ bundles the
// directory it compiled into before moving it to dist/.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle } from "../../bin/bundle.js";

/** A compiled dist/ in miniature: a command line that imports a module, and a worker. */
function compiledTree(name: string): string {
  const dist = join(mkdtempSync(join(tmpdir(), "kubeplan-bundle-")), name);
  mkdirSync(join(dist, "validate"), { recursive: true });
  writeFileSync(join(dist, "greeting.js"), 'export const greeting = "hello from the bundle";\n');
  writeFileSync(join(dist, "cli.js"), 'import { greeting } from "./greeting.js";\nconsole.log(greeting);\n');
  writeFileSync(join(dist, "validate", "worker.js"), "export {};\n");
  return dist;
}

describe("bundle", () => {
  it.each(["dist", ".dist-x1y2z3"])("bundles a tree compiled into %s, naming its sources as dist/'s", async (name) => {
    const dist = compiledTree(name);
    await bundle(dist);
    const run = spawnSync(process.execPath, [join(dist, "bundle", "cli.js")], { encoding: "utf8" });
    expect([run.status, run.stdout]).toEqual([0, "hello from the bundle\n"]);
    const sources = JSON.parse(readFileSync(join(dist, "bundle", "sources.json"), "utf8")) as Record<string, string[]>;
    expect(sources["dist/bundle/cli.js"]).toEqual(expect.arrayContaining(["dist/cli.js", "dist/greeting.js"]));
    expect(Object.keys(sources)).toContain("dist/bundle/worker.js");
  });
});
