// VolumeZone: a pod whose claim is bound to a PersistentVolume labelled with a
// zone or region only fits nodes with the same zone or region label. PreFilter
// collects the volumes' topology labels (claims not bound yet, such as
// WaitForFirstConsumer ones, are skipped); a node without any zone or region
// label fits (single-zone clusters).
import type { KubeObject } from "../../types.js";
import { unresolvable, type CycleContext, type FilterPlugin, type Status } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import { metadataOf, specOf } from "../objects.js";
import { stringMapOf, textOf } from "../../util/object-access.js";
import { appendAll } from "../../util/append.js";

export const ERR_REASON_CONFLICT = "node(s) had no available volume zone";

const NAME = "VolumeZone";

const BETA_ZONE = "failure-domain.beta.kubernetes.io/zone";
const BETA_REGION = "failure-domain.beta.kubernetes.io/region";
const ZONE = "topology.kubernetes.io/zone";
const REGION = "topology.kubernetes.io/region";
const TOPOLOGY_LABELS = [BETA_ZONE, BETA_REGION, ZONE, REGION];

/** A PersistentVolume's topology label and the zones (or regions) it lists. */
interface VolumeTopology {
  key: string;
  values: ReadonlySet<string>;
}

/** A beta label on the volume also matches the node's GA label (translateToGALabel). */
function gaLabel(key: string): string {
  if (key === BETA_REGION) return REGION;
  if (key === BETA_ZONE) return ZONE;
  return key;
}

/** volumehelpers.LabelZonesToSet: `__`-separated, trimmed; an empty item makes the label ignored. */
function zonesOf(value: string): Set<string> | undefined {
  const zones = new Set<string>();
  for (const item of value.split("__")) {
    const zone = item.trim();
    if (zone === "") return undefined;
    zones.add(zone);
  }
  return zones;
}

function topologiesOf(volume: KubeObject): VolumeTopology[] {
  const labels = stringMapOf(metadataOf(volume).labels);
  const out: VolumeTopology[] = [];
  for (const key of TOPOLOGY_LABELS) {
    const value = labels[key];
    if (value === undefined) continue;
    const values = zonesOf(value);
    if (values) out.push({ key, values });
  }
  return out;
}

const notFound = (resource: string, name: string): Status => unresolvable(NAME, `${resource} "${name}" not found`);

/**
 * The PersistentVolume a claim of the pod is bound to: from the admission
 * stage's note when there is one (it also knows the volume the PV controller
 * binds an Immediate claim to), else from the claim's spec.volumeName.
 * Undefined when the claim is not bound (nothing to check), a Status when it
 * cannot be resolved.
 */
function boundVolumeName(ctx: CycleContext, claimName: string): string | Status | undefined {
  const note = ctx.pod.volumes?.find((v) => v.claim === claimName);
  if (note) {
    if (note.status === "missing") return notFound("persistentvolumeclaim", claimName);
    // Unbound claims are VolumeBinding's concern; WaitForFirstConsumer and provisioned ones have no volume yet.
    if (note.status !== "bound" && note.status !== "binds-to") return undefined;
    return note.persistentVolume || undefined;
  }
  const storage = ctx.cluster.storage;
  if (!storage.knowsClaims) return undefined;
  const claim = storage.claim(ctx.pod.namespace, claimName);
  if (!claim) return notFound("persistentvolumeclaim", claimName);
  return textOf(specOf(claim).volumeName) || undefined;
}

/** getPVbyPod: the topology labels of every volume the pod's claims are bound to. */
function podVolumeTopologies(ctx: CycleContext): VolumeTopology[] | Status {
  const storage = ctx.cluster.storage;
  const out: VolumeTopology[] = [];
  for (const claimName of ctx.pod.claimNames) {
    if (claimName === "") return unresolvable(NAME, "PersistentVolumeClaim had no name");
    const volumeName = boundVolumeName(ctx, claimName);
    if (volumeName === undefined) continue;
    if (typeof volumeName !== "string") return volumeName;
    if (!storage.knowsVolumes) continue;
    const volume = storage.volume(volumeName);
    if (!volume) return notFound("persistentvolume", volumeName);
    appendAll(out, topologiesOf(volume));
  }
  return out;
}

function hasLabel(node: NodeInfo, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(node.labels, key);
}

export const VolumeZone: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const topologies = podVolumeTopologies(ctx);
    if (!Array.isArray(topologies)) return { status: topologies };
    if (topologies.length === 0) return { skip: true };
    ctx.state.set(NAME, topologies);
    return undefined;
  },
  filter(ctx, node) {
    // A node without zone or region labels fits: a single-zone cluster may not label its nodes.
    if (!TOPOLOGY_LABELS.some((key) => hasLabel(node, key))) return null;
    const topologies = ctx.state.get(NAME) as VolumeTopology[];
    for (const { key, values } of topologies) {
      const label = hasLabel(node, key) ? key : gaLabel(key);
      if (!hasLabel(node, label) || !values.has(node.labels[label]!)) return unresolvable(NAME, ERR_REASON_CONFLICT);
    }
    return null;
  },
};
