// What the PersistentVolume controller does with the volume of a deleted
// claim (pkg/controller/volume/persistentvolume/pv_controller.go:
// reclaimVolume), by its persistentVolumeReclaimPolicy (Retain when unset,
// the API's default): Retain leaves it Released with its data, bound to no
// new claim until an administrator clears its claimRef; Delete deletes it and
// the storage behind it; Recycle (deprecated) scrubs it and makes it Available.
import type { KubeObject } from "../../types.js";
import { dig, nameOf, stringOf } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";

/** The volume bound to the claim: named by its volumeName, its claimRef naming the claim back. */
function boundVolume(cluster: WorkingCluster, claim: KubeObject): KubeObject | undefined {
  const volume = cluster.get("", "PersistentVolume", "", stringOf(dig(claim, "spec", "volumeName")) ?? "");
  if (!volume) return undefined;
  const ref = dig(volume, "spec", "claimRef");
  const sameClaim = stringOf(dig(ref, "name")) === nameOf(claim) && stringOf(dig(ref, "namespace")) === cluster.namespaceOf(claim);
  const uid = stringOf(dig(ref, "uid"));
  return sameClaim && (uid === undefined || claim.metadata?.uid === undefined || uid === claim.metadata.uid) ? volume : undefined;
}

/** reclaimVolume for the volumes of the deleted claims: the volumes deleted, and what happens to each. */
export function reclaimVolumes(cluster: WorkingCluster, claims: readonly KubeObject[], command: number): { deleted: KubeObject[]; notes: string[] } {
  const deleted: KubeObject[] = [];
  const notes: string[] = [];
  for (const claim of claims) {
    const volume = boundVolume(cluster, claim);
    if (!volume) continue;
    const capacity = stringOf(dig(volume, "spec", "capacity", "storage"));
    const what = `PersistentVolume ${nameOf(volume)}${capacity ? ` (${capacity})` : ""}`;
    const claimPath = `${cluster.namespaceOf(claim)}/${nameOf(claim)}`;
    const policy = stringOf(dig(volume, "spec", "persistentVolumeReclaimPolicy")) ?? "Retain";
    if (policy === "Delete") {
      cluster.delete(volume, { command, reason: `deleted by the PersistentVolume controller: its claim ${claimPath} is deleted (persistentVolumeReclaimPolicy: Delete)` });
      deleted.push(volume);
      notes.push(`warning: ${what} is deleted with its claim ${claimPath} (persistentVolumeReclaimPolicy: Delete): the volume and the data on it are destroyed`);
    } else if (policy === "Recycle") {
      notes.push(`warning: ${what} is recycled with its claim ${claimPath} gone (persistentVolumeReclaimPolicy: Recycle, deprecated): the data on it is scrubbed and the volume becomes Available`);
    } else {
      notes.push(`${what} becomes Released with its claim ${claimPath} gone (persistentVolumeReclaimPolicy: ${policy}): its data is kept, and no claim binds to it until its claimRef is cleared`);
    }
  }
  return { deleted, notes };
}
