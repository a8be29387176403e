// CEL durations as cel-go keeps them (common/types/duration.go, a Go
// time.Duration): int64 nanoseconds, sums and differences checked for
// overflow (integer overflow), getHours, getMinutes and getSeconds read as
// Go's float64 Hours(), Minutes(), Seconds() truncated, getMilliseconds as
// the whole milliseconds toward zero. cel-js knows a duration by its
// constructor being its Duration class: the durations made here are of a
// subclass that answers to that constructor, with Go's getters.
import type { Duration } from "@marcbachmann/cel-js/evaluator";
import { requirePackage } from "../../../../util/require-package.js";
import { CelEvaluationError } from "./macros.js";

type DurationClass = typeof Duration;

const NANOS_PER_SECOND = 1_000_000_000n;
const NANOS_PER_MINUTE = 60n * NANOS_PER_SECOND;
const NANOS_PER_HOUR = 60n * NANOS_PER_MINUTE;
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

/** Whether a CEL value is a duration (of cel-js's class or this file's). */
export function isDuration(value: unknown): value is Duration {
  if (value === null || typeof value !== "object") return false;
  const { seconds, nanos } = value as Partial<Duration>;
  return typeof seconds === "bigint" && typeof nanos === "number";
}

/** A duration's nanoseconds, whichever way cel-js split them into seconds and nanoseconds. */
export const durationNanos = (duration: Duration): bigint => duration.seconds * NANOS_PER_SECOND + BigInt(duration.nanos);

/** float64(d / unit) + float64(d % unit) / unit, truncated as Go's int64() truncates: Hours(), Minutes(), Seconds(). */
function wholeUnits(nanos: bigint, unit: bigint): bigint {
  const value = Number(nanos / unit) + Number(nanos % unit) / Number(unit);
  return BigInt(Math.trunc(value));
}

let goDuration: ((nanos: bigint) => Duration) | undefined;

function durationFactory(): (nanos: bigint) => Duration {
  const { Duration: CelDuration } = requirePackage<{ Duration: DurationClass }>("@marcbachmann/cel-js/evaluator");
  class GoDuration extends CelDuration {
    override getHours(): bigint {
      return wholeUnits(durationNanos(this), NANOS_PER_HOUR);
    }
    override getMinutes(): bigint {
      return wholeUnits(durationNanos(this), NANOS_PER_MINUTE);
    }
    override getSeconds(): bigint {
      return wholeUnits(durationNanos(this), NANOS_PER_SECOND);
    }
    override getMilliseconds(): bigint {
      return durationNanos(this) / 1_000_000n;
    }
  }
  // cel-js looks a value's type up by its constructor.
  Object.defineProperty(GoDuration.prototype, "constructor", { value: CelDuration });
  // Seconds and nanoseconds of one sign, as time.Duration's Seconds() and Nanoseconds() split them.
  return (nanos) => new GoDuration(nanos / NANOS_PER_SECOND, Number(nanos % NANOS_PER_SECOND));
}

/** The duration of `nanos` nanoseconds; integer overflow outside int64. */
export function durationOf(nanos: bigint): Duration {
  if (nanos < MIN_INT64 || nanos > MAX_INT64) throw new CelEvaluationError("numeric_overflow", "integer overflow");
  goDuration ??= durationFactory();
  return goDuration(nanos);
}

/** -1, 0 or 1 as `a` is shorter than, as long as or longer than `b`. */
export function compareDurations(a: Duration, b: Duration): number {
  const [x, y] = [durationNanos(a), durationNanos(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
