// What the strategies of workloads warn about on create: a name that starts
// the names (and hostnames) of their pods and is not a DNS label (Deployment,
// ReplicaSet, ReplicationController, Job, CronJob), and their pod template
// (pod.GetWarningsForPodTemplate).
import { isDNS1123Label } from "../apimachinery/validation.js";
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { getWarningsForPodTemplate } from "../validation/core/pod-warnings.js";
import { nameAtValidation } from "../storage/names.js";
import { dig, isRecord, type JsonRecord } from "../../util/object-access.js";

/** A name (generated from generateName when absent) that is not a DNS label gives pods surprising names and hostnames. */
export function podNameWarnings(object: JsonRecord): FieldWarning[] {
  const messages = isDNS1123Label(nameAtValidation(object.metadata));
  if (messages.length === 0) return [];
  // Go's %v of a []string: the messages between brackets, separated by spaces.
  const message = `this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${messages.join(" ")}]`;
  return [{ field: FieldPath.root("metadata", "name"), message }];
}

/** The warnings about the pod template at `path` (JSON keys from the object's root). */
export function podTemplateWarnings(object: JsonRecord, kubernetesVersion: string, ...path: string[]): FieldWarning[] {
  const template = dig(object, ...path);
  return isRecord(template) ? getWarningsForPodTemplate(template, FieldPath.root(path[0]!, ...path.slice(1)), kubernetesVersion) : [];
}
