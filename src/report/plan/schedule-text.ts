// Text rendering of the scheduling part of a plan: a table of node usage
// (requests before → after, of allocatable), the workloads' placement, and the
// Pending pods with their FailedScheduling messages.
import type { NodeUsage, PodPlacement, ResourceSummary, ScheduleResult, WorkloadPlacement } from "../../scheduler/types.js";
import { humanBytes, parseQuantity } from "../../util/quantity.js";
import { painter, type Paint } from "../colors.js";
import { formatTable } from "../table.js";
import { escapeTitle } from "../terminal-safe.js";
import { appendAll } from "../../util/append.js";

export interface ScheduleTextOptions {
  color: boolean;
}

const BAR_WIDTH = 10;

function amount(text: string): number {
  const q = parseQuantity(text);
  return q ? Number(q.nanos) / 1e9 : 0;
}

/** Percent of allocatable, truncated as `kubectl describe node` does. */
export function percentOf(requested: string | number, allocatable: string | number): number {
  const total = typeof allocatable === "number" ? allocatable : amount(allocatable);
  const used = typeof requested === "number" ? requested : amount(requested);
  if (total <= 0) return used > 0 ? 100 : 0;
  return Math.trunc((used / total) * 100);
}

function bar(percent: number, paint: Paint): string {
  const filled = Math.min(BAR_WIDTH, Math.round((Math.min(percent, 100) / 100) * BAR_WIDTH));
  const text = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
  return paint(text, percent >= 90 ? "red" : percent >= 70 ? "yellow" : "green");
}

function usageCell(before: string | number, after: string | number, allocatable: string | number, paint: Paint, show: (value: string | number) => string = String): string {
  const percent = percentOf(after, allocatable);
  return `${show(before)} → ${show(after)} / ${show(allocatable)} ${bar(percent, paint)} ${String(percent).padStart(3)}%`;
}

/** Memory as people read it (`14.5Gi`, not `15166732Ki`). */
function memory(value: string | number): string {
  return typeof value === "string" ? humanBytes(value) : String(value);
}

function extendedCell(node: NodeUsage, paint: Paint): string {
  const names = Object.keys(node.allocatable.extended).filter((n) => !n.startsWith("hugepages-"));
  const requestedOnly = Object.keys(node.requestedAfter.extended).filter((n) => !names.includes(n) && !n.startsWith("hugepages-"));
  return [...names, ...requestedOnly]
    .sort()
    .map((name) => {
      const get = (summary: ResourceSummary) => summary.extended[name] ?? "0";
      return `${escapeTitle(name)} ${usageCell(get(node.requestedBefore), get(node.requestedAfter), get(node.allocatable), paint)}`;
    })
    .join(", ");
}

function nodeRows(nodes: readonly NodeUsage[], paint: Paint): string[][] {
  return nodes.map((n) => [
    escapeTitle(n.name),
    escapeTitle(n.zone || "-"),
    usageCell(n.requestedBefore.cpu, n.requestedAfter.cpu, n.allocatable.cpu, paint),
    usageCell(n.requestedBefore.memory, n.requestedAfter.memory, n.allocatable.memory, paint, memory),
    usageCell(n.requestedBefore.pods, n.requestedAfter.pods, n.allocatable.pods, paint),
    extendedCell(n, paint),
  ]);
}

function nodeTable(nodes: readonly NodeUsage[], paint: Paint): string[] {
  const header = ["NODE", "ZONE", "CPU REQUESTS", "MEMORY REQUESTS", "PODS", "EXTENDED"];
  const hasExtended = nodes.some((n) => extendedCell(n, paint) !== "");
  const cut = (row: string[]) => (hasExtended ? row : row.slice(0, 5));
  const lines = formatTable([header, ...nodeRows(nodes, paint)].map(cut));
  lines[0] = paint(lines[0]!, "bold");
  return lines;
}

function ownerName(owner: NonNullable<PodPlacement["owner"]>): string {
  return escapeTitle(`${owner.kind} ${owner.namespace}/${owner.name}`);
}

function workloadLine(w: WorkloadPlacement, paint: Paint): string {
  const spread = Object.entries(w.nodes).map(([node, count]) => `${escapeTitle(node)}: ${count}`).join(", ");
  const pending = w.pending > 0 ? paint(`, ${w.pending} Pending`, "red") : "";
  return `  ${ownerName(w.owner)}: ${w.scheduled}/${w.replicas} scheduled${spread ? ` (${spread})` : ""}${pending}`;
}

function pendingLines(pods: readonly PodPlacement[], paint: Paint): string[] {
  const pending = pods.filter((p) => p.node === null);
  if (pending.length === 0) return [];
  const lines = ["", paint(`Pending pods (${pending.length}):`, "bold")];
  for (const pod of pending) {
    const owner = pod.owner ? ` (${ownerName(pod.owner)})` : "";
    lines.push(`  ${paint(escapeTitle(`${pod.namespace}/${pod.name}`), "red")}${owner}`);
    lines.push(`    ${escapeTitle(pod.reason ?? "")}`);
  }
  return lines;
}

export function renderSchedule(result: ScheduleResult, options: ScheduleTextOptions): string {
  const paint = painter(options.color);
  const scheduled = result.pods.filter((p) => p.node !== null).length;
  const lines = [
    paint(`Scheduling (kube-scheduler ${result.kubernetesVersion}, default profile): ${scheduled}/${result.pods.length} pods scheduled`, "bold"),
    "",
  ];
  appendAll(lines, result.nodes.length > 0 ? nodeTable(result.nodes, paint) : ["  (the cluster snapshot has no nodes)"]);
  if (result.workloads.length > 0) {
    lines.push("", paint("Workloads:", "bold"));
    appendAll(lines, result.workloads.map((w) => workloadLine(w, paint)));
  }
  appendAll(lines, pendingLines(result.pods, paint));
  return lines.join("\n") + "\n";
}
