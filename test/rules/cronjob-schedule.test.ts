import { describe, expect, it } from "vitest";
import { cronjobSchedule } from "../../src/rules/cronjob/schedule.js";
import { cronScheduleError } from "../../src/rules/support/cron-schedule.js";
import { brief, runRule, yaml } from "./helpers.js";

const cronJob = (...spec: string[]) =>
  yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", ...spec.map((l) => "  " + l), "  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: x}]}}}}");

describe("robfig/cron's standard parser", () => {
  it.each([
    "*/5 * * * *",
    "0 0 * * 0",
    "0 9 * * MON-FRI",
    "0 0 1 jan,jul ?",
    "15 3 * * sun",
    "0 22 * * 1-5",
    "0 0,12 1 */2 *",
    "  0   0  * * *  ",
    "@hourly",
    "@yearly",
    "@midnight",
    "@every 1h30m",
    "@every 0.5s",
  ])("accepts %j", (schedule) => {
    expect(cronScheduleError(schedule)).toBeUndefined();
  });

  it.each([
    ["0 0 * * 7", "end of range (7) above maximum (6): 7"],
    ["61 * * * *", "end of range (61) above maximum (59): 61"],
    ["0 24 * * *", "end of range (24) above maximum (23): 24"],
    ["0 0 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["1-2-3 * * * *", "too many hyphens: 1-2-3"],
    ["*/2/3 * * * *", "too many slashes: */2/3"],
    ["0 0 * *", "expected exactly 5 fields, found 4: [0 0 * *]"],
    ["0 0 0 * * *", "expected exactly 5 fields, found 6: [0 0 0 * * *]"],
    ["0 0 L * *", 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ["0 0 * * MONDAY", 'failed to parse int from MONDAY: strconv.Atoi: parsing "MONDAY": invalid syntax'],
    ["*/-1 * * * *", "negative number (-1) not allowed: -1"],
    ["@weekdays", "unrecognized descriptor: @weekdays"],
    ["@every 5", 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ["@every 5x", 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ["@every soon", 'failed to parse duration @every soon: time: invalid duration "soon"'],
    ["CRON_TZ=Mars/Base 0 0 * * *", "provided bad location Mars/Base: unknown time zone Mars/Base"],
  ])("rejects %j: %s", (schedule, message) => {
    expect(cronScheduleError(schedule)).toBe(message);
  });
});

describe("cronjob/schedule", () => {
  it.each([
    ["a standard schedule", cronJob("schedule: '*/15 * * * *'")],
    ["a descriptor", cronJob("schedule: '@daily'")],
    ["a schedule with a time zone", cronJob("schedule: '0 3 * * *'", "timeZone: Europe/Paris")],
    ["a legacy zone alias", cronJob("schedule: '0 3 * * *'", "timeZone: US/Eastern")],
    ["UTC", cronJob("schedule: '0 3 * * *'", "timeZone: Etc/UTC")],
    ["a schedule of the wrong type (a schema error)", cronJob("schedule: 5")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(cronjobSchedule, text)).toEqual([]);
  });

  it.each([
    [
      "Sunday written as 7",
      cronJob("schedule: '0 0 * * 7'"),
      [{ severity: "error", line: 5, column: 13, suggestion: "0 0 * * 0", message: 'spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7' }],
    ],
    [
      "a seconds field",
      cronJob("schedule: '0 */5 * * * *'"),
      [{ severity: "error", line: 5, column: 13, suggestion: "*/5 * * * *", message: 'spec.schedule: Invalid value: "0 */5 * * * *": expected exactly 5 fields, found 6: [0 */5 * * * *]' }],
    ],
    [
      "an empty schedule",
      cronJob("schedule: ''"),
      [{ severity: "error", line: 5, column: 13, message: "spec.schedule: Required value" }],
    ],
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
    [
      "an empty time zone",
      cronJob("schedule: '@hourly'", "timeZone: ''"),
      [{ severity: "error", line: 6, column: 13, message: 'spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string' }],
    ],
    [
      "a time zone with a space",
      cronJob("schedule: '@hourly'", "timeZone: America/New York"),
      [{ severity: "error", line: 6, column: 13, suggestion: "America/New_York", message: 'spec.timeZone: Invalid value: "America/New York": unknown time zone America/New York' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(cronjobSchedule, text))).toEqual(expected);
  });
});
