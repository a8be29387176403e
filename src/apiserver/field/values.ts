// How kube-apiserver prints a field error's bad value (field.Error.ErrorBody):
// strings as Go's %q, numbers and booleans plain, composite values as JSON since
// 1.34 and in Go syntax before.
import { arrayOf, isRecord, stringEntries, stringOf } from "../../util/object-access.js";

/**
 * Since Kubernetes 1.34 the API server prints composite bad values (maps,
 * structs) as JSON; before, it printed them with Go syntax (`map[string]string{...}`).
 */
export function rendersCompositeAsJson(kubernetesVersion: string): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(kubernetesVersion);
  if (!match) return true;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 1 || minor >= 34;
}

export { goQuote, isGoPrint } from "../../util/go-quote.js";
import { goQuote } from "../../util/go-quote.js";

/** Go's encoding/json output: map keys sorted, HTML characters escaped. */
export function goJson(value: unknown): string {
  return canonicalJson(value).replace(/[<>&\u2028\u2029]/g, (char) => "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0"));
}

function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return "{" + keys.map((key) => JSON.stringify(key) + ":" + canonicalJson(value[key])).join(",") + "}";
  }
  return JSON.stringify(value) ?? "null";
}

/** A scalar bad value: strings quoted as Go's `%q`, numbers and booleans plain. */
export function scalarValue(value: string | number | boolean): string {
  return typeof value === "string" ? goQuote(value) : String(value);
}

function goStringMap(map: Record<string, string> | undefined): string {
  if (map === undefined) return "map[string]string(nil)";
  const keys = Object.keys(map).sort();
  return "map[string]string{" + keys.map((key) => `${goQuote(key)}:${goQuote(map[key]!)}`).join(", ") + "}";
}

/** A `map[string]string` bad value (labels, a selector map). `undefined` is a nil map. */
export function stringMapValue(map: Record<string, string> | undefined, kubernetesVersion: string): string {
  if (rendersCompositeAsJson(kubernetesVersion)) return goJson(map ?? null);
  return goStringMap(map);
}

interface SelectorShape {
  matchLabels?: Record<string, string>;
  matchExpressions: Array<{ key: string; operator: string; values?: string[] }>;
}

function selectorShape(selector: unknown): SelectorShape {
  const record = isRecord(selector) ? selector : {};
  const labels = isRecord(record.matchLabels) ? Object.fromEntries(stringEntries(record.matchLabels)) : undefined;
  const expressions = arrayOf(record.matchExpressions)
    .filter(isRecord)
    .map((item) => {
      const values = Array.isArray(item.values) ? item.values.map(String) : undefined;
      return { key: stringOf(item.key) ?? "", operator: stringOf(item.operator) ?? "", ...(values ? { values } : {}) };
    });
  return { ...(labels ? { matchLabels: labels } : {}), matchExpressions: expressions };
}

function goSelector(shape: SelectorShape): string {
  const expressions =
    shape.matchExpressions.length === 0
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{" +
        shape.matchExpressions
          .map((e) => {
            const values = e.values ? "[]string{" + e.values.map(goQuote).join(", ") + "}" : "[]string(nil)";
            return `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${values}}`;
          })
          .join(", ") +
        "}";
  return `v1.LabelSelector{MatchLabels:${goStringMap(shape.matchLabels)}, MatchExpressions:${expressions}}`;
}

/** encoding/json of a metav1.LabelSelector: struct field order, empty fields omitted. */
function jsonSelector(shape: SelectorShape): string {
  const parts: string[] = [];
  if (shape.matchLabels && Object.keys(shape.matchLabels).length > 0) parts.push('"matchLabels":' + goJson(shape.matchLabels));
  if (shape.matchExpressions.length > 0) {
    const items = shape.matchExpressions.map((e) => {
      const fields = ['"key":' + goJson(e.key), '"operator":' + goJson(e.operator)];
      if (e.values && e.values.length > 0) fields.push('"values":' + goJson(e.values));
      return "{" + fields.join(",") + "}";
    });
    parts.push('"matchExpressions":[' + items.join(",") + "]");
  }
  return "{" + parts.join(",") + "}";
}

/** A `metav1.LabelSelector` bad value. */
export function labelSelectorValue(selector: unknown, kubernetesVersion: string): string {
  const shape = selectorShape(selector);
  return rendersCompositeAsJson(kubernetesVersion) ? jsonSelector(shape) : goSelector(shape);
}

/**
 * A slice of strings as a bad value (`[]T` with T a string type, such as
 * `[]string` or `[]networking.PolicyType`): JSON since 1.34, Go syntax before.
 */
export function stringListValue(items: readonly string[], goElementType: string, kubernetesVersion: string): string {
  if (rendersCompositeAsJson(kubernetesVersion)) return goJson(items);
  return `[]${goElementType}{` + items.map(goQuote).join(", ") + "}";
}

/** A value printed both ways: in Go syntax (`%#v`, before 1.34) and as JSON (since). */
export interface StructField {
  go: string;
  json: string;
}

/** A scalar struct field (a string, a number or a boolean). */
export function scalarField(value: string | number | boolean): StructField {
  return { go: typeof value === "string" ? goQuote(value) : String(value), json: goJson(value) };
}

/**
 * A pointer struct field: nil, or set to `target`. Go prints a set pointer's
 * address, which cannot be known offline: it is shown as 0x….
 */
export function pointerField(goType: string, target: StructField | undefined): StructField {
  return { go: `(*${goType})(${target === undefined ? "nil" : "0x…"})`, json: target?.json ?? "null" };
}

/** A struct of an internal API type: `pkg.Type{Field:value, ...}` in Go syntax; JSON with the Go field names (internal types have no JSON tags). */
export function structField(goType: string, fields: ReadonlyArray<readonly [string, StructField]>): StructField {
  return {
    go: `${goType}{` + fields.map(([name, field]) => `${name}:${field.go}`).join(", ") + "}",
    json: "{" + fields.map(([name, field]) => `${JSON.stringify(name)}:${field.json}`).join(",") + "}",
  };
}

/** The text of a bad value printed both ways, for the target release. */
export function printedFor(value: StructField, kubernetesVersion: string): string {
  return rendersCompositeAsJson(kubernetesVersion) ? value.json : value.go;
}
