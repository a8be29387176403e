// What a change does to running pods, computed the way the controllers do it:
// the deployment controller's maxSurge (rounded up) and maxUnavailable
// (rounded down; both 0 means 1 unavailable), the DaemonSet controller's
// (both rounded up), StatefulSet partitions, OnDelete strategies.
import { featureEnabled } from "../apiserver/features.js";
import type { ChangeAction, FieldDiff, RolloutNote } from "./types.js";
import { dig, numberAt, objectAt, stringAt, type JsonRecord } from "../util/object-access.js";

/** intstr.GetScaledValueFromIntOrPercent; undefined when the value is neither an int nor a percentage. */
export function scaledValue(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value !== "string") return undefined;
  const match = /^(-?\d+)%$/.exec(value);
  if (!match) return undefined;
  const scaled = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

function pods(n: number): string {
  return n === 1 ? "1 pod" : `${n} pods`;
}

function replicasOf(body: JsonRecord | undefined, fallback = 1): number {
  return numberAt(objectAt(body, "spec"), "replicas") ?? fallback;
}

function touches(fields: readonly FieldDiff[], prefix: string): boolean {
  return fields.some((f) => f.path === prefix || f.path.startsWith(prefix + ".") || f.path.startsWith(prefix + "["));
}

function describe(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}

/** Deployment RollingUpdate arithmetic (deploymentutil.ResolveFenceposts). */
export function deploymentRollingUpdate(replicas: number, maxSurge: unknown, maxUnavailable: unknown): RolloutNote {
  const surge = Math.max(0, scaledValue(maxSurge ?? "25%", replicas, true) ?? 0);
  let unavailable = Math.max(0, scaledValue(maxUnavailable ?? "25%", replicas, false) ?? 0);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  const maxPods = replicas + surge;
  const minAvailable = Math.max(0, replicas - unavailable);
  const message =
    `rolling update of ${pods(replicas)}: up to ${pods(maxPods)}, at least ${minAvailable} available ` +
    `(maxSurge ${describe(maxSurge ?? "25%")} = ${surge}, maxUnavailable ${describe(maxUnavailable ?? "25%")} = ${unavailable})`;
  return { kind: "rolling-update", message, replicas, maxSurge: surge, maxUnavailable: unavailable, maxPods, minAvailable };
}

function scaleNote(before: number, after: number): RolloutNote {
  return { kind: "scale", message: `scale from ${before} to ${pods(after)}, no rollout`, replicas: after };
}

function deploymentNote(current: JsonRecord, next: JsonRecord, fields: readonly FieldDiff[]): RolloutNote | undefined {
  const replicas = replicasOf(next);
  const before = replicasOf(current);
  if (!touches(fields, "spec.template")) return before !== replicas ? scaleNote(before, replicas) : undefined;
  const spec = objectAt(next, "spec");
  if (spec?.paused === true) {
    return { kind: "paused", message: "the Deployment is paused: the template change rolls out when it is resumed (kubectl rollout resume)", replicas };
  }
  if (replicas === 0) return { kind: "template-only", message: "0 replicas: no pods to replace", replicas: 0 };
  const strategy = objectAt(spec, "strategy");
  if (stringAt(strategy, "type") === "Recreate") {
    const start = before === replicas ? "new ones start" : `${replicas} new ones start`;
    return { kind: "recreate", message: `Recreate: all ${pods(before)} stop before ${start}: downtime`, replicas };
  }
  const rollingUpdate = objectAt(strategy, "rollingUpdate");
  const note = deploymentRollingUpdate(replicas, rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable);
  if (before !== replicas) note.message += `; scales from ${before} to ${replicas}`;
  return note;
}

function onDeleteNote(): RolloutNote {
  return { kind: "on-delete", message: "OnDelete: running pods keep the old template until they are deleted" };
}

function podName(name: string, ordinal: number): string {
  return `${name}-${ordinal}`;
}

