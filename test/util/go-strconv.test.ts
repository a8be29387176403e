// Go's strconv as CEL's conversions use it.
import { describe, expect, it } from "vitest";
import { formatFloatF, formatFloatG, parseBool, parseFloat64, parseInt64, parseUint64 } from "../../src/util/go-strconv.js";

describe("ParseInt and ParseUint in base 10", () => {
  it.each([
    ["0", 0n, 0n],
    ["42", 42n, 42n],
    ["+42", 42n, undefined],
    ["-42", -42n, undefined],
    ["9223372036854775807", 9223372036854775807n, 9223372036854775807n],
    ["-9223372036854775808", -9223372036854775808n, undefined],
    ["9223372036854775808", undefined, 9223372036854775808n],
    ["18446744073709551615", undefined, 18446744073709551615n],
    ["18446744073709551616", undefined, undefined],
    ["", undefined, undefined],
    [" 1", undefined, undefined],
    ["0x10", undefined, undefined],
    ["1_000", undefined, undefined],
    ["1.0", undefined, undefined],
  ])("%j", (text, asInt, asUint) => {
    expect(parseInt64(text)).toBe(asInt);
    expect(parseUint64(text)).toBe(asUint);
  });
});

describe("ParseBool", () => {
  it.each([
    ["1", true], ["t", true], ["T", true], ["true", true], ["TRUE", true], ["True", true],
    ["0", false], ["f", false], ["F", false], ["false", false], ["FALSE", false], ["False", false],
    ["yes", undefined], ["tRUE", undefined], ["", undefined],
  ])("%j", (text, value) => {
    expect(parseBool(text)).toBe(value);
  });
});

describe("ParseFloat", () => {
  it.each([
    ["0", 0], ["-0.0", -0], ["123.456", 123.456], ["1.", 1], [".5", 0.5], ["6.02214e23", 6.02214e23], ["-5.43e-21", -5.43e-21],
    ["1_000.5", 1000.5], ["0x1p-2", 0.25], ["0x1.8p1", 3], ["inf", Infinity], ["-Infinity", -Infinity], ["NaN", NaN], ["1e-400", 0],
  ])("%j is %d", (text, value) => {
    expect(parseFloat64(text)).toBe(value);
  });
  it.each(["", ".", "1e", "1e+", "abc", "0x10", "0b1", "1__0", "_1", "1_", "+nan", "1e400", " 1", "1,5"])("refuses %j", (text) => {
    expect(parseFloat64(text)).toBeUndefined();
  });
});

describe("FormatFloat", () => {
  it.each([
    [123.456, "123.456", "123.456"],
    [-4.5e-3, "-0.0045", "-0.0045"],
    [0.0001, "0.0001", "0.0001"],
    [0.00001, "1e-05", "0.00001"],
    [123456, "123456", "123456"],
    [1e6, "1e+06", "1000000"],
    [1234567, "1.234567e+06", "1234567"],
    [1e100, "1e+100", `1${"0".repeat(100)}`],
    [1.5e-9, "1.5e-09", "0.0000000015"],
    [-0, "-0", "-0"],
    [Infinity, "+Inf", "+Inf"],
    [NaN, "NaN", "NaN"],
  ])("%d: %%g %j, 'f' %j", (value, g, f) => {
    expect(formatFloatG(value)).toBe(g);
    expect(formatFloatF(value)).toBe(f);
  });
});
