import { describe, expect, it } from "vitest";
import { podVolumeSource } from "../../src/rules/pod/volume-source.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...volumes: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers: [{name: app, image: x}]", "  volumes:", ...volumes.map((l) => "  " + l));

describe("pod/volume-source", () => {
  it.each([
    ["one source per volume", pod("- {name: a, emptyDir: {}}", "- {name: b, configMap: {name: cfg}}", "- {name: c, secret: {secretName: s}}", "- {name: d, persistentVolumeClaim: {claimName: c}}", "- {name: e, hostPath: {path: /var/log}}")],
    ["a projected volume with one projection per source", pod("- name: p", "  projected:", "    sources: [{secret: {name: s}}, {configMap: {name: c}}, {serviceAccountToken: {path: token}}]")],
    ["a null second source", pod("- {name: a, emptyDir: {}, secret: null}")],
    ["a source of the wrong type (a schema error)", pod("- {name: a, emptyDir: [], configMap: {name: c}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podVolumeSource, text)).toEqual([]);
  });

  it.each([
    [
      "a volume without source",
      pod("- name: data"),
      [{ severity: "error", line: 7, column: 5, message: "spec.volumes[0]: Required value: must specify a volume type" }],
    ],
    [
      "a volume with two sources",
      pod("- name: data", "  emptyDir: {}", "  persistentVolumeClaim: {claimName: data}"),
      [{ severity: "error", line: 9, column: 5, message: "spec.volumes[0].persistentVolumeClaim: Forbidden: may not specify more than 1 volume type" }],
    ],
    [
      "a second source that upstream names by a misspelt path",
      pod("- name: info", "  emptyDir: {}", "  downwardAPI: {items: []}"),
      [{ severity: "error", line: 9, column: 5, message: "spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type" }],
    ],
    [
      "a Secret volume naming its secret with `name`",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", "      containers: [{name: app, image: x}]", "      volumes:", "      - name: certs", "        secret: {name: tls}"),
      [{ severity: "error", line: 10, column: 9, message: "spec.template.spec.volumes[0].secret.secretName: Required value" }],
    ],
    [
      "a claim with an empty name",
      pod("- {name: data, persistentVolumeClaim: {claimName: ''}}"),
      [{ severity: "error", line: 7, column: 53, message: "spec.volumes[0].persistentVolumeClaim.claimName: Required value" }],
    ],
    [
      "a projected source with two projections",
      pod("- name: p", "  projected:", "    sources:", "    - secret: {name: s}", "      configMap: {name: c}"),
      [{ severity: "error", line: 10, column: 9, message: "spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podVolumeSource, text))).toEqual(expected);
  });
});