function statefulSetNote(name: string, current: JsonRecord, next: JsonRecord, fields: readonly FieldDiff[], kubernetesVersion: string): RolloutNote | undefined {
  const replicas = replicasOf(next);
  const before = replicasOf(current);
  if (!touches(fields, "spec.template")) return before !== replicas ? scaleNote(before, replicas) : undefined;
  const strategy = objectAt(objectAt(next, "spec"), "updateStrategy");
  if (stringAt(strategy, "type") === "OnDelete") return onDeleteNote();
  if (replicas === 0) return { kind: "template-only", message: "0 replicas: no pods to replace", replicas: 0 };
  const start = numberAt(objectAt(objectAt(next, "spec"), "ordinals"), "start") ?? 0;
  const last = start + replicas - 1;
  const rollingUpdate = objectAt(strategy, "rollingUpdate");
  const partition = numberAt(rollingUpdate, "partition") ?? 0;
  // While MaxUnavailableStatefulSet is off the API server drops maxUnavailable on
  // create (and keeps a stored one on update), and the controller replaces one pod
  // at a time whatever it says. 1 is also its default while the gate is on.
  const maxUnavailable = featureEnabled("MaxUnavailableStatefulSet", kubernetesVersion) ? rollingUpdate?.maxUnavailable : undefined;
  const pace = maxUnavailable === undefined || maxUnavailable === 1 ? "one at a time" : `up to ${describe(maxUnavailable)} at a time`;
  if (partition > last) {
    return { kind: "partitioned", message: `partition ${partition}: no pod has an ordinal >= ${partition}, none is updated`, replicas };
  }
  if (partition > start) {
    const updated = last - partition + 1;
    const which = updated === 1 ? podName(name, last) : `${podName(name, last)} down to ${podName(name, partition)}`;
    const kept = partition - 1 === start ? `${podName(name, start)} keeps` : `${podName(name, start)} to ${podName(name, partition - 1)} keep`;
    return {
      kind: "partitioned",
      message: `partition ${partition}: ${pods(updated)} updated (${which}), ${pace}; ${kept} the old template`,
      replicas,
    };
  }
  return {
    kind: "rolling-update",
    message: `rolling update of ${pods(replicas)}, ${pace}, from ${podName(name, last)} down to ${podName(name, start)}`,
    replicas,
  };
}

function daemonSetNote(stored: JsonRecord, next: JsonRecord, fields: readonly FieldDiff[]): RolloutNote | undefined {
  if (!touches(fields, "spec.template")) return undefined;
  const strategy = objectAt(objectAt(next, "spec"), "updateStrategy");
  if (stringAt(strategy, "type") === "OnDelete") return onDeleteNote();
  const rollingUpdate = objectAt(strategy, "rollingUpdate");
  const maxUnavailable = rollingUpdate?.maxUnavailable ?? 1;
  const maxSurge = rollingUpdate?.maxSurge ?? 0;
  const nodes = numberAt(objectAt(stored, "status"), "desiredNumberScheduled");
  if (nodes === undefined) {
    return { kind: "rolling-update", message: `rolling update node by node (maxUnavailable ${describe(maxUnavailable)}, maxSurge ${describe(maxSurge)})` };
  }
  const surge = scaledValue(maxSurge, nodes, true) ?? 0;
  const unavailable = scaledValue(maxUnavailable, nodes, true) ?? 0;
  const message =
    surge > 0
      ? `rolling update on ${nodes} nodes: on up to ${surge} at a time the new pod starts before the old one stops`
      : `rolling update on ${nodes} nodes: up to ${pods(unavailable)} unavailable at a time`;
  return { kind: "rolling-update", message, replicas: nodes, maxSurge: surge, maxUnavailable: unavailable };
}

function podInPlaceNote(fields: readonly FieldDiff[]): RolloutNote | undefined {
  const containers = fields
    .filter((f) => f.forcesReplacement !== true && /^spec\.(init)?[cC]ontainers\[name=[^\]]+\]\.image$/.test(f.path))
    .map((f) => /\[name=([^\]]+)\]/.exec(f.path)![1]);
  if (containers.length === 0) return undefined;
  const label = containers.length === 1 ? `container ${containers[0]} restarts` : `containers ${containers.join(", ")} restart`;
  return { kind: "in-place", message: `${label} in place with the new image` };
}

