import { describe, expect, it } from "vitest";
import { namesVolumeName } from "../../src/rules/names/volume-name.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL } from "./messages.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...specLines.map((l) => "  " + l));

describe("names/volume-name", () => {
  it.each([
    ["DNS-1123 labels", pod("volumes:", "- {name: data, emptyDir: {}}", "- {name: config-1, configMap: {name: c}}")],
    ["malformed volumes", pod("volumes: [1, {name: 2}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesVolumeName, text)).toEqual([]);
  });

  it.each([
    ["an underscore", pod("volumes:", "- {name: my_data, emptyDir: {}}"), [{ severity: "error", line: 6, column: 12, message: `spec.volumes[0].name: Invalid value: "my_data": ${LABEL}`, suggestion: "my-data" }]],
    ["a dot", pod("volumes:", "- name: cache", "  emptyDir: {}", "- name: app.config", "  configMap: {name: c}"), [{ severity: "error", line: 8, column: 11, message: 'spec.volumes[1].name: Invalid value: "app.config": must not contain dots', suggestion: "app-config" }]],
    ["an empty name", pod("volumes:", '- {name: "", emptyDir: {}}'), [{ severity: "error", line: 6, column: 12, message: "spec.volumes[0].name: Required value" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesVolumeName, text))).toEqual(expected);
  });
});
