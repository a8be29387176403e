// The inline volumes VolumeRestrictions checks for disk conflicts (GCE PD, AWS
// EBS, iSCSI, Ceph RBD), read once per pod, and the rule that says when two
// mounts of the same disk conflict (volumerestrictions.isVolumeConflict).
import { arrayOf, isRecord, recordOf, textOf } from "../util/object-access.js";

export type DiskVolume =
  | { source: "gcePersistentDisk"; pdName: string; readOnly: boolean }
  | { source: "awsElasticBlockStore"; volumeID: string }
  | { source: "iscsi"; iqn: string; readOnly: boolean }
  | { source: "rbd"; monitors: string[]; pool: string; image: string; readOnly: boolean };

/** One entry per conflict-checked source of each volume of the pod spec. */
export function diskVolumesOf(spec: Record<string, unknown>): DiskVolume[] {
  const out: DiskVolume[] = [];
  for (const item of arrayOf(spec.volumes)) {
    const volume = recordOf(item);
    if (isRecord(volume.gcePersistentDisk)) {
      const gce = volume.gcePersistentDisk;
      out.push({ source: "gcePersistentDisk", pdName: textOf(gce.pdName), readOnly: gce.readOnly === true });
    }
    if (isRecord(volume.awsElasticBlockStore)) {
      out.push({ source: "awsElasticBlockStore", volumeID: textOf(volume.awsElasticBlockStore.volumeID) });
    }
    if (isRecord(volume.iscsi)) {
      out.push({ source: "iscsi", iqn: textOf(volume.iscsi.iqn), readOnly: volume.iscsi.readOnly === true });
    }
    if (isRecord(volume.rbd)) {
      const rbd = volume.rbd;
      out.push({
        source: "rbd",
        monitors: arrayOf(rbd.monitors).filter((m): m is string => typeof m === "string"),
        // API defaulting sets the pool to "rbd" (SetDefaults_RBDVolumeSource).
        pool: textOf(rbd.pool) || "rbd",
        image: textOf(rbd.image),
        readOnly: rbd.readOnly === true,
      });
    }
  }
  return out;
}

function haveOverlap(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return b.some((item) => set.has(item));
}

/**
 * The same GCE disk, iSCSI IQN or RBD image conflicts unless both mounts are
 * read-only; the same EBS volume always conflicts.
 */
export function disksConflict(wanted: DiskVolume, existing: DiskVolume): boolean {
  switch (wanted.source) {
    case "gcePersistentDisk":
      return existing.source === wanted.source && existing.pdName === wanted.pdName && !(wanted.readOnly && existing.readOnly);
    case "awsElasticBlockStore":
      return existing.source === wanted.source && existing.volumeID === wanted.volumeID;
    case "iscsi":
      return existing.source === wanted.source && existing.iqn === wanted.iqn && !(wanted.readOnly && existing.readOnly);
    case "rbd":
      return (
        existing.source === wanted.source &&
        haveOverlap(wanted.monitors, existing.monitors) &&
        existing.pool === wanted.pool &&
        existing.image === wanted.image &&
        !(wanted.readOnly && existing.readOnly)
      );
  }
}
