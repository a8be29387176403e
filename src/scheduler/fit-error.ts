// FitError.Error(): `0/N nodes are available: <reasons>.` with the reasons of
// every node counted and sorted as strings, as kube-scheduler builds it.
import type { Status } from "./framework.js";
import { compareStrings } from "../util/order.js";

export interface Diagnosis {
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod: its message replaces the per-node reasons. */
  preFilterStatus?: Status;
  /** The first failing Filter's status, per node that was filtered. */
  nodeStatuses: Map<string, Status>;
  /** Status of the nodes a PreFilter result left out, when they are counted. */
  absentNodesStatus?: Status;
}

export const NO_NODES_AVAILABLE = "no nodes available to schedule pods";

/** Counts each reason once per node and renders `<count> <reason>`, sorted. */
export function reasonHistogram(diagnosis: Diagnosis): string[] {
  const counts = new Map<string, number>();
  for (const status of diagnosis.nodeStatuses.values()) {
    for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  const absent = diagnosis.numAllNodes - diagnosis.nodeStatuses.size;
  if (diagnosis.absentNodesStatus && absent > 0) {
    for (const reason of diagnosis.absentNodesStatus.reasons) counts.set(reason, (counts.get(reason) ?? 0) + absent);
  }
  return [...counts].map(([reason, count]) => `${count} ${reason}`).sort(compareStrings);
}

export function fitErrorMessage(diagnosis: Diagnosis): string {
  let message = `0/${diagnosis.numAllNodes} nodes are available:`;
  if (diagnosis.preFilterStatus) return `${message} ${diagnosis.preFilterStatus.reasons.join(", ")}.`;
  const reasons = reasonHistogram(diagnosis);
  if (reasons.length > 0) message += ` ${reasons.join(", ")}.`;
  return message;
}
