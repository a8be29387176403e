import { describe, expect, it } from "vitest";
import {
  humanBytes,
  addQuantities,
  compareQuantities,
  formatQuantity,
  milliValue,
  parseQuantity,
  quantity,
  subtractQuantities,
  suggestQuantities,
  wholeValue,
} from "../../src/util/quantity.js";

describe("parseQuantity accepts Kubernetes' grammar and prints the canonical form", () => {
  it.each([
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["2Gi", "2Gi"],
    ["1024Mi", "1Gi"],
    ["1025Mi", "1025Mi"],
    ["1500m", "1500m"],
    ["1.5", "1500m"],
    ["0.1m", "100u"],
    ["1000m", "1"],
    ["100m", "100m"],
    ["512", "512"],
    ["1e3", "1e3"],
    ["1.5e3", "1500"],
    ["129e6", "129e6"],
    ["1k", "1k"],
    ["1000k", "1M"],
    ["1n", "1n"],
    [".5", "500m"],
    ["1.", "1"],
    ["+2", "2"],
    ["-1.5Gi", "-1536Mi"],
    ["0", "0"],
    ["0Gi", "0"],
    [2, "2"],
    [0.25, "250m"],
  ] as const)("%j → %s", (input, canonical) => {
    const parsed = parseQuantity(input);
    expect(parsed).toBeDefined();
    expect(formatQuantity(parsed!)).toBe(canonical);
  });

  it.each(["256MB", "1.5.0", "2 Gi", "1gi", "abc", "", "-", ".", "1Kb", "Gi", "1e", "1.5Gi2"])("rejects %j", (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it("gives each text its own value when texts repeat, short or long (parsed texts are remembered)", () => {
    const long = `1.${"0".repeat(40)}Mi`;
    const texts = ["1Gi", "1G", "1Gi", "1gi", "1G", long, "100m", long, 100, "100"];
    expect(texts.map((text) => { const q = parseQuantity(text); return q && formatQuantity(q); })).toEqual(["1Gi", "1G", "1Gi", undefined, "1G", "1Mi", "100m", "1Mi", "100", "100"]);
  });
});

describe("arithmetic is exact", () => {
  it("compares across suffixes", () => {
    expect(compareQuantities(quantity("1Gi"), quantity("1024Mi"))).toBe(0);
    expect(compareQuantities(quantity("1G"), quantity("1Gi"))).toBe(-1);
    expect(compareQuantities(quantity("1"), quantity("999m"))).toBe(1);
  });
  it("adds keeping the first operand's format", () => {
    expect(formatQuantity(addQuantities(quantity("1Gi"), quantity("1Gi")))).toBe("2Gi");
    expect(formatQuantity(addQuantities(quantity("500m"), quantity("1")))).toBe("1500m");
  });
  it("takes the second operand's format when the first is zero, as Quantity.Add and Sub do", () => {
    expect(formatQuantity(addQuantities(quantity("0"), quantity("2Gi")))).toBe("2Gi");
    expect(formatQuantity(subtractQuantities(quantity("0"), quantity("1Gi")))).toBe("-1Gi");
    expect(formatQuantity(subtractQuantities(quantity("3Gi"), quantity("1")))).toBe("3221225471");
  });
  it("rounds milli and whole values up, as Quantity.MilliValue and Value do", () => {
    expect(milliValue(quantity("0.1m"))).toBe(1n);
    expect(milliValue(quantity("1.5"))).toBe(1500n);
    expect(wholeValue(quantity("1500m"))).toBe(2n);
    expect(wholeValue(quantity("1Ki"))).toBe(1024n);
  });
});

describe("suggestions for invalid quantities", () => {
  it.each([
    ["256MB", ["256M", "256Mi"]],
    ["10GB", ["10G", "10Gi"]],
    ["1.5.0", ["1.5"]],
    ["2 Gi", ["2Gi"]],
    ["1gi", ["1Gi"]],
    ["100mi", ["100Mi"]],
    ["1K", ["1k", "1Ki"]],
    ["lots", []],
  ])("%s → %j", (input, expected) => {
    expect(suggestQuantities(input)).toEqual(expected);
  });
});

describe("humanBytes", () => {
  it.each([
    ["15166732Ki", "14.5Gi"],
    ["7287856Ki", "7Gi"],
    ["1536Ki", "1.5Mi"],
    ["876Mi", "876Mi"],
    ["2Gi", "2Gi"],
    ["512Ki", "512Ki"],
    ["1G", "1G"],
    ["0", "0"],
    ["not a quantity", "not a quantity"],
  ])("prints %s as %s", (text, expected) => {
    expect(humanBytes(text)).toBe(expected);
  });
});
