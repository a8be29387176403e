import { describe, expect, it } from "vitest";
import { serviceSelectorNoMatch } from "../../src/rules/service/selector-no-match.js";
import { brief, runRule, yaml } from "./helpers.js";

const service = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: web}", "spec:", ...specLines.map((l) => "  " + l));
const deployment = (namespace: string, labels: string, ports = "[{name: http, containerPort: 8080}]") =>
  yaml("---", "apiVersion: apps/v1", "kind: Deployment", `metadata: {name: web, namespace: ${namespace}}`, "spec:", "  template:", `    metadata: {labels: ${labels}}`, `    spec: {containers: [{name: app, ports: ${ports}}]}`);

describe("service/selector-no-match", () => {
  it.each([
    ["a Service selecting a Deployment's pods", service("selector: {app: web}", "ports: [{port: 80, targetPort: http}]") + deployment("default", "{app: web, tier: front}")],
    ["a Service without selector (endpoints managed by hand)", service("ports: [{port: 80}]")],
    ["an ExternalName Service", service("type: ExternalName", "externalName: example.com", "selector: {app: nothing}")],
    ["a numeric targetPort", service("selector: {app: web}", "ports: [{port: 80, targetPort: 9999}]") + deployment("default", "{app: web}")],
    ["pods of the cluster snapshot", service("selector: {app: legacy}")],
    ["one StatefulSet pod, by the name label its controller adds", service("selector: {app: web, statefulset.kubernetes.io/pod-name: web-0}") + deployment("default", "{app: web}")],
    ["a Job's pods by the job-name label only", service("selector: {batch.kubernetes.io/job-name: migrate}")],
  ])("accepts %s", (name, text) => {
    const cluster = name.includes("cluster") ? yaml("apiVersion: v1", "kind: Pod", "metadata: {name: old, labels: {app: legacy}}", "spec: {containers: [{name: c}]}") : undefined;
    expect(runRule(serviceSelectorNoMatch, text, { cluster })).toEqual([]);
  });

  it.each([
    [
      "a selector no template has",
      service("selector:", "  app: web", "  tier: backend") + deployment("default", "{app: web, tier: front}"),
      [{ severity: "warning", line: 5, column: 3, message: 'spec.selector: selects no pods: no pod template in namespace "default" (in the inputs) has the labels app=web,tier=backend; the Service will have no endpoints' }],
    ],
    [
      "pods in another namespace",
      service("selector: {app: web}") + deployment("other", "{app: web}"),
      [{ severity: "warning", line: 5, column: 3, message: 'spec.selector: selects no pods: no pod template in namespace "default" (in the inputs) has the labels app=web; the Service will have no endpoints' }],
    ],
    [
      "a named targetPort the selected containers do not declare",
      service("selector: {app: web}", "ports:", "- port: 80", "  targetPort: htp") + deployment("default", "{app: web}"),
      [{ severity: "warning", line: 8, column: 17, message: 'spec.ports[0].targetPort: no container port named "htp" in the pods the Service selects (Deployment "web"); their endpoints get no port for it', suggestion: "http" }],
    ],
    [
      "pods an operator creates for a custom resource of the inputs: info, not warning",
      service("selector: {app.kubernetes.io/name: prometheus, prometheus: k8s}") +
        yaml("---", "apiVersion: monitoring.coreos.com/v1", "kind: Prometheus", "metadata: {name: k8s}", "spec: {replicas: 2}"),
      [{ severity: "info", line: 5, column: 3, message: 'spec.selector: selects no pod template of the inputs; the pods are probably created by an operator for Prometheus "k8s"' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(serviceSelectorNoMatch, text))).toEqual(expected);
  });

  it("says the cluster was searched when there is a snapshot", () => {
    const cluster = yaml("apiVersion: v1", "kind: Pod", "metadata: {name: other, labels: {app: other}}", "spec: {containers: [{name: c}]}");
    expect(runRule(serviceSelectorNoMatch, service("selector: {app: web}"), { cluster }).map((f) => f.message)).toEqual([
      'spec.selector: selects no pods: no pod template in namespace "default" (in neither the inputs nor the cluster) has the labels app=web; the Service will have no endpoints',
    ]);
  });
});
