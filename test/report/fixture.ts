// A realistic `validate` result for the CI renderers: several files, several
// objects per file (a List among them), errors, warnings and infos, a
// suppressed finding, a YAML syntax error and an unreadable file that belong
// to no object, and messages full of characters each format must escape.
import type { RenderContext } from "../../src/report/context.js";
import type { ValidateResult } from "../../src/types.js";

export const context: RenderContext = {
  toolVersion: "0.1.0",
  informationUri: "https://example.com/kubeplan",
  rules: [
    { id: "input/unreadable", severity: "error", description: "A path on the command line cannot be read." },
    { id: "yaml/syntax", severity: "error", description: "The YAML of a document cannot be parsed; the document is skipped." },
    { id: "document/missing-kind", severity: "error", description: "An object has no kind." },
    {
      id: "schema/enum",
      severity: "error",
      description: "A value outside the closed set Kubernetes accepts, with the nearest accepted value.",
      helpUri: "https://example.com/kubeplan/rules#schema-enum",
    },
    {
      id: "workload/no-resources",
      severity: "warning",
      description: "A container without resource requests: the scheduler places it as if it needed nothing.",
      // Not an absolute URI: SARIF cannot carry it as helpUri.
      helpUri: "README.md#workload-no-resources",
    },
    { id: "workload/latest-tag", severity: "warning", description: "An image with the latest tag, or no tag." },
    { id: "secret/base64", severity: "warning", description: "A Secret data value that is not valid base64." },
    { id: "metadata/recommended-labels", severity: "info", description: "An object without the recommended app.kubernetes.io labels." },
  ],
};

export const APP = "k8s/app.yaml";
export const BROKEN = "k8s/broken.yaml";
export const LIST = "k8s/list.yaml";
export const EMPTY = "k8s/empty.yaml";
export const MISSING = "k8s/missing.yaml";

export function fixtureResult(): ValidateResult {
  return {
    kubernetesVersion: "1.36",
    files: [
      {
        file: APP,
        documents: [
          { file: APP, index: 0, pointerPrefix: "", line: 1, apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "team-a" },
          { file: APP, index: 1, pointerPrefix: "", line: 24, apiVersion: "v1", kind: "Service", name: "web", namespace: "team-a" },
          { file: APP, index: 2, pointerPrefix: "", line: 40, apiVersion: "v1", kind: "ConfigMap", name: "settings", namespace: "team-a" },
        ],
      },
      {
        file: BROKEN,
        documents: [{ file: BROKEN, index: 0, pointerPrefix: "", line: 1, apiVersion: "v1", kind: "Namespace", name: "team-a" }],
      },
      {
        file: LIST,
        documents: [
          { file: LIST, index: 0, pointerPrefix: "/items/0", line: 4, apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "team-a" },
          { file: LIST, index: 0, pointerPrefix: "/items/1", line: 12, apiVersion: "v1", kind: "Secret", name: "b", namespace: "team-a" },
        ],
      },
      { file: EMPTY, documents: [] },
    ],
    // Deliberately not in output order: every renderer sorts.
    findings: [
      {
        severity: "error",
        rule: "service/selector",
        message: 'spec.selector: app=web, tier=frontend matches no pod template: 0% of the pods "would" be selected',
        file: APP,
        line: 31,
        column: 5,
        path: "/spec/selector",
      },
      {
        severity: "error",
        rule: "schema/enum",
        message: 'spec.template.spec.containers[0].imagePullPolicy: "always" is not one of Always, IfNotPresent, Never (did you mean "Always"?)',
        file: APP,
        line: 14,
        column: 9,
        path: "/spec/template/spec/containers/0/imagePullPolicy",
        suggestion: "Always",
        fix: { description: 'replace with "Always"', edits: [{ span: { line: 14, column: 9, endLine: 14, endColumn: 15 }, text: "Always" }] },
      },
      {
        severity: "warning",
        rule: "workload/no-resources",
        message: 'spec.template.spec.containers[0]: container "web" has no resources.requests: it is BestEffort <QoS> & the first to be evicted',
        file: APP,
        line: 12,
        column: 11,
        path: "/spec/template/spec/containers/0",
      },
      {
        severity: "warning",
        rule: "workload/latest-tag",
        message: 'spec.template.spec.containers[0].image: "nginx:latest" uses the latest tag',
        file: APP,
        line: 13,
        column: 18,
        path: "/spec/template/spec/containers/0/image",
        suppressed: true,
      },
      {
        severity: "error",
        rule: "yaml/syntax",
        message: "YAML syntax error: Nested mappings are not allowed in compact mappings at line 9, column 14:\n\n  image: nginx: 1.25\n             ^",
        file: BROKEN,
        line: 9,
        column: 14,
        path: "",
      },
      {
        severity: "info",
        rule: "metadata/recommended-labels",
        message: 'metadata.labels: add "app.kubernetes.io/name" & "app.kubernetes.io/part-of"',
        file: BROKEN,
        line: 3,
        column: 3,
        path: "/metadata",
      },
      {
        severity: "warning",
        rule: "secret/base64",
        message: "data[password]: 100%secret is not base64 # decode fails",
        file: LIST,
        line: 15,
        column: 13,
        path: "/items/1/data/password",
      },
      {
        severity: "error",
        rule: "document/missing-kind",
        message: "kind not set",
        file: LIST,
        line: 20,
        column: 5,
        path: "/items/2",
      },
      {
        severity: "error",
        rule: "input/unreadable",
        message: 'cannot read "k8s/missing.yaml": ENOENT: no such file or directory',
        file: MISSING,
        line: 1,
        column: 1,
        path: "",
      },
    ],
    summary: { files: 4, documents: 6, errors: 5, warnings: 2, infos: 1, suppressed: 1, skipped: 0, durationMs: 42 },
  };
}
