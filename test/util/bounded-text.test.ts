import { describe, expect, test } from "vitest";
import { boundedText, MAX_MESSAGE_LENGTH } from "../../src/util/bounded-text.js";

const a = (n: number) => "a".repeat(n);

describe("boundedText", () => {
  test.each([
    { name: "a short message", text: 'kind: no matches for kind "Deploymnet"', expected: 'kind: no matches for kind "Deploymnet"' },
    { name: "long words in a message that fits", text: `x "${a(300)}"`, expected: `x "${a(300)}"` },
    { name: "the one long word, cut in its middle", text: `kind "${a(5000)}" in v1`, expected: `kind "${a(119)}…[4862 characters]…${a(19)}" in v1` },
    { name: "several long words, each cut", text: `${a(3000)} and ${a(3000)}`, expected: `${a(120)}…[2860 characters]…${a(20)} and ${a(120)}…[2860 characters]…${a(20)}` },
    { name: "many short words: the middle left out, the end kept", text: `start ${"ab ".repeat(2000)}(did you mean "x"?)`, expected: undefined },
  ])("$name", ({ text, expected }) => {
    const bounded = boundedText(text);
    if (expected !== undefined) expect(bounded).toBe(expected);
    expect(bounded.length).toBeLessThan(MAX_MESSAGE_LENGTH + 40);
    expect(bounded.endsWith('(did you mean "x"?)') || !text.endsWith("?)")).toBe(true);
    expect(bounded.startsWith(text.slice(0, 5))).toBe(true);
  });

  test("a 10 MB message of 160-character words is shortened in linear time", () => {
    const text = `${a(160)} `.repeat(65_000);
    const started = performance.now();
    expect(boundedText(text).length).toBeLessThan(MAX_MESSAGE_LENGTH + 40);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
