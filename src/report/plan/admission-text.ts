// The plan's quota table: per namespace and quota, each limited resource's
// usage before and after the plan against its hard limit.
import type { AdmissionResult, QuotaResourceUsage } from "../../admission/types.js";
import { parseQuantity } from "../../util/quantity.js";
import { painter, type Paint } from "../colors.js";
import { formatTable } from "../table.js";
import { escapeTitle } from "../terminal-safe.js";

/** Usage after the plan as a share of the hard limit, or undefined when not a number. */
function share(usage: QuotaResourceUsage): number | undefined {
  const used = parseQuantity(usage.usedAfter);
  const hard = parseQuantity(usage.hard);
  if (!used || !hard || hard.nanos === 0n) return undefined;
  return Number((used.nanos * 1000n) / hard.nanos) / 10;
}

function shareCell(usage: QuotaResourceUsage, paint: Paint): string {
  const value = share(usage);
  if (value === undefined) return "";
  const text = `${Math.round(value)}%`;
  if (value >= 100) return paint(text, "red");
  if (value >= 80) return paint(text, "yellow");
  return text;
}

/** The quota a refusal names (`exceeded quota: rq-1, ...` / `failed quota: rq-1: ...`). */
function refusedQuota(message: string): string | undefined {
  return /(?:exceeded|failed) quota: ([^,:]+)/.exec(message)?.[1];
}

function refusals(result: AdmissionResult, namespace: string): string[] {
  const counts = new Map<string, number>();
  const refused = [
    ...result.pods.filter((p) => p.namespace === namespace).map((p) => p.denial),
    ...result.objects.filter((o) => o.namespace === namespace && o.kind !== "Pod").map((o) => o.denial),
  ];
  for (const denial of refused) {
    if (denial?.plugin !== "ResourceQuota" || denial.cause) continue;
    const quota = refusedQuota(denial.message) ?? "?";
    counts.set(quota, (counts.get(quota) ?? 0) + 1);
  }
  return [...counts].map(([quota, n]) => `${n} ${n === 1 ? "request" : "requests"} refused by quota ${quota}`);
}

export function renderQuotaTable(result: AdmissionResult, options: { color: boolean }): string {
  if (result.namespaces.length === 0) return "";
  const paint = painter(options.color);
  const rows: string[][] = [["NAMESPACE", "QUOTA", "RESOURCE", "BEFORE", "AFTER", "HARD", "USED"].map((h) => paint(h, "bold"))];
  const notes: string[] = [];
  for (const ns of result.namespaces) {
    ns.quotas.forEach((quota, q) => {
      const label = quota.source === "input" ? `${escapeTitle(quota.name)} (new)` : escapeTitle(quota.name);
      const scoped = quota.scopes.length > 0 ? ` [${escapeTitle(quota.scopes.join(", "))}]` : "";
      quota.resources.forEach((usage, r) => {
        const changed = usage.usedAfter !== usage.usedBefore;
        rows.push([
          q === 0 && r === 0 ? escapeTitle(ns.namespace) : "",
          r === 0 ? label + scoped : "",
          escapeTitle(usage.resource),
          usage.usedBefore,
          changed ? usage.usedAfter : paint(usage.usedAfter, "dim"),
          usage.hard,
          shareCell(usage, paint),
        ]);
      });
    });
    for (const line of refusals(result, ns.namespace)) notes.push(`${escapeTitle(ns.namespace)}: ${paint(escapeTitle(line), "red")}`);
  }
  return [...formatTable(rows), ...notes].join("\n") + "\n";
}
