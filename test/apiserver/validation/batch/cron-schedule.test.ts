import { describe, expect, it } from "vitest";
import { cronScheduleError } from "../../../../src/apiserver/validation/batch/cron-schedule.js";

describe("cronScheduleError: robfig/cron's standard parser", () => {
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
    ["0 0 * constructor *", 'failed to parse int from constructor: strconv.Atoi: parsing "constructor": invalid syntax'],
    ["*/-1 * * * *", "negative number (-1) not allowed: -1"],
    ["@weekdays", "unrecognized descriptor: @weekdays"],
    ["@every 5", 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ["@every 5x", 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ["@every soon", 'failed to parse duration @every soon: time: invalid duration "soon"'],
    // Beyond int64 nanoseconds, as time.ParseDuration refuses it.
    ["@every 9999999999h", 'failed to parse duration @every 9999999999h: time: invalid duration "9999999999h"'],
    ["@every 1.5µx", 'failed to parse duration @every 1.5µx: time: unknown unit "\\xc2\\xb5x" in duration "1.5\\xc2\\xb5x"'],
    ["CRON_TZ=Mars/Base 0 0 * * *", "provided bad location Mars/Base: unknown time zone Mars/Base"],
  ])("rejects %j: %s", (schedule, message) => {
    expect(cronScheduleError(schedule)).toBe(message);
  });
});
