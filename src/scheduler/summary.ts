// Per-node and per-workload summaries of a placement, in the units and
// notation of `kubectl describe node`.
import { formatQuantity } from "../util/quantity.js";
import type { NodeInfo, Resources } from "./node-info.js";
import { compareStrings } from "../util/order.js";
import type { NodeUsage, Owner, PodPlacement, ResourceSummary, WorkloadPlacement } from "./types.js";

const NANO = 1_000_000_000n;

export function formatMilliCPU(milli: number): string {
  return formatQuantity({ nanos: BigInt(Math.round(milli)) * 1_000_000n, format: "DecimalSI" });
}

/** Bytes in binary notation when they divide evenly (`1536Mi`), else decimal (`1500M`). */
export function formatBytes(bytes: number): string {
  const value = BigInt(Math.round(bytes));
  return formatQuantity({ nanos: value * NANO, format: value % 1024n === 0n ? "BinarySI" : "DecimalSI" });
}

export function formatScalar(name: string, value: number): string {
  return name.startsWith("hugepages-") ? formatBytes(value) : formatQuantity({ nanos: BigInt(Math.round(value)) * NANO, format: "DecimalSI" });
}

export function summarize(resources: Resources, pods: number): ResourceSummary {
  const extended: Record<string, string> = {};
  for (const name of [...resources.scalar.keys()].sort(compareStrings)) {
    const value = resources.scalar.get(name)!;
    if (value !== 0) extended[name] = formatScalar(name, value);
  }
  return { cpu: formatMilliCPU(resources.milliCPU), memory: formatBytes(resources.memory), pods, extended };
}

export interface NodeBaseline {
  requested: Resources;
  pods: number;
}

function difference(a: Resources, b: Resources): Resources {
  const out = a.clone();
  out.milliCPU -= b.milliCPU;
  out.memory -= b.memory;
  out.ephemeralStorage -= b.ephemeralStorage;
  for (const [name, value] of b.scalar) out.scalar.set(name, (out.scalar.get(name) ?? 0) - value);
  return out;
}

export function nodeUsage(node: NodeInfo, before: NodeBaseline): NodeUsage {
  return {
    name: node.name,
    zone: node.zone,
    allocatable: summarize(node.allocatable, node.allowedPodNumber),
    requestedBefore: summarize(before.requested, before.pods),
    requestedAfter: summarize(node.requested, node.pods.length),
    headroom: summarize(difference(node.allocatable, node.requested), node.allowedPodNumber - node.pods.length),
    placed: node.pods.length - before.pods,
  };
}

export function ownerKey(owner: Owner): string {
  return `${owner.kind}\u0000${owner.namespace}\u0000${owner.name}`;
}

export function workloadPlacements(pods: readonly PodPlacement[]): WorkloadPlacement[] {
  const byOwner = new Map<string, WorkloadPlacement>();
  // Pods per node of each workload, counted in a map: an object with thousands of node names as keys is slow to update.
  const nodeCounts = new Map<WorkloadPlacement, Map<string, number>>();
  for (const pod of pods) {
    if (!pod.owner) continue;
    const key = ownerKey(pod.owner);
    let workload = byOwner.get(key);
    if (!workload) {
      byOwner.set(key, (workload = { owner: pod.owner, replicas: 0, scheduled: 0, pending: 0, nodes: {} }));
      nodeCounts.set(workload, new Map());
    }
    workload.replicas++;
    if (pod.node === null) {
      workload.pending++;
    } else {
      workload.scheduled++;
      const counts = nodeCounts.get(workload)!;
      counts.set(pod.node, (counts.get(pod.node) ?? 0) + 1);
    }
  }
  for (const [workload, counts] of nodeCounts) {
    workload.nodes = Object.fromEntries([...counts].sort(([a], [b]) => compareStrings(a, b)));
  }
  return [...byOwner.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, w]) => w);
}
