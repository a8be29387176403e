// API defaulting of batch/v1 (pkg/apis/batch/v1/defaults.go).
import { atLeast } from "../../util/release.js";
import { setDefaultsPodTemplateSpec } from "./core.js";
import { ensureObject, podTemplateOf, setDefault, setDefaultIfEmpty } from "./fields.js";
import { dig, isRecord, objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

function defaultPodFailurePolicy(spec: JsonRecord): void {
  for (const rule of recordsOf(dig(spec, "podFailurePolicy", "rules"))) {
    for (const pattern of recordsOf(rule.onPodConditions)) setDefault(pattern, "status", "True");
  }
}

export function setDefaultsJob(body: JsonRecord, kubernetesVersion: string): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
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
  setDefaultsPodTemplateSpec(podTemplateOf(spec));
}

export function setDefaultsCronJob(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefaultIfEmpty(spec, "concurrencyPolicy", "Allow");
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
  const jobSpec = ensureObject(ensureObject(spec, "jobTemplate") ?? {}, "spec");
  if (!jobSpec) return;
  defaultPodFailurePolicy(jobSpec);
  setDefaultsPodTemplateSpec(podTemplateOf(jobSpec));
}
