import { describe, expect, it } from "vitest";
import { namesFormat } from "../../src/rules/names/format.js";
import { brief, runRule, yaml } from "./helpers.js";
import { DNS1035, LABEL, SUBDOMAIN } from "./messages.js";

function object(apiVersion: string, kind: string, ...metadata: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", ...metadata.map((line) => "  " + line));
}

describe("names/format", () => {
  it.each([
    ["a Deployment subdomain with dots", object("apps/v1", "Deployment", "name: web.v2")],
    ["a Service DNS-1035 label", object("v1", "Service", "name: web-api")],
    ["a Namespace label", object("v1", "Namespace", "name: team-a")],
    ["RBAC names with colons", object("rbac.authorization.k8s.io/v1", "ClusterRole", "name: system:controller:x")],
    ["a generateName ending with a dash", object("batch/v1", "Job", "generateName: migrate-")],
    ["a custom resource of a group that reuses a built-in kind name", object("serving.knative.dev/v1", "Service", "name: my.svc")],
    ["a namespace on a cluster-scoped kind (the API server drops it)", object("v1", "Namespace", "name: team-a", "namespace: Not_A_Label")],
    ["a 52-character CronJob name", object("batch/v1", "CronJob", `name: ${"c".repeat(52)}`)],
    ["a 63-character Job name", object("batch/v1", "Job", `name: ${"j".repeat(63)}`)],
    ["a long Job name with a manual selector", yaml("apiVersion: batch/v1", "kind: Job", `metadata: {name: ${"j".repeat(70)}}`, "spec: {manualSelector: true}")],
    ["a CRD named plural.group", yaml("apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata: {name: widgets.example.com}", "spec:", "  group: example.com", "  names: {plural: widgets, kind: Widget}")],
    ["a name of another type", object("v1", "ConfigMap", "name: [a]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesFormat, text)).toEqual([]);
  });

  it.each([
    ["a Deployment name with capitals and underscore", object("apps/v1", "Deployment", "name: My_App"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`, suggestion: "my-app" }]],
    ["a Service name starting with a digit", object("v1", "Service", "name: 1web"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "1web": ${DNS1035}`, suggestion: "web" }]],
    ["a Service name with a dot", object("v1", "Service", "name: web.api"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "web.api": ${DNS1035}`, suggestion: "web-api" }]],
    ["a Namespace name with a dot", object("v1", "Namespace", "name: team.a"), [{ severity: "error", line: 4, column: 9, message: 'metadata.name: Invalid value: "team.a": must not contain dots', suggestion: "team-a" }]],
    ["a StatefulSet name with a dot (DNS label since 1.27)", object("apps/v1", "StatefulSet", "name: db.primary"), [{ severity: "error", line: 4, column: 9, message: 'metadata.name: Invalid value: "db.primary": must not contain dots', suggestion: "db-primary" }]],
    ["a ConfigMap name over 253 bytes", object("v1", "ConfigMap", `name: ${"a".repeat(254)}`), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "${"a".repeat(254)}": must be no more than 253 characters`, suggestion: "a".repeat(253) }]],
    ["a ConfigMap name with a slash (DNS check first)", object("v1", "ConfigMap", "name: a/b"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "a/b": ${SUBDOMAIN}`, suggestion: "a-b" }]],
    ["a Role name with a slash", object("rbac.authorization.k8s.io/v1", "Role", "name: a/b"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "a/b": may not contain '/'` }]],
    ["a ClusterRole named ..", object("rbac.authorization.k8s.io/v1", "ClusterRole", 'name: ".."'), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "..": may not be '..'` }]],
    ["a RoleBinding name with a percent sign", object("rbac.authorization.k8s.io/v1", "RoleBinding", 'name: "50%"'), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "50%": may not contain '%'` }]],
    ["a generateName with capitals", object("v1", "Pod", "generateName: Web-"), [{ severity: "error", line: 4, column: 17, message: `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN}` }]],
    ["a namespace that is not a DNS label", object("v1", "ConfigMap", "name: app", "namespace: My_Team"), [{ severity: "error", line: 5, column: 14, message: `metadata.namespace: Invalid value: "My_Team": ${LABEL}`, suggestion: "my-team" }]],
    ["a custom resource name with capitals", object("example.com/v1", "Widget", "name: Big.Widget"), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "Big.Widget": ${SUBDOMAIN}`, suggestion: "big.widget" }]],
    ["a 53-character CronJob name", object("batch/v1", "CronJob", `name: ${"c".repeat(53)}`), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "${"c".repeat(53)}": must be no more than 52 characters` }]],
    [
      "a 64-character Job name (it becomes a label value)",
      object("batch/v1", "Job", `name: ${"j".repeat(64)}`),
      [{ severity: "error", line: 4, column: 9, message: `spec.template.labels: Invalid value: "${"j".repeat(64)}": must be no more than 63 bytes (the Job's name becomes the value of its pods' job-name label; use at most 63 characters)` }],
    ],
    [
      "a CRD whose name is not plural.group",
      yaml("apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata: {name: widget.example.com}", "spec:", "  group: example.com", "  names: {plural: widgets, kind: Widget}"),
      [{ severity: "error", line: 3, column: 18, message: 'metadata.name: Invalid value: "widget.example.com": must be spec.names.plural+"."+spec.group', suggestion: "widgets.example.com" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    const findings = runRule(namesFormat, text);
    expect(findings.every((f) => f.rule === "names/format")).toBe(true);
    expect(brief(findings)).toEqual(expected);
  });

  it("reports each upstream message of a name that breaks several rules (in output order)", () => {
    const name = "A" + "b".repeat(63);
    const findings = runRule(namesFormat, object("v1", "Namespace", `name: ${name}`));
    expect(findings.map((f) => f.message)).toEqual([
      `metadata.name: Invalid value: "${name}": ${LABEL}`,
      `metadata.name: Invalid value: "${name}": must be no more than 63 characters`,
    ]);
  });
});
