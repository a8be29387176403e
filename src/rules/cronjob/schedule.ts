// A CronJob's schedule and time zone as batch validation checks them on
// create (validateCronJobSpec, validateScheduleFormat, validateTimeZone):
// standard five-field cron through robfig/cron, no TZ= prefix, and an IANA
// time zone name in spec.timeZone.
import type { KubeObject, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, required, scalarValue } from "../support/field-errors.js";
import { cronScheduleError } from "../support/cron-schedule.js";
import { reportAt } from "../support/reports.js";
import { isKnownTimeZone, nearestTimeZone, unknownTimeZone } from "../support/time-zones.js";
import { apiGroup } from "../../util/api-values.js";
import { dig } from "../../util/object-access.js";

/** What a schedule most likely meant: a seconds field dropped, or Sunday as 0. */
function scheduleSuggestion(schedule: string): string | undefined {
  const parts = schedule.trim().split(/\s+/);
  const candidates: string[] = [];
  if (parts.length === 6) candidates.push(parts.slice(1).join(" "));
  if (parts.length === 5 && /(^|[,-])7($|[,-])/.test(parts[4]!)) candidates.push([...parts.slice(0, 4), parts[4]!.replace(/(^|[,-])7(?=$|[,-])/g, "$10")].join(" "));
  return candidates.find((candidate) => cronScheduleError(candidate) === undefined);
}

function scheduleReports(schedule: unknown): Report[] {
  if (typeof schedule !== "string") return [];
  const at = ["spec", "schedule"];
  if (schedule === "") return [reportAt(at, required("spec.schedule"))];
  const reports: Report[] = [];
  const error = cronScheduleError(schedule);
  if (error !== undefined) {
    const suggestion = scheduleSuggestion(schedule);
    reports.push(reportAt(at, invalid("spec.schedule", scalarValue(schedule), error), suggestion ? { suggestion } : {}));
  }
  if (schedule.includes("TZ")) {
    reports.push(reportAt(at, invalid("spec.schedule", scalarValue(schedule), "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")));
  }
  return reports;
}

// https://data.iana.org/time-zones/theory.html#naming, with the digits and '+' of legacy names.
const ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function timeZoneReports(timeZone: unknown): Report[] {
  if (typeof timeZone !== "string") return [];
  const at = ["spec", "timeZone"];
  const shown = scalarValue(timeZone);
  if (timeZone === "") return [reportAt(at, invalid("spec.timeZone", shown, "timeZone must be nil or non-empty string"))];
  const suggestion = nearestTimeZone(timeZone);
  const options = suggestion && suggestion !== timeZone ? { suggestion } : {};
  if (timeZone.split("/").some((part) => part === "." || part === ".." || part.startsWith("-") || !ZONE_PART.test(part))) {
    return [reportAt(at, invalid("spec.timeZone", shown, unknownTimeZone(timeZone)), options)];
  }
  const reports: Report[] = [];
  if (timeZone.toLowerCase() === "local") {
    reports.push(reportAt(at, invalid("spec.timeZone", shown, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones")));
  }
  if (!isKnownTimeZone(timeZone)) reports.push(reportAt(at, invalid("spec.timeZone", shown, unknownTimeZone(timeZone)), options));
  return reports;
}

function cronJobReports(object: KubeObject): Report[] {
  return [...scheduleReports(dig(object, "spec", "schedule")), ...timeZoneReports(dig(object, "spec", "timeZone"))];
}

export const cronjobSchedule: Rule = {
  id: "cronjob/schedule",
  severity: "error",
  description: "A CronJob's schedule must be standard five-field cron or a descriptor (@hourly, @every 1h) without TZ=, and its timeZone an IANA time zone name.",
  check(document) {
    const object = document.object;
    if (object.kind !== "CronJob" || apiGroup(object.apiVersion) !== "batch") return [];
    return cronJobReports(object);
  },
};
