// What installing kubeplan relies on (README, Development): no install-time
// script, the sources and compiler shipped, the metadata a registry shows.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-cli.js";

interface PackageJson {
  version: string;
  license: string;
  homepage?: string;
  repository?: { url: string };
  files: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as PackageJson;
const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("package.json", () => {
  it.each(["preinstall", "install", "postinstall", "prepack", "prepare", "build"])(
    "has no %s script (npm prepares git installs that have one, and breaks global ones)",
    (script) => expect(pkg.scripts).not.toHaveProperty(script),
  );

  it("ships what the first run compiles and bundles, with the compiler and the bundler as dependencies", () => {
    expect(pkg.files).toEqual(expect.arrayContaining(["bin", "dist", "schemas", "src", "tsconfig.json"]));
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(["typescript", "@types/node", "esbuild"]));
    expect(Object.keys(pkg.devDependencies)).not.toContain("typescript");
    expect(Object.keys(pkg.devDependencies)).not.toContain("esbuild");
  });

  it("names its licence, home and repository", () => {
    expect(pkg.license).toBe("Apache-2.0");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toContain("Apache License\n                           Version 2.0, January 2004");
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/);
  });

  it("the README installs the release tag of this version", () => {
    expect(readme).toContain(`npm install --global ${pkg.repository!.url}#v${pkg.version}\n`);
    expect(readme).toContain(`    rev: v${pkg.version}\n`);
  });

  it("names the install check script, which exists", () => {
    expect(readme).toContain("scripts/check-install.sh");
    expect(existsSync(join(ROOT, "scripts", "check-install.sh"))).toBe(true);
  });
});