function startNote(kind: string, next: JsonRecord): RolloutNote | undefined {
  const spec = objectAt(next, "spec");
  switch (kind) {
    case "Deployment":
    case "ReplicaSet":
    case "ReplicationController":
    case "StatefulSet": {
      const replicas = replicasOf(next);
      return { kind: "start", message: `starts ${pods(replicas)}`, replicas };
    }
    case "DaemonSet":
      return { kind: "start", message: "starts one pod on each eligible node" };
    case "Job": {
      const parallelism = numberAt(spec, "parallelism") ?? 1;
      const completions = numberAt(spec, "completions");
      const suffix = completions === undefined ? "" : ` (${completions} completions)`;
      if (spec?.suspend === true) return { kind: "start", message: "created suspended: starts no pods until resumed" };
      return { kind: "start", message: `starts ${pods(Math.min(parallelism, completions ?? parallelism))}${suffix}`, replicas: parallelism };
    }
    case "CronJob":
      return { kind: "next-run", message: `creates a Job on schedule ${JSON.stringify(stringAt(spec, "schedule") ?? "")}` };
    case "Pod":
      return { kind: "start", message: "starts 1 pod", replicas: 1 };
    default:
      return undefined;
  }
}

function stopNote(kind: string, stored: JsonRecord): RolloutNote | undefined {
  switch (kind) {
    case "Deployment":
    case "ReplicaSet":
    case "ReplicationController":
    case "StatefulSet":
      return { kind: "stop", message: `stops its ${pods(replicasOf(stored))}` };
    case "DaemonSet":
      return { kind: "stop", message: "stops its pod on every node" };
    case "Job":
    case "Pod":
      return { kind: "stop", message: "stops its running pods" };
    default:
      return undefined;
  }
}

function replaceNote(kind: string, current: JsonRecord, next: JsonRecord): RolloutNote | undefined {
  const before = replicasOf(current);
  const after = replicasOf(next);
  switch (kind) {
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "ReplicationController":
      return { kind: "replace", message: `delete and create: the old pods stop with the old object, then the new ones start: downtime` };
    case "StatefulSet": {
      const policy = stringAt(dig(next, "spec", "persistentVolumeClaimRetentionPolicy"), "whenDeleted") ?? "Retain";
      const claims = policy === "Delete" ? "its PersistentVolumeClaims are deleted (whenDeleted: Delete)" : "its PersistentVolumeClaims are kept (whenDeleted: Retain)";
      return { kind: "replace", message: `delete and create: ${pods(before)} stop, then ${pods(after)} start in order: downtime; ${claims}` };
    }
    case "Job":
      return { kind: "replace", message: "delete and create: the Job's pods stop and the new Job starts from the beginning" };
    case "Pod":
      return { kind: "replace", message: "delete and create: the pod stops and a new one starts" };
    case "PersistentVolumeClaim":
      return { kind: "replace", message: "delete and create: a new volume is provisioned; the old one follows its reclaim policy" };
    case "Service":
      return { kind: "replace", message: "delete and create: the Service gets a new cluster IP; clients holding the old one lose it" };
    default:
      return undefined;
  }
}

export interface RolloutInput {
  action: ChangeAction;
  kind: string;
  name: string;
  /** Stored object (with status), without server fields, and after apply. */
  stored?: JsonRecord;
  current?: JsonRecord;
  next?: JsonRecord;
  fields: readonly FieldDiff[];
  /** The release whose API server and controllers apply the change. */
  kubernetesVersion: string;
}

/** The consequence of a change for running pods, or undefined when it has none. */
export function rolloutNote(input: RolloutInput): RolloutNote | undefined {
  const { action, kind, current, next, fields } = input;
  if (action === "create") return next ? startNote(kind, next) : undefined;
  if (action === "delete") return current ? stopNote(kind, current) : undefined;
  if (!current || !next) return undefined;
  if (action === "replace") return replaceNote(kind, current, next);
  if (action !== "update") return undefined;
  switch (kind) {
    case "Deployment":
      return deploymentNote(current, next, fields);
    case "StatefulSet":
      return statefulSetNote(input.name, current, next, fields, input.kubernetesVersion);
    case "DaemonSet":
      return daemonSetNote(input.stored ?? current, next, fields);
    case "ReplicaSet":
    case "ReplicationController": {
      if (touches(fields, "spec.template")) {
        return { kind: "template-only", message: "running pods keep the old template: only pods created from now on use the new one" };
      }
      const before = replicasOf(current);
      const after = replicasOf(next);
      return before !== after ? scaleNote(before, after) : undefined;
    }
    case "CronJob":
      return touches(fields, "spec.jobTemplate")
        ? { kind: "next-run", message: "Jobs of the next scheduled runs use the new template; running Jobs keep the old one" }
        : undefined;
    case "Pod":
      return podInPlaceNote(fields);
    default:
      return undefined;
  }
}
