import { describe, expect, it } from "vitest";
import { podDuplicateName } from "../../src/rules/pod/duplicate-name.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...specLines.map((l) => "  " + l));

describe("pod/duplicate-name", () => {
  it.each([
    ["distinct names everywhere", pod("containers:", "- name: app", "  ports:", "  - {name: http, containerPort: 80}", "  - {name: https, containerPort: 443}", "- name: sidecar", "initContainers:", "- name: init", "volumes:", "- {name: a}", "- {name: b}")],
    ["the same containerPort with different protocols", pod("containers:", "- name: dns", "  ports:", "  - {containerPort: 53, protocol: UDP}", "  - {containerPort: 53, protocol: TCP}")],
    ["duplicate env names (allowed upstream)", pod("containers:", "- name: app", "  env: [{name: A, value: '1'}, {name: A, value: '2'}]")],
    ["the same hostPort on two init containers (they run one by one)", pod("initContainers:", "- name: a", "  ports: [{containerPort: 1, hostPort: 8080}]", "- name: b", "  ports: [{containerPort: 2, hostPort: 8080}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podDuplicateName, text)).toEqual([]);
  });

  it.each([
    [
      "two containers with the same name",
      pod("containers:", "- name: app", "- name: app"),
      [{ severity: "error", line: 7, column: 11, message: 'spec.containers[1].name: Duplicate value: "app"' }],
    ],
    [
      "an init container named like a container",
      pod("containers:", "- name: app", "initContainers:", "- name: app"),
      [{ severity: "error", line: 8, column: 11, message: 'spec.initContainers[0].name: Duplicate value: "app"' }],
    ],
    [
      "two volumes with the same name",
      pod("volumes:", "- name: data", "  emptyDir: {}", "- name: data", "  configMap: {name: c}"),
      [{ severity: "error", line: 8, column: 11, message: 'spec.volumes[1].name: Duplicate value: "data"' }],
    ],
    [
      "two ports of a container with the same name",
      pod("containers:", "- name: app", "  ports:", "  - name: http", "    containerPort: 80", "  - name: http", "    containerPort: 8080"),
      [{ severity: "error", line: 10, column: 13, message: 'spec.containers[0].ports[1].name: Duplicate value: "http"' }],
    ],
    [
      "two mounts at the same path",
      pod("containers:", "- name: app", "  volumeMounts:", "  - name: a", "    mountPath: /data", "  - name: b", "    mountPath: /data"),
      [{ severity: "error", line: 11, column: 18, message: 'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique' }],
    ],
    [
      "the same hostPort on two containers",
      pod("containers:", "- name: a", "  ports:", "  - containerPort: 80", "    hostPort: 8080", "- name: b", "  ports:", "  - containerPort: 81", "    hostPort: 8080"),
      [{ severity: "error", line: 13, column: 17, message: 'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"' }],
    ],
    [
      "the same containerPort twice in a container (a warning of the API server)",
      pod("containers:", "- name: app", "  ports:", "  - containerPort: 80", "  - containerPort: 80"),
      [{
        severity: "warning", line: 9, column: 7,
        message: "spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0] (kubectl apply --server-side rejects it: containerPort and protocol identify a port)",
      }],
    ],
    [
      "the same containerPort in two containers of a Deployment",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", "      containers:", "      - name: a", "        ports:", "        - containerPort: 9090", "      - name: b", "        ports:", "        - containerPort: 9090", "          hostPort: 9090"),
      [{ severity: "warning", line: 13, column: 11, message: "spec.template.spec.containers[1].ports[0]: overlapping port definition with spec.template.spec.containers[0].ports[0]" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podDuplicateName, text))).toEqual(expected);
  });
});
