// Regular expressions as Go's regexp (RE2) reads them, matched in linear
// time: CRD patterns and CEL's matches() come from manifests, and a
// backtracking engine could be made to run for hours by one of them.
// re2js is loaded on first use: most runs have no custom resources.
import type { RE2JS as RE2JSClass } from "re2js";
import { requirePackage } from "./require-package.js";

let engine: typeof RE2JSClass | undefined;

/** The RE2 engine (re2js). */
export function re2js(): typeof RE2JSClass {
  return (engine ??= requirePackage<{ RE2JS: typeof RE2JSClass }>("re2js").RE2JS);
}

export interface Re2 {
  /** Whether the pattern matches anywhere in the text (Go's MatchString). */
  test(text: string): boolean;
}

type Compiled = { regex: Re2 } | { error: string };

/** Compiled patterns of the run; a pattern is compiled once however many values it checks. */
const cache = new Map<string, Compiled>();
const MAX_CACHED = 4096;

/** The pattern compiled, or Go's error text (`error parsing regexp: missing closing ): ...`). */
export function compileRe2(pattern: string): Compiled {
  let compiled = cache.get(pattern);
  if (compiled) return compiled;
  try {
    const re = re2js().compile(pattern);
    compiled = { regex: { test: (text) => re.matcher(text).find() } };
  } catch (error) {
    compiled = { error: error instanceof Error ? error.message : String(error) };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}
