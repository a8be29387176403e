// DaemonSet → one pod per node that it selects and whose taints it tolerates
// (with the tolerations the DaemonSet controller adds to every daemon pod).
import type { KubeObject } from "../types.js";
import { dig, isRecord, recordOf, recordsOf, stringMapOf, stringOf } from "../util/object-access.js";
import { matchesMapSelector, matchesNodeSelectorTerms } from "../util/selectors.js";
import { findUntoleratedTaint, type Taint, type Toleration } from "../util/taints.js";
import type { WorkloadContext } from "./context.js";
import { note, plannedPod, resolveIntOrPercent, spec } from "./context.js";
import { existingPods, isSubsetOf } from "./existing.js";
import { generatedSuffix, templateHash } from "./names.js";
import { podFromTemplate } from "./pod-template.js";
import type { ExpandNote, ExpandedWorkload } from "./types.js";
import { appendAll } from "../util/append.js";

const exists = (key: string, effect: string): Toleration => ({ key, operator: "Exists", effect });

/** util.AddOrUpdateDaemonPodTolerations. */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const tolerations = [
    exists("node.kubernetes.io/not-ready", "NoExecute"),
    exists("node.kubernetes.io/unreachable", "NoExecute"),
    exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
    exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
    exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
    exists("node.kubernetes.io/unschedulable", "NoSchedule"),
  ];
  if (hostNetwork) tolerations.push(exists("node.kubernetes.io/network-unavailable", "NoSchedule"));
  return tolerations;
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? "") === (b.key ?? "") && (a.operator ?? "") === (b.operator ?? "") && (a.value ?? "") === (b.value ?? "") && (a.effect ?? "") === (b.effect ?? "");
}

/** v1helper.AddOrUpdateTolerationInPodSpec for each toleration: a matching one is replaced, else appended. */
function addTolerations(podSpec: Record<string, unknown>, extra: Toleration[]): Toleration[] {
  const merged = [...(recordsOf(podSpec.tolerations) as Toleration[])];
  for (const toleration of extra) {
    const i = merged.findIndex((t) => sameToleration(t, toleration));
    if (i >= 0) merged[i] = toleration;
    else merged.push(toleration);
  }
  podSpec.tolerations = merged;
  return merged;
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): nodeSelector and required terms. */
function fitsNode(podSpec: Record<string, unknown>, node: KubeObject): boolean {
  const labels = stringMapOf(node.metadata?.labels);
  const name = stringOf(node.metadata?.name) ?? "";
  if (isRecord(podSpec.nodeSelector) && !matchesMapSelector(podSpec.nodeSelector, labels)) return false;
  const required = dig(podSpec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution");
  if (isRecord(required) && !matchesNodeSelectorTerms(required.nodeSelectorTerms, labels, name)) return false;
  return true;
}

/** NodeShouldRunDaemonPod: node name, node affinity and NoSchedule/NoExecute taints. */
function shouldRun(podSpec: Record<string, unknown>, tolerations: Toleration[], node: KubeObject): boolean {
  const nodeName = stringOf(node.metadata?.name) ?? "";
  const wanted = stringOf(podSpec.nodeName);
  if (wanted && wanted !== nodeName) return false;
  if (!fitsNode(podSpec, node)) return false;
  const taints = recordsOf(dig(node, "spec", "taints")) as Taint[];
  return findUntoleratedTaint(taints, tolerations, (t) => t.effect === "NoSchedule" || t.effect === "NoExecute") === undefined;
}

/** The daemon pod is pinned to its node by a required matchFields term (replacing the template's terms). */
function pinToNode(podSpec: Record<string, unknown>, nodeName: string): void {
  const affinity = recordOf(podSpec.affinity);
  const nodeAffinity = recordOf(affinity.nodeAffinity);
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }],
  };
  affinity.nodeAffinity = nodeAffinity;
  podSpec.affinity = affinity;
}

function nodeOfPod(pod: KubeObject): string | undefined {
  return stringOf(dig(pod, "spec", "nodeName"));
}

export function expandDaemonSet(ctx: WorkloadContext): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const dsSpec = spec(ctx);
  const template = recordOf(dsSpec.template);
  const templateSpec = recordOf(template.spec);
  const tolerationProbe = { ...templateSpec };
  const tolerations = addTolerations(tolerationProbe, daemonTolerations(templateSpec.hostNetwork === true));
  const nodes = [...ctx.snapshot.nodes].sort((a, b) => (String(a.metadata?.name) < String(b.metadata?.name) ? -1 : 1));
  const eligible = nodes.filter((node) => shouldRun(templateSpec, tolerations, node));
  const live = ctx.snapshot.get("DaemonSet", ctx.namespace, ctx.name);
  const existing = live ? existingPods(ctx.snapshot, "DaemonSet", ctx.namespace, ctx.name, dsSpec.selector) : [];
  const current = live !== undefined && isSubsetOf(dsSpec.template, dig(live, "spec", "template"));
  const strategy = recordOf(dsSpec.updateStrategy);
  const onDelete = strategy.type === "OnDelete";
  const hash = templateHash(dsSpec.template);
  const generation = String(ctx.object.metadata?.generation ?? 1);
  const byNode = new Map(existing.map((pod) => [nodeOfPod(pod) ?? "", pod]));
  const workload: ExpandedWorkload = {
    owner: ctx.owner, document: ctx.document, desired: eligible.length, running: 0,
    pods: [], claims: [], replaced: [], strategy: onDelete ? "OnDelete" : "RollingUpdate",
    surge: resolveIntOrPercent(recordOf(strategy.rollingUpdate).maxSurge ?? 0, eligible.length, true) ?? 0,
    maxUnavailable: resolveIntOrPercent(recordOf(strategy.rollingUpdate).maxUnavailable ?? 1, eligible.length, false) ?? 1,
  };
  for (const node of eligible) {
    const nodeName = String(node.metadata?.name);
    const old = byNode.get(nodeName);
    byNode.delete(nodeName);
    if (old && (current || onDelete)) {
      workload.running++;
      continue;
    }
    if (old) workload.replaced.push(old);
    const generateName = `${ctx.name}-`;
    const pod = podFromTemplate(template, {
      namespace: ctx.namespace,
      generateName,
      generatedName: generateName + generatedSuffix(`${ctx.namespace}/${ctx.name}/${nodeName}`),
      labels: { "controller-revision-hash": hash, "pod-template-generation": generation },
      controller: { apiVersion: "apps/v1", kind: "DaemonSet", name: ctx.name },
    });
    const podSpec = recordOf(pod.spec);
    addTolerations(podSpec, daemonTolerations(podSpec.hostNetwork === true));
    pinToNode(podSpec, nodeName);
    workload.pods.push(plannedPod(ctx, pod, "/spec/template"));
  }
  // Pods on nodes the DaemonSet no longer selects are deleted.
  appendAll(workload.replaced, byNode.values());
  const notes: ExpandNote[] = [];
  if (nodes.length === 0) {
    notes.push(note(ctx, `DaemonSet ${ctx.name} creates no pods: the cluster snapshot has no nodes`));
  } else if (eligible.length === 0) {
    notes.push(note(ctx, `DaemonSet ${ctx.name} creates no pods: none of the ${nodes.length} nodes matches its node selector and affinity, or has only taints it tolerates`, "/spec/template/spec", "warning"));
  }
  return { workload, notes };
}
