// Kubernetes' quantity library over kubeplan's exact quantities (src/util/quantity.ts).
import type { Environment } from "@marcbachmann/cel-js";
import { addQuantities, compareQuantities, parseQuantity, subtractQuantities, type Quantity } from "../../../../util/quantity.js";
import { CelEvaluationError } from "./macros.js";

const NANO = 1_000_000_000n;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

class KubernetesQuantity {
  constructor(readonly value: Quantity) {}
}

const of = (value: Quantity) => new KubernetesQuantity(value);
const fromInt = (n: bigint): Quantity => ({ nanos: n * NANO, format: "DecimalSI" });

function parse(text: string): KubernetesQuantity {
  const parsed = parseQuantity(text);
  if (!parsed) throw new CelEvaluationError("invalid_argument", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  return of(parsed);
}

function asInteger(q: KubernetesQuantity): bigint {
  const whole = q.value.nanos / NANO;
  if (whole * NANO !== q.value.nanos || whole > INT64_MAX || whole < INT64_MIN) throw new CelEvaluationError("invalid_argument", "cannot convert value to integer");
  return whole;
}

export function registerQuantity(env: Environment): void {
  env.registerType("kubernetes.Quantity", KubernetesQuantity);
  env.registerFunction("quantity(string): kubernetes.Quantity", parse);
  env.registerFunction("isQuantity(string): bool", (text: string) => parseQuantity(text) !== undefined);
  const Q = "kubernetes.Quantity";
  const sign = (q: KubernetesQuantity) => BigInt(Math.sign(Number(q.value.nanos)));
  // The API server declares sign(q) only; the member form compiles nowhere there, and is kept here for evaluation alone.
  env.registerFunction(`sign(${Q}): int`, sign);
  env.registerFunction(`${Q}.sign(): int`, sign);
  env.registerFunction(`${Q}.isInteger(): bool`, (q: KubernetesQuantity) => {
    const whole = q.value.nanos / NANO;
    return whole * NANO === q.value.nanos && whole <= INT64_MAX && whole >= INT64_MIN;
  });
  env.registerFunction(`${Q}.asInteger(): int`, asInteger);
  env.registerFunction(`${Q}.asApproximateFloat(): double`, (q: KubernetesQuantity) => Number(q.value.nanos) / 1e9);
  env.registerFunction(`${Q}.add(${Q}): ${Q}`, (a: KubernetesQuantity, b: KubernetesQuantity) => of(addQuantities(a.value, b.value)));
  env.registerFunction(`${Q}.add(int): ${Q}`, (a: KubernetesQuantity, b: bigint) => of(addQuantities(a.value, fromInt(b))));
  env.registerFunction(`${Q}.sub(${Q}): ${Q}`, (a: KubernetesQuantity, b: KubernetesQuantity) => of(subtractQuantities(a.value, b.value)));
  env.registerFunction(`${Q}.sub(int): ${Q}`, (a: KubernetesQuantity, b: bigint) => of(subtractQuantities(a.value, fromInt(b))));
  env.registerFunction(`${Q}.isGreaterThan(${Q}): bool`, (a: KubernetesQuantity, b: KubernetesQuantity) => compareQuantities(a.value, b.value) > 0);
  env.registerFunction(`${Q}.isLessThan(${Q}): bool`, (a: KubernetesQuantity, b: KubernetesQuantity) => compareQuantities(a.value, b.value) < 0);
  env.registerFunction(`${Q}.compareTo(${Q}): int`, (a: KubernetesQuantity, b: KubernetesQuantity) => BigInt(compareQuantities(a.value, b.value)));
  env.registerOperator(`${Q} == ${Q}`, (a: KubernetesQuantity, b: KubernetesQuantity) => compareQuantities(a.value, b.value) === 0);
}
