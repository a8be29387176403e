import { describe, expect, it } from "vitest";
import { colorEnabled, painter, palette } from "../../src/report/colors.js";
import { runCli } from "../cli/run-cli.js";

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

describe("colorEnabled", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ["a terminal", tty, true, {}, true],
    ["a pipe", pipe, true, {}, false],
    ["--no-color on a terminal", tty, false, {}, false],
    ["--no-color beats FORCE_COLOR", tty, false, { FORCE_COLOR: "1" }, false],
    ["FORCE_COLOR in a pipe", pipe, true, { FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR empty", pipe, true, { FORCE_COLOR: "" }, true],
    ["FORCE_COLOR=0 on a terminal", tty, true, { FORCE_COLOR: "0" }, false],
    ["FORCE_COLOR=false", tty, true, { FORCE_COLOR: "false" }, false],
    ["FORCE_COLOR beats NO_COLOR", pipe, true, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
    ["NO_COLOR on a terminal", tty, true, { NO_COLOR: "1" }, false],
    ["NO_COLOR empty is not set", tty, true, { NO_COLOR: "" }, true],
    ["TERM=dumb on a terminal", tty, true, { TERM: "dumb" }, false],
    ["TERM=xterm on a terminal", tty, true, { TERM: "xterm-256color" }, true],
  ])("%s", (_name, stream, flag, env, expected) => {
    expect(colorEnabled(stream, flag, env)).toBe(expected);
  });

  it("FORCE_COLOR colours the text output in a pipe, --no-color does not", () => {
    expect(runCli(["validate", "samples/typos/enums.yaml"], { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[31merror\u001b[39m");
    expect(runCli(["validate", "samples/typos/enums.yaml", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(runCli(["plan", "samples/admission", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });
});
