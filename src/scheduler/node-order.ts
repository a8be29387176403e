// The order in which kube-scheduler walks nodes, and how many feasible nodes it
// looks for before it stops filtering (percentageOfNodesToScore, adaptive by default).
import type { Labels } from "./label-selector.js";
import { compareStrings } from "../util/order.js";

const REGION_LABEL = "topology.kubernetes.io/region";
const LEGACY_REGION_LABEL = "failure-domain.beta.kubernetes.io/region";
const ZONE_LABEL = "topology.kubernetes.io/zone";
const LEGACY_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";

/** utilnode.GetZoneKey: region and zone, or "" for nodes with neither. */
function zoneKey(labels: Labels): string {
  const region = labels[REGION_LABEL] ?? labels[LEGACY_REGION_LABEL] ?? "";
  const zone = labels[ZONE_LABEL] ?? labels[LEGACY_ZONE_LABEL] ?? "";
  return region === "" && zone === "" ? "" : `${region}:\u0000:${zone}`;
}

/**
 * nodeTree.list(): one node from each zone in turn. Nodes are taken in name
 * order (the cluster adds them in informer order, which a snapshot does not
 * keep), so the order does not depend on the order of the inputs.
 */
export function nodeTreeOrder<T extends { name: string; labels: Labels }>(nodes: readonly T[]): T[] {
  const sorted = [...nodes].sort((a, b) => compareStrings(a.name, b.name));
  const zones = new Map<string, T[]>();
  for (const node of sorted) {
    const key = zoneKey(node.labels);
    const list = zones.get(key);
    if (list) list.push(node);
    else zones.set(key, [node]);
  }
  const lists = [...zones.values()];
  const out: T[] = [];
  for (let i = 0; out.length < sorted.length; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}

const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind with the default percentageOfNodesToScore (0: 50% - nodes/125, at least 5%). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
}
