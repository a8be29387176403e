// Timestamps and durations as cel-go keeps them (common/types/timestamp.go,
// duration.go): to the nanosecond, a timestamp with the zone it was written
// in, durations as int64 nanoseconds, overflow as cel-go words it; and a
// custom resource's date-time, date and duration fields read as such.
import { describe, expect, test } from "vitest";
import { checkRuleOnField as check, evaluateCel as evaluate } from "./helpers.js";

const T = (text: string) => `timestamp('${text}')`;

/** Each expression holds as cel-go evaluates it. */
const holding: Array<[string, string]> = [
  ["timestamps compare to the nanosecond", `${T("2023-01-01T00:00:00.123456789Z")} > ${T("2023-01-01T00:00:00.123456788Z")} && ${T("2023-01-01T00:00:00.123456788Z")} < ${T("2023-01-01T00:00:00.123456789Z")}`],
  ["timestamps a nanosecond apart are not equal", `${T("2023-01-01T00:00:00.123456789Z")} != ${T("2023-01-01T00:00:00.123456788Z")} && !(${T("2023-01-01T00:00:00.000000001Z")} == ${T("2023-01-01T00:00:00Z")})`],
  ["the same instant written in two zones is equal", `${T("2023-01-01T02:00:00.5+02:00")} == ${T("2023-01-01T00:00:00.5Z")} && ${T("2023-01-01T02:00:00.5+02:00")} <= ${T("2023-01-01T00:00:00.5Z")}`],
  ["a difference of timestamps keeps the nanoseconds", `${T("2023-01-01T00:00:00.123456789Z")} - ${T("2023-01-01T00:00:00Z")} == duration('123456789ns')`],
  ["a negative difference", `${T("2023-01-01T00:00:00Z")} - ${T("2023-01-01T00:00:00.000000001Z")} == duration('-1ns')`],
  ["adding and subtracting nanoseconds", `${T("2023-01-01T00:00:00Z")} + duration('1ns') == ${T("2023-01-01T00:00:00.000000001Z")} && duration('1ns') + ${T("2023-01-01T00:00:00Z")} == ${T("2023-01-01T00:00:00.000000001Z")} && ${T("2023-01-01T00:00:00Z")} - duration('1ns') == ${T("2022-12-31T23:59:59.999999999Z")}`],
  ["before the epoch", `${T("1969-12-31T23:59:59.5Z")} - duration('1ns') == ${T("1969-12-31T23:59:59.499999999Z")} && int(${T("1969-12-31T23:59:59.5Z")}) == -1`],
  ["getMilliseconds reads the milliseconds of the second", `${T("2023-01-01T00:00:00.123456789Z")}.getMilliseconds() == 123 && ${T("2023-01-01T00:00:00.999999999Z")}.getMilliseconds() == 999`],
  ["string() prints every digit, in the zone written", `string(${T("2023-01-01T00:00:00.123456789Z")}) == '2023-01-01T00:00:00.123456789Z' && string(${T("2023-01-01T10:00:00.5+02:00")}) == '2023-01-01T10:00:00.5+02:00' && string(${T("2023-01-01T10:00:00-00:00")}) == '2023-01-01T10:00:00Z'`],
  ["string() round-trips", `timestamp(string(${T("2023-06-30T23:59:59.000000001-07:30")})) == ${T("2023-06-30T23:59:59.000000001-07:30")}`],
  ["a sum keeps the zone of the timestamp, whichever side it is on", `string(${T("2023-01-01T23:30:00+02:00")} + duration('1h')) == '2023-01-02T00:30:00+02:00' && string(duration('1h') + ${T("2023-01-01T23:30:00+02:00")}) == '2023-01-02T00:30:00+02:00'`],
  ["getters without a zone read UTC", `${T("2023-01-01T01:30:00+02:00")}.getHours() == 23 && ${T("2023-01-01T01:30:00+02:00")}.getDate() == 31`],
  ["durations of nanoseconds", "duration('1ns') < duration('2ns') && duration('1ns') != duration('2ns') && duration('1000ns') == duration('1us') && string(duration('1ns')) == '0.000000001s'"],
  ["long durations compare to the nanosecond", "duration('2562047h1ns') > duration('2562047h') && duration('-2562047h1ns') < duration('-2562047h')"],
  ["a duration computed equals the one written", "duration('0s') - duration('1.5s') == duration('-1.5s') && duration('1.5s') + duration('-2s') == duration('-500ms')"],
  ["duration getters truncate toward zero", "duration('-1ns').getMilliseconds() == 0 && duration('-1.0000005s').getMilliseconds() == -1000 && duration('-90m').getHours() == -1 && duration('-90s').getMinutes() == -1 && duration('-1.5s').getSeconds() == -1"],
  ["lists of timestamps and durations", `${T("2023-01-01T00:00:00.000000001Z")} in [${T("2023-01-01T00:00:00.000000001Z")}] && !(${T("2023-01-01T00:00:00.000000001Z")} in [${T("2023-01-01T00:00:00Z")}]) && [duration('3s'), duration('1ns')].min() == duration('1ns') && [duration('3s'), duration('1ns')].sum() == duration('3000000001ns')`],
  ["sorted timestamps to the nanosecond", `[${T("2023-01-01T00:00:00.000000001Z")}, ${T("2023-01-01T00:00:00.000000002Z")}].isSorted() && ![${T("2023-01-01T00:00:00.000000002Z")}, ${T("2023-01-01T00:00:00.000000001Z")}].isSorted()`],
];

