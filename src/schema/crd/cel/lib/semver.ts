// Kubernetes' semver library: semver("1.2.3"), with normalize (a "v"
// prefix, missing minor and patch, leading zeros) as semver(s, true) does.
import type { Environment } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

class Semver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string[],
  ) {}
}

function parse(text: string, normalize: boolean): Semver {
  let input = text;
  if (normalize) {
    input = input.replace(/^v/, "");
    const [core, rest = ""] = input.split(/(?=[-+])/, 2) as [string, string?];
    const parts = core.split(".").map((p) => (/^\d+$/.test(p) ? String(BigInt(p)) : p));
    while (parts.length < 3) parts.push("0");
    input = parts.join(".") + input.slice(core.length) + (rest && !input.slice(core.length).startsWith(rest) ? rest : "");
  }
  const match = SEMVER.exec(input);
  if (!match) throw new CelEvaluationError("invalid_argument", `No Major.Minor.Patch elements found`);
  return new Semver(BigInt(match[1]!), BigInt(match[2]!), BigInt(match[3]!), match[4] ? match[4].split(".") : []);
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length === 0 ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

function compare(a: Semver, b: Semver): number {
  for (const key of ["major", "minor", "patch"] as const) if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

const valid = (text: string, normalize: boolean) => {
  try {
    parse(text, normalize);
    return true;
  } catch {
    return false;
  }
};

export function registerSemver(env: Environment): void {
  env.registerType("kubernetes.Semver", Semver);
  env.registerFunction("semver(string): kubernetes.Semver", (text: string) => parse(text, false));
  env.registerFunction("semver(string, bool): kubernetes.Semver", parse);
  env.registerFunction("isSemver(string): bool", (text: string) => valid(text, false));
  env.registerFunction("isSemver(string, bool): bool", valid);
  const S = "kubernetes.Semver";
  env.registerFunction(`${S}.major(): int`, (v: Semver) => v.major);
  env.registerFunction(`${S}.minor(): int`, (v: Semver) => v.minor);
  env.registerFunction(`${S}.patch(): int`, (v: Semver) => v.patch);
  env.registerFunction(`${S}.isGreaterThan(${S}): bool`, (a: Semver, b: Semver) => compare(a, b) > 0);
  env.registerFunction(`${S}.isLessThan(${S}): bool`, (a: Semver, b: Semver) => compare(a, b) < 0);
  env.registerFunction(`${S}.compareTo(${S}): int`, (a: Semver, b: Semver) => BigInt(compare(a, b)));
  env.registerOperator(`${S} == ${S}`, (a: Semver, b: Semver) => compare(a, b) === 0);
}
