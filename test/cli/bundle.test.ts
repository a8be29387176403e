// bin/bundle.js bundles a compiled dist/ wherever it is: `npm run compile`
// bundles dist/, and the first run of a copy without dist/ bundles the
// directory it compiled into before moving it to dist/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle } from "../../bin/bundle.js";
import { BUNDLE_GLOBALS, loadBundle, wrapperHead } from "../../bin/load-bundle.js";

/**
 * A compiled dist/ in miniature: a command line that imports a module and
 * imports on demand the validate stage and another stage, both of which
 * import the command line's module and a module of their own in common, and
 * a worker.
 */
function compiledTree(name: string): string {
  const dist = join(mkdtempSync(join(tmpdir(), "kubeplan-bundle-")), name);
  mkdirSync(join(dist, "validate"), { recursive: true });
  writeFileSync(join(dist, "greeting.js"), 'export class Greeting { text = "hello from the bundle"; }\n');
  writeFileSync(join(dist, "counter.js"), "export const calls = { count: 0 };\nexport function count() { calls.count += 1; }\n");
  writeFileSync(join(dist, "validate", "index.js"), 'import { Greeting } from "../greeting.js";\nimport { count } from "../counter.js";\nexport { calls } from "../counter.js";\nexport const check = (greeting) => { count(); return greeting instanceof Greeting; };\n');
  writeFileSync(join(dist, "stage.js"), 'import { Greeting } from "./greeting.js";\nimport { count } from "./counter.js";\nexport const greet = () => { count(); return new Greeting(); };\n');
  writeFileSync(
    join(dist, "cli.js"),
    [
      'import { Greeting } from "./greeting.js";',
      "export async function main() {",
      '  const greeting = (await import("./stage.js")).greet();',
      '  const { check, calls } = await import("./validate/index.js");',
      '  const classes = greeting instanceof Greeting && check(greeting) ? "one" : "two";',
      "  return `${greeting.text}, ${classes} Greeting class, ${calls.count} calls counted in one place`;",
      "}",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dist, "validate", "worker.js"), "export {};\n");
  return dist;
}

const ANSWER = "hello from the bundle, one Greeting class, 2 calls counted in one place";

describe("bundle", () => {
  it.each(["dist", ".dist-x1y2z3"])("bundles a tree compiled into %s, naming its sources as dist/'s", async (name) => {
    const dist = compiledTree(name);
    await bundle(dist);
    const sources = JSON.parse(readFileSync(join(dist, "bundle", "sources.json"), "utf8")) as Record<string, string[]>;
    expect(sources["dist/bundle/cli.cjs"]?.sort()).toEqual(["dist/cli.js", "dist/greeting.js"]);
    expect(sources["dist/bundle/validate.cjs"]?.sort()).toEqual(["dist/counter.js", "dist/validate/index.js"]);
    expect(sources["dist/bundle/stages.cjs"]).toEqual(["dist/stage.js"]);
    expect(Object.keys(sources)).toContain("dist/bundle/worker.cjs");
  });

  it("a stage takes the modules the command line holds from it, and stages.cjs those validate.cjs holds from it: one copy of each", async () => {
    const dist = compiledTree("dist");
    await bundle(dist);
    const cli = loadBundle(join(dist, "bundle")) as { main(): Promise<string> };
    expect(await cli.main()).toBe(ANSWER);
  });

  it.each(["cli.cjs", "validate.cjs", "stages.cjs", "packages.cjs", "worker.cjs"])("writes %s in the function bin/load-bundle.js runs it in", async (script) => {
    const dist = compiledTree("dist");
    await bundle(dist);
    const text = readFileSync(join(dist, "bundle", script), "latin1");
    expect([text.startsWith(`${wrapperHead(BUNDLE_GLOBALS[script as keyof typeof BUNDLE_GLOBALS])}\n`), text.endsWith("\n})\n")]).toEqual([true, true]);
  });

  it("runs scripts written without their function too, as a bundle made before was", async () => {
    const dist = compiledTree("dist");
    await bundle(dist);
    for (const script of ["cli.cjs", "validate.cjs", "stages.cjs"] as const) {
      const file = join(dist, "bundle", script);
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.slice(wrapperHead(BUNDLE_GLOBALS[script]).length, -"})\n".length));
      expect(readFileSync(file, "utf8").startsWith("(function")).toBe(false);
    }
    const cli = loadBundle(join(dist, "bundle")) as { main(): Promise<string> };
    expect(await cli.main()).toBe(ANSWER);
  });
});
