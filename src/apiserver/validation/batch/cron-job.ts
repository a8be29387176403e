// CronJob validation on create (pkg/apis/batch/validation/validation.go:
// ValidateCronJobCreate, validateCronJobSpec, validateScheduleFormat,
// validateTimeZone, validateConcurrencyPolicy, ValidateJobTemplateSpec).
import { DNS1035_LABEL_MAX } from "../../apimachinery/validation.js";
import { invalid, notSupported, PrintedValue, required, type ErrorList, type FieldError } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet, obj, str } from "../core/fields.js";
import type { PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { cronScheduleError } from "./cron-schedule.js";
import { validateJobSpecFields } from "./job.js";
import { selectorValue } from "../apps/selector.js";
import { isKnownTimeZone, nearestTimeZone, unknownTimeZone } from "./time-zones.js";
import { byteLength } from "../../../util/api-values.js";
import { validateObjectMeta, validateReplicationControllerName } from "../core/object-meta.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { nameAtValidation } from "../../storage/names.js";

/** The controller names each Job `<cronjob>-<timestamp>`: 11 characters for the suffix, within a DNS-1035 label. */
const MAX_CRON_JOB_NAME_LENGTH = DNS1035_LABEL_MAX - 11;

const CONCURRENCY_POLICIES = ["Allow", "Forbid", "Replace"];

/**
 * https://data.iana.org/time-zones/theory.html#naming: ASCII letters, '.',
 * '-' and '_', at most 14 characters a part, with the digits and '+' of
 * legacy names tolerated.
 */
const VALID_TIME_ZONE_CHARACTERS = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** What a schedule most likely meant: a seconds field dropped, or Sunday as 0. */
function scheduleSuggestion(schedule: string): string | undefined {
  const parts = schedule.trim().split(/\s+/);
  const candidates: string[] = [];
  if (parts.length === 6) candidates.push(parts.slice(1).join(" "));
  if (parts.length === 5 && /(^|[,-])7($|[,-])/.test(parts[4]!)) candidates.push([...parts.slice(0, 4), parts[4]!.replace(/(^|[,-])7(?=$|[,-])/g, "$10")].join(" "));
  return candidates.find((candidate) => cronScheduleError(candidate) === undefined);
}

/** validateScheduleFormat: standard cron (robfig/cron's ParseStandard); TZ= only in an update of a schedule that had it. */
function validateScheduleFormat(schedule: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const error = cronScheduleError(schedule);
  if (error !== undefined) {
    const suggestion = scheduleSuggestion(schedule);
    errors.push({ ...invalid(fldPath, schedule, error), ...(suggestion ? { suggestion } : {}) });
  }
  if (schedule.includes("TZ")) errors.push(invalid(fldPath, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  return errors;
}

/** validateTimeZone: an IANA zone name that time.LoadLocation knows, not Local. */
function validateTimeZone(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(spec, "timeZone")) return [];
  const timeZone = str(spec, "timeZone");
  if (timeZone === "") return [invalid(fldPath, timeZone, "timeZone must be nil or non-empty string")];
  const nearest = nearestTimeZone(timeZone);
  const withSuggestion = (error: FieldError): FieldError => (nearest && nearest !== timeZone ? { ...error, suggestion: nearest } : error);
  if (timeZone.split("/").some((part) => part === "." || part === ".." || part.startsWith("-") || !VALID_TIME_ZONE_CHARACTERS.test(part))) {
    return [withSuggestion(invalid(fldPath, timeZone, unknownTimeZone(timeZone)))];
  }
  const errors: ErrorList = [];
  if (timeZone.toLowerCase() === "local") errors.push(invalid(fldPath, timeZone, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
  if (!isKnownTimeZone(timeZone)) errors.push(withSuggestion(invalid(fldPath, timeZone, unknownTimeZone(timeZone))));
  return errors;
}

/** validateConcurrencyPolicy. */
function validateConcurrencyPolicy(policy: string, fldPath: FieldPath): ErrorList {
  if (CONCURRENCY_POLICIES.includes(policy)) return [];
  return policy === "" ? [required(fldPath)] : [notSupported(fldPath, policy, CONCURRENCY_POLICIES)];
}

/** ValidateJobTemplateSpec: a Job spec whose selector is always generated. */
export function validateJobTemplateSpec(template: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const spec = obj(template, "spec") ?? {};
  const specPath = fldPath.child("spec");
  const errors = validateJobSpecFields(spec, specPath, opts);
  if (isSet(spec, "selector")) errors.push(invalid(specPath.child("selector"), selectorValue(spec.selector, opts.kubernetesVersion), "`selector` will be auto-generated"));
  if (spec.manualSelector === true) {
    errors.push({ ...notSupported(specPath.child("manualSelector"), new PrintedValue("true"), ["nil", "false"]), suggestion: "false" });
  }
  return errors;
}

/** validateCronJobSpec (on create: no old spec). */
export function validateCronJobSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const schedule = str(spec, "schedule");
  const errors = schedule === "" ? [required(fldPath.child("schedule"))] : validateScheduleFormat(schedule, fldPath.child("schedule"));
  const startingDeadlineSeconds = int(spec, "startingDeadlineSeconds");
  if (startingDeadlineSeconds !== undefined) appendAll(errors, validateNonnegativeField(startingDeadlineSeconds, fldPath.child("startingDeadlineSeconds")));
  appendAll(errors, validateTimeZone(spec, fldPath.child("timeZone")));
  appendAll(errors, validateConcurrencyPolicy(str(spec, "concurrencyPolicy"), fldPath.child("concurrencyPolicy")));
  appendAll(errors, validateJobTemplateSpec(obj(spec, "jobTemplate") ?? {}, fldPath.child("jobTemplate"), opts));
  // Zero is a valid history limit.
  for (const limit of ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) {
    const value = int(spec, limit);
    if (value !== undefined) appendAll(errors, validateNonnegativeField(value, fldPath.child(limit)));
  }
  return errors;
}

/** ValidateCronJobCreate. */
export function validateCronJobCreate(cronJob: JsonRecord, opts: PodValidationOptions): ErrorList {
  // CronJobs and ReplicationControllers have the same name validation.
  const errors = validateObjectMeta(cronJob.metadata, true, validateReplicationControllerName, FieldPath.root("metadata"), opts.kubernetesVersion);
  appendAll(errors, validateCronJobSpec(obj(cronJob, "spec") ?? {}, FieldPath.root("spec"), opts));
  const name = nameAtValidation(cronJob.metadata);
  if (byteLength(name) > MAX_CRON_JOB_NAME_LENGTH) {
    errors.push(invalid(FieldPath.root("metadata", "name"), name, `must be no more than ${MAX_CRON_JOB_NAME_LENGTH} characters`));
  }
  return errors;
}
