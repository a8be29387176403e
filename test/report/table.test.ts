import { describe, expect, it } from "vitest";
import { painter } from "../../src/report/colors.js";
import { formatTable, visibleWidth } from "../../src/report/table.js";

describe("visibleWidth", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["\u001b[31mabc\u001b[0m", 3],
    ["\u001b[31;1mab\u001b[0m c", 4],
    ["██░░", 4],
    ["a😀b", 3],
  ])("%j takes %d columns", (cell, width) => {
    expect(visibleWidth(cell)).toBe(width);
  });
});

describe("formatTable", () => {
  it("pads every column but the last to its widest cell, two spaces apart", () => {
    expect(formatTable([["NAME", "ZONE", "NOTE"], ["a", "eu-1b", "x"], ["longer", "", "last column is not padded"]])).toEqual([
      "NAME    ZONE   NOTE",
      "a       eu-1b  x",
      "longer         last column is not padded",
    ]);
  });

  it("does not count colour codes, and trims trailing blanks", () => {
    const paint = painter(true);
    expect(formatTable([[paint("NAME", "bold"), "B"], ["a", ""]])).toEqual(["\u001b[1mNAME\u001b[0m  B", "a"]);
  });

  it("has no lines for no rows", () => {
    expect(formatTable([])).toEqual([]);
  });
});
