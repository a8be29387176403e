import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadInputs, parseFileSize } from "../../src/load/index.js";
import { readInput } from "../../src/load/read-inputs.js";

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

describe("reading stays inside the given paths, bounded", () => {
  const outside = tree({ "kubeconfig.yaml": "apiVersion: v1\nkind: Config\nusers: [{name: u, user: {token: outside-token}}]\n" });

  it("does not follow links that lead outside the given paths, and says so", () => {
    const root = tree({ "app/cm.yaml": cm("a"), "shared/cm.yaml": cm("s") });
    symlinkSync(join(outside, "kubeconfig.yaml"), join(root, "app", "creds.yaml"));
    symlinkSync(outside, join(root, "app", "linked"));
    symlinkSync(join(root, "shared"), join(root, "app", "shared"));
    const result = loadInputs([join(root, "app")]);
    expect(result.documents.map((d) => d.object.metadata?.name)).toEqual(["a"]);
    expect(result.findings.map((f) => [f.rule, f.file.slice(root.length + 1)])).toEqual([
      ["input/symlink-outside", "app/creds.yaml"],
      ["input/symlink-outside", "app/linked"],
      ["input/symlink-outside", "app/shared"],
    ]);
    expect(result.findings[0]!.message).toContain("(--follow-external-symlinks follows it)");
    expect(JSON.stringify(result)).not.toContain("outside-token");
  });

  it("follows links inside the given paths, and any link when allowed", () => {
    const root = tree({ "app/cm.yaml": cm("a"), "shared/cm.yaml": cm("s") });
    symlinkSync(join(root, "shared"), join(root, "app", "shared"));
    symlinkSync(join(root, "app", "cm.yaml"), join(root, "app", "same.yaml"));
    expect(loadInputs([join(root, "app"), join(root, "shared")]).findings).toEqual([]);
    expect(loadInputs([join(root, "app")], { followExternalSymlinks: true }).documents.map((d) => d.object.metadata?.name)).toEqual(["a", "a", "s"]);
  });

  it("a given path that is itself a link to elsewhere is outside", () => {
    const root = tree({});
    symlinkSync(outside, join(root, "k8s"));
    expect(loadInputs([join(root, "k8s")]).findings.map((f) => f.rule)).toEqual(["input/symlink-outside"]);
  });

  it("reads only regular files: devices and named pipes are findings, never opened for long", () => {
    const root = tree({ "ok.yaml": cm("ok") });
    execFileSync("mkfifo", [join(root, "pipe.yaml")]);
    const started = Date.now();
    const result = loadInputs([root, "/dev/zero", "/dev/urandom"]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.documents).toHaveLength(1);
    expect(result.findings.map((f) => [f.file.replace(root, "<root>"), f.message.replace(root, "<root>")])).toEqual([
      ["<root>/pipe.yaml", 'cannot read "<root>/pipe.yaml": a named pipe, not a regular file'],
      ["/dev/zero", 'cannot read "/dev/zero": a device, not a regular file'],
      ["/dev/urandom", 'cannot read "/dev/urandom": a device, not a regular file'],
    ]);
  });

  it("a file over the size limit is a finding; the limit can be raised", () => {
    const root = tree({ "big.yaml": cm("big") + "#".repeat(2000) + "\n", "small.yaml": cm("small") });
    const limited = loadInputs([root], { maxFileSize: 1024 });
    expect(limited.documents.map((d) => d.object.metadata?.name)).toEqual(["small"]);
    expect(limited.findings.map((f) => [f.rule, f.message.replace(root, "<root>")])).toEqual([
      ["input/too-large", '"<root>/big.yaml" is 2 KiB, larger than the limit (1 KiB): not read; --max-file-size raises the limit'],
    ]);
    expect(loadInputs([root], { maxFileSize: 4096 }).documents).toHaveLength(2);
  });

  it.each([
    ["empty", ""],
    ["one byte", "#"],
    ["multi-byte characters across the first 4 KiB", cm("é") + "# " + "é€".repeat(2000) + "\n"],
    ["larger than a pipe's chunk of 1 MiB", cm("big") + "# " + "x".repeat(1.5 * 2 ** 20) + "\n"],
  ])("a %s file is read whole, byte for byte", (_, text) => {
    const root = tree({ "f.yaml": text });
    expect(readInput(join(root, "f.yaml"))).toEqual({ file: join(root, "f.yaml"), text });
  });

  it("a file exactly at the size limit is read; one byte more is too large", () => {
    const root = tree({ "at.yaml": "#".repeat(1024), "over.yaml": "#".repeat(1025) });
    expect(readInput(join(root, "at.yaml"), { maxFileSize: 1024 })).toEqual({ file: join(root, "at.yaml"), text: "#".repeat(1024) });
    expect(readInput(join(root, "over.yaml"), { maxFileSize: 1024 })).not.toHaveProperty("text");
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable subdirectory is named, and its siblings are read", () => {
    const root = tree({ "a/cm.yaml": cm("a"), "b/locked/cm.yaml": cm("locked"), "c/cm.yaml": cm("c") });
    chmodSync(join(root, "b", "locked"), 0);
    const result = loadInputs([root]);
    chmodSync(join(root, "b", "locked"), 0o755);
    expect(result.documents.map((d) => d.object.metadata?.name)).toEqual(["a", "c"]);
    expect(result.findings.map((f) => f.message.replace(root, "<root>"))).toEqual(['cannot read "<root>/b/locked": permission denied']);
  });
});

describe("file sizes", () => {
  it.each([
    ["1536", 1536],
    ["64Mi", 64 * 2 ** 20],
    ["1Gi", 2 ** 30],
    ["100M", 1e8],
    ["2k", 2000],
    ["0", undefined],
    ["-1", undefined],
    ["1.5Mi", undefined],
    ["10MB", undefined],
    ["", undefined],
  ])("%s → %s", (text, bytes) => {
    expect(parseFileSize(text)).toBe(bytes);
  });
});
