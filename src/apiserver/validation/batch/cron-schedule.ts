// The CronJob schedule syntax kube-apiserver accepts: github.com/robfig/cron/v3
// ParseStandard, with its error messages. Five fields (minute, hour, day of
// month, month, day of week 0-6), `*` or `?`, ranges, steps, lists, three-letter
// month and day names, or a descriptor (@hourly ... @every <duration>).
// Stricter than the cron-parser package, which also takes 7 for Sunday,
// L, W, #, a seconds field, and rejects @every.
import { goQuote } from "../../field/values.js";
import { isKnownTimeZone, unknownTimeZone } from "./time-zones.js";
import { durationError } from "../../../util/go-duration.js";

interface Bounds {
  min: bigint;
  max: bigint;
  names?: ReadonlyMap<string, bigint>;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function names(list: string[], first: number): ReadonlyMap<string, bigint> {
  return new Map(list.map((name, index) => [name, BigInt(index + first)]));
}

/** The standard parser's fields after the implicit seconds field ("0"). */
const FIELDS: Bounds[] = [
  { min: 0n, max: 59n }, // seconds
  { min: 0n, max: 59n }, // minutes
  { min: 0n, max: 23n }, // hours
  { min: 1n, max: 31n }, // day of month
  { min: 1n, max: 12n, names: names(MONTH_NAMES, 1) },
  { min: 0n, max: 6n, names: names(DAY_NAMES, 0) },
];

const DESCRIPTORS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
const INT64_MAX = 9223372036854775807n;

class CronError extends Error {}

/** strconv.Atoi on a 64-bit platform, failing with robfig's wording. */
function mustParseInt(expr: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: invalid syntax`);
  const value = BigInt(expr);
  if (value > INT64_MAX || value < -INT64_MAX - 1n) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${goQuote(expr)}: value out of range`);
  if (value < 0n) throw new CronError(`negative number (${value}) not allowed: ${expr}`);
  return value;
}

function parseIntOrName(expr: string, bounds: Bounds): bigint {
  const named = bounds.names?.get(expr.toLowerCase());
  return named ?? mustParseInt(expr);
}

/** getRange: `*`, `?`, `N`, `N-M`, each with an optional `/step`. */
function checkRange(expr: string, bounds: Bounds): void {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0]!.split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = bounds.min;
    end = bounds.max;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, bounds);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, bounds);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]!);
    if (singleDigit) end = bounds.max; // "N/step" means "N-max/step"
  } else if (rangeAndStep.length > 2) {
    throw new CronError(`too many slashes: ${expr}`);
  }
  if (start < bounds.min) throw new CronError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) throw new CronError(`step of range should be a positive number: ${expr}`);
}

function checkDescriptor(descriptor: string): void {
  if (DESCRIPTORS.has(descriptor)) return;
  const every = "@every ";
  if (descriptor.startsWith(every)) {
    const error = durationError(descriptor.slice(every.length));
    if (error) throw new CronError(`failed to parse duration ${descriptor}: ${error}`);
    return;
  }
  throw new CronError(`unrecognized descriptor: ${descriptor}`);
}

/** Go's strings.Fields. */
function fields(text: string): string[] {
  return text.split(/[\s\u0085]+/u).filter((field) => field !== "");
}

function parse(schedule: string): void {
  let spec = schedule;
  if (spec === "") throw new CronError("empty spec string");
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const space = spec.indexOf(" ");
    // Without a space the parser itself fails; the TZ rule reports the schedule anyway.
    if (space === -1) return;
    const location = spec.slice(spec.indexOf("=") + 1, space);
    if (!isKnownTimeZone(location)) throw new CronError(`provided bad location ${location}: ${unknownTimeZone(location)}`);
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith("@")) return checkDescriptor(spec);
  const parts = fields(spec);
  if (parts.length !== 5) throw new CronError(`expected exactly 5 fields, found ${parts.length}: [${parts.join(" ")}]`);
  ["0", ...parts].forEach((field, index) => {
    for (const expr of field.split(",").filter((piece) => piece !== "")) checkRange(expr, FIELDS[index]!);
  });
}

/** cron.ParseStandard's error message for the schedule, or undefined when it parses. */
export function cronScheduleError(schedule: string): string | undefined {
  try {
    parse(schedule);
    return undefined;
  } catch (error) {
    if (error instanceof CronError) return error.message;
    throw error;
  }
}
