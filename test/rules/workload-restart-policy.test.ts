import { describe, expect, it } from "vitest";
import { workloadRestartPolicy } from "../../src/rules/workload/restart-policy.js";
import { brief, runRule, yaml } from "./helpers.js";

const job = (...spec: string[]) =>
  yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}", "spec:", "  template:", "    spec:", "      containers: [{name: c, image: x}]", ...spec.map((l) => "      " + l));

const cronJob = (...spec: string[]) =>
  yaml(
    "apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  schedule: '0 * * * *'", "  jobTemplate:", "    spec:", "      template:", "        spec:",
    "          containers: [{name: c, image: x}]", ...spec.map((l) => "          " + l),
  );

const workload = (apiVersion: string, kind: string, ...spec: string[]) =>
  yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata: {name: w}", "spec:", "  template:", "    spec:", "      containers: [{name: c, image: x}]", ...spec.map((l) => "      " + l));

describe("workload/restart-policy", () => {
  it.each([
    ["a Job that never restarts", job("restartPolicy: Never")],
    ["a Job restarting on failure", job("restartPolicy: OnFailure")],
    ["a CronJob that never restarts", cronJob("restartPolicy: Never")],
    ["a Job with a pod failure policy that never restarts", yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}", "spec:", "  podFailurePolicy: {rules: []}", "  template:", "    spec:", "      restartPolicy: Never", "      containers: [{name: c, image: x}]")],
    ["a Deployment without restartPolicy (Always by default)", workload("apps/v1", "Deployment")],
    ["a StatefulSet that always restarts", workload("apps/v1", "StatefulSet", "restartPolicy: Always")],
    ["a bare Pod that never restarts", yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  restartPolicy: Never", "  containers: [{name: c, image: x}]")],
    ["a malformed restartPolicy (a schema error)", workload("apps/v1", "DaemonSet", "restartPolicy: 3")],
    ["a policy outside the pod's enum (the schema layer's error)", workload("apps/v1", "DaemonSet", "restartPolicy: always")],
    ["a Job policy outside the pod's enum (the schema layer's error)", job("restartPolicy: Sometimes")],
    ["a Deployment of another API group", workload("example.com/v1", "Deployment", "restartPolicy: Never")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(workloadRestartPolicy, text)).toEqual([]);
  });

  it.each([
    [
      "a Job without restartPolicy (the pod default, Always)",
      job(),
      [{ severity: "error", line: 6, column: 5, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' }],
    ],
    [
      "a Job that always restarts",
      job("restartPolicy: Always"),
      [{ severity: "error", line: 8, column: 22, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' }],
    ],
    [
      "a CronJob without restartPolicy",
      cronJob(),
      [{ severity: "error", line: 9, column: 9, suggestion: "Never", message: 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' }],
    ],
    [
      "a Job restarting on failure with a pod failure policy",
      yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}", "spec:", "  podFailurePolicy: {rules: []}", "  template:", "    spec:", "      restartPolicy: OnFailure", "      containers: [{name: c, image: x}]"),
      [{ severity: "error", line: 8, column: 22, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified' }],
    ],
    [
      "a Deployment that never restarts",
      workload("apps/v1", "Deployment", "restartPolicy: Never"),
      [{ severity: "error", line: 8, column: 22, suggestion: "Always", message: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"' }],
    ],
    [
      "a ReplicationController restarting on failure",
      workload("v1", "ReplicationController", "restartPolicy: OnFailure"),
      [{ severity: "error", line: 8, column: 22, suggestion: "Always", message: 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(workloadRestartPolicy, text))).toEqual(expected);
  });
});
