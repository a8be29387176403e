// JSON output: the result object as it is (the contract of ARCHITECTURE.md).
export function renderJson(result: unknown): string {
  return JSON.stringify(result, null, 2) + "\n";
}
