// cel-go's math extension as Kubernetes' environment offers it.
import type { Environment } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";
import { namespace } from "./namespace.js";

const numeric = (value: unknown): number => Number(value as bigint | number);

function pick(values: unknown[], sign: 1 | -1): unknown {
  if (values.length === 0) throw new CelEvaluationError("invalid_argument", "math.@max(list) argument must not be empty");
  return values.reduce((best, v) => (numeric(v) * sign > numeric(best) * sign ? v : best));
}

export function registerMath(env: Environment): void {
  const math = namespace(env, "math");
  for (const [name, sign] of [["greatest", 1], ["least", -1]] as const) {
    env.registerFunction(`${math}.${name}(list): dyn`, (_ns: unknown, values: unknown[]) => pick(values, sign));
    env.registerFunction(`${math}.${name}(int): int`, (_ns: unknown, value: bigint) => value);
    env.registerFunction(`${math}.${name}(double): double`, (_ns: unknown, value: number) => value);
    env.registerFunction(`${math}.${name}(dyn, dyn): dyn`, (_ns: unknown, a: unknown, b: unknown) => pick([a, b], sign));
    env.registerFunction(`${math}.${name}(dyn, dyn, dyn): dyn`, (_ns: unknown, a: unknown, b: unknown, c: unknown) => pick([a, b, c], sign));
  }
  env.registerFunction(`${math}.abs(int): int`, (_ns: unknown, n: bigint) => (n < 0n ? -n : n));
  env.registerFunction(`${math}.abs(double): double`, (_ns: unknown, n: number) => Math.abs(n));
  env.registerFunction(`${math}.sign(int): int`, (_ns: unknown, n: bigint) => (n > 0n ? 1n : n < 0n ? -1n : 0n));
  env.registerFunction(`${math}.sign(double): double`, (_ns: unknown, n: number) => Math.sign(n));
  env.registerFunction(`${math}.ceil(double): double`, (_ns: unknown, n: number) => Math.ceil(n));
  env.registerFunction(`${math}.floor(double): double`, (_ns: unknown, n: number) => Math.floor(n));
  env.registerFunction(`${math}.round(double): double`, (_ns: unknown, n: number) => (n < 0 ? -Math.round(-n) : Math.round(n)));
  env.registerFunction(`${math}.trunc(double): double`, (_ns: unknown, n: number) => Math.trunc(n));
  env.registerFunction(`${math}.isNaN(double): bool`, (_ns: unknown, n: number) => Number.isNaN(n));
  env.registerFunction(`${math}.isInf(double): bool`, (_ns: unknown, n: number) => n === Infinity || n === -Infinity);
  env.registerFunction(`${math}.isFinite(double): bool`, (_ns: unknown, n: number) => Number.isFinite(n));
}
