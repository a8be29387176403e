// The current state of the cluster, as `kubectl get ... -A -o yaml` prints it:
// the objects admission and scheduling need, indexed for lookups.
import { expandPaths, inputErrorFinding, parseManifests, readInput, type ReadOptions } from "../load/index.js";
import type { Finding, KubeObject } from "../types.js";
import { isRecord, nameOf, stringOf } from "../util/object-access.js";
import { appendAll } from "../util/append.js";

/** Kinds whose objects are controllers that own pods. */
export const WORKLOAD_KINDS = [
  "Deployment",
  "ReplicaSet",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicationController",
] as const;

/** Namespaces the API server creates itself: they exist in every cluster. */
export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"] as const;

export interface ClusterSnapshot {
  /** True when the snapshot was read from files: it then speaks for the cluster. */
  readonly present: boolean;
  /** Every object of the snapshot, in the order read (duplicates resolved to the last one). */
  readonly objects: readonly KubeObject[];
  readonly nodes: readonly KubeObject[];
  readonly namespaces: readonly KubeObject[];
  readonly pods: readonly KubeObject[];
  readonly resourceQuotas: readonly KubeObject[];
  readonly limitRanges: readonly KubeObject[];
  readonly serviceAccounts: readonly KubeObject[];
  readonly pvcs: readonly KubeObject[];
  readonly pvs: readonly KubeObject[];
  readonly storageClasses: readonly KubeObject[];
  readonly priorityClasses: readonly KubeObject[];
  /** Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers. */
  readonly workloads: readonly KubeObject[];
  readonly services: readonly KubeObject[];
  readonly configMaps: readonly KubeObject[];
  readonly secrets: readonly KubeObject[];
  /**
   * Whether the namespace list can be trusted to be complete: a snapshot without
   * any Namespace object (e.g. only nodes) says nothing about which exist.
   */
  readonly knowsNamespaces: boolean;
  /** The object of this kind and name ("" namespace for cluster-scoped kinds). */
  get(kind: string, namespace: string, name: string): KubeObject | undefined;
  /** Objects of a kind, in one namespace or (without it) everywhere. */
  list(kind: string, namespace?: string): readonly KubeObject[];
  /** Whether the namespace exists in the cluster (system namespaces always do). */
  hasNamespace(name: string): boolean;
}

const NAMESPACED_LOOKUP_SKIP = new Set(["Node", "Namespace", "PersistentVolume", "StorageClass", "PriorityClass"]);

function namespaceOf(object: KubeObject): string {
  if (NAMESPACED_LOOKUP_SKIP.has(object.kind ?? "")) return "";
  return stringOf(object.metadata?.namespace) || "default";
}

class SnapshotIndex implements ClusterSnapshot {
  readonly objects: KubeObject[];
  private readonly byKey = new Map<string, Map<string, KubeObject>>();
  private readonly byNamespace = new Map<string, Map<string, KubeObject[]>>();
  private readonly byKindList = new Map<string, KubeObject[]>();

  constructor(objects: readonly KubeObject[], readonly present: boolean) {
    for (const object of objects) if (isRecord(object)) this.add(object);
    for (const [kind, map] of this.byKey) this.byKindList.set(kind, [...map.values()]);
    this.objects = [...this.byKindList.values()].flat();
  }

  /** A kind's objects by namespace, grouped when first asked for: most kinds of a big snapshot never are. */
  private namespacesOf(kind: string): Map<string, KubeObject[]> {
    let namespaces = this.byNamespace.get(kind);
    if (!namespaces) {
      namespaces = new Map();
      for (const object of this.byKindList.get(kind) ?? []) {
        const ns = namespaceOf(object);
        const bucket = namespaces.get(ns);
        if (bucket) bucket.push(object);
        else namespaces.set(ns, [object]);
      }
      this.byNamespace.set(kind, namespaces);
    }
    return namespaces;
  }

  private add(object: KubeObject): void {
    const kind = typeof object.kind === "string" ? object.kind : "";
    let map = this.byKey.get(kind);
    if (!map) this.byKey.set(kind, (map = new Map()));
    map.set(`${namespaceOf(object)}/${nameOf(object)}`, object);
  }

  get(kind: string, namespace: string, name: string): KubeObject | undefined {
    const ns = NAMESPACED_LOOKUP_SKIP.has(kind) ? "" : namespace;
    return this.byKey.get(kind)?.get(`${ns}/${name}`);
  }

