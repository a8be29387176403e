import { describe, expect, it } from "vitest";
import { metadataLabels } from "../../src/rules/metadata/labels.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL_KEY_NAME, LABEL_VALUE } from "./messages.js";

/** A CronJob whose job template has the given metadata lines (from line 8). */
const cronJob = (...metadataLines: string[]) =>
  yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  schedule: '@hourly'", "  jobTemplate:", "    metadata:", ...metadataLines.map((line) => "      " + line));

describe("metadata/labels", () => {
  it.each([
    ["job template labels with prefixed keys and an empty value", cronJob("labels: {app.kubernetes.io/name: web, tier: ''}", "annotations: {Example.COM/Owner: team}")],
    ["labels of other types (the schema layer reports them)", cronJob("labels: {count: 3, list: [a]}")],
    ["a Deployment's template labels (its create path checks them)", yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:", "  template:", "    metadata: {labels: {my app: web}}")],
    ["a CronJob of another group", yaml("apiVersion: example.com/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  jobTemplate:", "    metadata: {labels: {my app: web}}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(metadataLabels, text)).toEqual([]);
  });

  it.each([
    ["a label key with a space", cronJob("labels: {my app: web}"), [{ severity: "error", line: 8, column: 16, message: `spec.jobTemplate.metadata.labels: Invalid value: "my app": ${LABEL_KEY_NAME}`, suggestion: "my-app" }]],
    ["a label value with a space", cronJob("labels: {app: web server}"), [{ severity: "error", line: 8, column: 21, message: `spec.jobTemplate.metadata.labels: Invalid value: "web server": ${LABEL_VALUE}`, suggestion: "web-server" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(metadataLabels, text))).toEqual(expected);
  });

  it("reports job template annotations over 256 KiB in total at the annotations key", () => {
    const under = cronJob("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_142)}`);
    expect(runRule(metadataLabels, under)).toEqual([]);
    const over = cronJob("annotations:", `  a: ${"x".repeat(200_000)}`, `  b: ${"y".repeat(62_143)}`);
    expect(brief(runRule(metadataLabels, over))).toEqual([
      { severity: "error", line: 8, column: 7, message: "spec.jobTemplate.metadata.annotations: Too long: may not be more than 262144 bytes" },
    ]);
  });
});
