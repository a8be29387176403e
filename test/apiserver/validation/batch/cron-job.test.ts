import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { CONTAINER } from "../apps/workloads.js";

/** A CronJob whose spec starts with the given lines (from line 5), then a valid job template. */
const cronJob = (...spec: string[]) =>
  yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", ...spec.map((l) => "  " + l), `  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [${CONTAINER}]}}}}`);
/** A CronJob whose job template spec is the given lines (from line 8). */
const withJobSpec = (...jobSpec: string[]) =>
  yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  schedule: '@daily'", "  jobTemplate:", "    spec:", ...jobSpec.map((l) => "      " + l));
const TEMPLATE = [`template: {spec: {restartPolicy: Never, containers: [${CONTAINER}]}}`];

describe("validateCronJobSpec: schedule and time zone", () => {
  it.each([
    ["a standard schedule", cronJob("schedule: '*/15 * * * *'")],
    ["a descriptor", cronJob("schedule: '@daily'")],
    ["a schedule with a time zone", cronJob("schedule: '0 3 * * *'", "timeZone: Europe/Paris")],
    ["a legacy zone alias", cronJob("schedule: '0 3 * * *'", "timeZone: US/Eastern")],
    ["UTC", cronJob("schedule: '0 3 * * *'", "timeZone: Etc/UTC")],
    ["a generateName of 47 characters (the generated name has 52)", cronJob("schedule: '@daily'").replace("metadata: {name: c}", `metadata: {generateName: ${"c".repeat(47)}}`)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["Sunday written as 7", cronJob("schedule: '0 0 * * 7'"), [{ severity: "error", line: 5, column: 13, suggestion: "0 0 * * 0", message: 'spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7' }]],
    [
      "a seconds field",
      cronJob("schedule: '0 */5 * * * *'"),
      [{ severity: "error", line: 5, column: 13, suggestion: "*/5 * * * *", message: 'spec.schedule: Invalid value: "0 */5 * * * *": expected exactly 5 fields, found 6: [0 */5 * * * *]' }],
    ],
    ["an empty schedule", cronJob("schedule: ''"), [{ severity: "error", line: 5, column: 13, message: "spec.schedule: Required value" }]],
    [
      "a time zone inside the schedule",
      cronJob("schedule: 'CRON_TZ=UTC 0 0 * * *'"),
      [{ severity: "error", line: 5, column: 13, message: 'spec.schedule: Invalid value: "CRON_TZ=UTC 0 0 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead' }],
    ],
    [
      "a misspelt time zone",
      cronJob("schedule: '@hourly'", "timeZone: Europe/Pariss"),
      [{ severity: "error", line: 6, column: 13, suggestion: "Europe/Paris", message: 'spec.timeZone: Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss' }],
    ],
    [
      "a time zone in lower case (Go's lookup is case-sensitive)",
      cronJob("schedule: '@hourly'", "timeZone: europe/paris"),
      [{ severity: "error", line: 6, column: 13, suggestion: "Europe/Paris", message: 'spec.timeZone: Invalid value: "europe/paris": unknown time zone europe/paris' }],
    ],
    [
      "the Local time zone",
      cronJob("schedule: '@hourly'", "timeZone: Local"),
      [{ severity: "error", line: 6, column: 13, message: 'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones' }],
    ],
    ["an empty time zone", cronJob("schedule: '@hourly'", "timeZone: ''"), [{ severity: "error", line: 6, column: 13, message: 'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string' }]],
    [
      "a time zone with a space",
      cronJob("schedule: '@hourly'", "timeZone: America/New York"),
      [{ severity: "error", line: 6, column: 13, suggestion: "America/New_York", message: 'spec.timeZone: Invalid value: "America/New York": unknown time zone America/New York' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});

describe("validateCronJobSpec: the other fields", () => {
  it.each([
    ["history limits of 0 and a deadline", cronJob("schedule: '@daily'", "successfulJobsHistoryLimit: 0", "failedJobsHistoryLimit: 0", "startingDeadlineSeconds: 0")],
    ["every concurrency policy", cronJob("schedule: '@daily'", "concurrencyPolicy: Forbid")],
    ["an empty concurrency policy (defaulted to Allow)", cronJob("schedule: '@daily'", "concurrencyPolicy: ''")],
    ["a name of 52 characters", cronJob("schedule: '@daily'").replace("name: c", `name: ${"c".repeat(52)}`)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a negative deadline", cronJob("schedule: '@daily'", "startingDeadlineSeconds: -1"), ["spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "negative history limits",
      cronJob("schedule: '@daily'", "successfulJobsHistoryLimit: -1", "failedJobsHistoryLimit: -2"),
      ["spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0", "spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0"],
    ],
    ["an unknown concurrency policy", cronJob("schedule: '@daily'", "concurrencyPolicy: Queue"), ['spec.concurrencyPolicy: Unsupported value: "Queue": supported values: "Allow", "Forbid", "Replace"']],
    ["a name of 53 characters (its Jobs' names would be too long)", cronJob("schedule: '@daily'").replace("name: c", `name: ${"c".repeat(53)}`), [`metadata.name: Invalid value: "${"c".repeat(53)}": must be no more than 52 characters`]],
    [
      "a generateName of 48 characters (the generated name has 53)",
      cronJob("schedule: '@daily'").replace("metadata: {name: c}", `metadata: {generateName: ${"c".repeat(48)}}`),
      [`metadata.name: Invalid value: "${"c".repeat(48)}xxxxx": must be no more than 52 characters`],
    ],
    ["no schedule", withJobSpec(...TEMPLATE).replace("  schedule: '@daily'\n", ""), ["spec.schedule: Required value"]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("ValidateJobTemplateSpec", () => {
  it.each([
    ["a job template without restartPolicy (the pod default, Always)", withJobSpec(`template: {spec: {containers: [${CONTAINER}]}}`), "1.36", ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ["a negative parallelism", withJobSpec("parallelism: -1", ...TEMPLATE), "1.36", ["spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a selector and manualSelector",
      withJobSpec("manualSelector: true", "selector: {matchLabels: {app: x}}", "template:", "  metadata: {labels: {app: x}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      "1.36",
      ['spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"', 'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"x"}}: `selector` will be auto-generated'],
    ],
    [
      "a selector, in Go syntax before 1.34",
      withJobSpec("selector: {matchLabels: {app: x}}", ...TEMPLATE),
      "1.33",
      ['spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated'],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });

  it("suggests a restart policy", () => {
    expect(createPath(withJobSpec(`template: {spec: {containers: [${CONTAINER}]}}`))).toEqual([
      { severity: "error", line: 8, column: 18, suggestion: "Never", message: 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' },
    ]);
  });
});

describe("CronJob warnings", () => {
  it("warns when the name is not a DNS label", () => {
    expect(createPathMessages(cronJob("schedule: '@daily'").replace("name: c", "name: nightly.backup"))).toEqual([
      "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
    ]);
  });
});
