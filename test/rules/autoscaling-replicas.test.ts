import { describe, expect, it } from "vitest";
import { autoscalingReplicas } from "../../src/rules/autoscaling/replicas.js";
import { brief, runRule, yaml } from "./helpers.js";

const hpa = (...spec: string[]) =>
  yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec:", "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}", ...spec.map((l) => "  " + l));

describe("autoscaling/replicas", () => {
  it.each([
    ["bounds in order", hpa("minReplicas: 2", "maxReplicas: 10")],
    ["equal bounds", hpa("minReplicas: 3", "maxReplicas: 3")],
    ["no minReplicas (defaults to 1)", hpa("maxReplicas: 1")],
    ["an autoscaling/v1 object", yaml("apiVersion: autoscaling/v1", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 80}")],
    ["scaling policies within bounds", hpa("maxReplicas: 5", "behavior:", "  scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}", "  scaleUp: {selectPolicy: Max}")],
    ["bounds of the wrong type (schema errors)", hpa("minReplicas: '5'", "maxReplicas: 2")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(autoscalingReplicas, text)).toEqual([]);
  });

  it.each([
    [
      "minReplicas above maxReplicas",
      hpa("minReplicas: 5", "maxReplicas: 3"),
      [{ severity: "error", line: 7, column: 16, suggestion: "5", message: "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`" }],
    ],
    [
      "maxReplicas 0 below the default minReplicas",
      hpa("maxReplicas: 0"),
      [
        { severity: "error", line: 6, column: 16, message: "spec.maxReplicas: Invalid value: 0: must be greater than 0" },
        { severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`" },
      ],
    ],
    [
      "minReplicas 0 without the HPAScaleToZero feature gate or an Object metric",
      hpa("minReplicas: 0", "maxReplicas: 3", "metrics:", "- type: Resource", "  resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}"),
      [
        { severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1" },
        { severity: "error", line: 8, column: 3, message: "spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas" },
      ],
    ],
    [
      "minReplicas 0 with an External metric (the feature gate is still needed)",
      hpa("minReplicas: 0", "maxReplicas: 3", "metrics: [{type: External, external: {metric: {name: queue}, target: {type: Value, value: '10'}}}]"),
      [{ severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1" }],
    ],
    [
      "scaling rules out of bounds",
      hpa("maxReplicas: 5", "behavior:", "  scaleUp:", "    stabilizationWindowSeconds: 7200", "    policies: []", "  scaleDown:", "    policies:", "    - {type: Pods, value: 0, periodSeconds: 3600}"),
      [
        { severity: "error", line: 9, column: 35, message: "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 7200: must be less than or equal to 3600" },
        { severity: "error", line: 10, column: 17, message: "spec.behavior.scaleUp.policies: Required value: must specify at least one Policy" },
        { severity: "error", line: 13, column: 29, message: "spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero" },
        { severity: "error", line: 13, column: 47, message: "spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800" },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(autoscalingReplicas, text))).toEqual(expected);
  });
});
