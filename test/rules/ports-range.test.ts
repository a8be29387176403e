import { describe, expect, it } from "vitest";
import { portsRange } from "../../src/rules/ports/range.js";
import { brief, runRule, yaml } from "./helpers.js";

const container = (...lines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", ...lines.map((l) => "    " + l));
const service = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec:", ...specLines.map((l) => "  " + l));

describe("ports/range", () => {
  it.each([
    ["container ports (the API server's validation checks them)", container("ports: [{containerPort: 70000}]", "livenessProbe: {httpGet: {path: /, port: 0}}")],
    ["a Service with targetPort by name, by number, and 0 (defaulted to port)", service("ports:", "- {name: a, port: 80, targetPort: http}", "- {name: b, port: 81, targetPort: 8081}", "- {name: c, port: 82, targetPort: 0}")],
    ["a NodePort Service in the default range", service("type: NodePort", "ports: [{port: 80, nodePort: 30080}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(portsRange, text)).toEqual([]);
  });

  it.each([
    [
      "a Service port of 0",
      service("ports:", "- port: 0"),
      [{ severity: "error", line: 6, column: 11, message: "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive" }],
    ],
    [
      "a numeric targetPort written as a string",
      service("ports:", "- port: 80", "  targetPort: '8080'"),
      [{ severity: "error", line: 7, column: 17, message: 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)' }],
    ],
    [
      "a nodePort on a Service without type (ClusterIP)",
      service("ports:", "- port: 80", "  nodePort: 30080"),
      [{ severity: "error", line: 7, column: 15, message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP' (set type: NodePort or LoadBalancer, or remove nodePort)" }],
    ],
    [
      "a nodePort outside the default range (a warning: the range is configurable)",
      service("type: NodePort", "ports:", "- port: 80", "  nodePort: 8080"),
      [{ severity: "warning", line: 8, column: 15, message: "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767 (the default --service-node-port-range)" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(portsRange, text))).toEqual(expected);
  });
});
