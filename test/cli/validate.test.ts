import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding, ValidateResult } from "../../src/types.js";
import { ROOT, runCli } from "./run-cli.js";
import { thingCrdYaml } from "../schema/helpers.js";

function json(args: string[], input?: string): { code: number; result: ValidateResult } {
  const run = runCli([...args, "-o", "json"], { input });
  return { code: run.code, result: JSON.parse(run.stdout) as ValidateResult };
}

function where(f: Finding): string {
  return `${f.file.replace(/^samples\/typos\//, "")}:${f.line}:${f.column} ${f.rule}`;
}

describe("kubeplan validate", () => {
  it("passes the sample app with exit code 0", () => {
    const run = runCli(["validate", "samples/app"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ 13 documents in 5 files: 0 errors, 0 warnings \(\d+ ms, Kubernetes 1\.36\)\n$/);
  });

  it("finds every typo class of samples/typos, with line, column and suggestion", () => {
    const { code, result } = json(["validate", "samples/typos"]);
    expect(code).toBe(1);
    const found = result.findings.map((f) => `${where(f)} ${f.suggestion ?? ""}`.trim());
    expect(found).toEqual(
      expect.arrayContaining([
        "unknown-fields.yaml:7:1 schema/unknown-field spec.type",
        "unknown-fields.yaml:14:7 schema/unknown-field targetPort",
        "unknown-fields.yaml:34:11 schema/unknown-field envFrom",
        "unknown-fields.yaml:39:7 schema/unknown-field volumes",
        "unknown-fields.yaml:49:3 schema/unknown-field completions",
        "unknown-kinds.yaml:3:7 schema/unknown-kind Pod",
        "unknown-kinds.yaml:12:7 schema/unknown-kind ReplicationController",
        "unknown-kinds.yaml:27:7 schema/unknown-kind ConfigMap",
        "unknown-kinds.yaml:33:13 schema/unknown-kind apps/v1",
        "unknown-kinds.yaml:50:13 schema/removed-api networking.k8s.io/v1",
        "enums.yaml:18:22 apiserver/validation Always",
        "enums.yaml:25:31 apiserver/validation In",
        "enums.yaml:30:28 apiserver/validation Always",
        "quantities.yaml:23:23 schema/format 256M",
        "quantities.yaml:25:23 schema/format 2Gi",
        "semantics.yaml:5:9 apiserver/validation payments-api",
        "yaml-traps.yaml:20:11 schema/type port: 9000",
      ]),
    );
    const ssh = result.findings.find((f) => f.path === "/data/SSH");
    expect(ssh?.message).toMatch(/^data\.SSH: expected a string, got a boolean/);
  });

  it("prints findings as file:line:col severity message [rule], grouped by file, then a summary", () => {
    const run = runCli(["validate", "samples/typos/unknown-fields.yaml", "samples/typos/enums.yaml"]);
    const lines = run.stdout.split("\n");
    expect(lines).toContain(
      'samples/typos/unknown-fields.yaml:14:7 error spec.ports[0].tartPort: unknown field "tartPort" (did you mean "targetPort"?) [schema/unknown-field]',
    );
    // files are separated by one blank line, the summary comes last
    const blank = lines.indexOf("");
    expect(lines[blank - 1]).toMatch(/^samples\/typos\/enums\.yaml:/);
    expect(lines[blank + 1]).toMatch(/^samples\/typos\/unknown-fields\.yaml:/);
    expect(lines.at(-2)).toMatch(/^✖ 4 documents in 2 files: 11 errors, 0 warnings \(\d+ ms, Kubernetes 1\.36\)$/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it("keeps the JSON contract for every finding", () => {
    const { result } = json(["validate", "samples/typos"]);
    for (const finding of result.findings) {
      expect(Object.keys(finding).sort()).toEqual(
        expect.arrayContaining(["column", "file", "line", "message", "path", "rule", "severity"]),
      );
      expect(["error", "warning", "info"]).toContain(finding.severity);
      expect(finding.line).toBeGreaterThan(0);
      expect(finding.column).toBeGreaterThan(0);
      expect(finding.path).toMatch(/^(\/.*)?$/);
    }
    expect(result.summary).toMatchObject({ files: 6, documents: 14 });
  });

  it("reads standard input with -", () => {
    const { code, result } = json(["validate", "-"], "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports:\n    - port: 80\n      tartPort: 8080\n");
    expect(code).toBe(1);
    expect(result.findings.map((f) => [f.file, f.line, f.column, f.rule])).toEqual([["<stdin>", 7, 7, "schema/unknown-field"]]);
  });

  it("names an unreadable path and still validates the rest", () => {
    const { code, result } = json(["validate", "does/not/exist.yaml", "samples/app/config.yaml"]);
    expect(code).toBe(1);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: "input/unreadable", file: "does/not/exist.yaml", message: 'cannot read "does/not/exist.yaml": no such file or directory' }),
    ]);
    expect(result.summary.documents).toBe(3);
  });

  it("rejects an unsupported --kubernetes-version without a stack trace", () => {
    const run = runCli(["validate", "--kubernetes-version", "1.12", "samples/app"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'kubeplan: unsupported Kubernetes version "1.12": supported versions are 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, or a newer 1.x release (checked as 1.36)\n',
    );
  });

  it.each([["validate"], ["plan"]])("%s accepts a release newer than the bundled ones, with one warning naming the schemas used", (command) => {
    const run = runCli([command, "--kubernetes-version", "1.37", "samples/typos/enums.yaml", "-o", "json"]);
    expect(run.code).toBe(1);
    const warning = "Kubernetes 1.37 is newer than the releases kubeplan bundles (1.30 to 1.36): using the schemas of 1.36";
    expect(run.stderr).toBe(`kubeplan: warning: ${warning}\n`);
    const result = JSON.parse(run.stdout) as ValidateResult;
    expect(result.kubernetesVersion).toBe("1.36");
    expect(result.warnings).toEqual([warning]);
    expect(result.findings.filter((f) => f.severity === "error")).toHaveLength(6);
  });

  it.each(["1.36", "v1.36.2", ""])("gives no warning for a bundled release (%j)", (version) => {
    const run = runCli(["validate", ...(version ? ["--kubernetes-version", version] : []), "samples/app/config.yaml", "-o", "json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).not.toHaveProperty("warnings");
  });

  it("rejects an unknown output format", () => {
    const run = runCli(["validate", "-o", "xml", "samples/app"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, sarif, junit, github, tap, markdown.");
  });

  it("skips kinds with --skip-kinds", () => {
    const { result } = json(["validate", "samples/typos/semantics.yaml", "--skip-kinds", "Secret,apps/v1/Deployment"]);
    expect(result.findings).toEqual([]);
    expect(result.summary.skipped).toBe(2);
  });

  it("--quiet prints errors only; --summary only the counts", () => {
    const quiet = runCli(["validate", "samples/typos/quantities.yaml", "--quiet"]);
    expect(quiet.stdout).not.toContain("warning");
    expect(quiet.stdout.trim().split("\n")).toHaveLength(4);
    const summary = runCli(["validate", "samples/typos", "--summary"]);
    expect(summary.stdout).toMatch(/^✖ 14 documents in 6 files: \d+ errors, 3 warnings \(\d+ ms, Kubernetes 1\.36\)\n$/);
  });

  it.each(["sarif", "junit", "github", "tap"])("renders -o %s", (format) => {
    const run = runCli(["validate", "samples/typos/enums.yaml", "-o", format]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("imagePullPolicy");
  });

  it("gives the same result on worker threads as on one thread", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-parallel-"));
    const doc = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: team-${i % 7}\ndata:\n  value: "${"x".repeat(200)}"\n${i % 97 === 0 ? "  port: 8080\n" : ""}`;
    for (let f = 0; f < 8; f++) {
      writeFileSync(join(dir, `f${f}.yaml`), Array.from({ length: 600 }, (_, i) => doc(f * 600 + i)).join("---\n"));
    }
    // a custom resource on one thread, its CRD read by the other
    copyFileSync(join(ROOT, "test/cli/fixtures/crds/cr.yaml"), join(dir, "a-cr.yaml"));
    copyFileSync(join(ROOT, "test/cli/fixtures/crds/crd.yaml"), join(dir, "z-crd.yaml"));
    const parallel = runCli(["validate", dir, "-o", "json"], { env: { KUBEPLAN_THREADS: "2" } });
    const single = runCli(["validate", dir, "-o", "json"], { env: { KUBEPLAN_THREADS: "1" } });
    const strip = (text: string) => ({ ...(JSON.parse(text) as ValidateResult), summary: undefined });
    expect(strip(parallel.stdout)).toEqual(strip(single.stdout));
    const findings = (JSON.parse(parallel.stdout) as ValidateResult).findings;
    expect(findings).toHaveLength(51);
    expect(findings.filter((f) => f.rule === "schema/unknown-field").map((f) => f.suggestion)).toEqual(["schedule"]);
  });
});

const WIDGET_WITH_A_BAD_SIZE = `${thingCrdYaml("example.com", "Widget", { type: "object", properties: { size: { type: "string", enum: ["small", "large"] } } })}---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec: {size: Small}
`;

describe("kubeplan validate with a config file", () => {
  it("applies .kubeplan.yaml found upward, and flags win over it", () => {
    const root = mkdtempSync(join(tmpdir(), "kubeplan-cli-config-"));
    writeFileSync(
      join(root, ".kubeplan.yaml"),
      "rules:\n  schema/enum: warning\n  apiserver/validation: warning\n  references/missing: off\nskipPaths: [skipped/]\n",
    );
    mkdirSync(join(root, "skipped"));
    copyFileSync(join(ROOT, "samples/typos/enums.yaml"), join(root, "enums.yaml"));
    copyFileSync(join(ROOT, "samples/typos/semantics.yaml"), join(root, "skipped", "semantics.yaml"));
    // A custom resource's value outside its enum: a schema/enum finding the API server's wording does not replace.
    writeFileSync(join(root, "widget.yaml"), WIDGET_WITH_A_BAD_SIZE);
    const run = runCli(["validate", ".", "-o", "json"], { cwd: root });
    const result = JSON.parse(run.stdout) as ValidateResult;
    expect(run.code).toBe(0);
    expect(result.summary).toMatchObject({ files: 2, errors: 0, warnings: 7 });
    expect(new Set(result.findings.map((f) => f.severity))).toEqual(new Set(["warning"]));
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(new Set(["schema/enum", "apiserver/validation"]));
  });

  it("names the bad key of an invalid config, without a stack trace", () => {
    const root = mkdtempSync(join(tmpdir(), "kubeplan-cli-config-"));
    writeFileSync(join(root, "kp.yaml"), "rules:\n  schema/enums: off\n");
    const run = runCli(["validate", join(ROOT, "samples/app"), "--config", join(root, "kp.yaml")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kubeplan: .*kp\.yaml: rules\.schema\/enums: unknown rule \(did you mean "schema\/enum"\?\); `kubeplan rules` lists them\n$/);
  });
});

describe("kubeplan validate with custom resources", () => {
  const cr = "test/cli/fixtures/crds/cr.yaml";
  const crd = "test/cli/fixtures/crds/crd.yaml";
  const typo = ["test/cli/fixtures/crds/cr.yaml", 6, 3, "schema/unknown-field", "schedule"];
  const brief = (f: Finding) => [f.file, f.line, f.column, f.rule, f.suggestion];

  it("finds the CRD among the inputs even after its custom resources", () => {
    const { result } = json(["validate", "test/cli/fixtures/crds"]);
    expect(result.findings.map(brief)).toEqual([typo]);
  });

  it("takes CRDs from --crds without validating them as inputs", () => {
    const { result } = json(["validate", cr, "--crds", crd]);
    expect(result.findings.map(brief)).toEqual([typo]);
    expect(result.summary.documents).toBe(1);
  });

  it("passes over what is not a CRD in a --crds directory (a kustomization, a patch without kind), and reports what does not parse", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-crds-"));
    copyFileSync(join(ROOT, crd), join(dir, "backups.yaml"));
    writeFileSync(join(dir, "kustomization.yaml"), "resources:\n- backups.yaml\n");
    writeFileSync(join(dir, "kustomizeconfig.yaml"), "nameReference:\n- kind: Service\n");
    expect(json(["validate", cr, "--crds", dir]).result.findings.map(brief)).toEqual([typo]);
    writeFileSync(join(dir, "broken.yaml"), "kind: [\n");
    expect(json(["validate", cr, "--crds", dir]).result.findings.map((f) => [f.file, f.rule])).toEqual([[join(dir, "broken.yaml"), "yaml/syntax"], [cr, "schema/unknown-field"]]);
  });

  it("applies --crds to standard input", () => {
    const run = runCli(["validate", "-", "--crds", "test/cli/fixtures/crds", "-o", "json"], { input: readFileSync(join(ROOT, cr), "utf8") });
    expect((JSON.parse(run.stdout) as ValidateResult).findings.map(brief)).toEqual([["<stdin>", 6, 3, "schema/unknown-field", "schedule"]]);
  });

  it("reports a custom resource without a CRD, unless --ignore-missing-schemas", () => {
    expect(json(["validate", cr]).result.findings.map((f) => [f.rule, f.message])).toEqual([["schema/missing-schema", "could not find schema for Backup"]]);
    const ignored = json(["validate", cr, "--ignore-missing-schemas"]);
    expect(ignored.code).toBe(0);
    expect(ignored.result.findings).toEqual([]);
  });
});
