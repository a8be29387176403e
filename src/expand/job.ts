// Job → `parallelism` pods (capped by `completions`), named by the Job
// controller; Indexed Jobs carry their completion index.
import { integerOf, recordOf } from "../util/object-access.js";
import type { WorkloadContext } from "./context.js";
import { emptyWorkload, note, plannedPod, spec } from "./context.js";
import { generatedSuffix, standInUid } from "./names.js";
import { podFromTemplate } from "./pod-template.js";
import type { ExpandNote, ExpandedWorkload } from "./types.js";

/** Pods a Job starts at once: parallelism (default 1), no more than its completions. */
export function activePodsOfJob(jobSpec: Record<string, unknown>): number {
  const parallelism = jobSpec.parallelism === undefined || jobSpec.parallelism === null ? 1 : Math.max(0, integerOf(jobSpec.parallelism) ?? 1);
  const completions = integerOf(jobSpec.completions);
  return completions === undefined ? parallelism : Math.min(parallelism, Math.max(0, completions));
}

export function expandJob(ctx: WorkloadContext): { workload: ExpandedWorkload; notes: ExpandNote[] } {
  const jobSpec = spec(ctx);
  const count = activePodsOfJob(jobSpec);
  if (ctx.snapshot.get("Job", ctx.namespace, ctx.name)) {
    const notes = [note(ctx, `Job ${ctx.name} already exists: the Job controller starts no new pods for it (its pod template cannot change)`)];
    return { workload: emptyWorkload(ctx, count), notes };
  }
  if (jobSpec.suspend === true) {
    return { workload: emptyWorkload(ctx, count), notes: [note(ctx, `Job ${ctx.name} is suspended: it creates no pods until spec.suspend is false`, "/spec/suspend")] };
  }
  const uid = standInUid(`Job/${ctx.namespace}/${ctx.name}`);
  const indexed = jobSpec.completionMode === "Indexed";
  const workload = emptyWorkload(ctx, count);
  workload.surge = count;
  for (let index = 0; index < count; index++) {
    const generateName = indexed ? `${ctx.name}-${index}-` : `${ctx.name}-`;
    const labels: Record<string, string> = {
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": ctx.name,
      "controller-uid": uid,
      "job-name": ctx.name,
    };
    const annotations: Record<string, string> = {};
    if (indexed) {
      labels["batch.kubernetes.io/job-completion-index"] = String(index);
      annotations["batch.kubernetes.io/job-completion-index"] = String(index);
    }
    const pod = podFromTemplate(jobSpec.template, {
      namespace: ctx.namespace,
      generateName,
      generatedName: generateName + generatedSuffix(`${ctx.namespace}/${ctx.name}/${index}`),
      labels,
      annotations,
      controller: { apiVersion: "batch/v1", kind: "Job", name: ctx.name },
    });
    if (indexed) recordOf(pod.spec).hostname = `${ctx.name}-${index}`;
    workload.pods.push(plannedPod(ctx, pod, "/spec/template"));
  }
  const notes = count === 0 ? [note(ctx, `Job ${ctx.name} has parallelism 0: it creates no pods`, "/spec/parallelism")] : [];
  return { workload, notes };
}
