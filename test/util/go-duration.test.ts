// Go durations as kubectl's --timeout reads and prints them.
import { describe, expect, it } from "vitest";
import { formatGoDuration, parseGoDuration } from "../../src/util/go-duration.js";

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
