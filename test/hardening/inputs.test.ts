// Attack: make kubeplan read outside the tree it was given, or read without
// end. Links out of the given paths are findings (not followed), only regular
// files are read, and each only up to the size limit; the flags that relax
// this do relax it.
import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { expectHandled, findingsOf, kubeplan, ruleLines, workspace } from "./attack.js";

const CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inside}\ndata:\n  n: 1\n";
const OUTSIDE = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stolen}\ndata:\n  token: KUBECONFIG-TOKEN\n";

describe("inputs stay inside the given paths", { timeout: 300_000 }, () => {
  test("a link to a file or a directory outside is a finding, and its content is never printed", () => {
    const cwd = workspace({ "repo/k8s/app.yaml": CONFIG_MAP, "home/.kube/config.yaml": OUTSIDE });
    symlinkSync(join(cwd, "home/.kube/config.yaml"), join(cwd, "repo/k8s/kubeconfig.yaml"));
    symlinkSync(join(cwd, "home/.kube"), join(cwd, "repo/k8s/kube"));
    for (const args of [["validate", "k8s", "-o", "json"], ["plan", "k8s", "--diff", "-o", "json"], ["plan", "k8s", "--diff"]]) {
      const run = kubeplan(args, join(cwd, "repo"));
      expectHandled(run, 1);
      expect(run.stdout).not.toContain("KUBECONFIG-TOKEN");
    }
    const findings = findingsOf(kubeplan(["validate", "k8s", "-o", "json"], join(cwd, "repo")));
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      "schema/type k8s/app.yaml:5",
      "input/symlink-outside k8s/kube:1",
      "input/symlink-outside k8s/kubeconfig.yaml:1",
    ]);
    // The flag that allows it does read it.
    const followed = kubeplan(["plan", "k8s", "--diff", "--follow-external-symlinks"], join(cwd, "repo"));
    expectHandled(followed, 1);
    expect(followed.stdout).toContain("KUBECONFIG-TOKEN");
  });

  test("links that lead nowhere (a loop, a dangling link) are named, and a directory linked into itself is read once", () => {
    const cwd = workspace({ "k8s/app.yaml": CONFIG_MAP });
    symlinkSync("loop-b.yaml", join(cwd, "k8s/loop-a.yaml"));
    symlinkSync("loop-a.yaml", join(cwd, "k8s/loop-b.yaml"));
    symlinkSync("missing.yaml", join(cwd, "k8s/dangling.yaml"));
    symlinkSync("missing", join(cwd, "k8s/dangling-dir"));
    symlinkSync(".", join(cwd, "k8s/self"));
    symlinkSync("..", join(cwd, "k8s/parent"));
    const run = kubeplan(["validate", "k8s", "-o", "json"], cwd);
    expectHandled(run, 1, 20_000);
    expect(findingsOf(run).map((f) => `${f.rule} ${f.file}: ${f.message}`)).toEqual([
      expect.stringMatching(/^schema\/type k8s\/app\.yaml: /),
      'input/unreadable k8s/dangling.yaml: cannot read "k8s/dangling.yaml": no such file or directory',
      'input/unreadable k8s/loop-a.yaml: cannot read "k8s/loop-a.yaml": too many levels of symbolic links',
      'input/unreadable k8s/loop-b.yaml: cannot read "k8s/loop-b.yaml": too many levels of symbolic links',
      expect.stringMatching(/^input\/symlink-outside k8s\/parent: /),
    ]);
  });

  test("a link that stays inside the given paths is read", () => {
    const cwd = workspace({ "k8s/base/app.yaml": CONFIG_MAP });
    symlinkSync(join(cwd, "k8s/base"), join(cwd, "k8s/linked"));
    const run = kubeplan(["validate", "k8s", "-o", "json"], cwd);
    expectHandled(run, 1);
    expect(ruleLines(run)).toEqual(["schema/type@5"]);
  });
});

describe("only regular files, each within the size limit", { timeout: 300_000 }, () => {
  test.each(["/dev/zero", "/dev/urandom", "/dev/null"])("%s is refused at once", (device) => {
    const cwd = workspace({ "app.yaml": CONFIG_MAP });
    const run = kubeplan(["validate", device, "app.yaml", "-o", "json"], cwd);
    expectHandled(run, 1, 20_000);
    expect(findingsOf(run).map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([`input/unreadable ${device}:1`, "schema/type app.yaml:5"]);
  });

  test("a named pipe with no writer does not block the run", () => {
    const cwd = workspace({ "k8s/app.yaml": CONFIG_MAP });
    execFileSync("mkfifo", [join(cwd, "k8s/pipe.yaml")]);
    const run = kubeplan(["validate", "k8s", "-o", "json"], cwd);
    expectHandled(run, 1, 20_000);
    expect(ruleLines(run)).toEqual(["schema/type@5", "input/unreadable@1"]);
  });

  test("a file over --max-file-size is one finding; the flag raises the limit", () => {
    const big = CONFIG_MAP + `  big: "${"x".repeat(4096)}"\n`;
    const cwd = workspace({ "big.yaml": big, "small.yaml": CONFIG_MAP });
    const limited = kubeplan(["validate", "big.yaml", "small.yaml", "--max-file-size", "2Ki", "-o", "json"], cwd);
    expectHandled(limited, 1);
    expect(findingsOf(limited).map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual(["input/too-large big.yaml:1", "schema/type small.yaml:5"]);
    expect(ruleLines(kubeplan(["validate", "big.yaml", "--max-file-size", "8Ki", "-o", "json"], cwd))).toEqual(["schema/type@5"]);
  });

  test("standard input is read only up to the limit", () => {
    const run = kubeplan(["validate", "-", "--max-file-size", "1Mi", "-o", "json"], workspace(), "#".repeat(3 * 1024 * 1024));
    expectHandled(run, 1);
    expect(findingsOf(run).map((f) => `${f.rule} ${f.file}`)).toEqual(["input/too-large <stdin>"]);
  });
});
