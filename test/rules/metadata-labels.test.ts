import { describe, expect, it } from "vitest";
import { metadataLabels } from "../../src/rules/metadata/labels.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL_KEY_NAME, LABEL_VALUE, SUBDOMAIN } from "./messages.js";

const configMap = (...metadataLines: string[]) => yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: c", ...metadataLines.map((l) => "  " + l));
const deployment = (...specLines: string[]) => yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:", ...specLines.map((l) => "  " + l));

describe("metadata/labels", () => {
  it.each([
    ["prefixed keys and an empty value", configMap("labels:", "  app.kubernetes.io/name: web", '  tier: ""', "  Version_2: V1.0")],
    ["annotation keys in any case (compared lower-cased)", configMap("annotations:", "  Example.COM/Owner: team", "  kubectl.kubernetes.io/last-applied-configuration: '{}'")],
    ["a valid selector and node selector", deployment("selector:", "  matchLabels: {app: web}", "  matchExpressions:", "  - {key: tier, operator: In, values: [a, b]}", "  - {key: canary, operator: DoesNotExist}", "template:", "  metadata: {labels: {app: web}}", "  spec:", "    nodeSelector: {kubernetes.io/os: linux}")],
    ["an unknown selector operator (an enum error of the schema layer)", deployment("selector:", "  matchExpressions: [{key: tier, operator: in, values: [a]}]")],
    ["labels of other types (the schema layer reports them)", configMap("labels: {count: 3, list: [a]}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(metadataLabels, text)).toEqual([]);
  });

  it.each([
    [
      "a label key with a space",
      configMap("labels:", "  my app: web"),
      [{ severity: "error", line: 6, column: 5, message: `metadata.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`, suggestion: "my-app" }],
    ],
    [
      "a label key with two slashes",
      configMap("labels:", "  a/b/c: x"),
      [{
        severity: "error", line: 6, column: 5,
        message: `metadata.labels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        suggestion: "a/b-c",
      }],
    ],
    [
      "a label key with a capitalised prefix",
      configMap("labels:", "  Example.com/app: web"),
      [{ severity: "error", line: 6, column: 5, message: `metadata.labels: Invalid value: "Example.com/app": prefix part ${SUBDOMAIN}`, suggestion: "example.com/app" }],
    ],
    [
      "a label value over 63 bytes",
      configMap("labels:", `  release: ${"r".repeat(64)}`),
      [{ severity: "error", line: 6, column: 14, message: `metadata.labels: Invalid value: "${"r".repeat(64)}": must be no more than 63 bytes`, suggestion: "r".repeat(63) }],
    ],
    [
      "a label value ending with a dash",
      configMap("labels:", "  version: v1.0-"),
      [{ severity: "error", line: 6, column: 14, message: `metadata.labels: Invalid value: "v1.0-": ${LABEL_VALUE}`, suggestion: "v1.0" }],
    ],
    [
      "an annotation key with a space",
      configMap("annotations:", "  my note: hello"),
      [{ severity: "error", line: 6, column: 5, message: `metadata.annotations: Invalid value: "my note": ${LABEL_KEY_NAME}` }],
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
      [{ severity: "error", line: 7, column: 45, message: "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" }],
    ],
    [
      "a Service selector value",
      yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec:", "  selector: {app: 'my app'}"),
      [{ severity: "error", line: 5, column: 19, message: `spec.selector: Invalid value: "my app": ${LABEL_VALUE}`, suggestion: "my-app" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(metadataLabels, text))).toEqual(expected);
  });

  it("reports annotations over 256 KiB in total at the annotations key", () => {
    const text = configMap("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_142)}`);
    expect(runRule(metadataLabels, text)).toEqual([]);
    const over = configMap("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_143)}`);
    expect(brief(runRule(metadataLabels, over))).toEqual([
      { severity: "error", line: 5, column: 3, message: "metadata.annotations: Too long: must have at most 262144 bytes (they add up to 262145 bytes)" },
    ]);
  });
});
