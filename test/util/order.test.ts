import { describe, expect, it } from "vitest";
import { compareStrings } from "../../src/util/order.js";

// Go compares strings by their UTF-8 bytes; these pairs are in that order.
const ordered: Array<[string, string, string]> = [
  ["ASCII", "a", "b"],
  ["prefix first", "web", "web-1"],
  ["upper before lower", "Z", "a"],
  ["digits before letters", "9", "A"],
  ["Latin-1 after ASCII", "z", "é"],
  ["BMP in code point order", "é", "中"],
  ["private use (U+E000) before a code point past U+FFFF", "\ue000", "😀"],
  ["U+FFFD before a code point past U+FFFF", "\ufffd", "𝄞"],
  ["two code points past U+FFFF", "𝄞", "😀"],
  ["same high surrogate, low surrogates in order", "😀", "😁"],
  ["difference after a shared non-BMP prefix", "😀a", "😀\uffff"],
];

describe("compareStrings: Go's byte order of strings", () => {
  it.each(ordered)("%s", (_, less, more) => {
    expect(compareStrings(less, more)).toBeLessThan(0);
    expect(compareStrings(more, less)).toBeGreaterThan(0);
  });

  it.each(["", "a", "😀", "\ue000x"])("%j equals itself", (text) => {
    expect(compareStrings(text, text)).toBe(0);
  });

  it("sorts as Go's sort.Strings does", () => {
    const names = ["😀", "\uffff", "b", "B", "é", "\ud7ff", "a"];
    expect(names.sort(compareStrings)).toEqual(["B", "a", "b", "é", "\ud7ff", "\uffff", "😀"]);
  });
});
