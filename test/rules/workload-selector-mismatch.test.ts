import { describe, expect, it } from "vitest";
import { workloadSelectorMismatch } from "../../src/rules/workload/selector-mismatch.js";
import { brief, runRule, yaml } from "./helpers.js";

const MISMATCH = "`selector` does not match template `labels`";

function workload(apiVersion: string, kind: string, ...specLines: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata: {name: web}", "spec:", ...specLines.map((l) => "  " + l));
}
const deployment = (...lines: string[]) => workload("apps/v1", "Deployment", ...lines);

describe("workload/selector-mismatch", () => {
  it.each([
    ["a Deployment whose template has the selected labels and more", deployment("selector:", "  matchLabels: {app: web}", "template:", "  metadata:", "    labels: {app: web, tier: front}")],
    [
      "set-based requirements the labels satisfy",
      deployment("selector:", "  matchExpressions:", "  - {key: app, operator: In, values: [web, api]}", "  - {key: track, operator: NotIn, values: [canary]}", "  - {key: tier, operator: Exists}", "  - {key: debug, operator: DoesNotExist}", "template:", "  metadata: {labels: {app: web, tier: front}}"),
    ],
    ["a StatefulSet", workload("apps/v1", "StatefulSet", "selector: {matchLabels: {app: db}}", "template: {metadata: {labels: {app: db}}}")],
    ["a DaemonSet", workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: agent}}", "template: {metadata: {labels: {app: agent}}}")],
    ["a ReplicationController without selector (defaulted to the template labels)", workload("v1", "ReplicationController", "template: {metadata: {labels: {app: web}}}")],
    ["a ReplicationController whose selector matches", workload("v1", "ReplicationController", "selector: {app: web}", "template: {metadata: {labels: {app: web, v: '2'}}}")],
    ["a Job with a generated selector", workload("batch/v1", "Job", "template: {metadata: {labels: {app: x}}}")],
    ["a Job with a matching manual selector", workload("batch/v1", "Job", "manualSelector: true", "selector: {matchLabels: {app: x}}", "template: {metadata: {labels: {app: x}}}")],
    ["a CronJob", workload("batch/v1", "CronJob", "schedule: '@daily'", "jobTemplate: {spec: {template: {metadata: {labels: {app: x}}}}}")],
    ["an invalid selector (reported by metadata/labels, not compared)", deployment("selector:", "  matchExpressions: [{key: app, operator: Equals, values: [x]}]", "template: {metadata: {labels: {app: web}}}")],
    ["a malformed spec", deployment("selector: [a]", "template: 3")],
    ["label values of another type (the schema layer reports them)", deployment("selector: {matchLabels: {v: 1}}", "template: {metadata: {labels: {v: 1}}}")],
    ["an apps/v1beta2 Deployment without selector (defaulted there; the version is not served)", workload("apps/v1beta2", "Deployment", "template: {metadata: {labels: {app: web}}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(workloadSelectorMismatch, text)).toEqual([]);
  });

  it.each([
    [
      "a Deployment whose template lacks the selected label",
      deployment("selector:", "  matchLabels: {app: web}", "template:", "  metadata:", "    labels: {app: frontend}", "  spec: {}"),
      "1.36",
      [{ severity: "error", line: 9, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"frontend"}: ${MISMATCH}`, suggestion: "app=web" }],
    ],
    [
      "the same with Go syntax before 1.34",
      deployment("selector:", "  matchLabels: {app: web}", "template:", "  metadata:", "    labels: {app: frontend}", "  spec: {}"),
      "1.33",
      [{ severity: "error", line: 9, column: 15, message: `spec.template.metadata.labels: Invalid value: map[string]string{"app":"frontend"}: ${MISMATCH}`, suggestion: "app=web" }],
    ],
    [
      "a template without labels",
      deployment("selector: {matchLabels: {app: web, tier: front}}", "template:", "  spec: {}"),
      "1.36",
      [{ severity: "error", line: 6, column: 3, message: `spec.template.metadata.labels: Invalid value: null: ${MISMATCH}`, suggestion: "app=web,tier=front" }],
    ],
    [
      "a NotIn requirement the labels break",
      deployment("selector:", "  matchExpressions: [{key: track, operator: NotIn, values: [canary]}]", "template: {metadata: {labels: {track: canary}}}"),
      "1.36",
      [{ severity: "error", line: 7, column: 33, message: `spec.template.metadata.labels: Invalid value: {"track":"canary"}: ${MISMATCH}` }],
    ],
    [
      "a Deployment without selector",
      deployment("template: {metadata: {labels: {app: web}}}"),
      "1.36",
      [{ severity: "error", line: 4, column: 1, message: "spec.selector: Required value (apps/v1 does not default it; copy the template labels into spec.selector.matchLabels)" }],
    ],
    [
      "an empty Deployment selector",
      deployment("selector: {}", "template: {metadata: {labels: {app: web}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: Invalid value: {}: empty selector is invalid for deployment" }],
    ],
    [
      "an empty ReplicaSet selector before 1.34 (upstream says deployment)",
      workload("apps/v1", "ReplicaSet", "selector: {matchLabels: {}}", "template: {metadata: {labels: {app: web}}}"),
      "1.30",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment" }],
    ],
    [
      "an empty StatefulSet selector",
      workload("apps/v1", "StatefulSet", "selector: {}", "template: {metadata: {labels: {app: db}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: Invalid value: {}: empty selector is invalid for statefulset" }],
    ],
    [
      "an empty DaemonSet selector",
      workload("apps/v1", "DaemonSet", "selector: {}", "template: {metadata: {labels: {app: agent}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: Invalid value: {}: empty selector is invalid for daemonset" }],
    ],
    [
      "a DaemonSet without selector (nothing is selected)",
      workload("apps/v1", "DaemonSet", "template:", "  metadata:", "    labels: {app: agent}"),
      "1.36",
      [{ severity: "error", line: 7, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"agent"}: ${MISMATCH}` }],
    ],
    [
      "a ReplicationController whose selector does not match",
      workload("v1", "ReplicationController", "selector: {app: web}", "template:", "  metadata:", "    labels: {app: api}"),
      "1.36",
      [{ severity: "error", line: 8, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"api"}: ${MISMATCH}`, suggestion: "app=web" }],
    ],
    [
      "a ReplicationController with neither selector nor template labels",
      workload("v1", "ReplicationController", "template: {spec: {}}"),
      "1.36",
      [{ severity: "error", line: 4, column: 1, message: "spec.selector: Required value" }],
    ],
    [
      "a Job with its own selector but no manualSelector",
      workload("batch/v1", "Job", "selector: {matchLabels: {app: x}}", "template: {metadata: {labels: {app: x}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: `selector` not auto-generated (a Job's selector is generated from its uid; set spec.manualSelector: true to use your own, or remove spec.selector)" }],
    ],
    [
      "a Job with manualSelector and no selector",
      workload("batch/v1", "Job", "manualSelector: true", "template: {metadata: {labels: {app: x}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec.selector: Required value (spec.manualSelector is true)" }],
    ],
    [
      "a Job with a manual selector that does not match",
      workload("batch/v1", "Job", "manualSelector: true", "selector: {matchLabels: {app: x}}", "template:", "  metadata:", "    labels: {app: other}"),
      "1.36",
      [{ severity: "error", line: 9, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"other"}: ${MISMATCH}`, suggestion: "app=x" }],
    ],
    [
      "a CronJob job template with a selector and manualSelector",
      workload("batch/v1", "CronJob", "schedule: '@daily'", "jobTemplate:", "  spec:", "    manualSelector: true", "    selector: {matchLabels: {app: x}}", "    template: {metadata: {labels: {app: x}}}"),
      "1.36",
      [
        { severity: "error", line: 8, column: 23, message: 'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"', suggestion: "false" },
        { severity: "error", line: 9, column: 7, message: 'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: `selector` will be auto-generated' },
      ],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(brief(runRule(workloadSelectorMismatch, text, { kubernetesVersion: version }))).toEqual(expected);
  });
});
