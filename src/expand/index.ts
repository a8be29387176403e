// The expand stage: the pods the controllers would create for the inputs.
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import { groupOf } from "../inventory.js";
import type { Finding, KubeObject, ManifestDocument, PlannedPod } from "../types.js";
import { reportToFinding } from "../validate/findings.js";
import { cloneJson, dig, stringOf } from "../util/object-access.js";
import type { WorkloadContext } from "./context.js";
import { expandCronJob } from "./cronjob.js";
import { expandDaemonSet } from "./daemonset.js";
import { expandJob } from "./job.js";
import { ownerOf } from "./pod-template.js";
import { expandDeployment, expandReplicaSet } from "./replicated.js";
import { expandStatefulSet } from "./statefulset.js";
import { assumeLivePodsRun, podsUnlisted } from "./unlisted-pods.js";
import type { ExpandNote, ExpandOptions, ExpandResult, ExpandedWorkload } from "./types.js";
import { lookupTable } from "../util/lookup-table.js";
import { appendAll } from "../util/append.js";

/** A note as a finding (rule `expand/<Kind>`), placed where the workload says what the note is about. */
export function noteToFinding(note: ExpandNote): Finding {
  return reportToFinding(note.document, `expand/${note.owner.kind}`, note.severity, { pointer: note.pointer, message: note.message });
}

export type * from "./types.js";
export { nextRun } from "./cronjob.js";

type Expander = (ctx: WorkloadContext, now: Date) => { workload: ExpandedWorkload; notes: ExpandNote[] };

/** The controllers by group/kind; the object's apiVersion must be one they serve. */
const CONTROLLERS: Readonly<Record<string, { group: string; expand: Expander }>> = lookupTable({
  Deployment: { group: "apps", expand: expandDeployment },
  ReplicaSet: { group: "apps", expand: expandReplicaSet },
  StatefulSet: { group: "apps", expand: expandStatefulSet },
  DaemonSet: { group: "apps", expand: expandDaemonSet },
  ReplicationController: { group: "", expand: expandReplicaSet },
  Job: { group: "batch", expand: expandJob },
  CronJob: { group: "batch", expand: expandCronJob },
});

function namespaceOf(object: KubeObject): string {
  return stringOf(object.metadata?.namespace) || "default";
}

/** A bare Pod of the inputs: admitted as written (unless it already exists: pods are nearly immutable). */
function barePod(document: ManifestDocument, snapshot: ClusterSnapshot): PlannedPod | undefined {
  const namespace = namespaceOf(document.object);
  const name = stringOf(document.object.metadata?.name);
  if (name && snapshot.get("Pod", namespace, name)) return undefined;
  const pod = cloneJson(document.object);
  pod.metadata = { ...(pod.metadata ?? {}), namespace };
  return { pod, owner: null, source: { document, pointer: "" } };
}

export function expandWorkloads(documents: ManifestDocument[], snapshot: ClusterSnapshot, options: ExpandOptions = {}): ExpandResult {
  const now = options.now ?? new Date();
  const result: ExpandResult = { pods: [], claims: [], replacedPods: [], workloads: [], notes: [], assumedRunning: 0 };
  const unlisted = podsUnlisted(snapshot);
  for (const document of documents) {
    const object = document.object;
    if (object.kind === "Pod" && groupOf(stringOf(object.apiVersion)) === "") {
      const pod = barePod(document, snapshot);
      if (pod) result.pods.push(pod);
      continue;
    }
    const controller = CONTROLLERS[object.kind ?? ""];
    if (!controller || controller.group !== groupOf(stringOf(object.apiVersion))) continue;
    const namespace = namespaceOf(object);
    const ctx: WorkloadContext = {
      document, object, namespace, snapshot,
      name: stringOf(object.metadata?.name) ?? "",
      owner: ownerOf(object, namespace),
    };
    const { workload, notes } = controller.expand(ctx, now);
    if (unlisted) result.assumedRunning += assumeLivePodsRun(workload, snapshot, namespace, ctx.name, dig(object, "spec", "template"));
    result.workloads.push(workload);
    appendAll(result.pods, workload.pods);
    appendAll(result.claims, workload.claims);
    appendAll(result.replacedPods, workload.replaced);
    appendAll(result.notes, notes);
  }
  return result;
}
