import { describe, expect, it } from "vitest";
import { podEnv } from "../../src/rules/pod/env.js";
import { brief, runRule, yaml } from "./helpers.js";

const container = (...lines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", ...lines.map((l) => "    " + l));

describe("pod/env", () => {
  it.each([
    ["literal values and single sources", container("env:", "- {name: A, value: a}", "- {name: B, valueFrom: {secretKeyRef: {name: s, key: k}}}", "- {name: C, value: '', valueFrom: {fieldRef: {fieldPath: metadata.name}}}")],
    ["envFrom with one source each", container("envFrom: [{configMapRef: {name: c}}, {prefix: X_, secretRef: {name: s}}]")],
    ["a valueFrom of the wrong type (a schema error)", container("env: [{name: A, valueFrom: x}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podEnv, text)).toEqual([]);
  });

  it.each([
    [
      "a value together with valueFrom",
      container("env:", "- name: DB_PASSWORD", "  value: changeme", "  valueFrom:", "    secretKeyRef: {name: db, key: password}"),
      [{ severity: "error", line: 11, column: 7, message: 'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty' }],
    ],
    [
      "a valueFrom without source",
      container("env:", "- name: A", "  valueFrom: {}"),
      [{ severity: "error", line: 10, column: 7, message: 'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`' }],
    ],
    [
      "a valueFrom with two sources, in an init container",
      yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers: [{name: app, image: x}]", "  initContainers:", "  - name: init", "    image: x", "    env:", "    - name: A", "      valueFrom:", "        configMapKeyRef: {name: c, key: k}", "        secretKeyRef: {name: s, key: k}"),
      [{ severity: "error", line: 11, column: 7, message: 'spec.initContainers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time' }],
    ],
    [
      "envFrom entries with no source and with two",
      container("envFrom:", "- prefix: X_", "- configMapRef: {name: c}", "  secretRef: {name: s}"),
      [
        { severity: "error", line: 9, column: 7, message: 'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`' },
        { severity: "error", line: 10, column: 7, message: 'spec.containers[0].envFrom: Invalid value: "": may not have more than one field specified at a time' },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podEnv, text))).toEqual(expected);
  });
});
