// The CEL environment x-kubernetes-validations rules are evaluated in:
// @marcbachmann/cel-js (standard macros, strings, regex `matches`, optional
// values, timestamps) plus the parts of Kubernetes' CEL libraries that are
// plain functions of values (lists, a few string extensions). Functions it
// lacks (url, quantity, ip/cidr, semver, format...) fail to resolve, and the
// rules using them are reported as not evaluated. Loaded on first use only:
// most runs have no CEL rules.
import { createRequire } from "node:module";
import type { Environment as CelEnvironment, Optional as CelOptional, ParseResult } from "@marcbachmann/cel-js";

type CelModule = typeof import("@marcbachmann/cel-js");

const requireFromHere = createRequire(import.meta.url);

export interface CelRuntime {
  parse(expression: string): ParseResult;
  /** The value of an absent optional oldSelf. */
  none: CelOptional<never>;
}

/** Equality as CEL sees it across int (bigint) and double (number). */
function celEquals(a: unknown, b: unknown): boolean {
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) return a == b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => celEquals(item, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key) => celEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if ((typeof a === "bigint" || typeof a === "number") && (typeof b === "bigint" || typeof b === "number")) return a < b ? -1 : a > b ? 1 : 0;
  throw new Error("no such overload");
}

function extreme(list: unknown[], sign: 1 | -1): unknown {
  if (list.length === 0) throw new Error(`${sign > 0 ? "max" : "min"}(list) argument must not be empty`);
  return list.reduce((best, item) => (compare(item, best) * sign > 0 ? item : best));
}

function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  if (list.every((item) => typeof item === "bigint")) return (list as bigint[]).reduce((a, b) => a + b, 0n);
  if (list.every((item) => typeof item === "number")) return (list as number[]).reduce((a, b) => a + b, 0);
  throw new Error("no such overload");
}

/** Kubernetes' lists library and the string extensions cel-js does not have. */
function addKubernetesFunctions(env: CelEnvironment): void {
  env.registerFunction("list.isSorted(): bool", (list: unknown[]) => list.every((item, i) => i === 0 || compare(list[i - 1], item) <= 0));
  env.registerFunction("list.sum(): dyn", (list: unknown[]) => sum(list));
  env.registerFunction("list.min(): dyn", (list: unknown[]) => extreme(list, -1));
  env.registerFunction("list.max(): dyn", (list: unknown[]) => extreme(list, 1));
  env.registerFunction("list.indexOf(dyn): int", (list: unknown[], value: unknown) => BigInt(list.findIndex((item) => celEquals(item, value))));
  env.registerFunction("list.lastIndexOf(dyn): int", (list: unknown[], value: unknown) => {
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], value)) return BigInt(i);
    return -1n;
  });
  env.registerFunction("string.charAt(int): string", (text: string, index: bigint) => {
    const chars = [...text];
    if (index < 0n || index > BigInt(chars.length)) throw new Error(`index out of range: ${index}`);
    return chars[Number(index)] ?? "";
  });
  env.registerFunction("string.replace(string, string): string", (text: string, from: string, to: string) => text.split(from).join(to));
  env.registerFunction("string.replace(string, string, int): string", (text: string, from: string, to: string, limit: bigint) => {
    if (limit < 0n) return text.split(from).join(to);
    const parts = text.split(from);
    const head = parts.slice(0, Number(limit) + 1);
    return head.join(to) + (parts.length > head.length ? from + parts.slice(head.length).join(from) : "");
  });
}

/** Whether the expression refers to oldSelf (outside string literals). */
export function refersToOldSelf(expression: string): boolean {
  const code = expression.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  return /\boldSelf\b/.test(code);
}

let runtime: CelRuntime | null | undefined;

/** The shared CEL runtime, or null when the library cannot be loaded (rules are then not evaluated). */
export function celRuntime(): CelRuntime | null {
  if (runtime !== undefined) return runtime;
  try {
    const cel = requireFromHere("@marcbachmann/cel-js") as CelModule;
    const env = new cel.Environment({ unlistedVariablesAreDyn: false, homogeneousAggregateLiterals: false, enableOptionalTypes: true })
      .registerVariable("self", "dyn")
      // Only rules with optionalOldSelf are evaluated on create, where oldSelf is an empty optional.
      .registerVariable("oldSelf", "optional<dyn>");
    addKubernetesFunctions(env);
    runtime = { parse: (expression) => env.parse(expression), none: cel.Optional.none() };
  } catch {
    runtime = null;
  }
  return runtime;
}
