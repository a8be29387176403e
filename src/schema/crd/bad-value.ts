// The "bad value" of a kube-apiserver field error (`Invalid value: <value>`,
// `Duplicate value: <value>`) for a value of a custom resource, printed as
// k8s.io/apimachinery's field.Error prints the unstructured Go value:
// strings quoted, int64 and float64 with %v, and composite values with Go
// syntax (`map[string]interface {}{"name":"a"}`) before Kubernetes 1.34,
// as JSON from 1.34 on.
import { goJson, goQuote, rendersCompositeAsJson, scalarValue } from "../../rules/support/field-errors.js";

/** Go's %v of a float64: the shortest representation, with an exponent below 1e-4 and from 1e6 (1e+06). */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : value < 0 ? "-Inf" : "NaN";
  if (value === 0) return "0";
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= -4 && exponent < 6) return String(value);
  const [mantissa, power] = value.toExponential().split("e") as [string, string];
  const sign = power.startsWith("-") ? "-" : "+";
  const digits = power.replace(/^[+-]/, "").padStart(2, "0");
  return `${mantissa}e${sign}${digits}`;
}

/** A JSON number as the API server decoded it: whole numbers are int64, others float64. */
function goNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : goFloat(value);
}

/** Go's %#v of an unstructured value (`interface{}` holding JSON data). */
export function goSyntax(value: unknown): string {
  if (value === null || value === undefined) return "interface {}(nil)";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number") return goNumber(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(", ")}}`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .map((key) => `${goQuote(key)}:${goSyntax(record[key])}`);
    return `map[string]interface {}{${entries.join(", ")}}`;
  }
  return goQuote(String(value));
}

/** The bad value of a field error about `value`, for the target Kubernetes version. */
export function badValue(value: unknown, kubernetesVersion: string): string {
  // field.Error prints a nil bad value as the string "null".
  if (value === null || value === undefined) return '"null"';
  if (typeof value === "string" || typeof value === "boolean") return scalarValue(value);
  if (typeof value === "number") return goNumber(value);
  return rendersCompositeAsJson(kubernetesVersion) ? goJson(value) : goSyntax(value);
}
