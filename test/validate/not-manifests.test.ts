// Files beside manifests that are not Kubernetes objects are skipped with one
// info each; --ignore-filename-pattern leaves files out; --reject makes kinds errors.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";
import { notAManifest } from "../../src/validate/not-manifests.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "kubeplan-tree-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const CHART = "apiVersion: v2\nname: web\nversion: 1.0.0\n";
const CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n";

describe("notAManifest", () => {
  const root = tree({
    "chart/Chart.yaml": CHART,
    "chart/values.yaml": "replicas: 2\n",
    "chart/values-prod.yaml": "replicas: 3\n",
    "chart/templates/svc.yaml": "kind: Service\nmetadata:\n  name: {{ .Release.Name }}\n",
    "chart/templates/sub/cm.yaml": "{{- include \"x\" . }}\n",
    "loose/values.yaml": CONFIG_MAP,
    "loose/templates/cm.yaml": CONFIG_MAP,
  });
  it.each([
    ["kustomization.yaml", "a Kustomize kustomization (render it: kustomize build DIR | kubeplan validate -)"],
    ["overlays/prod/kustomization.yml", "a Kustomize kustomization (render it: kustomize build DIR | kubeplan validate -)"],
    ["overlays/prod/Kustomization", "a Kustomize kustomization (render it: kustomize build DIR | kubeplan validate -)"],
    ["charts/web/Chart.yaml", "a Helm chart's metadata"],
    [join(root, "chart/values.yaml"), "a Helm chart's values"],
    [join(root, "chart/values-prod.yaml"), "a Helm chart's values"],
    [join(root, "chart/templates/svc.yaml"), "a Helm template (render the chart: helm template NAME CHART | kubeplan validate -)"],
    [join(root, "chart/templates/sub/cm.yaml"), "a Helm template (render the chart: helm template NAME CHART | kubeplan validate -)"],
    [".github/workflows/ci.yml", "a GitHub Actions workflow"],
    ["docker-compose.yml", "a Compose file"],
    ["deploy/compose.prod.yaml", "a Compose file"],
    [".pre-commit-config.yaml", "a pre-commit configuration"],
    ["package.json", "a package or compiler configuration"],
    ["tsconfig.build.json", "a package or compiler configuration"],
  ])("%s is %s", (path, what) => {
    expect(notAManifest(path)).toBe(what);
  });

  it.each([
    "k8s/deployment.yaml",
    "k8s/values.yaml",
    join(root, "loose/values.yaml"),
    join(root, "loose/templates/cm.yaml"),
    "k8s/templates.yaml",
    ".github/dependabot.yml",
    "k8s/kustomization-notes.yaml",
    "-",
  ])("%s is a manifest", (path) => {
    expect(notAManifest(path)).toBeUndefined();
  });
});

describe("validate with files that are not manifests", () => {
  it("skips each with one info and checks the rest", async () => {
    const root = tree({
      "chart/Chart.yaml": CHART,
      "chart/values.yaml": "replicas: 2\n",
      "chart/templates/svc.yaml": "metadata:\n  name: {{ .Release.Name }}\n",
      "kustomization.yaml": "resources: [k8s/cm.yaml]\n",
      "k8s/cm.yaml": CONFIG_MAP,
    });
    const result = await validate([root]);
    expect(result.summary).toMatchObject({ errors: 0, infos: 4, documents: 1 });
    expect(result.findings.map((f) => [f.file.slice(root.length + 1), f.rule])).toEqual([
      ["chart/Chart.yaml", "input/not-a-manifest"],
      ["chart/templates/svc.yaml", "input/not-a-manifest"],
      ["chart/values.yaml", "input/not-a-manifest"],
      ["kustomization.yaml", "input/not-a-manifest"],
    ]);
  });

  it.each([
    [["cm\\.yaml$"], ["secret.yaml"]],
    [["^nothing$"], ["cm.yaml", "secret.yaml"]],
    [["cm", "secret"], []],
  ])("--ignore-filename-pattern %j leaves out what matches", async (patterns, kept) => {
    const root = tree({ "k8s/cm.yaml": CONFIG_MAP, "k8s/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n" });
    const result = await validate([root], { ignoreFilenamePatterns: patterns });
    expect(result.files.map((f) => f.file.slice(root.length + 5))).toEqual(kept);
  });

  it("a bad pattern is a usage error", async () => {
    await expect(validate(["samples/app"], { ignoreFilenamePatterns: ["("] })).rejects.toThrow('--ignore-filename-pattern "("');
  });

  it.each([
    [["Secret"], ["k8s/secret.yaml:2:7 kind: Secret is rejected here (--reject)"]],
    [["v1/Secret"], ["k8s/secret.yaml:2:7 kind: Secret is rejected here (--reject)"]],
    [["apps/v1/Secret"], []],
    [["ConfigMap", "Secret"], ["k8s/cm.yaml:2:7 kind: ConfigMap is rejected here (--reject)", "k8s/secret.yaml:2:7 kind: Secret is rejected here (--reject)"]],
  ])("--reject %j", async (kinds, expected) => {
    const root = tree({ "k8s/cm.yaml": CONFIG_MAP, "k8s/secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n" });
    const result = await validate([root], { rejectKinds: kinds });
    expect(result.findings.filter((f) => f.rule === "inputs/rejected-kind").map((f) => `${f.file.slice(root.length + 1)}:${f.line}:${f.column} ${f.message}`)).toEqual(expected);
    expect(result.summary.errors).toBe(expected.length);
  });
});
