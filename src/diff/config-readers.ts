// A ConfigMap or Secret change restarts nothing: the workloads that read it
// see environment values only when their pods restart, and mounted files
// after the kubelet's next sync (never through a subPath mount).
import type { KubeObject } from "../types.js";
import { arrayAt, isRecord, objectAt, stringAt, type JsonRecord } from "../util/object-access.js";

export type ReadVia = "env" | "volume" | "volume subPath" | "image pull";

export interface ConfigReader {
  kind: string;
  namespace: string;
  name: string;
  via: ReadVia[];
}

/** Where each workload kind keeps its pod spec. */
export function podSpecOf(object: KubeObject): JsonRecord | undefined {
  switch (object.kind) {
    case "Pod":
      return objectAt(object, "spec");
    case "CronJob":
      return objectAt(objectAt(objectAt(objectAt(object.spec, "jobTemplate"), "spec"), "template"), "spec");
    case "Deployment":
    case "StatefulSet":
    case "DaemonSet":
    case "ReplicaSet":
    case "ReplicationController":
    case "Job":
    case "PodTemplate":
      return objectAt(objectAt(object.kind === "PodTemplate" ? object : object.spec, "template"), "spec");
    default:
      return undefined;
  }
}

function containersOf(spec: JsonRecord): JsonRecord[] {
  return [...(arrayAt(spec, "initContainers") ?? []), ...(arrayAt(spec, "containers") ?? [])].filter(isRecord);
}

function readsFromEnv(spec: JsonRecord, kind: "ConfigMap" | "Secret", name: string): boolean {
  const fromRef = kind === "ConfigMap" ? "configMapRef" : "secretRef";
  const keyRef = kind === "ConfigMap" ? "configMapKeyRef" : "secretKeyRef";
  return containersOf(spec).some(
    (container) =>
      (arrayAt(container, "envFrom") ?? []).some((source) => stringAt(objectAt(source, fromRef), "name") === name) ||
      (arrayAt(container, "env") ?? []).some((env) => stringAt(objectAt(objectAt(env, "valueFrom"), keyRef), "name") === name),
  );
}

/** Names of the pod's volumes that project this ConfigMap or Secret. */
function volumesReading(spec: JsonRecord, kind: "ConfigMap" | "Secret", name: string): string[] {
  const direct = (volume: unknown): boolean =>
    kind === "ConfigMap" ? stringAt(objectAt(volume, "configMap"), "name") === name : stringAt(objectAt(volume, "secret"), "secretName") === name;
  const projected = (volume: unknown): boolean =>
    (arrayAt(objectAt(volume, "projected"), "sources") ?? []).some(
      (source) => stringAt(objectAt(source, kind === "ConfigMap" ? "configMap" : "secret"), "name") === name,
    );
  return (arrayAt(spec, "volumes") ?? [])
    .filter((volume) => direct(volume) || projected(volume))
    .map((volume) => stringAt(volume, "name") ?? "");
}

function mountsWithSubPath(spec: JsonRecord, volumes: readonly string[]): boolean {
  return containersOf(spec).some((container) =>
    (arrayAt(container, "volumeMounts") ?? []).some(
      (mount) => volumes.includes(stringAt(mount, "name") ?? "") && (stringAt(mount, "subPath") ?? stringAt(mount, "subPathExpr")) !== undefined,
    ),
  );
}

/** How a pod spec reads the ConfigMap or Secret `name`. */
export function readsVia(spec: JsonRecord, kind: "ConfigMap" | "Secret", name: string): ReadVia[] {
  const via: ReadVia[] = [];
  if (readsFromEnv(spec, kind, name)) via.push("env");
  const volumes = volumesReading(spec, kind, name);
  if (volumes.length > 0) via.push(mountsWithSubPath(spec, volumes) ? "volume subPath" : "volume");
  if (kind === "Secret" && (arrayAt(spec, "imagePullSecrets") ?? []).some((ref) => stringAt(ref, "name") === name)) via.push("image pull");
  return via;
}

/** The workloads (in `namespace`) whose pods read this ConfigMap or Secret. */
export function configReaders(
  kind: "ConfigMap" | "Secret",
  namespace: string,
  name: string,
  workloads: ReadonlyArray<{ object: KubeObject; namespace: string }>,
): ConfigReader[] {
  const readers: ConfigReader[] = [];
  for (const { object, namespace: workloadNamespace } of workloads) {
    if (workloadNamespace !== namespace) continue;
    const spec = podSpecOf(object);
    if (!spec) continue;
    const via = readsVia(spec, kind, name);
    if (via.length > 0) readers.push({ kind: object.kind ?? "", namespace, name: object.metadata?.name ?? "", via });
  }
  return readers;
}

/** The note a reviewer reads under a ConfigMap or Secret change. */
export function configChangeNote(kind: "ConfigMap" | "Secret", readers: readonly ConfigReader[], restartedInPlan: ReadonlySet<string>): string {
  if (readers.length === 0) return `${kind} change restarts nothing; no workload in the manifests or the snapshot reads it`;
  const list = readers
    .map((reader) => {
      const restarts = restartedInPlan.has(`${reader.kind}|${reader.namespace}|${reader.name}`) ? ", restarts in this plan" : "";
      return `${reader.kind} ${reader.name} (${reader.via.join(", ")}${restarts})`;
    })
    .join(", ");
  const waiting = readers.filter((r) => !restartedInPlan.has(`${r.kind}|${r.namespace}|${r.name}`));
  if (waiting.length === 0) return `${kind} change restarts nothing by itself; read by ${list}`;
  const consequences: string[] = [];
  if (waiting.some((r) => r.via.includes("env") || r.via.includes("volume subPath"))) consequences.push("environment variables and subPath mounts keep the old values until the pods restart");
  if (waiting.some((r) => r.via.includes("volume"))) consequences.push("mounted files update at the kubelet's next sync (about a minute)");
  if (waiting.some((r) => r.via.includes("image pull"))) consequences.push("image pull credentials apply to the next pulls");
  return `${kind} change restarts nothing; read by ${list}: ${consequences.join("; ")}`;
}

/** The note under a pruned ConfigMap or Secret that workloads still read. */
export function configDeleteNote(kind: "ConfigMap" | "Secret", readers: readonly ConfigReader[]): string {
  const list = readers.map((reader) => `${reader.kind} ${reader.name} (${reader.via.join(", ")})`).join(", ");
  return (
    `still read by ${list}: pods started after the deletion fail ` +
    `(CreateContainerConfigError for env, FailedMount for volumes) unless the reference is optional`
  );
}