/** Each expression fails with cel-go's error. */
const failing: Array<[string, string, string]> = [
  ["past year 9999 by a nanosecond", `${T("9999-12-31T23:59:59.999999999Z")} + duration('1ns') > ${T("2023-01-01T00:00:00Z")}`, "timestamp overflow"],
  ["before year 1 by a nanosecond", `${T("0001-01-01T00:00:00Z")} - duration('1ns') > ${T("0001-01-01T00:00:00Z")}`, "timestamp overflow"],
  ["a difference of timestamps beyond int64 nanoseconds", `${T("9999-12-31T23:59:59Z")} - ${T("0001-01-01T00:00:00Z")} > duration('0s')`, "integer overflow"],
  ["a sum of durations beyond int64", "duration('2562047h') + duration('2562047h') > duration('0s')", "integer overflow"],
  ["a difference of durations beyond int64", "duration('-2562047h') - duration('2562047h') < duration('0s')", "integer overflow"],
  ["subtracting the most negative duration", `${T("2023-01-01T00:00:00Z")} - duration('-9223372036854775808ns') > ${T("2023-01-01T00:00:00Z")}`, "integer overflow"],
];

describe("timestamps and durations as cel-go computes them", () => {
  test.each(holding)("%s", (_name, expression) => {
    expect(evaluate(expression)).toBe(true);
  });
  test.each(failing)("%s", (_name, expression, message) => {
    expect(() => evaluate(expression)).toThrow(message);
  });
});

describe("a custom resource's date-time, date and duration fields in rules", () => {
  const dateTime = { type: "string", format: "date-time" };
  const window = { type: "object", properties: { start: dateTime, end: dateTime } };
  const ordered = "self.end > self.start";
  test.each([
    ["nanoseconds apart", "{start: '2024-05-01T10:00:00.000000001Z', end: '2024-05-01T10:00:00.000000002Z'}"],
    ["in two zones", "{start: '2024-05-01T10:00:00Z', end: '2024-05-01T11:00:00.5+01:00'}"],
    ["in microseconds and nanoseconds", "{start: '2024-05-01T10:00:00.000001Z', end: '2024-05-01T10:00:00.000001001Z'}"],
  ])("a window %s passes", (_name, value) => {
    expect(check(window, ordered, value)).toEqual([]);
  });
  test.each([
    ["a nanosecond backwards", "{start: '2024-05-01T10:00:00.000000002Z', end: '2024-05-01T10:00:00.000000001Z'}"],
    ["apart only past the ninth digit, which Go drops", "{start: '2024-05-01T10:00:00.0000000011Z', end: '2024-05-01T10:00:00.0000000019Z'}"],
    ["equal to the nanosecond", "{start: '2024-05-01T10:00:00.123456789Z', end: '2024-05-01T12:00:00.123456789+02:00'}"],
  ])("a window %s fails", (_name, value) => {
    expect(check(window, ordered, value)).toEqual([["schema/cel-rule", `spec.v: Invalid value: failed rule: ${ordered}`]]);
  });
  test("a date-time field printed by string() keeps its digits and zone", () => {
    const rule = "string(self) == '2024-05-01T10:00:00.000001+02:00'";
    expect(check(dateTime, rule, "'2024-05-01T10:00:00.000001+02:00'")).toEqual([]);
    expect(check(dateTime, rule, "'2024-05-01T08:00:00.000001Z'")).toEqual([["schema/cel-rule", `spec.v: Invalid value: "2024-05-01T08:00:00.000001Z": failed rule: ${rule}`]]);
  });
  test("a date field is midnight UTC", () => {
    const rule = "self == timestamp('2024-05-01T00:00:00Z')";
    expect(check({ type: "string", format: "date" }, rule, "'2024-05-01'")).toEqual([]);
    expect(check({ type: "string", format: "date" }, rule, "'2024-05-02'")).toEqual([["schema/cel-rule", `spec.v: Invalid value: "2024-05-02": failed rule: ${rule}`]]);
  });
  test.each([
    ["Go's syntax", "90s", []],
    ["strfmt's units", "'1 minute 30 seconds'", []],
    ["a day, which strfmt reads", "1d", [["schema/cel-rule", "spec.v: Invalid value: \"1d\": failed rule: self < duration('1h')"]]],
    ["a nanosecond too many", "3600000000001ns", [["schema/cel-rule", "spec.v: Invalid value: \"3600000000001ns\": failed rule: self < duration('1h')"]]],
  ])("a duration field in %s", (_name, value, findings) => {
    expect(check({ type: "string", format: "duration" }, "self < duration('1h')", value)).toEqual(findings);
  });
});
