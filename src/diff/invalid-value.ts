// How kube-apiserver prints the value of an `Invalid value:` field error.
// From 1.34 values print as JSON (`{"matchLabels":{"app":"web"}}`, `["None"]`);
// before, with Go's %#v (`v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, ...}`).
import { atLeast } from "../util/release.js";
import { isRecord } from "../util/object-access.js";
import { compareStrings } from "../util/order.js";

const JSON_VALUES_SINCE = "1.34";

function goString(value: unknown): string {
  return JSON.stringify(typeof value === "string" ? value : String(value));
}

function goStringSlice(values: unknown): string {
  if (!Array.isArray(values)) return "[]string(nil)";
  return `[]string{${values.map(goString).join(", ")}}`;
}

function sortedEntries(map: unknown): Array<[string, unknown]> {
  return isRecord(map) ? Object.entries(map).sort(([a], [b]) => compareStrings(a, b)) : [];
}

/** A LabelSelector as Go's %#v prints metav1.LabelSelector. */
function goLabelSelector(selector: unknown): string {
  const labels = isRecord(selector) ? selector.matchLabels : undefined;
  const expressions = isRecord(selector) ? selector.matchExpressions : undefined;
  const matchLabels = isRecord(labels)
    ? `map[string]string{${sortedEntries(labels).map(([k, v]) => `${goString(k)}:${goString(v)}`).join(", ")}}`
    : "map[string]string(nil)";
  const matchExpressions = Array.isArray(expressions)
    ? `[]v1.LabelSelectorRequirement{${expressions
        .map((e) => {
          const r = isRecord(e) ? e : {};
          return `v1.LabelSelectorRequirement{Key:${goString(r.key ?? "")}, Operator:${goString(r.operator ?? "")}, Values:${goStringSlice(r.values)}}`;
        })
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${matchLabels}, MatchExpressions:${matchExpressions}}`;
}

/** A LabelSelector as Go's encoding/json prints it: struct fields in order, map keys sorted, empty fields left out. */
function jsonLabelSelector(selector: unknown): string {
  const out: Record<string, unknown> = {};
  const labels = isRecord(selector) ? selector.matchLabels : undefined;
  const expressions = isRecord(selector) ? selector.matchExpressions : undefined;
  if (isRecord(labels) && Object.keys(labels).length > 0) out.matchLabels = Object.fromEntries(sortedEntries(labels));
  if (Array.isArray(expressions) && expressions.length > 0) {
    out.matchExpressions = expressions.map((e) => {
      const r = isRecord(e) ? e : {};
      const requirement: Record<string, unknown> = { key: r.key, operator: r.operator };
      if (Array.isArray(r.values) && r.values.length > 0) requirement.values = r.values;
      return requirement;
    });
  }
  return JSON.stringify(out);
}

export function invalidLabelSelector(selector: unknown, kubernetesVersion: string): string {
  return atLeast(kubernetesVersion, JSON_VALUES_SINCE) ? jsonLabelSelector(selector) : goLabelSelector(selector);
}

export function invalidStringList(values: unknown, kubernetesVersion: string): string {
  const list = Array.isArray(values) ? values.map(String) : [];
  return atLeast(kubernetesVersion, JSON_VALUES_SINCE) ? JSON.stringify(list) : goStringSlice(list);
}

/** An RBAC roleRef: `rbac.RoleRef{APIGroup:"...", Kind:"...", Name:"..."}`, or JSON from 1.34. */
export function invalidRoleRef(roleRef: unknown, kubernetesVersion: string): string {
  const ref = isRecord(roleRef) ? roleRef : {};
  if (atLeast(kubernetesVersion, JSON_VALUES_SINCE)) return JSON.stringify({ apiGroup: ref.apiGroup ?? "", kind: ref.kind ?? "", name: ref.name ?? "" });
  return `rbac.RoleRef{APIGroup:${goString(ref.apiGroup ?? "")}, Kind:${goString(ref.kind ?? "")}, Name:${goString(ref.name ?? "")}}`;
}
