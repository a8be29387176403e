import { describe, expect, it } from "vitest";
import { defaultThreads, splitBySize } from "../../src/validate/parallel.js";

const inputs = (...sizes: number[]) => sizes.map((size, i) => ({ file: `f${i}.yaml`, text: "x".repeat(size) }));
const names = (parts: ReturnType<typeof splitBySize>) => parts.map((part) => part.map((input) => input.file));

describe("splitBySize", () => {
  it.each([
    ["halves by size, keeping the order", inputs(10, 10, 10, 10), 2, undefined, [["f0.yaml", "f1.yaml"], ["f2.yaml", "f3.yaml"]]],
    ["by size, not by count", inputs(30, 5, 5, 5, 5), 2, undefined, [["f0.yaml"], ["f1.yaml", "f2.yaml", "f3.yaml", "f4.yaml"]]],
    ["a larger first share", inputs(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), 2, 0.6, [["f0.yaml", "f1.yaml", "f2.yaml", "f3.yaml", "f4.yaml", "f5.yaml"], ["f6.yaml", "f7.yaml", "f8.yaml", "f9.yaml"]]],
    ["three parts", inputs(10, 10, 10, 10, 10, 10), 3, undefined, [["f0.yaml", "f1.yaml"], ["f2.yaml", "f3.yaml"], ["f4.yaml", "f5.yaml"]]],
    ["one part", inputs(10, 10), 1, undefined, [["f0.yaml", "f1.yaml"]]],
  ])("%s", (_name, given, parts, first, expected) => {
    expect(names(splitBySize(given, parts, first))).toEqual(expected);
  });
});

describe("defaultThreads", () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 3],
    [8, 8],
  ])("%i cores: %i threads", (cores, threads) => {
    expect(defaultThreads(cores)).toBe(threads);
  });
});
