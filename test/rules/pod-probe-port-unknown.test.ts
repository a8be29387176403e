import { describe, expect, it } from "vitest";
import { podProbePortUnknown } from "../../src/rules/pod/probe-port-unknown.js";
import { brief, runRule, yaml } from "./helpers.js";

const container = (...lines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", ...lines.map((l) => "    " + l));

describe("pod/probe-port-unknown", () => {
  it.each([
    ["probes by the container's port names", container("ports: [{name: http, containerPort: 8080}, {name: admin, containerPort: 9000}]", "livenessProbe: {httpGet: {path: /, port: http}}", "readinessProbe: {tcpSocket: {port: admin}}")],
    ["probes by number", container("livenessProbe: {httpGet: {path: /, port: 8080}}", "startupProbe: {grpc: {port: 9090}}")],
    ["exec probes", container("livenessProbe: {exec: {command: [true]}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podProbePortUnknown, text)).toEqual([]);
  });

  it.each([
    [
      "a liveness probe naming a port the container lacks",
      container("ports: [{name: http, containerPort: 8080}]", "livenessProbe:", "  httpGet:", "    path: /healthz", "    port: htp"),
      [{ severity: "warning", line: 12, column: 15, suggestion: "http", message: 'spec.containers[0].livenessProbe.httpGet.port: no port named "htp" in this container\'s ports; the probe fails every time and the kubelet restarts the container' }],
    ],
    [
      "a readiness probe without any declared port",
      container("readinessProbe:", "  tcpSocket: {port: web}"),
      [{ severity: "warning", line: 9, column: 25, message: 'spec.containers[0].readinessProbe.tcpSocket.port: no port named "web" in this container\'s ports; the probe fails every time and the pod never becomes ready' }],
    ],
    [
      "a preStop hook naming a port of another container",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", "      containers:", "      - name: a", "        ports: [{name: admin, containerPort: 9000}]", "      - name: b", "        lifecycle:", "          preStop: {httpGet: {path: /quit, port: admin}}"),
      [{ severity: "warning", line: 12, column: 50, message: 'spec.template.spec.containers[1].lifecycle.preStop.httpGet.port: no port named "admin" in this container\'s ports; the hook fails and the kubelet kills the container' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podProbePortUnknown, text))).toEqual(expected);
  });
});
