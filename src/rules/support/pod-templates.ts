// Where the pod specs of an object are: a Pod's own spec, or the pod template
// of a workload (CronJob's inside its job template), with the containers of each.
import type { KubeObject } from "../../types.js";
import { type PathSegment } from "../../util/pointer.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, type JsonRecord } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

export interface PodTemplate {
  /** Path to the pod's ObjectMeta (`metadata` of a Pod, `spec.template.metadata` of a Deployment). */
  metadataPath: PathSegment[];
  /** Path to the PodSpec. */
  specPath: PathSegment[];
  /** The template's metadata, or undefined when absent. */
  metadata: JsonRecord | undefined;
  /** The pod spec (an empty record when absent or malformed). */
  spec: JsonRecord;
}

/** Workload kinds whose `spec.template` is a pod template, with the API groups that serve them. */
const TEMPLATE_KINDS: Readonly<Record<string, readonly string[]>> = lookupTable({
  Deployment: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  DaemonSet: ["apps", "extensions"],
  StatefulSet: ["apps"],
  Job: ["batch"],
  ReplicationController: [""],
});

function template(object: unknown, path: PathSegment[], templatePath: PathSegment[]): PodTemplate | undefined {
  let value: unknown = object;
  for (const step of templatePath) value = isRecord(value) ? value[step as string] : undefined;
  if (!isRecord(value)) return undefined;
  return {
    metadataPath: [...path, "metadata"],
    specPath: [...path, "spec"],
    metadata: isRecord(value.metadata) ? value.metadata : undefined,
    spec: isRecord(value.spec) ? value.spec : {},
  };
}

/** The pod specs an object defines (none for kinds without pods). */
export function podTemplatesOf(object: KubeObject): PodTemplate[] {
  const kind = object.kind;
  const group = apiGroup(object.apiVersion);
  if (kind === "Pod" && group === "") {
    return [{ metadataPath: ["metadata"], specPath: ["spec"], metadata: isRecord(object.metadata) ? object.metadata : undefined, spec: isRecord(object.spec) ? object.spec : {} }];
  }
  if (kind === "PodTemplate" && group === "") {
    const found = template(object, ["template"], ["template"]);
    return found ? [found] : [];
  }
  if (kind === "CronJob" && group === "batch") {
    const found = template(object, ["spec", "jobTemplate", "spec", "template"], ["spec", "jobTemplate", "spec", "template"]);
    return found ? [found] : [];
  }
  if (kind && TEMPLATE_KINDS[kind]?.includes(group)) {
    const found = template(object, ["spec", "template"], ["spec", "template"]);
    return found ? [found] : [];
  }
  return [];
}

export type ContainerList = "containers" | "initContainers" | "ephemeralContainers";

export interface ContainerRef {
  list: ContainerList;
  index: number;
  path: PathSegment[];
  container: JsonRecord;
}

/** Every container of a pod spec, regular ones first, then init and ephemeral containers. */
export function containersOf(template: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of ["containers", "initContainers", "ephemeralContainers"] as const) {
    arrayOf(template.spec[list]).forEach((container, index) => {
      if (isRecord(container)) out.push({ list, index, path: [...template.specPath, list, index], container });
    });
  }
  return out;
}

/** The template's labels as a string map (non-string values are left out). */
export function templateLabels(template: PodTemplate): Record<string, string> | undefined {
  const labels = template.metadata?.labels;
  if (!isRecord(labels)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (typeof value === "string") out[key] = value;
  return out;
}
