// Go durations as time.ParseDuration reads them and kubectl's --timeout prints them.
import { describe, expect, it } from "vitest";
import { formatGoDuration, parseDuration, parseGoDuration } from "../../src/util/go-duration.js";

describe("Go durations", () => {
  it.each([
    ["0", 0, "0s"],
    ["0s", 0, "0s"],
    ["90s", 90_000, "1m30s"],
    ["5m", 300_000, "5m0s"],
    ["1h30m", 5_400_000, "1h30m0s"],
    ["1.5s", 1_500, "1.5s"],
    ["250ms", 250, "250ms"],
    ["2h", 7_200_000, "2h0m0s"],
  ])("%s", (text, ms, printed) => {
    expect(parseGoDuration(text)).toBe(ms);
    expect(formatGoDuration(ms)).toBe(printed);
  });

  it.each(["", "5", "soon", "1x", "s", "1m-2s"])("refuses %j", (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe("time.ParseDuration to the nanosecond", () => {
  it.each([
    ["0", 0n],
    ["-0", 0n],
    ["+0", 0n],
    ["1ns", 1n],
    ["1us", 1_000n],
    ["1\u00b5s", 1_000n],
    ["1\u03bcs", 1_000n],
    ["1.5ms", 1_500_000n],
    ["1.s", 1_000_000_000n],
    [".5s", 500_000_000n],
    ["-1.5h", -5_400_000_000_000n],
    ["1h2m3s4ms5us6ns", 3_723_004_005_006n],
    ["0.1ns", 0n],
    ["9223372036854775807ns", 9223372036854775807n],
    ["-9223372036854775808ns", -9223372036854775808n],
    ["2562047h", 9_223_369_200_000_000_000n],
    ["1.00000000000000000000000000001s", 1_000_000_000n],
  ])("%j is %s ns", (text, nanos) => {
    expect(parseDuration(text)).toBe(nanos);
  });

  it.each([
    ["", "empty"],
    ["-", "a sign alone"],
    ["1", "a number without a unit"],
    ["s", "a unit without a number"],
    [".s", "a point without digits"],
    ["1d", "an unknown unit"],
    ["1S", "units are case-sensitive"],
    ["1 s", "a space"],
    ["1s-1s", "a sign inside"],
    ["00", "zero without a unit unless it is exactly 0"],
    ["9223372036854775808ns", "past int64"],
    ["2562048h", "past int64 in hours"],
    ["99999999999999999999s", "digits past 2^63"],
    ["9223372036s854775808ns", "a sum past int64"],
  ])("refuses %j (%s)", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
