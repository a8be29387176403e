import { describe, expect, it } from "vitest";
import { namesFormat } from "../../src/rules/names/format.js";
import { brief, runRule, yaml } from "./helpers.js";

function object(apiVersion: string, kind: string, ...metadata: string[]): string {
  return yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", ...metadata.map((line) => "  " + line));
}

describe("names/format", () => {
  it.each([
    ["a 52-character CronJob name", object("batch/v1", "CronJob", `name: ${"c".repeat(52)}`)],
    ["a 63-character Job name", object("batch/v1", "Job", `name: ${"j".repeat(63)}`)],
    ["a long Job name with a manual selector", yaml("apiVersion: batch/v1", "kind: Job", `metadata: {name: ${"j".repeat(70)}}`, "spec: {manualSelector: true}")],
    ["a long name of another kind (its create path checks it)", object("v1", "ConfigMap", `name: ${"c".repeat(70)}`)],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesFormat, text)).toEqual([]);
  });

  it.each([
    ["a 53-character CronJob name", object("batch/v1", "CronJob", `name: ${"c".repeat(53)}`), [{ severity: "error", line: 4, column: 9, message: `metadata.name: Invalid value: "${"c".repeat(53)}": must be no more than 52 characters` }]],
    [
      "a 64-character Job name (it becomes a label value)",
      object("batch/v1", "Job", `name: ${"j".repeat(64)}`),
      [{ severity: "error", line: 4, column: 9, message: `spec.template.labels: Invalid value: "${"j".repeat(64)}": must be no more than 63 bytes (the Job's name becomes the value of its pods' job-name label; use at most 63 characters)` }],
    ],
  ])("reports %s", (_name, text, expected) => {
    const findings = runRule(namesFormat, text);
    expect(findings.every((f) => f.rule === "names/format")).toBe(true);
    expect(brief(findings)).toEqual(expected);
  });
});
