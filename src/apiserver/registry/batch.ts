// Registry strategies of the batch group (pkg/registry/batch/job and cronjob strategy.go):
// a Job's generated selector, the fields of gates still off, and their warnings.
import { featureEnabled } from "../features.js";
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { validateCronJobCreate } from "../validation/batch/cron-job.js";
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL, validateJob } from "../validation/batch/job.js";
import { podValidationOptions } from "../validation/core/pod.js";
import { podNameWarnings, podTemplateWarnings } from "./workload-warnings.js";
import type { GroupStrategies } from "./types.js";
import { dropDisabledTemplateFields } from "../pod/util.js";
import { isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";

/**
 * The uid the API server gives a new object (FillObjectMetaSystemFields) is
 * random; the generated selector and labels carry this stand-in instead.
 */
export const GENERATED_UID = "00000000-0000-0000-0000-000000000000";

const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_SOFT_LIMIT_FOR_UNLIMITED_COMPLETIONS = 10_000;

/** A map field, created when absent; undefined when something else is there. */
function mapAt(parent: JsonRecord | undefined, key: string): JsonRecord | undefined {
  if (!parent) return undefined;
  if (parent[key] === undefined) parent[key] = {};
  return isRecord(parent[key]) ? parent[key] : undefined;
}

/** generateSelector: labels naming the Job and its uid on the template, a selector on the uid. */
function generateSelector(job: JsonRecord): void {
  const metadata = mapAt(job, "metadata");
  const spec = objectAt(job, "spec");
  const labels = mapAt(mapAt(mapAt(spec, "template"), "metadata"), "labels");
  const name = metadata?.name;
  // Labels written by hand are kept: a conflict is validation's to reject.
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (labels && labels[key] === undefined) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (labels && labels[key] === undefined) labels[key] = GENERATED_UID;
  const matchLabels = mapAt(mapAt(spec, "selector"), "matchLabels");
  if (matchLabels && matchLabels[CONTROLLER_UID_LABEL] === undefined) matchLabels[CONTROLLER_UID_LABEL] = GENERATED_UID;
}

/** The Job spec fields whose feature gate is still off are dropped. */
function dropDisabledJobFields(spec: JsonRecord | undefined, kubernetesVersion: string): void {
  if (!spec) return;
  if (!featureEnabled("JobManagedBy", kubernetesVersion)) delete spec.managedBy;
  if (!featureEnabled("JobSuccessPolicy", kubernetesVersion)) delete spec.successPolicy;
}

/** The Job strategy's PrepareForCreate. */
function prepareJobForCreate(job: JsonRecord, kubernetesVersion: string): void {
  const metadata = mapAt(job, "metadata");
  if (metadata) metadata.uid = GENERATED_UID;
  if (objectAt(job, "spec")?.manualSelector !== true) generateSelector(job);
  dropDisabledJobFields(objectAt(job, "spec"), kubernetesVersion);
  dropDisabledTemplateFields(objectAt(objectAt(job, "spec"), "template"), kubernetesVersion);
}

/** WarningsForJobSpec: an Indexed Job too large for its completed indexes to be tracked. */
function warningsForJobSpec(spec: JsonRecord | undefined, path: FieldPath): FieldWarning[] {
  if (spec?.completionMode !== "Indexed") return [];
  const completions = typeof spec.completions === "number" ? spec.completions : 0;
  const parallelism = typeof spec.parallelism === "number" ? spec.parallelism : 0;
  if (completions <= COMPLETIONS_SOFT_LIMIT || parallelism <= PARALLELISM_SOFT_LIMIT_FOR_UNLIMITED_COMPLETIONS) return [];
  const message =
    "In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail";
  return [{ field: path, message }];
}

export const BATCH_STRATEGIES: GroupStrategies = {
  Job: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => prepareJobForCreate(object, context.kubernetesVersion),
    validate: (object, context) => validateJob(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => [
      ...podNameWarnings(object),
      ...warningsForJobSpec(objectAt(object, "spec"), FieldPath.root("spec")),
      ...podTemplateWarnings(object, context.kubernetesVersion, "spec", "template"),
    ],
  },
  CronJob: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledTemplateFields(objectAt(objectAt(objectAt(object, "spec"), "jobTemplate"), "spec")?.template, context.kubernetesVersion),
    validate: (object, context) => validateCronJobCreate(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => {
      const jobSpec = objectAt(objectAt(objectAt(object, "spec"), "jobTemplate"), "spec");
      return [
        ...podNameWarnings(object),
        ...warningsForJobSpec(jobSpec, FieldPath.root("spec", "jobTemplate", "spec")),
        ...podTemplateWarnings(object, context.kubernetesVersion, "spec", "jobTemplate", "spec", "template"),
      ];
    },
  },
};
