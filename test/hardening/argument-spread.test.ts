// Attack class: a list long enough to overflow the stack when it is passed
// as arguments (`push(...list)`, `Math.max(...list)`): 45,000 objects in a
// plan, a 130,000-object snapshot, a Pod with 150,000 volumes. The sources
// append with appendAll and take maxima with maxOf instead; this keeps it so.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../cli/run-cli.js";

const SPREAD_CALL = /\.(push|unshift)\(\.\.\.|Math\.(max|min)\([^)]*\.\.\.|String\.fromCharCode\(\.\.\./;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

test("no list is spread into a call's arguments in src/", () => {
  const offenders = sources(join(ROOT, "src")).flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (SPREAD_CALL.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(offenders).toEqual([]);
});

test("the check finds what it looks for", () => {
  for (const line of ["errors.push(...more);", "const w = Math.max(...widths);", "out.unshift(...lines)"]) expect(SPREAD_CALL.test(line), line).toBe(true);
  for (const line of ["appendAll(errors, more);", "const all = [...a, ...b];", "f({ ...options })"]) expect(SPREAD_CALL.test(line), line).toBe(false);
});
