// How each PersistentVolumeClaim a pod mounts would bind: already bound, bound
// to a matching PersistentVolume, provisioned, or waiting for the pod to be
// scheduled (WaitForFirstConsumer) — notes for the plan and the scheduler.
import type { KubeObject } from "../types.js";
import { arrayOf, dig, isRecord, recordOf, recordsOf, stringMapOf, stringOf } from "../util/object-access.js";
import { parseQuantity } from "../util/quantity.js";
import { matchesLabelSelector } from "../util/selectors.js";
import { claimClassOf } from "./quota/evaluators.js";
import type { PlanState } from "./state.js";

export type VolumeStatus = "bound" | "binds-to" | "wait-for-first-consumer" | "provisioned" | "unbound" | "missing";

export interface VolumeNote {
  /** The pod's volume name. */
  volume: string;
  claim: string;
  status: VolumeStatus;
  persistentVolume?: string;
  storageClass?: string;
  /** spec.nodeAffinity of the bound (or matching) PersistentVolume: where the pod can run. */
  nodeAffinity?: unknown;
  message: string;
}

const NO_PROVISIONER = "kubernetes.io/no-provisioner";

function storageOf(value: unknown): bigint | undefined {
  return typeof value === "string" || typeof value === "number" ? parseQuantity(value)?.nanos : undefined;
}

function volumeModeOf(spec: unknown): string {
  return stringOf(recordOf(spec).volumeMode) ?? "Filesystem";
}

function claimRefMatches(pv: KubeObject, namespace: string, name: string): boolean | undefined {
  const ref = dig(pv, "spec", "claimRef");
  if (!isRecord(ref)) return undefined;
  return ref.namespace === namespace && ref.name === name;
}

/** pvutil.FindMatchingVolume, simplified: prebound first, else the smallest volume that fits. */
export function findMatchingVolume(claim: KubeObject, namespace: string, volumes: readonly KubeObject[]): KubeObject | undefined {
  const name = stringOf(claim.metadata?.name) ?? "";
  const requested = storageOf(dig(claim, "spec", "resources", "requests", "storage")) ?? 0n;
  const modes = arrayOf(dig(claim, "spec", "accessModes")).map(String);
  const className = claimClassOf(claim);
  const selector = dig(claim, "spec", "selector");
  let best: KubeObject | undefined;
  let bestSize = 0n;
  for (const pv of volumes) {
    const prebound = claimRefMatches(pv, namespace, name);
    if (prebound === false) continue;
    const phase = dig(pv, "status", "phase");
    if (prebound === undefined && phase !== undefined && phase !== "Available") continue;
    if ((stringOf(dig(pv, "spec", "storageClassName")) ?? "") !== className) continue;
    if (volumeModeOf(pv.spec) !== volumeModeOf(claim.spec)) continue;
    const pvModes = arrayOf(dig(pv, "spec", "accessModes")).map(String);
    if (!modes.every((mode) => pvModes.includes(mode))) continue;
    const size = storageOf(dig(pv, "spec", "capacity", "storage")) ?? 0n;
    if (size < requested) continue;
    if (isRecord(selector) && !matchesLabelSelector(selector, stringMapOf(pv.metadata?.labels))) continue;
    if (prebound) return pv;
    if (!best || size < bestSize) [best, bestSize] = [pv, size];
  }
  return best;
}

function note(volume: string, claim: string, status: VolumeStatus, message: string, extra: Partial<VolumeNote> = {}): VolumeNote {
  return { volume, claim, status, message, ...extra };
}

function pvNote(volume: string, claim: string, status: VolumeStatus, pv: KubeObject, message: string): VolumeNote {
  const extra: Partial<VolumeNote> = { persistentVolume: stringOf(pv.metadata?.name) ?? "" };
  const affinity = dig(pv, "spec", "nodeAffinity");
  if (affinity !== undefined) extra.nodeAffinity = affinity;
  return note(volume, claim, status, message, extra);
}

function claimNote(state: PlanState, namespace: string, volume: string, claimName: string): VolumeNote {
  const claim = state.claim(namespace, claimName);
  if (!claim) return note(volume, claimName, "missing", `persistentvolumeclaim "${claimName}" not found`);
  const className = claimClassOf(claim);
  const boundTo = stringOf(dig(claim, "spec", "volumeName"));
  if (boundTo) {
    const pv = state.volumes.find((v) => v.metadata?.name === boundTo);
    if (!pv) return note(volume, claimName, "unbound", `persistentvolume "${boundTo}" not found`, { persistentVolume: boundTo });
    return pvNote(volume, claimName, "bound", pv, `bound to PersistentVolume ${boundTo}`);
  }
  const storageClass = className ? state.storageClasses.get(className) : undefined;
  const match = findMatchingVolume(claim, namespace, state.volumes);
  const classInfo = className ? { storageClass: className } : {};
  if (storageClass && storageClass.volumeBindingMode === "WaitForFirstConsumer") {
    return note(volume, claimName, "wait-for-first-consumer",
      `storage class ${className} binds when the pod is scheduled (WaitForFirstConsumer)` +
        (match ? `; PersistentVolume ${match.metadata?.name} matches` : ""), classInfo);
  }
  if (match) return { ...pvNote(volume, claimName, "binds-to", match, `binds to PersistentVolume ${match.metadata?.name}`), ...classInfo };
  if (className && !storageClass && state.snapshot.present) {
    return note(volume, claimName, "unbound", `storageclass.storage.k8s.io "${className}" not found`, classInfo);
  }
  const provisioner = stringOf(storageClass?.provisioner);
  if (provisioner && provisioner !== NO_PROVISIONER) {
    return note(volume, claimName, "provisioned", `a volume is provisioned by ${provisioner} (storage class ${className})`, classInfo);
  }
  if (!className) return note(volume, claimName, "unbound", "no persistent volumes available for this claim and no storage class is set");
  if (!state.snapshot.present) return note(volume, claimName, "provisioned", `provisioned by storage class ${className}`, classInfo);
  return note(volume, claimName, "unbound", `no persistent volumes available for this claim (storage class ${className} does not provision)`, classInfo);
}

/** Notes for every claim the pod mounts (generic ephemeral volumes included). */
export function volumeNotes(state: PlanState, pod: KubeObject, namespace: string): VolumeNote[] {
  const podName = stringOf(pod.metadata?.name) ?? "";
  const notes: VolumeNote[] = [];
  for (const volume of recordsOf(dig(pod, "spec", "volumes"))) {
    const name = stringOf(volume.name) ?? "";
    const claimName = stringOf(dig(volume, "persistentVolumeClaim", "claimName"));
    if (claimName) notes.push(claimNote(state, namespace, name, claimName));
    else if (isRecord(volume.ephemeral)) {
      notes.push(note(name, `${podName}-${name}`, "provisioned", "generic ephemeral volume: its claim is created with the pod"));
    }
  }
  return notes;
}
