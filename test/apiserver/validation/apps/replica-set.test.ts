import { describe, expect, it } from "vitest";
import { createPath, createPathMessages } from "../../helpers.js";
import { CONTAINER, MISMATCH, valid, workload } from "./workloads.js";

const replicaSet = (...spec: string[]) => valid("apps/v1", "ReplicaSet", ...spec);

describe("validateReplicaSetSpec", () => {
  it.each([
    ["a minimal ReplicaSet", replicaSet()],
    ["zero replicas and a minReadySeconds", replicaSet("replicas: 0", "minReadySeconds: 10")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["negative replicas", replicaSet("replicas: -2"), "1.36", ["spec.replicas: Invalid value: -2: must be greater than or equal to 0"]],
    ["a negative minReadySeconds", replicaSet("minReadySeconds: -5"), "1.36", ["spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0"]],
    [
      // ReplicaSets share the Deployment's word for it.
      "an empty selector, in Go syntax before 1.34",
      workload("apps/v1", "ReplicaSet", "selector: {matchLabels: {}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.30",
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
    ],
    [
      "a selector the template does not match",
      workload("apps/v1", "ReplicaSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: api}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      [`spec.template.metadata.labels: Invalid value: {"app":"api"}: ${MISMATCH}`],
    ],
    [
      "a template that restarts on failure, with a deadline",
      workload("apps/v1", "ReplicaSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: OnFailure, activeDeadlineSeconds: 5, containers: [${CONTAINER}]}`),
      "1.36",
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"', "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("warns when the name is not a DNS label", () => {
    expect(createPathMessages(replicaSet().replace("name: web", "name: web.v1"))).toEqual([
      "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
    ]);
  });
});
