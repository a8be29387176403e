// CEL's type conversions and optional equality as cel-go evaluates them:
// strings read by Go's strconv, time.ParseDuration and time.Parse, overflow errors,
// durations and timestamps converted to int and string, and failures in
// cel-go's words on a custom resource's rule. Cases follow the CEL
// specification's conversion tests and cel-go's ConvertToType.
import { describe, expect, test } from "vitest";
import { checkRuleOnField as check, evaluateCel as evaluate } from "./helpers.js";

/** Each expression holds (evaluates to true) as cel-go evaluates it. */
const holding: Array<[string, string]> = [
  ["duration: zero without a unit", "duration('0') == duration('0s') && duration('-0') == duration('0s')"],
  ["duration: the micro sign, the Greek mu and us", "duration('1\u00b5s') == duration('1us') && duration('1\u03bcs') == duration('1000ns')"],
  ["duration: fractions and sums", "duration('1.5h') == duration('90m') && duration('.5s') == duration('500ms') && duration('1h2m3s') == duration('3723s')"],
  ["duration: the largest and smallest", "duration('9223372036854775807ns') > duration('2562047h') && duration('-9223372036854775808ns') < duration('-2562047h')"],
  ["duration: methods on a parsed duration", "duration('90m').getHours() == 1 && duration('1.5s').getMilliseconds() == 1500"],
  ["timestamp: offsets, and what Go's parser takes beyond RFC 3339", "timestamp('2024-05-01T12:00:00+02:00') == timestamp('2024-05-01T10:00:00Z') && timestamp('2024-05-01T1:00:00Z') == timestamp('2024-05-01T01:00:00Z') && timestamp('2024-05-01T10:00:00,5Z') == timestamp('2024-05-01T10:00:00.5Z') && timestamp('2024-05-02T10:00:00+24:00') == timestamp('2024-05-01T10:00:00Z')"],
  ["timestamp: the ends of the range, and ints as Unix seconds", "int(timestamp('0001-01-01T00:00:00Z')) == -62135596800 && int(timestamp('9999-12-31T23:59:59.999999999Z')) == 253402300799 && timestamp(0) == timestamp('1970-01-01T00:00:00Z') && timestamp(timestamp(1)) == timestamp(1)"],
  ["int: strings with a sign", "int('987') == 987 && int('+5') == 5 && int('-9223372036854775808') == -9223372036854775807 - 1"],
  ["int: doubles truncated toward zero", "int(1.9) == 1 && int(-7.9) == -7 && int(11.5) == 11 && int(-3.5) == -3"],
  ["int: uints, durations (nanoseconds) and timestamps (Unix seconds)", "int(42u) == 42 && int(duration('1s')) == 1000000000 && int(timestamp('2004-09-16T23:59:59Z')) == 1095379199"],
  ["uint: ints, doubles and strings", "uint(1729) == 1729u && uint(3.14159265) == 3u && uint(25.5) == 25u && uint(1e19) == 10000000000000000000u && uint('18446744073709551615') == 18446744073709551615u"],
  ["double: strings as strconv.ParseFloat reads them", "double('-0.0') == 0.0 && double('6.02214e23') == 6.02214e23 && double('1_000.5') == 1000.5 && double('0x1p-2') == 0.25 && double('inf') > 1e308"],
  ["double: ints and uints", "double(9223372036854775807) == 9.223372036854775807e18 && double(18446744073709551615u) == 1.8446744073709551615e19"],
  ["bool: every spelling of strconv.ParseBool", "bool('T') && bool('TRUE') && bool('1') && !bool('F') && !bool('False') && !bool('0')"],
  ["string: doubles as Go's %g", "string(123.456) == '123.456' && string(-4.5e-3) == '-0.0045' && string(1e8) == '1e+08' && string(0.00001) == '1e-05'"],
  ["string: durations in seconds, timestamps as RFC 3339", "string(duration('1.5s')) == '1.5s' && string(duration('1ns')) == '0.000000001s' && string(duration('-90m')) == '-5400s' && string(timestamp('2024-05-01T10:00:00.250Z')) == '2024-05-01T10:00:00.25Z'"],
  ["string: ints, uints, bools and bytes", "string(-456) == '-456' && string(9876u) == '9876' && string(true) == 'true' && string(b'\\303\\277') == '\u00ff'"],
  ["type names are left alone", "type(int('1')) == int && type(string(1)) == string && type(duration('1s')) == google.protobuf.Duration"],
  ["optionals: both none, or both holding equal values", "optional.none() == optional.none() && optional.of(1) == optional.of(1) && optional.of(1) == optional.of(1.0) && optional.of([1]) == optional.of([1])"],
  ["optionals: none against a value, different values", "optional.of(1) != optional.none() && optional.none() != optional.of(1) && optional.of('a') != optional.of('b')"],
  ["optionals: inside lists and from selections", "[optional.of(1), optional.none()] == [optional.of(1), optional.none()] && {'a': 1}.?a == optional.of(1) && {'a': 1}.?b == optional.none()"],
  ["optionals: never null", "optional.none() != null && !(optional.of(1) == null)"],
  ["list functions compare durations and optionals by value", "[duration('1s'), duration('2s')].indexOf(duration('2s')) == 1 && [optional.of(1), optional.of(2)].indexOf(optional.of(2)) == 1"],
];

