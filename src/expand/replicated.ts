// Deployment → ReplicaSet → pods; ReplicaSet and ReplicationController → pods.
import type { KubeObject } from "../types.js";
import { dig, recordOf, stringMapOf, stringOf } from "../util/object-access.js";
import type { WorkloadContext } from "./context.js";
import { note, plannedPod, replicasOf, resolveIntOrPercent, spec } from "./context.js";
import { getPodsToDelete } from "./controller-utils.js";
import { existingPods, isSubsetOf } from "./existing.js";
import { generatedSuffix, templateHash } from "./names.js";
import { podFromTemplate } from "./pod-template.js";
import type { ExpandNote, ExpandedWorkload } from "./types.js";

const TEMPLATE = "/spec/template";

interface ReplicaPlan {
  desired: number;
  existing: ReturnType<typeof existingPods>;
  /** Whether the existing pods already run the template of the inputs. */
  current: boolean;
}

function planReplicas(ctx: WorkloadContext, selector: unknown): ReplicaPlan {
  const desired = replicasOf(spec(ctx).replicas);
  const live = ctx.snapshot.get(ctx.owner.kind, ctx.namespace, ctx.name);
  if (!live) return { desired, existing: [], current: false };
  const existing = existingPods(ctx.snapshot, ctx.owner.kind, ctx.namespace, ctx.name, selector);
  const current = isSubsetOf(spec(ctx).template, dig(live, "spec", "template"));
  return { desired, existing, current };
}

function stateNotes(ctx: WorkloadContext, plan: ReplicaPlan, running: number, created: number): ExpandNote[] {
  const kind = ctx.owner.kind;
  if (plan.desired === 0) return [note(ctx, `${kind} ${ctx.name} has 0 replicas: it creates no pods`, "/spec/replicas")];
  if (created === 0 && running > 0) {
    return [note(ctx, `${kind} ${ctx.name}: ${running} of ${plan.desired} replicas already run this template: no new pods`)];
  }
  return [];
}

/** Pods of a ReplicaSet named `rsName`, numbered from `first` (for their stand-in suffixes). */
function replicaSetPods(ctx: WorkloadContext, rsName: string, count: number, first: number, labels: Record<string, string>, controller: { apiVersion: string; kind: string }) {
  const template = spec(ctx).template;
  return Array.from({ length: count }, (_, i) => {
    const generateName = `${rsName}-`;
    const pod = podFromTemplate(template, {
      namespace: ctx.namespace,
      generateName,
      generatedName: generateName + generatedSuffix(`${ctx.namespace}/${rsName}/${first + i}`),
      labels,
      controller: { ...controller, name: rsName },
    });
    return plannedPod(ctx, pod, TEMPLATE);
  });
}

/** The pods a scale-down to `desired` deletes, in the ReplicaSet controller's order. */
function scaledDown(existing: readonly KubeObject[], desired: number, now: Date): KubeObject[] {
  return getPodsToDelete(existing, existing, existing.length - desired, now);
}

export function expandDeployment(ctx: WorkloadContext, now: Date): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const deploymentSpec = spec(ctx);
  const plan = planReplicas(ctx, deploymentSpec.selector);
  if (deploymentSpec.paused === true) return pausedDeployment(ctx, plan, now);
  const running = plan.current ? Math.min(plan.existing.length, plan.desired) : 0;
  const liveHash = plan.current ? stringOf(plan.existing[0]?.metadata?.labels?.["pod-template-hash"]) : undefined;
  const hash = liveHash ?? templateHash(deploymentSpec.template);
  const rsName = `${ctx.name}-${hash}`;
  const created = Math.max(0, plan.desired - running);
  const strategy = recordOf(deploymentSpec.strategy);
  const recreate = strategy.type === "Recreate";
  const rollingUpdate = recordOf(strategy.rollingUpdate);
  const surge = recreate ? 0 : resolveIntOrPercent(rollingUpdate.maxSurge ?? "25%", plan.desired, true) ?? 0;
  const maxUnavailable = recreate ? plan.desired : resolveIntOrPercent(rollingUpdate.maxUnavailable ?? "25%", plan.desired, false) ?? 0;
  const workload: ExpandedWorkload = {
    owner: ctx.owner,
    document: ctx.document,
    desired: plan.desired,
    running,
    pods: replicaSetPods(ctx, rsName, created, running, { "pod-template-hash": hash }, { apiVersion: "apps/v1", kind: "ReplicaSet" }),
    claims: [],
    replaced: plan.current ? scaledDown(plan.existing, plan.desired, now) : plan.existing,
    strategy: recreate ? "Recreate" : "RollingUpdate",
    surge,
    maxUnavailable,
  };
  return { workload, notes: stateNotes(ctx, plan, running, created) };
}

/**
 * A paused Deployment rolls out nothing: a new one gets no ReplicaSet, an
 * existing one keeps its pods (and is only scaled).
 */
function pausedDeployment(ctx: WorkloadContext, plan: ReplicaPlan, now: Date): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const running = Math.min(plan.existing.length, plan.desired);
  const workload: ExpandedWorkload = {
    owner: ctx.owner, document: ctx.document, desired: plan.desired, running, pods: [], claims: [],
    replaced: scaledDown(plan.existing, plan.desired, now), strategy: "RollingUpdate", surge: 0, maxUnavailable: 0,
  };
  const hash = stringOf(plan.existing[0]?.metadata?.labels?.["pod-template-hash"]);
  if (hash && plan.desired > running) {
    workload.pods = replicaSetPods(ctx, `${ctx.name}-${hash}`, plan.desired - running, running, { "pod-template-hash": hash }, { apiVersion: "apps/v1", kind: "ReplicaSet" });
  }
  const message = plan.existing.length === 0
    ? `Deployment ${ctx.name} is paused (spec.paused): it creates no ReplicaSet and no pods until resumed`
    : `Deployment ${ctx.name} is paused (spec.paused): its template changes are not rolled out until resumed`;
  return { workload, notes: [note(ctx, message, "/spec/paused")] };
}

/** ReplicaSets and ReplicationControllers do not replace pods when the template changes: only the count matters. */
export function expandReplicaSet(ctx: WorkloadContext, now: Date): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const rsSpec = spec(ctx);
  const isRC = ctx.owner.kind === "ReplicationController";
  // An RC without a selector selects its template's labels (API defaulting).
  const selector = isRC && rsSpec.selector === undefined ? stringMapOf(dig(rsSpec, "template", "metadata", "labels")) : rsSpec.selector;
  const live = ctx.snapshot.get(ctx.owner.kind, ctx.namespace, ctx.name);
  const desired = replicasOf(rsSpec.replicas);
  const existing = live ? existingPods(ctx.snapshot, ctx.owner.kind, ctx.namespace, ctx.name, selector) : [];
  const running = Math.min(existing.length, desired);
  const created = desired - running;
  const controller = isRC ? { apiVersion: "v1", kind: "ReplicationController" } : { apiVersion: "apps/v1", kind: "ReplicaSet" };
  const workload: ExpandedWorkload = {
    owner: ctx.owner,
    document: ctx.document,
    desired,
    running,
    pods: replicaSetPods(ctx, ctx.name, created, running, {}, controller),
    claims: [],
    replaced: scaledDown(existing, desired, now),
    strategy: "RollingUpdate",
    surge: created,
    maxUnavailable: 0,
  };
  const plan = { desired, existing, current: true };
  return { workload, notes: stateNotes(ctx, plan, running, created) };
}
