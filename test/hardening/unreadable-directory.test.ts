// Attack: an unreadable subdirectory (as a checkout with odd permissions
// has) must not drop its parent directory, nor be named as another path. The
// refusal is simulated, as the tests may run as root, who can read anything.
import type * as fs from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { validate } from "../../src/index.js";
import { workspace } from "./attack.js";

vi.mock("node:fs", async (original) => {
  const real = await original<typeof fs>();
  const refused = (path: fs.PathLike) => String(path).endsWith("/locked");
  return {
    ...real,
    readdirSync: ((path: fs.PathLike, options?: unknown) => {
      if (refused(path)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
      return (real.readdirSync as (p: fs.PathLike, o?: unknown) => unknown)(path, options);
    }) as typeof real.readdirSync,
  };
});

const CONFIG_MAP = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata:\n  n: 1\n`;

describe("an unreadable subdirectory", () => {
  test("is named as itself, and everything around it is read", async () => {
    const dir = workspace({
      "k8s/a.yaml": CONFIG_MAP("a"),
      "k8s/b/locked/hidden.yaml": CONFIG_MAP("hidden"),
      "k8s/b/sibling.yaml": CONFIG_MAP("sibling"),
      "k8s/c.yaml": CONFIG_MAP("c"),
    });
    const k8s = join(dir, "k8s");
    const result = await validate([k8s]);
    expect(result.findings.map((f) => `${f.rule} ${f.file.slice(k8s.length + 1)}:${f.line}`)).toEqual([
      "schema/type a.yaml:5",
      "input/unreadable b/locked:1",
      "schema/type b/sibling.yaml:5",
      "schema/type c.yaml:5",
    ]);
    expect(result.findings[1]!.message).toBe(`cannot read "${join(k8s, "b", "locked")}": permission denied`);
  });
});
