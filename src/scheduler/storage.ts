// The scheduler's listers for PersistentVolumeClaims and PersistentVolumes:
// what the volume plugins look claims and volumes up in.
import type { KubeObject } from "../types.js";
import { metadataOf } from "./objects.js";
import { textOf } from "../util/object-access.js";

export class StorageObjects {
  private readonly claims = new Map<string, KubeObject>();
  private readonly volumes = new Map<string, KubeObject>();
  /** Whether claims (volumes) were given at all: without them, lookups cannot say "not found". */
  readonly knowsClaims: boolean;
  readonly knowsVolumes: boolean;

  constructor(claims?: readonly KubeObject[], volumes?: readonly KubeObject[]) {
    this.knowsClaims = claims !== undefined;
    this.knowsVolumes = volumes !== undefined;
    // Later objects win: an input replaces the snapshot's copy of the same claim.
    for (const claim of claims ?? []) {
      const metadata = metadataOf(claim);
      const name = textOf(metadata.name);
      if (name) this.claims.set(claimKey(textOf(metadata.namespace) || "default", name), claim);
    }
    for (const volume of volumes ?? []) {
      const name = textOf(metadataOf(volume).name);
      if (name) this.volumes.set(name, volume);
    }
  }

  claim(namespace: string, name: string): KubeObject | undefined {
    return this.claims.get(claimKey(namespace, name));
  }

  volume(name: string): KubeObject | undefined {
    return this.volumes.get(name);
  }
}

/** namespace/name, as framework.GetNamespacedName keys claims. */
export function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
