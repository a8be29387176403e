// Regular expressions in CEL as Kubernetes evaluates them: matches() with
// RE2 (Go's regexp), and the regex library's find() and findAll().
import type { Environment } from "@marcbachmann/cel-js";
import type { RE2JS } from "re2js";
import { re2js } from "../../../../util/re2.js";
import { CelEvaluationError } from "./macros.js";

const compiled = new Map<string, RE2JS>();

/** The pattern compiled once per run; an invalid one fails as cel-go fails it. */
function re2(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    try {
      re = re2js().compile(pattern);
    } catch (error) {
      throw new CelEvaluationError("invalid_argument", `${error instanceof Error ? error.message : String(error)}`);
    }
    if (compiled.size > 1024) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

function findAll(text: string, pattern: string, limit: bigint): string[] {
  const out: string[] = [];
  if (limit === 0n) return out;
  const matcher = re2(pattern).matcher(text);
  while (matcher.find()) {
    out.push(matcher.group() ?? "");
    if (limit > 0n && BigInt(out.length) >= limit) break;
  }
  return out;
}

export function registerRegex(env: Environment): void {
  env.registerFunction("string.__matches(string): bool", (text: string, pattern: string) => re2(pattern).matcher(text).find());
  env.registerFunction("__matches(string, string): bool", (text: string, pattern: string) => re2(pattern).matcher(text).find());
  env.registerFunction("string.find(string): string", (text: string, pattern: string) => {
    const matcher = re2(pattern).matcher(text);
    return matcher.find() ? (matcher.group() ?? "") : "";
  });
  env.registerFunction("string.findAll(string): list<string>", (text: string, pattern: string) => findAll(text, pattern, -1n));
  env.registerFunction("string.findAll(string, int): list<string>", (text: string, pattern: string, limit: bigint) => findAll(text, pattern, limit));
}