  list(kind: string, namespace?: string): readonly KubeObject[] {
    if (namespace === undefined) return this.byKindList.get(kind) ?? [];
    return this.namespacesOf(kind).get(namespace) ?? [];
  }

  get nodes() { return this.list("Node"); }
  get namespaces() { return this.list("Namespace"); }
  get pods() { return this.list("Pod"); }
  get resourceQuotas() { return this.list("ResourceQuota"); }
  get limitRanges() { return this.list("LimitRange"); }
  get serviceAccounts() { return this.list("ServiceAccount"); }
  get pvcs() { return this.list("PersistentVolumeClaim"); }
  get pvs() { return this.list("PersistentVolume"); }
  get storageClasses() { return this.list("StorageClass"); }
  get priorityClasses() { return this.list("PriorityClass"); }
  get workloads() { return WORKLOAD_KINDS.flatMap((kind) => this.list(kind)); }
  get services() { return this.list("Service"); }
  get configMaps() { return this.list("ConfigMap"); }
  get secrets() { return this.list("Secret"); }

  get knowsNamespaces(): boolean {
    return this.present && this.list("Namespace").length > 0;
  }

  hasNamespace(name: string): boolean {
    return (SYSTEM_NAMESPACES as readonly string[]).includes(name) || this.get("Namespace", "", name) !== undefined;
  }
}

/** A snapshot of these objects (as if read from files). */
export function createSnapshot(objects: readonly KubeObject[], present = true): ClusterSnapshot {
  return new SnapshotIndex(objects, present);
}

/** The snapshot of a run without `--cluster`: nothing is known about the cluster. */
export function emptySnapshot(): ClusterSnapshot {
  return new SnapshotIndex([], false);
}

function snapshotFinding(file: string, line: number, column: number, path: string, message: string): Finding {
  return { severity: "warning", rule: "cluster/snapshot", message, file, line, column, path };
}

/**
 * The objects of a snapshot file in JSON (`kubectl get -o json`: a List, or
 * one object), read with JSON.parse: a big cluster's snapshot is tens of
 * megabytes, which the YAML reader takes seconds over. `undefined` when the
 * text is not JSON or an object in it needs a finding (the YAML reader then
 * reads the file and says where).
 */
function jsonSnapshotObjects(text: string): KubeObject[] | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const isList = typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
  const objects = isList ? (value.items as unknown[]) : [value];
  return objects.every(isNamedObject) ? (objects as KubeObject[]) : undefined;
}

function isNamedObject(value: unknown): boolean {
  return isRecord(value) && !!stringOf(value.apiVersion) && !!stringOf(value.kind) && isRecord(value.metadata) && !!stringOf(value.metadata.name);
}

/** The objects of a snapshot file read as manifests; those without a name are reported and skipped. */
function manifestSnapshotObjects(text: string, file: string, findings: Finding[]): KubeObject[] {
  const parsed = parseManifests(text, file);
  appendAll(findings, parsed.findings);
  const objects: KubeObject[] = [];
  for (const document of parsed.documents) {
    const object = document.object;
    if (!isRecord(object.metadata) || !stringOf(object.metadata.name)) {
      const at = document.locate("/metadata", { key: true });
      findings.push(
        snapshotFinding(document.file, at.line, at.column, document.pointerPrefix,
          `${object.kind ?? "object"} without metadata.name ignored in the cluster snapshot`),
      );
      continue;
    }
    objects.push(object);
  }
  return objects;
}

/**
 * Reads `--cluster` paths: `kubectl get -o yaml` Lists, multi-document YAML or
 * JSON. Server-set fields are kept; objects without a name are reported and skipped.
 */
export function loadClusterSnapshot(paths: string[], options: ReadOptions = {}): { snapshot: ClusterSnapshot; findings: Finding[] } {
  const { files, errors } = expandPaths(paths, options);
  const findings = errors.map(inputErrorFinding);
  const objects: KubeObject[] = [];
  for (const file of files) {
    const input = readInput(file, options);
    if ("message" in input) {
      findings.push(inputErrorFinding(input));
      continue;
    }
    const read = jsonSnapshotObjects(input.text) ?? manifestSnapshotObjects(input.text, input.file, findings);
    // One by one: a spread of a 100,000-object array would overflow the stack.
    for (const object of read) objects.push(object);
  }
  return { snapshot: createSnapshot(objects, true), findings };
}
