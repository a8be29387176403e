// JSON output: the result object as it is (the contract of ARCHITECTURE.md),
// with what a terminal or CI log would act on written as \u escapes.
import { terminalSafeJson } from "./terminal-safe.js";

export function renderJson(result: unknown): string {
  return terminalSafeJson(JSON.stringify(result, null, 2)) + "\n";
}
