// CEL's type conversions as cel-go converts (common/types ConvertToType):
// strings read by Go's strconv, time.ParseDuration (`duration('0')` is
// zero, `duration('1')` has no unit) and time.Parse(time.RFC3339, ...)
// (`timestamp('2024-05-01T1:00:00Z')` holds), numbers and timestamps checked
// for overflow
// (`uint(-1)`: unsigned integer overflow), durations and timestamps to int
// and string, doubles printed as Go's %g. cel-js's own conversions read
// strings as JavaScript does, so rules reach these under the names
// source.ts gives them (`int(` becomes `__int(`).
import type { Environment } from "@marcbachmann/cel-js";
import type { Duration, UnsignedInt } from "@marcbachmann/cel-js/evaluator";
import { parseDuration } from "../../../../util/go-duration.js";
import { parseRFC3339 } from "../../../../util/go-time.js";
import { formatFloatF, formatFloatG, parseBool, parseFloat64, parseInt64, parseUint64 } from "../../../../util/go-strconv.js";
import { durationNanos, durationOf } from "./duration.js";
import { CelEvaluationError } from "./macros.js";
import { formatTimestamp, MAX_UNIX_TIME, MIN_UNIX_TIME, timestampOf, timestampOverflow } from "./timestamp.js";

/** cel-js's classes of the values conversions return. */
export interface ConversionClasses {
  UnsignedInt: typeof UnsignedInt;
}

const DURATION = "google.protobuf.Duration";
const TIMESTAMP = "google.protobuf.Timestamp";
const NANOS_PER_SECOND = 1_000_000_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const TWO_TO_63 = 2 ** 63;
const TWO_TO_64 = 2 ** 64;

/** cel-go's error of a value that does not convert: `type conversion error from 'string' to 'int'`. */
const conversionError = (from: string, to: string) => new CelEvaluationError("type_conversion", `type conversion error from '${from}' to '${to}'`);
const intOverflow = () => new CelEvaluationError("numeric_overflow", "integer overflow");
const uintOverflow = () => new CelEvaluationError("numeric_overflow", "unsigned integer overflow");


function registerInt(env: Environment): void {
  env.registerFunction("__int(int): int", (value: bigint) => value);
  env.registerFunction("__int(uint): int", (value: UnsignedInt) => {
    if (value.valueOf() > MAX_INT64) throw intOverflow();
    return value.valueOf();
  });
  env.registerFunction("__int(double): int", (value: number) => {
    // doubleToInt64Checked: the bounds themselves overflow, as float64 cannot tell them from the next value.
    if (!Number.isFinite(value) || value <= -TWO_TO_63 || value >= TWO_TO_63) throw intOverflow();
    return BigInt(Math.trunc(value));
  });
  env.registerFunction("__int(string): int", (text: string) => {
    const value = parseInt64(text);
    if (value === undefined) throw conversionError("string", "int");
    return value;
  });
  env.registerFunction(`__int(${DURATION}): int`, durationNanos);
  env.registerFunction(`__int(${TIMESTAMP}): int`, (time: Date) => BigInt(Math.floor(time.getTime() / 1000)));
}

function registerUint(env: Environment, { UnsignedInt }: ConversionClasses): void {
  env.registerFunction("__uint(uint): uint", (value: UnsignedInt) => value);
  env.registerFunction("__uint(int): uint", (value: bigint) => {
    if (value < 0n) throw uintOverflow();
    return new UnsignedInt(value);
  });
  env.registerFunction("__uint(double): uint", (value: number) => {
    if (!Number.isFinite(value) || value < 0 || value >= TWO_TO_64) throw uintOverflow();
    return new UnsignedInt(BigInt(Math.trunc(value)));
  });
  env.registerFunction("__uint(string): uint", (text: string) => {
    const value = parseUint64(text);
    if (value === undefined) throw conversionError("string", "uint");
    return new UnsignedInt(value);
  });
}

function registerDouble(env: Environment): void {
  env.registerFunction("__double(double): double", (value: number) => value);
  env.registerFunction("__double(int): double", (value: bigint) => Number(value));
  env.registerFunction("__double(uint): double", (value: UnsignedInt) => Number(value.valueOf()));
  env.registerFunction("__double(string): double", (text: string) => {
    const value = parseFloat64(text);
    if (value === undefined) throw conversionError("string", "double");
    return value;
  });
}

function registerBool(env: Environment): void {
  env.registerFunction("__bool(bool): bool", (value: boolean) => value);
  env.registerFunction("__bool(string): bool", (text: string) => {
    const value = parseBool(text);
    if (value === undefined) throw conversionError("string", "bool");
    return value;
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function registerString(env: Environment): void {
  env.registerFunction("__string(string): string", (value: string) => value);
  env.registerFunction("__string(bool): string", (value: boolean) => String(value));
  env.registerFunction("__string(int): string", (value: bigint) => String(value));
  env.registerFunction("__string(uint): string", (value: UnsignedInt) => String(value.valueOf()));
  env.registerFunction("__string(double): string", (value: number) => formatFloatG(value));
  env.registerFunction("__string(bytes): string", (value: Uint8Array) => {
    try {
      return utf8.decode(value);
    } catch {
      throw new CelEvaluationError("invalid_argument", "invalid UTF-8 in bytes, cannot convert to string");
    }
  });
  // strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"; Seconds() adds whole seconds and the fraction as float64.
  env.registerFunction(`__string(${DURATION}): string`, (duration: Duration) => {
    const nanos = durationNanos(duration);
    const seconds = Number(nanos / NANOS_PER_SECOND) + Number(nanos % NANOS_PER_SECOND) / 1e9;
    return `${formatFloatF(seconds)}s`;
  });
  env.registerFunction(`__string(${TIMESTAMP}): string`, formatTimestamp);
}

function registerDuration(env: Environment): void {
  env.registerFunction(`__duration(${DURATION}): ${DURATION}`, (duration: Duration) => duration);
  env.registerFunction(`__duration(string): ${DURATION}`, (text: string) => {
    const nanos = parseDuration(text);
    if (nanos === undefined) throw conversionError("string", DURATION);
    return durationOf(nanos);
  });
}

function registerTimestamp(env: Environment): void {
  env.registerFunction(`__timestamp(${TIMESTAMP}): ${TIMESTAMP}`, (time: Date) => time);
  env.registerFunction(`__timestamp(int): ${TIMESTAMP}`, (seconds: bigint) => {
    if (seconds < MIN_UNIX_TIME || seconds > MAX_UNIX_TIME) throw timestampOverflow();
    return timestampOf(seconds, 0);
  });
  env.registerFunction(`__timestamp(string): ${TIMESTAMP}`, (text: string) => {
    const time = parseRFC3339(text);
    if (time === undefined) throw conversionError("string", TIMESTAMP);
    const seconds = BigInt(time.seconds);
    if (seconds < MIN_UNIX_TIME || seconds > MAX_UNIX_TIME) throw timestampOverflow();
    return timestampOf(seconds, time.nanos, time.offset);
  });
}

export function registerConversions(env: Environment, classes: ConversionClasses): void {
  registerInt(env);
  registerUint(env, classes);
  registerDouble(env);
  registerBool(env);
  registerString(env);
  registerDuration(env);
  registerTimestamp(env);
}
