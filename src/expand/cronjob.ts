// CronJob: creates nothing now; says when its first Job will start.
import { createRequire } from "node:module";
import type { CronExpressionParser } from "cron-parser";
import { stringOf } from "../util/object-access.js";
import type { WorkloadContext } from "./context.js";
import { emptyWorkload, note, spec } from "./context.js";
import type { ExpandNote, ExpandedWorkload } from "./types.js";
import { lookupTable } from "../util/lookup-table.js";

const requireFromHere = createRequire(import.meta.url);

/** cron-parser (and luxon, most of its size), loaded only when a plan has a CronJob to read. */
function cronParser(): typeof CronExpressionParser {
  return (requireFromHere("cron-parser") as { CronExpressionParser: typeof CronExpressionParser }).CronExpressionParser;
}

/** The descriptors robfig/cron's standard parser accepts, as five-field schedules. */
const DESCRIPTORS: Readonly<Record<string, string>> = lookupTable({
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
});

export type NextRun = { at: Date } | { every: string } | { error: string };

/**
 * The first time a schedule fires after `now`, in `timeZone` (the CronJob's
 * spec.timeZone, else the controller manager's zone, taken to be UTC).
 */
export function nextRun(schedule: string, timeZone: string, now: Date): NextRun {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text)) return { error: "the schedule sets TZ or CRON_TZ, which the API server rejects: use spec.timeZone" };
  const every = /^@every\s+(\S+)$/.exec(text);
  if (every) return { every: every[1]! };
  const expression = DESCRIPTORS[text] ?? text;
  if (expression.split(/\s+/).length !== 5) return { error: `expected exactly 5 fields, found ${expression.split(/\s+/).length}` };
  try {
    return { at: cronParser().parse(expression, { currentDate: now, tz: timeZone }).next().toDate() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function expandCronJob(ctx: WorkloadContext, now: Date): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const cronSpec = spec(ctx);
  const workload = emptyWorkload(ctx, 0);
  const schedule = stringOf(cronSpec.schedule);
  const timeZone = stringOf(cronSpec.timeZone) ?? "UTC";
  const prefix = `CronJob ${ctx.name} creates no pods now`;
  if (cronSpec.suspend === true) {
    return { workload, notes: [note(ctx, `${prefix}: it is suspended (spec.suspend) and starts no Jobs until resumed`, "/spec/suspend")] };
  }
  if (schedule === undefined) return { workload, notes: [note(ctx, `${prefix}: it has no schedule`, "/spec")] };
  const run = nextRun(schedule, timeZone, now);
  const zone = stringOf(cronSpec.timeZone) ? `time zone ${timeZone}` : "UTC";
  let message: string;
  if ("at" in run) message = `${prefix}: its first Job starts at ${run.at.toISOString().replace(".000Z", "Z")} (schedule "${schedule}", ${zone})`;
  else if ("every" in run) message = `${prefix}: its first Job starts ${run.every} after it is created (schedule "${schedule}")`;
  else message = `${prefix}: its schedule "${schedule}" cannot be parsed: ${run.error}`;
  return { workload, notes: [note(ctx, message, "/spec/schedule", "error" in run ? "warning" : "info")] };
}
