// API defaulting of workload kinds (pkg/apis/apps/v1/defaults.go,
// pkg/apis/batch/v1/defaults.go, pkg/apis/core/v1/defaults.go).
import { atLeast } from "../version.js";
import { ensureObject, setDefault } from "../values.js";
import { arrayOf, dig, isRecord, objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";
import { defaultPodOnly, defaultPodSpec } from "./pod-spec.js";

function defaultTemplate(template: JsonRecord | undefined): void {
  defaultPodSpec(objectAt(template, "spec"));
}

/** The update strategy: RollingUpdate unless set, and its maxUnavailable and maxSurge when it is RollingUpdate. */
function defaultRollingUpdate(spec: JsonRecord, field: "strategy" | "updateStrategy", maxUnavailable: string | number, maxSurge: string | number): void {
  const strategy = ensureObject(spec, field);
  if (!strategy) return;
  setDefault(strategy, "type", "RollingUpdate");
  if (strategy.type !== "RollingUpdate") return;
  const rollingUpdate = ensureObject(strategy, "rollingUpdate");
  setDefault(rollingUpdate, "maxUnavailable", maxUnavailable);
  setDefault(rollingUpdate, "maxSurge", maxSurge);
}

export function defaultDeployment(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "replicas", 1);
  defaultRollingUpdate(spec, "strategy", "25%", "25%");
  setDefault(spec, "revisionHistoryLimit", 10);
  setDefault(spec, "progressDeadlineSeconds", 600);
  defaultTemplate(objectAt(spec, "template"));
}

export function defaultDaemonSet(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  defaultRollingUpdate(spec, "updateStrategy", 1, 0);
  setDefault(spec, "revisionHistoryLimit", 10);
  defaultTemplate(objectAt(spec, "template"));
}

export function defaultStatefulSet(body: JsonRecord, kubernetesVersion: string): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "podManagementPolicy", "OrderedReady");
  const strategy = ensureObject(spec, "updateStrategy");
  if (strategy) {
    // Only a defaulted type gets a rollingUpdate block; an explicit RollingUpdate without one keeps none.
    if (strategy.type === undefined) {
      strategy.type = "RollingUpdate";
      setDefault(strategy, "rollingUpdate", {});
    }
    const rollingUpdate = objectAt(strategy, "rollingUpdate");
    if (strategy.type === "RollingUpdate" && rollingUpdate) setDefault(rollingUpdate, "partition", 0);
  }
  // StatefulSetAutoDeletePVC: on by default since 1.27.
  if (atLeast(kubernetesVersion, "1.27")) {
    const retention = ensureObject(spec, "persistentVolumeClaimRetentionPolicy");
    setDefault(retention, "whenDeleted", "Retain");
    setDefault(retention, "whenScaled", "Retain");
  }
  setDefault(spec, "replicas", 1);
  setDefault(spec, "revisionHistoryLimit", 10);
  defaultTemplate(objectAt(spec, "template"));
  for (const claim of arrayOf(spec.volumeClaimTemplates)) {
    setDefault(objectAt(claim, "spec"), "volumeMode", "Filesystem");
  }
}

export function defaultReplicaSet(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "replicas", 1);
  defaultTemplate(objectAt(spec, "template"));
}

export function defaultReplicationController(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  const template = objectAt(spec, "template");
  const labels = objectAt(objectAt(template, "metadata"), "labels");
  if (labels) {
    if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const metadata = ensureObject(body, "metadata");
    if (metadata && (!isRecord(metadata.labels) || Object.keys(metadata.labels).length === 0)) metadata.labels = { ...labels };
  }
  setDefault(spec, "replicas", 1);
  defaultTemplate(template);
}

function defaultPodFailurePolicy(spec: JsonRecord): void {
  for (const rule of recordsOf(dig(spec, "podFailurePolicy", "rules"))) {
    for (const pattern of recordsOf(rule.onPodConditions)) setDefault(pattern, "status", "True");
  }
}

export function defaultJob(body: JsonRecord, kubernetesVersion: string): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, "parallelism", 1);
  // Jobs with a per-index backoff limit get MaxInt32 as their global limit.
  setDefault(spec, "backoffLimit", spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  const templateLabels = objectAt(objectAt(objectAt(spec, "template"), "metadata"), "labels");
  const metadata = ensureObject(body, "metadata");
  if (templateLabels && metadata && (!isRecord(metadata.labels) || Object.keys(metadata.labels).length === 0)) {
    metadata.labels = { ...templateLabels };
  }
  setDefault(spec, "completionMode", "NonIndexed");
  setDefault(spec, "suspend", false);
  // JobPodReplacementPolicy: beta (on) since 1.29.
  if (atLeast(kubernetesVersion, "1.29")) setDefault(spec, "podReplacementPolicy", spec.podFailurePolicy !== undefined ? "Failed" : "TerminatingOrFailed");
  defaultPodFailurePolicy(spec);
  defaultTemplate(objectAt(spec, "template"));
}

export function defaultCronJob(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jobSpec = objectAt(objectAt(spec, "jobTemplate"), "spec");
  if (jobSpec) defaultPodFailurePolicy(jobSpec);
  defaultTemplate(objectAt(jobSpec, "template"));
}

export function defaultPod(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  defaultPodOnly(spec);
  defaultPodSpec(spec);
}

export function defaultPodTemplate(body: JsonRecord): void {
  defaultTemplate(objectAt(body, "template"));
}
