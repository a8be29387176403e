// What CI pipelines and other programs rely on: suppressions, the rule list,
// helm's stream on standard input, and the library API.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plan, ruleCatalog, validate } from "../../src/index.js";
import type { ValidateResult } from "../../src/types.js";
import { runCli } from "./run-cli.js";

const deployment = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: other}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePulPolicy: Always
`;

describe("kubeplan.io/ignore", () => {
  it.each([
    ["", [false, false]],
    ["  annotations:\n    kubeplan.io/ignore: apiserver/validation\n", [false, true]],
    ["  annotations:\n    kubeplan.io/ignore: schema/unknown-field, apiserver/validation\n", [true, true]],
    ["  annotations:\n    kubeplan.io/ignore: all\n", [true, true]],
  ])("%j silences what it names and keeps it in JSON as suppressed", async (annotations, [typoSuppressed, selectorSuppressed]) => {
    const result = await validate({ text: deployment(annotations), file: "web.yaml" });
    const byRule = new Map(result.findings.map((f) => [f.rule, f.suppressed === true]));
    expect(byRule.get("schema/unknown-field")).toBe(typoSuppressed);
    expect(byRule.get("apiserver/validation")).toBe(selectorSuppressed);
    expect(result.summary.suppressed).toBe([typoSuppressed, selectorSuppressed].filter(Boolean).length);
    expect(result.summary.errors).toBe(2 - result.summary.suppressed);
  });
});

describe("kubeplan rules", () => {
  it("lists every rule with id, default severity and help", () => {
    const run = runCli(["rules"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(ruleCatalog().length);
    expect(lines).toContainEqual(expect.stringMatching(/^schema\/unknown-field\s+error\s+A field the kind's schema does not have/));
    expect(lines).toContainEqual(expect.stringMatching(/^references\/missing\s+warning\s+/));
  });
});

describe("helm template | kubeplan validate -", () => {
  it("names each finding after its # Source: template", () => {
    const stream = [
      "---",
      "# Source: web/templates/service.yaml",
      "apiVersion: v1",
      "kind: Service",
      "metadata: {name: web}",
      "spec:",
      "  selector: {app: web}",
      "  ports:",
      "    - port: 80",
      "      tartPort: 8080",
      "---",
      "# Source: web/templates/deployment.yaml",
      deployment(""),
    ].join("\n");
    const run = runCli(["validate", "-", "-o", "json"], { input: stream });
    const result = JSON.parse(run.stdout) as ValidateResult;
    expect(result.findings.map((f) => `${f.file}:${f.rule}`)).toEqual([
      "web/templates/deployment.yaml:apiserver/validation",
      "web/templates/deployment.yaml:schema/unknown-field",
      // the Deployment's template is labelled app=other: the Service selects nothing
      "web/templates/service.yaml:service/selector-no-match",
      "web/templates/service.yaml:schema/unknown-field",
    ]);
    expect(result.files.map((f) => f.file)).toEqual(["web/templates/service.yaml", "web/templates/deployment.yaml"]);
    // Lines count within each template's output (the line after `# Source:` is 1), and say so.
    const [inDeployment, inService] = result.findings.filter((f) => f.rule === "schema/unknown-field");
    expect([inService!.line, inService!.column, inService!.rendered]).toEqual([8, 7, true]);
    expect([inDeployment!.line, inDeployment!.rendered]).toEqual([15, true]);
    // No fix points into output that is not a file.
    expect(result.findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it.each([
    ["sarif", (out: string) => out.includes("rendered output (helm template on standard input)")],
    ["github", (out: string) => out.includes("title=schema/unknown-field (in rendered output)::")],
  ])("-o %s says a finding is in rendered output", (format, says) => {
    const stream = "---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  tartPort: 1\n";
    expect(says(runCli(["validate", "-", "-o", format], { input: stream }).stdout)).toBe(true);
  });

  it("a file read from disk keeps its own name and lines, whatever its # Source: comments say", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-source-"));
    const file = join(dir, "rendered.yaml");
    writeFileSync(file, "---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n  tartPort: 1\n");
    const result = JSON.parse(runCli(["validate", file, "-o", "json"]).stdout) as ValidateResult;
    expect(result.findings.map((f) => [f.file, f.line, f.rendered ?? false])).toEqual([[file, 8, false]]);
  });
});

describe("library API", () => {
  it("validate returns the object -o json prints", async () => {
    const library = await validate(["samples/typos/enums.yaml"]);
    const cli = JSON.parse(runCli(["validate", "samples/typos/enums.yaml", "-o", "json"]).stdout) as ValidateResult;
    expect({ ...library, summary: { ...library.summary, durationMs: 0 } }).toEqual({ ...cli, summary: { ...cli.summary, durationMs: 0 } });
  });

  it("plan returns the plan -o json prints", async () => {
    const { result } = await plan(["samples/admission"]);
    expect(result.pods.map((p) => [p.name, p.admitted])).toEqual([
      ["first", true],
      ["second", false],
      ["defaulted", true],
      ["too-big", false],
    ]);
    expect(result.pods.find((p) => p.name === "defaulted")!.resources).toEqual({ requests: { memory: "1Gi" }, limits: { memory: "2Gi" } });
  });

  it("rejects a bad option with UsageError, never a bad manifest", async () => {
    await expect(validate(["samples/app"], { kubernetesVersion: "2.0" })).rejects.toThrow('unsupported Kubernetes version "2.0"');
    await expect(validate({ text: "a: [b" })).resolves.toMatchObject({ summary: { errors: 1 }, findings: [{ rule: "yaml/syntax" }] });
  });
});