/** Each expression fails with cel-go's error. */
const failing: Array<[string, string, string]> = [
  ["duration: a number without a unit", "duration('1') == duration('1s')", "type conversion error from 'string' to 'google.protobuf.Duration'"],
  ["duration: a unit without a number", "duration('s') == duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'"],
  ["duration: days are not a unit", "duration('1d') == duration('24h')", "type conversion error from 'string' to 'google.protobuf.Duration'"],
  ["duration: past int64 nanoseconds", "duration('2562048h') > duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'"],
  ["duration: empty", "duration('') == duration('0s')", "type conversion error from 'string' to 'google.protobuf.Duration'"],
  ["timestamp: a date alone", "timestamp('2024-05-01') > timestamp(0)", "type conversion error from 'string' to 'google.protobuf.Timestamp'"],
  ["timestamp: a space for the T", "timestamp('2024-05-01 10:00:00Z') > timestamp(0)", "type conversion error from 'string' to 'google.protobuf.Timestamp'"],
  ["timestamp: a lower-case z", "timestamp('2024-05-01T10:00:00z') > timestamp(0)", "type conversion error from 'string' to 'google.protobuf.Timestamp'"],
  ["timestamp: no zone", "timestamp('2024-05-01T10:00:00') > timestamp(0)", "type conversion error from 'string' to 'google.protobuf.Timestamp'"],
  ["timestamp: a day the month does not have", "timestamp('2023-02-29T10:00:00Z') > timestamp(0)", "type conversion error from 'string' to 'google.protobuf.Timestamp'"],
  ["timestamp: year 0", "timestamp('0000-06-01T00:00:00Z') > timestamp(0)", "timestamp overflow"],
  ["timestamp: past year 9999 by its offset", "timestamp('9999-12-31T23:59:59-01:00') > timestamp(0)", "timestamp overflow"],
  ["timestamp: an int past year 9999", "timestamp(253402300800) > timestamp(0)", "timestamp overflow"],
  ["int: empty and hexadecimal strings", "int('') == 0", "type conversion error from 'string' to 'int'"],
  ["int: hexadecimal strings", "int('0x10') == 16", "type conversion error from 'string' to 'int'"],
  ["int: past int64", "int('9223372036854775808') > 0", "type conversion error from 'string' to 'int'"],
  ["int: a double out of range", "int(1e99) > 0", "integer overflow"],
  ["int: a uint out of range", "int(18446744073709551615u) > 0", "integer overflow"],
  ["uint: a negative int", "uint(-1) > 0u", "unsigned integer overflow"],
  ["uint: a double out of range", "uint(6.022e23) > 0u", "unsigned integer overflow"],
  ["uint: a negative string", "uint('-1') > 0u", "type conversion error from 'string' to 'uint'"],
  ["uint: a string with a sign", "uint('+1') > 0u", "type conversion error from 'string' to 'uint'"],
  ["double: not a number", "double('1,5') > 0.0", "type conversion error from 'string' to 'double'"],
  ["double: past float64's range", "double('1e400') > 0.0", "type conversion error from 'string' to 'double'"],
  ["bool: yes is no bool", "bool('yes')", "type conversion error from 'string' to 'bool'"],
  ["string: bytes that are not UTF-8", "string(b'\\000\\xff') == ''", "invalid UTF-8 in bytes, cannot convert to string"],
];

describe("conversions and optional equality as cel-go evaluates them", () => {
  test.each(holding)("%s", (_name, expression) => {
    expect(evaluate(expression)).toBe(true);
  });
  test.each(failing)("%s", (_name, expression, message) => {
    expect(() => evaluate(expression)).toThrow(message);
  });
});

describe("a custom resource's values converted by its rules", () => {
  const timeout = { type: "string" };
  const rule = "duration(self) <= duration('1h')";
  test.each([["'0'"], ["30m"], ["0.5h0m"], ["'900000000000ns'"]])("a timeout of %s passes", (value) => {
    expect(check(timeout, rule, value)).toEqual([]);
  });
  test.each([
    ["2h", `spec.v: Invalid value: "2h": failed rule: ${rule}`],
    ["'30'", `spec.v: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: ${rule}`],
    ["1d", `spec.v: Invalid value: "string": type conversion error from 'string' to 'google.protobuf.Duration' evaluating rule: ${rule}`],
  ])("a timeout of %s fails", (value, message) => {
    expect(check(timeout, rule, value)).toEqual([["schema/cel-rule", message]]);
  });
  test("a replica count converted to uint fails on a negative value, in cel-go's words", () => {
    expect(check({ type: "integer" }, "uint(self) < 10u", "-1")).toEqual([["schema/cel-rule", "spec.v: Invalid value: \"integer\": unsigned integer overflow evaluating rule: uint(self) < 10u"]]);
    expect(check({ type: "integer" }, "uint(self) < 10u", "3")).toEqual([]);
  });
  test("optional selections compared with optionals", () => {
    const object = { type: "object", properties: { mode: { type: "string" } } };
    expect(check(object, "self.?mode == optional.of('fast') || self.?mode == optional.none()", "{mode: fast}")).toEqual([]);
    expect(check(object, "self.?mode == optional.of('fast') || self.?mode == optional.none()", "{}")).toEqual([]);
    expect(check(object, "self.?mode == optional.of('fast') || self.?mode == optional.none()", "{mode: slow}")).toEqual([["schema/cel-rule", "spec.v: Invalid value: failed rule: self.?mode == optional.of('fast') || self.?mode == optional.none()"]]);
  });
});
