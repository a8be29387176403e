// What every controller expansion gets: the workload as written, where it is,
// and the cluster it lands in.
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import type { KubeObject, ManifestDocument, PlannedPod } from "../types.js";
import { integerOf, recordOf } from "../util/object-access.js";
import type { ExpandNote, ExpandedWorkload, Owner } from "./types.js";

export interface WorkloadContext {
  document: ManifestDocument;
  object: KubeObject;
  namespace: string;
  name: string;
  owner: Owner;
  snapshot: ClusterSnapshot;
}

export function spec(ctx: WorkloadContext): Record<string, unknown> {
  return recordOf(ctx.object.spec);
}

/** spec.replicas with the API default of 1; negative or malformed counts as 0 or 1. */
export function replicasOf(value: unknown): number {
  if (value === undefined || value === null) return 1;
  const replicas = integerOf(value);
  return replicas === undefined ? 1 : Math.max(0, replicas);
}

/**
 * An IntOrString (`maxSurge: 25%` or `1`) against a total, rounded the way the
 * controllers round it; undefined when malformed.
 */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number | undefined {
  const integer = integerOf(value);
  if (integer !== undefined && typeof value === "number") return Math.max(0, integer);
  if (typeof value === "string") {
    const match = /^(\d+)%$/.exec(value.trim());
    if (!match) return undefined;
    const scaled = (Number(match[1]) * total) / 100;
    return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
  }
  return undefined;
}

export function plannedPod(ctx: WorkloadContext, pod: KubeObject, templatePointer: string): PlannedPod {
  return { pod, owner: ctx.owner, source: { document: ctx.document, pointer: templatePointer } };
}

export function note(ctx: WorkloadContext, message: string, pointer = "", severity: ExpandNote["severity"] = "info"): ExpandNote {
  return { severity, owner: ctx.owner, message, document: ctx.document, pointer };
}

/** A workload that creates nothing (yet). */
export function emptyWorkload(ctx: WorkloadContext, desired: number): ExpandedWorkload {
  return {
    owner: ctx.owner,
    document: ctx.document,
    desired,
    running: 0,
    pods: [],
    claims: [],
    replaced: [],
    strategy: "RollingUpdate",
    surge: 0,
    maxUnavailable: 0,
  };
}
