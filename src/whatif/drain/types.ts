// What a drain does to each pod of the node, as the plan reports it.

/**
 * - `evicted`: the eviction API let it go (in `round`: 1 at once, later ones
 *   once the replacements of earlier evictions are ready);
 * - `deleted`: deleted without the eviction API (`--disable-eviction`, or a
 *   pod the API deletes without checking budgets);
 * - `ignored`: left on the node (DaemonSet pods with `--ignore-daemonsets`);
 * - `skipped`: left without a word (mirror pods of static pods);
 * - `blocked`: kubectl refuses to drain because of it (no `--force`, ...);
 * - `refused`: the eviction API refuses it for good: the drain does not finish.
 */
export type EvictionVerdict = "evicted" | "deleted" | "ignored" | "skipped" | "blocked" | "refused";

export interface EvictionEntry {
  namespace: string;
  name: string;
  node: string;
  /** `ReplicaSet/web-5d9c`; null for a pod without a controller. */
  owner: string | null;
  verdict: EvictionVerdict;
  /** kubectl's or the eviction API's words. */
  message?: string;
  /** The PodDisruptionBudget the eviction API checked. */
  disruptionBudget?: string;
  round?: number;
  /** emptyDir volumes whose data goes with the pod. */
  lostData?: string[];
}
