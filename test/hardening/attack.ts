// What the attack tests share: a scratch directory per test for the inputs
// they build, the CLI run there with a clock, and the checks every attack
// makes of what came out (exit code, no internal error, no stack trace).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, expect } from "vitest";
import { ROOT } from "../cli/run-cli.js";

const BIN = join(ROOT, "bin", "kubeplan.js");

/** Generous: CI machines are shared, and a hang is minutes, not seconds. */
export const TIME_BOUND_MS = 60_000;

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding `files` (path → text), removed after the test. */
export function workspace(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-attack-"));
  scratch.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The environment without what changes the output's form (colour, debugging). */
function plainEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of ["FORCE_COLOR", "KUBEPLAN_DEBUG"]) delete env[name];
  return env;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI in `cwd`; stdin is `input` (empty when not given). */
export function kubeplan(args: string[], cwd: string, input = ""): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: TIME_BOUND_MS * 4,
    env: plainEnvironment(),
  });
  return { code: result.status ?? -1, stdout: result.stdout ?? "", stderr: result.stderr ?? "", ms: performance.now() - start };
}

/** What every run under attack must be: the usual exit code, in time, no internal error or stack trace. */
export function expectHandled(run: Run, code: 0 | 1 | 2, bound = TIME_BOUND_MS): void {
  expect(run.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?/);
  expect(run.stdout).not.toMatch(/internal error|RangeError|TypeError|Maximum call stack/);
  expect(run.code).toBe(code);
  expect(run.ms).toBeLessThan(bound);
}

export const VALIDATE_FORMATS = ["text", "json", "sarif", "junit", "github", "tap", "markdown"] as const;
export const PLAN_FORMATS = ["text", "json", "markdown", "sarif", "junit", "github", "tap"] as const;

export interface Finding {
  rule: string;
  message: string;
  file: string;
  line: number;
  column: number;
  path: string;
  severity: string;
}

/** The findings of a JSON run, as `rule@line` (the shape most assertions need). */
export function findingsOf(run: Run): Finding[] {
  return (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
}

export function ruleLines(run: Run): string[] {
  return findingsOf(run).map((f) => `${f.rule}@${f.line}`);
}
