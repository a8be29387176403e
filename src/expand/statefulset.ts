// StatefulSet → ordinal pods (`web-0`, `web-1`, ...) and, before each, the
// PersistentVolumeClaims of its volumeClaimTemplates.
import type { KubeObject } from "../types.js";
import { cloneJson, dig, integerOf, recordOf, recordsOf, stringMapOf, stringOf } from "../util/object-access.js";
import type { WorkloadContext } from "./context.js";
import { note, plannedPod, replicasOf, resolveIntOrPercent, spec } from "./context.js";
import { existingPods, isSubsetOf } from "./existing.js";
import { templateHash } from "./names.js";
import { podFromTemplate } from "./pod-template.js";
import type { ExpandNote, ExpandedWorkload, PlannedClaim } from "./types.js";
import { appendAll } from "../util/append.js";

interface ClaimTemplate {
  index: number;
  name: string;
  template: Record<string, unknown>;
}

function claimTemplates(stsSpec: Record<string, unknown>): ClaimTemplate[] {
  return recordsOf(stsSpec.volumeClaimTemplates)
    .map((template, index) => ({ index, name: stringOf(dig(template, "metadata", "name")) ?? "", template }))
    .filter((t) => t.name !== "");
}

function claimFor(ctx: WorkloadContext, template: ClaimTemplate, podName: string): KubeObject {
  const meta = recordOf(template.template.metadata);
  const labels = { ...stringMapOf(meta.labels), ...stringMapOf(dig(spec(ctx), "selector", "matchLabels")) };
  const metadata: Record<string, unknown> = { name: `${template.name}-${podName}`, namespace: ctx.namespace };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  const annotations = stringMapOf(meta.annotations);
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata, spec: cloneJson(recordOf(template.template.spec)) };
}

/** The claim volumes first, then the template's other volumes (as updateStorage builds them). */
function withClaimVolumes(pod: KubeObject, templates: ClaimTemplate[], podName: string): void {
  const podSpec = recordOf(pod.spec);
  const names = new Set(templates.map((t) => t.name));
  const claimVolumes = templates.map((t) => ({ name: t.name, persistentVolumeClaim: { claimName: `${t.name}-${podName}` } }));
  const others = recordsOf(podSpec.volumes).filter((v) => !names.has(stringOf(v.name) ?? ""));
  if (claimVolumes.length > 0) podSpec.volumes = [...claimVolumes, ...others];
}

function ordinalPod(ctx: WorkloadContext, ordinal: number, revision: string, templates: ClaimTemplate[]): KubeObject {
  const podName = `${ctx.name}-${ordinal}`;
  const pod = podFromTemplate(spec(ctx).template, {
    namespace: ctx.namespace,
    name: podName,
    labels: {
      "controller-revision-hash": revision,
      "statefulset.kubernetes.io/pod-name": podName,
      "apps.kubernetes.io/pod-index": String(ordinal),
    },
    controller: { apiVersion: "apps/v1", kind: "StatefulSet", name: ctx.name },
  });
  const podSpec = recordOf(pod.spec);
  podSpec.hostname = podName;
  const serviceName = stringOf(spec(ctx).serviceName);
  if (serviceName) podSpec.subdomain = serviceName;
  withClaimVolumes(pod, templates, podName);
  return pod;
}

export function expandStatefulSet(ctx: WorkloadContext): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const stsSpec = spec(ctx);
  const desired = replicasOf(stsSpec.replicas);
  const start = Math.max(0, integerOf(dig(stsSpec, "ordinals", "start")) ?? 0);
  const live = ctx.snapshot.get("StatefulSet", ctx.namespace, ctx.name);
  const existing = live ? existingPods(ctx.snapshot, "StatefulSet", ctx.namespace, ctx.name, stsSpec.selector) : [];
  const current = live !== undefined && isSubsetOf(stsSpec.template, dig(live, "spec", "template"));
  const onDelete = dig(stsSpec, "updateStrategy", "type") === "OnDelete";
  const revision = `${ctx.name}-${templateHash(stsSpec.template)}`;
  const templates = claimTemplates(stsSpec);
  const byName = new Map(existing.map((pod) => [String(pod.metadata?.name), pod]));
  const notes: ExpandNote[] = [];
  const workload: ExpandedWorkload = {
    owner: ctx.owner, document: ctx.document, desired, running: 0,
    pods: [], claims: [], replaced: [], strategy: onDelete ? "OnDelete" : "RollingUpdate", surge: 0,
    maxUnavailable: resolveIntOrPercent(dig(stsSpec, "updateStrategy", "rollingUpdate", "maxUnavailable") ?? 1, desired, false) ?? 1,
  };
  let keptOld = 0;
  for (let ordinal = start; ordinal < start + desired; ordinal++) {
    const podName = `${ctx.name}-${ordinal}`;
    const old = byName.get(podName);
    byName.delete(podName);
    if (old && (current || onDelete)) {
      workload.running++;
      if (!current) keptOld++;
      continue;
    }
    if (old) workload.replaced.push(old);
    for (const template of templates) {
      const claim = claimFor(ctx, template, podName);
      if (ctx.snapshot.get("PersistentVolumeClaim", ctx.namespace, String(claim.metadata?.name))) continue;
      const planned: PlannedClaim = {
        claim, owner: ctx.owner, podName,
        source: { document: ctx.document, pointer: `/spec/volumeClaimTemplates/${template.index}` },
      };
      workload.claims.push(planned);
    }
    workload.pods.push(plannedPod(ctx, ordinalPod(ctx, ordinal, revision, templates), "/spec/template"));
  }
  // Ordinals beyond the new replica count are scaled down.
  appendAll(workload.replaced, byName.values());
  if (keptOld > 0) {
    notes.push(note(ctx, `StatefulSet ${ctx.name} uses updateStrategy OnDelete: ${keptOld} pod(s) keep the old template until deleted`, "/spec/updateStrategy"));
  }
  if (desired === 0) notes.push(note(ctx, `StatefulSet ${ctx.name} has 0 replicas: it creates no pods`, "/spec/replicas"));
  else if (workload.pods.length === 0 && workload.running > 0 && keptOld === 0) {
    notes.push(note(ctx, `StatefulSet ${ctx.name}: ${workload.running} of ${desired} replicas already run this template: no new pods`));
  }
  return { workload, notes };
}
