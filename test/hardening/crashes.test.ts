// Attack: crash the run so that every other finding is lost. YAML that
// expands or nests without end, merge keys of the wrong kind, names that are
// JavaScript's own (`__proto__`, `constructor`), and inputs as large as a
// real cluster: each is a finding of its document, or simply works.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../cli/run-cli.js";
import { expectHandled, findingsOf, kubeplan, ruleLines, workspace } from "./attack.js";

const BEFORE = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: before}\ndata:\n  n: 1\n";
const AFTER = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: after}\ndata:\n  n: 2\n";

/** BEFORE, the attack, AFTER, as one stream; the attack's first line is line 7. */
function around(attack: string): string {
  return `${BEFORE}---\n${attack}${attack.endsWith("\n") ? "" : "\n"}---\n${AFTER}`;
}

function linesOf(text: string): number {
  return text.split("\n").length - 1;
}

function billionLaughs(): string {
  const levels = "abcdefghi".split("");
  const lines = [`${levels[0]}: &${levels[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < levels.length; i++) lines.push(`${levels[i]}: &${levels[i]} [${Array(10).fill(`*${levels[i - 1]}`).join(",")}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\n${lines.join("\n")}\n`;
}

function blockNesting(depth: number): string {
  let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n";
  for (let i = 0; i < depth; i++) text += `${"  ".repeat(i + 1)}k:\n`;
  return text + `${"  ".repeat(depth + 1)}v\n`;
}

const YAML_ATTACKS: Array<{ name: string; attack: string; finding: string; line: number }> = [
  { name: "an alias bomb", attack: billionLaughs(), finding: "yaml/limit", line: 11 },
  { name: "an alias to an anchor of an earlier document", attack: "apiVersion: v1\nkind: ConfigMap\nmetadata: *m\n", finding: "yaml/syntax", line: 9 },
  { name: "a merge key whose value is a number", attack: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: 5\n  name: m\n", finding: "yaml/syntax", line: 10 },
  { name: "2,000 levels of block nesting", attack: blockNesting(2000), finding: "yaml/limit", line: 510 },
  { name: "100,000 levels of flow nesting", attack: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\ndata: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, finding: "yaml/limit", line: 10 },
];

describe("YAML built to crash the reader is a finding of its document", { timeout: 300_000 }, () => {
  test.each(YAML_ATTACKS)("$name", ({ attack, finding, line }) => {
    const text = around(attack);
    const cwd = workspace({ "attack.yaml": text });
    for (const command of ["validate", "plan"]) {
      const run = kubeplan([command, "attack.yaml", "-o", "json"], cwd);
      expectHandled(run, 1);
      expect(ruleLines(run)).toEqual(["schema/type@5", `${finding}@${line}`, `schema/type@${linesOf(text)}`]);
    }
  });
});

const PROTOTYPE_NAMES = `apiVersion: v1
kind: constructor
metadata: {name: a}
---
apiVersion: toString/v1
kind: __proto__
metadata: {name: b}
---
apiVersion: v1
kind: hasOwnProperty
metadata: {name: c, namespace: __proto__}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: d
  labels: {__proto__: x, constructor: y}
data:
  __proto__: polluted
  constructor: "1"
  toString: "2"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: e}
spec:
  selector: {matchLabels: {__proto__: web}}
  template:
    metadata: {labels: {__proto__: web}}
    spec:
      containers: [{name: c, image: nginx, __proto__: {x: 1}}]
`;

describe("names that are JavaScript's own", { timeout: 300_000 }, () => {
  test("kinds, groups, namespaces, keys and labels named __proto__, constructor, toString", () => {
    const text = around(PROTOTYPE_NAMES);
    const cwd = workspace({ "proto.yaml": text });
    for (const args of [["validate"], ["plan"], ["plan", "--diff"]]) {
      const run = kubeplan([...args, "proto.yaml", "-o", "json"], cwd);
      expectHandled(run, 1);
      const findings = findingsOf(run);
      expect(findings.filter((f) => f.rule === "schema/unknown-kind").map((f) => f.line)).toEqual([8, 16]);
      expect(findings.map((f) => f.message).join("\n")).not.toMatch(/is not a function|Cannot read|undefined/);
      expect(ruleLines(run)).toEqual(expect.arrayContaining(["schema/type@5", `schema/type@${linesOf(text)}`, "schema/missing-schema@12"]));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** `count` ConfigMaps in `namespace`, one flow mapping a line. */
function configMaps(count: number, namespace: string, extra = ""): string {
  const lines = ["apiVersion: v1", "kind: List", "items:"];
  for (let i = 0; i < count; i++) lines.push(`- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-${i}, namespace: ${namespace}${extra}}, data: {k: v}}`);
  return lines.join("\n") + "\n";
}

describe("inputs of a real cluster's size", { timeout: 600_000 }, () => {
  test("plan on 45,000 objects", () => {
    const cwd = workspace({ "many.yaml": configMaps(45_000, "shop") });
    const run = kubeplan(["plan", "many.yaml"], cwd);
    expectHandled(run, 0, 240_000);
    expect(run.stdout).toContain("Plan: 45000 to add, 0 to change, 0 to replace, 0 to destroy.");
  });

  test("plan and --diff against a 130,000-object snapshot", () => {
    const cwd = workspace({
      "cluster.yaml": configMaps(130_000, "shop", ', resourceVersion: "1"'),
      "app.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-7, namespace: shop}\ndata: {k: changed}\n",
    });
    const run = kubeplan(["plan", "app.yaml", "--cluster", "cluster.yaml", "--diff", "-o", "json"], cwd);
    expectHandled(run, 0, 240_000);
    const plan = JSON.parse(run.stdout) as { changes: Array<{ name: string; action: string }> };
    expect(plan.changes.map((c) => `${c.action} ${c.name}`)).toEqual(["update cm-7"]);
  });
});

describe("a closed standard output", { timeout: 120_000 }, () => {
  test("ends the run quietly with its usual exit code", () => {
    const cwd = workspace({ "many.yaml": configMaps(2_000, "shop").replace(/data: \{k: v\}/g, "data: {k: 1}") });
    const bin = join(ROOT, "bin", "kubeplan.js");
    // Its findings fill more than a pipe's buffer, so it writes after `head` has gone.
    const script = `"${process.execPath}" "${bin}" validate many.yaml | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe("1");
  });
});
