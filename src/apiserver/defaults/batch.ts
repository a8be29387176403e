// API defaulting of batch/v1 (pkg/apis/batch/v1/defaults.go).
import { atLeast } from "../../util/release.js";
import { setDefaultsPodTemplateSpec } from "./core.js";
import { ensureObject, setDefault } from "./fields.js";
import { dig, isRecord, objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

function defaultPodFailurePolicy(spec: JsonRecord): void {
  for (const rule of recordsOf(dig(spec, "podFailurePolicy", "rules"))) {
    for (const pattern of recordsOf(rule.onPodConditions)) setDefault(pattern, "status", "True");
  }
}

export function setDefaultsJob(body: JsonRecord, kubernetesVersion: string): void {
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
  setDefaultsPodTemplateSpec(objectAt(spec, "template"));
}

export function setDefaultsCronJob(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jobSpec = objectAt(objectAt(spec, "jobTemplate"), "spec");
  if (jobSpec) defaultPodFailurePolicy(jobSpec);
  setDefaultsPodTemplateSpec(objectAt(jobSpec, "template"));
}
