// Small builders for scheduler tests: nodes, pods and planned pods as plain v1 objects.
import type { KubeObject, PlannedPod } from "../../src/types.js";
import { schedule } from "../../src/scheduler/index.js";
import type { ScheduleResult, SchedulerInput } from "../../src/scheduler/index.js";

export interface NodeOptions {
  zone?: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Record<string, unknown>[];
  unschedulable?: boolean;
  allocatable?: Record<string, string>;
  images?: { names: string[]; sizeBytes: number }[];
}

export function node(name: string, o: NodeOptions = {}): KubeObject {
  const labels: Record<string, string> = { "kubernetes.io/hostname": name, ...(o.labels ?? {}) };
  if (o.zone) labels["topology.kubernetes.io/zone"] = o.zone;
  const spec: Record<string, unknown> = {};
  if (o.taints) spec.taints = o.taints;
  if (o.unschedulable) spec.unschedulable = true;
  const status: Record<string, unknown> = {
    allocatable: { cpu: o.cpu ?? "4", memory: o.memory ?? "8Gi", pods: o.pods ?? "110", ...(o.allocatable ?? {}) },
  };
  if (o.images) status.images = o.images;
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels }, spec, status };
}

export interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  spec?: Record<string, unknown>;
  nodeName?: string;
  priority?: number;
  image?: string;
}

export function podObject(name: string, o: PodOptions = {}): KubeObject {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const spec: Record<string, unknown> = {
    containers: [{ name: "app", image: o.image ?? "nginx:1.27", resources: Object.keys(requests).length ? { requests } : {} }],
    ...(o.spec ?? {}),
  };
  if (o.nodeName) spec.nodeName = o.nodeName;
  if (o.priority !== undefined) spec.priority = o.priority;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.namespace ?? "default", labels: o.labels ?? { app: name } },
    spec,
  };
}

export function planned(name: string, o: PodOptions = {}, owner?: string): PlannedPod {
  return {
    pod: podObject(name, o),
    owner: owner ? { apiVersion: "apps/v1", kind: "Deployment", namespace: o.namespace ?? "default", name: owner } : null,
  };
}

/** A pod of the snapshot already bound to a node. */
export function running(name: string, nodeName: string, o: PodOptions = {}): KubeObject {
  return podObject(name, { ...o, nodeName });
}

export function run(partial: Partial<SchedulerInput> & { pods: PlannedPod[]; nodes: KubeObject[] }): ScheduleResult {
  return schedule({ runningPods: [], namespaces: [], kubernetesVersion: "1.34", ...partial });
}

/** The FailedScheduling message without the PostFilter (preemption) part. */
export function fitError(reason: string | undefined): string {
  if (reason === undefined) return "";
  const end = reason.indexOf(". ");
  return end === -1 ? reason : reason.slice(0, end + 1);
}

export function nodesOf(result: ScheduleResult): (string | null)[] {
  return result.pods.map((p) => p.node);
}

export interface ClaimOptions {
  namespace?: string;
  accessModes?: string[];
  volumeName?: string;
}

/** A v1 PersistentVolumeClaim (ReadWriteOnce unless told). */
export function claim(name: string, o: ClaimOptions = {}): KubeObject {
  const spec: Record<string, unknown> = { accessModes: o.accessModes ?? ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } };
  if (o.volumeName) spec.volumeName = o.volumeName;
  return { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name, namespace: o.namespace ?? "default" }, spec };
}

/** A v1 PersistentVolume with the given labels (zone and region labels are what VolumeZone reads). */
export function persistentVolume(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, labels },
    spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], csi: { driver: "pd.csi.storage.gke.io", volumeHandle: name } },
  };
}

/** Pod spec volumes mounting the claims. */
export function claimVolumes(...claims: string[]): Record<string, unknown>[] {
  return claims.map((c, i) => ({ name: `vol${i}`, persistentVolumeClaim: { claimName: c } }));
}
