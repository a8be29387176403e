import { describe, expect, it } from "vitest";
import { painter, palette } from "../../src/report/colors.js";

describe("painter", () => {
  it("puts the styles in one sequence closed by a full reset", () => {
    const paint = painter(true);
    expect(paint("x", "red")).toBe("\u001b[31mx\u001b[0m");
    expect(paint("x", "red", "bold")).toBe("\u001b[31;1mx\u001b[0m");
    expect(paint("x")).toBe("x");
  });

  it("leaves the text as it is without colour", () => {
    expect(painter(false)("x", "red", "bold")).toBe("x");
  });
});

describe("palette", () => {
  it("closes each style on its own, so that styles nest", () => {
    const p = palette(true);
    expect(p.red(p.bold("x"))).toBe("\u001b[31m\u001b[1mx\u001b[22m\u001b[39m");
    expect(p.dim("x")).toBe("\u001b[2mx\u001b[22m");
    expect(palette(false).cyan("x")).toBe("x");
  });
});
