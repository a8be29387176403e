import { describe, expect, it } from "vitest";
import { metadataLabels } from "../../src/rules/metadata/labels.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL_KEY_NAME, LABEL_VALUE } from "./messages.js";

const configMap = (...metadataLines: string[]) => yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: c", ...metadataLines.map((l) => "  " + l));
const deployment = (...specLines: string[]) => yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:", ...specLines.map((l) => "  " + l));

describe("metadata/labels", () => {
  it.each([
    ["an object's own labels (its create path checks them)", configMap("labels: {my app: web}")],
    ["the template of a kind with a create path of its own", yaml("apiVersion: v1", "kind: PodTemplate", "metadata: {name: t}", "template:", "  metadata: {labels: {my app: web}}")],
    ["template labels with prefixed keys and an empty value", deployment("template:", "  metadata:", "    labels: {app.kubernetes.io/name: web, tier: ''}", "    annotations: {Example.COM/Owner: team}")],
    ["a valid selector and node selector", deployment("selector:", "  matchLabels: {app: web}", "  matchExpressions:", "  - {key: tier, operator: In, values: [a, b]}", "  - {key: canary, operator: DoesNotExist}", "template:", "  metadata: {labels: {app: web}}", "  spec:", "    nodeSelector: {kubernetes.io/os: linux}")],
    ["template labels of other types (the schema layer reports them)", deployment("template:", "  metadata:", "    labels: {count: 3, list: [a]}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(metadataLabels, text)).toEqual([]);
  });

  it.each([
    [
      "a pod template label key with a space",
      deployment("template:", "  metadata:", "    labels: {my app: web}"),
      [{ severity: "error", line: 7, column: 16, message: `spec.template.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`, suggestion: "my-app" }],
    ],
    [
      "a selector requirement with an unknown operator and a bad value",
      deployment("selector:", "  matchExpressions:", "  - {key: tier, operator: Equals, values: [a b]}"),
      [
        { severity: "error", line: 7, column: 29, message: 'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator' },
        { severity: "error", line: 7, column: 46, message: `spec.selector.matchExpressions[0].values[0]: Invalid value: "a b": ${LABEL_VALUE}` },
      ],
    ],
    [
      "pod template labels (named spec.template.labels upstream)",
      deployment("template:", "  metadata:", "    labels: {app: web server}"),
      [{ severity: "error", line: 7, column: 21, message: `spec.template.labels: Invalid value: "web server": ${LABEL_VALUE}`, suggestion: "web-server" }],
    ],
    [
      "a selector matchLabels value",
      deployment("selector:", "  matchLabels: {app: -web}"),
      [{ severity: "error", line: 6, column: 24, message: `spec.selector.matchLabels: Invalid value: "-web": ${LABEL_VALUE}`, suggestion: "web" }],
    ],
    [
      "In without values",
      deployment("selector:", "  matchExpressions:", "  - {key: tier, operator: In}"),
      [{ severity: "error", line: 7, column: 7, message: "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'" }],
    ],
    [
      "Exists with values",
      deployment("selector:", "  matchExpressions:", "  - {key: tier, operator: Exists, values: [a]}"),
      [{ severity: "error", line: 7, column: 37, message: "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(metadataLabels, text))).toEqual(expected);
  });

  it("reports template annotations over 256 KiB in total at the annotations key", () => {
    const text = deployment("template:", "  metadata:", "    annotations:", `      a: ${"x".repeat(200_000)}`, `      b: ${"y".repeat(62_142)}`);
    expect(runRule(metadataLabels, text)).toEqual([]);
    const over = deployment("template:", "  metadata:", "    annotations:", `      a: ${"x".repeat(200_000)}`, `      b: ${"y".repeat(62_143)}`);
    expect(brief(runRule(metadataLabels, over))).toEqual([
      { severity: "error", line: 7, column: 7, message: "spec.template.annotations: Too long: may not be more than 262144 bytes" },
    ]);
  });
});
