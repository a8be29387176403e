import { describe, expect, it } from "vitest";
import { defaultThreads } from "../../src/validate/parallel.js";

describe("defaultThreads", () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [8, 8],
  ])("%i cores: %i threads", (cores, threads) => {
    expect(defaultThreads(cores)).toBe(threads);
  });
});
