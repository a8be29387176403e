// The README is the user's manual: it must show every command, flag and rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleCatalog } from "../../src/validate/catalog.js";
import { ROOT, runCli } from "../cli/run-cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

function flagsOf(command: string): string[] {
  const help = runCli([command, "--help"]).stdout;
  return [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((flag) => flag !== "--help");
}

describe("README", () => {
  it.each(["validate", "plan", "what-if"])("documents every flag of kubeplan %s", (command) => {
    const flags = flagsOf(command);
    expect(flags.length).toBeGreaterThan(5);
    for (const flag of flags) expect(readme, flag).toMatch(new RegExp(`\`(?:-\\w, )?${flag}[ \`]`));
  });

  it("lists every rule with an anchor", () => {
    for (const rule of ruleCatalog()) {
      expect(readme).toContain(`<a id="${rule.id.replace(/[^a-zA-Z0-9]+/g, "-").toLowerCase()}"></a>\`${rule.id}\``);
    }
  });

  it("gives the two commands a newcomer runs, and CI runs the same test command", () => {
    expect(readme).toContain("    npm install && npx kubeplan plan samples/app --cluster samples/cluster\n");
    expect(readme).toContain("    npm test\n");
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/\nnpm ci\nnpm test\n/);
  });
});
