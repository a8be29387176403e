// The README's examples, run: each `$ kubeplan ...` block shown in full (no
// `...` line) must print what the README shows, durations aside.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../cli/run-cli.js";

interface Example {
  command: string;
  expected: string;
}

/** Indented blocks that start with `$ kubeplan`, up to the first line that is not indented or not blank. */
function examples(readme: string): Example[] {
  const out: Example[] = [];
  const lines = readme.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^ {4}\$ kubeplan (.*)$/.exec(lines[i]!);
    if (!match) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && (lines[j]!.startsWith("    ") || (lines[j] === "" && lines[j + 1]?.startsWith("    ") && !lines[j + 1]!.startsWith("    $ ")))) {
      if (lines[j]!.startsWith("    $ ")) break;
      body.push(lines[j]!.slice(4));
      j++;
    }
    out.push({ command: match[1]!, expected: body.join("\n").trimEnd() });
  }
  return out;
}

/** Examples that can be run here and are shown whole: no elision, no shell syntax, no file that is not in the repository. */
function runnable(example: Example): boolean {
  return !/(^|\n)\s*\.\.\.|…/.test(example.expected) && !/[|;>]|bad\.yaml|k8s\//.test(example.command) && example.expected !== "";
}

const normalize = (text: string) => text.replace(/\(\d+ ms,/g, "(N ms,").trimEnd();

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const cases = examples(readme).filter(runnable);

describe("README examples", () => {
  it("there are examples to run", () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases.map((c) => [c.command, c.expected]))("kubeplan %s", (command, expected) => {
    const run = runCli(command.split(" "));
    expect(normalize(run.stderr + run.stdout)).toBe(normalize(expected));
  });
});
