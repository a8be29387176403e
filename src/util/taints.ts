// Taints and tolerations with the semantics of k8s.io/api/core/v1
// (Toleration.ToleratesTaint, FindMatchingUntoleratedTaint).

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

/** Empty effect matches every effect; empty key with Exists matches every key; empty operator means Equal. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration === null || typeof toleration !== "object") return false;
  if (text(toleration.effect) !== "" && text(toleration.effect) !== text(taint.effect)) return false;
  if (text(toleration.key) !== "" && text(toleration.key) !== text(taint.key)) return false;
  switch (text(toleration.operator)) {
    case "":
    case "Equal":
      return text(toleration.value) === text(taint.value);
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function isTaintTolerated(taint: Taint, tolerations: readonly Toleration[]): boolean {
  return tolerations.some((toleration) => toleratesTaint(toleration, taint));
}

/** The first taint (in node order) that passes `include` and no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  include: (taint: Taint) => boolean = () => true,
): Taint | undefined {
  return taints.find((taint) => taint && typeof taint === "object" && include(taint) && !isTaintTolerated(taint, tolerations));
}
