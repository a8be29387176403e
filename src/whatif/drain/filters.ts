// kubectl drain's pod filters (k8s.io/kubectl/pkg/drain/filters.go), in
// their order: pods being deleted for long, DaemonSet pods, mirror pods,
// pods with emptyDir, pods without a controller. Each says whether the pod
// is deleted, and with which warning or error.
import type { KubeObject } from "../../types.js";
import { dig, recordsOf, stringOf } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";
import { controllerRefOf } from "../controller/owner.js";

export const DAEMON_SET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
export const DAEMON_SET_WARNING = "ignoring DaemonSet-managed Pods";
export const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
export const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
export const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
export const UNMANAGED_WARNING = "deleting Pods that declare no controller";

export interface PodDeleteStatus {
  delete: boolean;
  reason: "Okay" | "Skip" | "Warning" | "Error";
  message?: string;
}

export interface DrainOptions {
  force: boolean;
  ignoreAllDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout (seconds; 0: never skip). */
  skipWaitForDeleteTimeoutSeconds: number;
  now: Date;
}

const OKAY: PodDeleteStatus = { delete: true, reason: "Okay" };

function isFinished(pod: KubeObject): boolean {
  const phase = dig(pod, "status", "phase");
  return phase === "Succeeded" || phase === "Failed";
}

/** hasLocalStorage: an emptyDir volume. */
export function emptyDirVolumes(pod: KubeObject): string[] {
  return recordsOf(dig(pod, "spec", "volumes")).filter((v) => v.emptyDir !== undefined).map((v) => stringOf(v.name) ?? "");
}

type PodFilter = (pod: KubeObject) => PodDeleteStatus;

export function makeFilters(cluster: WorkingCluster, options: DrainOptions): PodFilter[] {
  const skipDeletedFilter: PodFilter = (pod) => {
    const deletion = stringOf(pod.metadata?.deletionTimestamp);
    if (options.skipWaitForDeleteTimeoutSeconds <= 0 || !deletion) return OKAY;
    const seconds = Math.floor((options.now.getTime() - Date.parse(deletion)) / 1000);
    return seconds > options.skipWaitForDeleteTimeoutSeconds ? { delete: false, reason: "Skip" } : OKAY;
  };
  const daemonSetFilter: PodFilter = (pod) => {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== "DaemonSet" || isFinished(pod)) return OKAY;
    const name = stringOf(ref.name) ?? "";
    if (!cluster.get("apps", "DaemonSet", cluster.namespaceOf(pod), name)) {
      const message = `daemonsets.apps "${name}" not found`;
      return options.force ? { delete: true, reason: "Warning", message } : { delete: false, reason: "Error", message };
    }
    if (!options.ignoreAllDaemonSets) return { delete: false, reason: "Error", message: DAEMON_SET_FATAL };
    return { delete: false, reason: "Warning", message: DAEMON_SET_WARNING };
  };
  const mirrorPodFilter: PodFilter = (pod) => (pod.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined ? { delete: false, reason: "Skip" } : OKAY);
  const localStorageFilter: PodFilter = (pod) => {
    if (emptyDirVolumes(pod).length === 0 || isFinished(pod)) return OKAY;
    if (!options.deleteEmptyDirData) return { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
    return { delete: true, reason: "Warning", message: LOCAL_STORAGE_WARNING };
  };
  const unreplicatedFilter: PodFilter = (pod) => {
    if (isFinished(pod) || controllerRefOf(pod)) return OKAY;
    if (options.force) return { delete: true, reason: "Warning", message: UNMANAGED_WARNING };
    return { delete: false, reason: "Error", message: UNMANAGED_FATAL };
  };
  return [skipDeletedFilter, daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];
}

/** filterPods: each filter in turn until one says the pod stays. */
export function filterPod(pod: KubeObject, filters: readonly PodFilter[]): PodDeleteStatus {
  let status = OKAY;
  for (const filter of filters) {
    status = filter(pod);
    if (!status.delete) break;
  }
  return status;
}

/** `message: ns/a, ns/b` per message, in the order first met (PodDeleteList.Warnings and errors). */
export function groupByMessage(entries: ReadonlyArray<{ pod: KubeObject; status: PodDeleteStatus }>, reason: "Warning" | "Error"): Array<[string, string[]]> {
  const groups = new Map<string, string[]>();
  for (const { pod, status } of entries) {
    if (status.reason !== reason) continue;
    const message = status.message || "unexpected error";
    groups.set(message, [...(groups.get(message) ?? []), `${stringOf(pod.metadata?.namespace) ?? ""}/${stringOf(pod.metadata?.name) ?? ""}`]);
  }
  return [...groups];
}
