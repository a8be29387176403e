import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInputs } from "../../src/load/index.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kubeplan-load-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

describe("reading paths", () => {
  it("walks directories recursively, sorted, manifests only, hidden entries skipped", () => {
    const root = tree({
      "b.yaml": cm("b"),
      "a.yml": cm("a"),
      "sub/c.json": '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}',
      "sub/readme.md": "# not a manifest",
      ".git/config.yaml": cm("hidden"),
      "Z.yaml": cm("z"),
    });
    const result = loadInputs([root]);
    expect(result.files.map((f) => f.slice(root.length + 1))).toEqual(["Z.yaml", "a.yml", "b.yaml", "sub/c.json"]);
    expect(result.documents.map((d) => d.object.metadata?.name)).toEqual(["z", "a", "b", "c"]);
  });

  it("reads each directory once when a link leads back to it", () => {
    const root = tree({ "a/cm.yaml": cm("a") });
    symlinkSync(root, join(root, "a", "back"));
    const result = loadInputs([root]);
    expect(result.files.map((f) => f.slice(root.length + 1))).toEqual(["a/cm.yaml"]);
  });

  it("reads a file given by name whatever its extension", () => {
    const root = tree({ "manifest.txt": cm("t") });
    expect(loadInputs([join(root, "manifest.txt")]).documents).toHaveLength(1);
  });

  it("reports an unreadable path by name and goes on", () => {
    const root = tree({ "ok.yaml": cm("ok") });
    const missing = join(root, "nope.yaml");
    const result = loadInputs([missing, root]);
    expect(result.documents).toHaveLength(1);
    expect(result.findings).toEqual([
      { severity: "error", rule: "input/unreadable", message: `cannot read "${missing}": no such file or directory`, file: missing, line: 1, column: 1, path: "" },
    ]);
  });
});
