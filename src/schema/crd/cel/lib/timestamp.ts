// CEL timestamps as cel-go keeps them (common/types/timestamp.go, a Go
// time.Time): to the nanosecond, with the zone offset the text was written
// in (string() prints it; the getters without a zone read UTC). cel-js knows
// a timestamp by its constructor being Date, so a timestamp is a Date at its
// millisecond (cel-js's getters read that) carrying the nanoseconds past the
// millisecond and the offset; a plain Date has neither.
import { CelEvaluationError } from "./macros.js";

const NANOS_PAST_MILLISECOND = Symbol("nanoseconds past the millisecond");
const ZONE_OFFSET = Symbol("zone offset in seconds east of UTC");

interface Timestamp extends Date {
  [NANOS_PAST_MILLISECOND]?: number;
  [ZONE_OFFSET]?: number;
}

const NANOS_PER_SECOND = 1_000_000_000n;
// Seconds from the Unix epoch to 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: cel-go's minUnixTime, maxUnixTime.
export const MIN_UNIX_TIME = -62135596800n;
export const MAX_UNIX_TIME = 253402300799n;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

export const timestampOverflow = () => new CelEvaluationError("numeric_overflow", "timestamp overflow");
const intOverflow = () => new CelEvaluationError("numeric_overflow", "integer overflow");

/** The timestamp `seconds` (Unix) and `nanos` (0-999999999) after the epoch, written with `offset` (seconds east of UTC). */
export function timestampOf(seconds: bigint, nanos: number, offset = 0): Date {
  const time: Timestamp = new Date(Number(seconds) * 1000 + Math.floor(nanos / 1_000_000));
  const past = nanos % 1_000_000;
  if (past !== 0) Object.defineProperty(time, NANOS_PAST_MILLISECOND, { value: past });
  if (offset !== 0) Object.defineProperty(time, ZONE_OFFSET, { value: offset });
  return time;
}

/** Nanoseconds since the Unix epoch. */
export function unixNanos(time: Date): bigint {
  return BigInt(time.getTime()) * 1_000_000n + BigInt((time as Timestamp)[NANOS_PAST_MILLISECOND] ?? 0);
}

const zoneOffset = (time: Date): number => (time as Timestamp)[ZONE_OFFSET] ?? 0;

/** Whole seconds of `nanos` since the epoch, rounded down (Time.Unix). */
const unixSeconds = (nanos: bigint): bigint => nanos / NANOS_PER_SECOND - (nanos % NANOS_PER_SECOND < 0n ? 1n : 0n);

/** The timestamp `nanos` after the epoch in `offset`'s zone; timestamp overflow outside years 1-9999. */
function timestampAt(nanos: bigint, offset: number): Date {
  const seconds = unixSeconds(nanos);
  if (seconds < MIN_UNIX_TIME || seconds > MAX_UNIX_TIME) throw timestampOverflow();
  return timestampOf(seconds, Number(nanos - seconds * NANOS_PER_SECOND), offset);
}

/** -1, 0 or 1 as `a` is before, at or after `b` (Time.Before, Time.After). */
export function compareTimestamps(a: Date, b: Date): number {
  const [x, y] = [unixNanos(a), unixNanos(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** addTimeDurationChecked: the zone is kept. */
export function addToTimestamp(time: Date, durationNanos: bigint): Date {
  return timestampAt(unixNanos(time) + durationNanos, zoneOffset(time));
}

/** subtractTimeChecked: whole seconds scaled first, each step checked against int64 (integer overflow). */
export function subtractTimestamps(a: Date, b: Date): bigint {
  const [x, y] = [unixNanos(a), unixNanos(b)];
  const scaled = (unixSeconds(x) - unixSeconds(y)) * NANOS_PER_SECOND;
  if (scaled < MIN_INT64 || scaled > MAX_INT64) throw intOverflow();
  const difference = x - y;
  if (difference < MIN_INT64 || difference > MAX_INT64) throw intOverflow();
  return difference;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** time.Time.Format(time.RFC3339Nano) in the timestamp's own zone: the fraction without trailing zeros. */
export function formatTimestamp(time: Date): string {
  const offset = zoneOffset(time);
  const nanos = unixNanos(time);
  const local = new Date(time.getTime() + offset * 1000);
  const fraction = Number(nanos - unixSeconds(nanos) * NANOS_PER_SECOND);
  const digits = fraction === 0 ? "" : `.${pad(fraction, 9).replace(/0+$/, "")}`;
  const zone = offset === 0 ? "Z" : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 3600), 2)}:${pad(Math.floor((Math.abs(offset) % 3600) / 60), 2)}`;
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
  return `${date}T${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}${digits}${zone}`;
}
