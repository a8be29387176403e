import { describe, expect, it } from "vitest";
import { podProbes } from "../../src/rules/pod/probes.js";
import { brief, runRule, yaml } from "./helpers.js";

const container = (...lines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", ...lines.map((l) => "    " + l));

const init = (...lines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers: [{name: app, image: x}]", "  initContainers:", "  - name: init", "    image: x", ...lines.map((l) => "    " + l));

describe("pod/probes", () => {
  it.each([
    ["one handler per probe and hook", container("livenessProbe: {httpGet: {path: /, port: 80}}", "readinessProbe: {tcpSocket: {port: 80}}", "startupProbe: {grpc: {port: 9000}}", "lifecycle: {preStop: {sleep: {seconds: 5}}, postStart: {exec: {command: [true]}}}")],
    ["zero timings (defaulted)", container("livenessProbe: {exec: {command: [true]}, periodSeconds: 0, timeoutSeconds: 0, successThreshold: 0, failureThreshold: 0}")],
    ["a readiness probe with a success threshold above 1", container("readinessProbe: {exec: {command: [true]}, successThreshold: 3}")],
    ["a sidecar init container with probes", init("restartPolicy: Always", "readinessProbe: {httpGet: {path: /, port: 80}}")],
    ["a handler of the wrong type (a schema error)", container("livenessProbe: {exec: [true], httpGet: {port: 80}}")],
    ["an empty lifecycle", container("lifecycle: {}")],
    ["an exec command of the wrong type (a schema error)", container("livenessProbe: {exec: {command: 'true'}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podProbes, text)).toEqual([]);
  });

  it.each([
    [
      "a probe without handler",
      container("livenessProbe:", "  initialDelaySeconds: 5"),
      [{ severity: "error", line: 8, column: 5, message: "spec.containers[0].livenessProbe: Required value: must specify a handler type" }],
    ],
    [
      "a probe with two handlers",
      container("readinessProbe:", "  httpGet: {path: /ready, port: 8080}", "  tcpSocket: {port: 8080}"),
      [{ severity: "error", line: 10, column: 7, message: "spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type" }],
    ],
    [
      "a preStop hook without handler and an exec without command",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", "      containers:", "      - name: app", "        image: x", "        lifecycle:", "          preStop: {}", "        startupProbe:", "          exec: {}"),
      [
        { severity: "error", line: 11, column: 11, message: "spec.template.spec.containers[0].lifecycle.preStop: Required value: must specify a handler type" },
        { severity: "error", line: 13, column: 11, message: "spec.template.spec.containers[0].startupProbe.exec.command: Required value" },
      ],
    ],
    [
      "a liveness probe with a success threshold of 3",
      container("livenessProbe:", "  exec: {command: [true]}", "  successThreshold: 3"),
      [{ severity: "error", line: 10, column: 25, suggestion: "1", message: "spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1" }],
    ],
    [
      "negative timings and grace period",
      container("startupProbe:", "  tcpSocket: {port: 80}", "  periodSeconds: -1", "  successThreshold: -2", "  terminationGracePeriodSeconds: 0"),
      [
        { severity: "error", line: 10, column: 22, message: "spec.containers[0].startupProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0" },
        { severity: "error", line: 11, column: 25, suggestion: "1", message: "spec.containers[0].startupProbe.successThreshold: Invalid value: -2: must be 1" },
        { severity: "error", line: 11, column: 25, message: "spec.containers[0].startupProbe.successThreshold: Invalid value: -2: must be greater than or equal to 0" },
        { severity: "error", line: 12, column: 38, message: "spec.containers[0].startupProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0" },
      ],
    ],
    [
      "a readiness probe with its own grace period",
      container("readinessProbe:", "  exec: {command: [true]}", "  terminationGracePeriodSeconds: 10"),
      [{ severity: "error", line: 10, column: 38, message: "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes" }],
    ],
    [
      "probes and hooks on an init container that runs to completion",
      init("livenessProbe: {exec: {command: [true]}}", "lifecycle: {postStart: {exec: {command: [true]}}}"),
      [
        { severity: "error", line: 9, column: 5, message: "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always" },
        { severity: "error", line: 10, column: 5, message: "spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always" },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podProbes, text))).toEqual(expected);
  });
});
