// Attack: write to the terminal or the CI log through kubeplan's output.
// Keys, values, file names and `# Source:` names carry newlines, ANSI and OSC
// sequences, forged GitHub workflow commands and `##[` markers; no format
// lets one through raw, and the github format never starts a line with `::`
// or carries `##[` from the input.
import { describe, expect, test } from "vitest";
import { expectHandled, kubeplan, PLAN_FORMATS, VALIDATE_FORMATS, workspace } from "./attack.js";

const FORGED = "\n::error file=forged.yaml,line=1::pwned\n##[error]pwned\u001b[2J\u001b]0;title\u0007\u001b]8;;http://x\u001b\\link\r\u009b31m\u2028";
/** A double-quoted YAML string with every character outside printable ASCII as an escape: go-yaml refuses them raw. */
const yamlString = (text: string) => `"${[...text].map((c) => (/[ -~]/.test(c) && c !== '"' && c !== "\\" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).join("")}"`;

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${yamlString(`bad${FORGED}`)}
  labels: {${yamlString(`key${FORGED}`)}: ${yamlString(`value${FORGED}`)}}
data:
  ${yamlString(`k${FORGED}`)}: 1
---
apiVersion: v1
kind: ${yamlString(`Kind${FORGED}`)}
metadata: {name: x}
`;

/** What no output may hold: raw control characters (bar newline) and, in any format, a forged workflow command. */
function expectSafe(output: string, format: string): void {
  expect(output, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(output, format).not.toMatch(/^::error file=forged/m);
  expect(output, format).not.toContain("##[");
}

describe("input never reaches the terminal or the CI log unescaped", { timeout: 300_000 }, () => {
  test("keys, values and kinds, in every format of validate and plan", () => {
    const cwd = workspace({ "app.yaml": MANIFEST });
    for (const format of VALIDATE_FORMATS) {
      const run = kubeplan(["validate", "app.yaml", "-o", format], cwd);
      expectHandled(run, 1);
      expectSafe(run.stdout + run.stderr, `validate ${format}`);
    }
    for (const format of PLAN_FORMATS) {
      const run = kubeplan(["plan", "app.yaml", "--diff", "-o", format], cwd);
      expectHandled(run, 1);
      expectSafe(run.stdout + run.stderr, `plan ${format}`);
    }
  });

  test("the github format: every line is kubeplan's own command", () => {
    const run = kubeplan(["validate", "app.yaml", "-o", "github"], workspace({ "app.yaml": MANIFEST }));
    expectHandled(run, 1);
    const lines = run.stdout.split("\n").filter((line) => line !== "");
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=app\.yaml,line=\d+,col=\d+,title=[\w/-]+::/);
  });

  test("file names and # Source: names", () => {
    const evil = `evil${FORGED.replace(/\//g, "_")}.yaml`;
    const cwd = workspace({ [evil]: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  n: 1\n" });
    const rendered = `---\n# Source: chart/templates/${FORGED.replace(/\s/g, "_")}.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata:\n  n: 1\n`;
    for (const format of ["text", "github", "tap", "markdown", "junit"]) {
      const fromDisk = kubeplan(["validate", ".", "-o", format], cwd);
      expectHandled(fromDisk, 1);
      expectSafe(fromDisk.stdout, `file name, ${format}`);
      const fromStdin = kubeplan(["validate", "-", "-o", format], cwd, rendered);
      expectHandled(fromStdin, 1);
      expectSafe(fromStdin.stdout, `# Source:, ${format}`);
    }
  });

  test("JSON keeps the text, with the control characters as \\u escapes", () => {
    const run = kubeplan(["validate", "app.yaml", "-o", "json"], workspace({ "app.yaml": MANIFEST }));
    expect(run.stdout).toContain("\\u001b[2J");
    const messages = (JSON.parse(run.stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message);
    expect(messages.some((m) => m.includes("\u001b]0;title\u0007"))).toBe(true);
  });
});

/** Characters that print nothing, or change how what follows reads: one name can pass for another. */
const INVISIBLE = ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e", "\u3164", "\ufff9", "\u{e0041}", "\u202e", "\u2066", "\u0085", "\u2028", "\u2029"];

describe("characters that print nothing or reorder text are shown as escapes", { timeout: 300_000 }, () => {
  const name = (c: string) => `web${c}1`;
  const manifest = INVISIBLE.map((c, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${yamlString(name(c))}\n  labels: {${yamlString(`k${c}`)}: ${yamlString(`v${c}${i}`)}}\ndata:\n  n: 1\n`).join("---\n");
  const cwd = () => workspace({ "app.yaml": manifest });

  test.each([
    ["validate", "text", "\\u200b"], ["validate", "github", "\\u200b"], ["validate", "tap", "\\u200b"], ["validate", "junit", "\\u200b"],
    ["validate", "markdown", "\\u{200b}"], ["plan", "text", "\\u200b"], ["plan", "markdown", "\\u{200b}"],
  ])("%s -o %s", (command, format, escaped) => {
    const run = kubeplan([command, "app.yaml", "-o", format], cwd());
    expectHandled(run, 1);
    for (const c of INVISIBLE) expect(run.stdout.includes(c), `U+${c.codePointAt(0)!.toString(16)} in ${command} ${format}`).toBe(false);
    expect(run.stdout).toContain(escaped);
  });

  test("JSON writes them as \\u escapes, and a JSON reader gets them back", () => {
    const run = kubeplan(["validate", "app.yaml", "-o", "json"], cwd());
    for (const c of INVISIBLE) expect(run.stdout.includes(c)).toBe(false);
    expect(run.stdout).toContain("\\u200b");
    const files = (JSON.parse(run.stdout) as { files: Array<{ documents: Array<{ name: string }> }> }).files;
    expect(files[0]!.documents.map((d) => d.name)).toContain("web\u200b1");
  });
});
