import { describe, expect, it } from "vitest";
import { ClusterState } from "../../src/scheduler/cluster-state.js";
import { newNodeInfo, type NodeInfo } from "../../src/scheduler/node-info.js";
import { newPodInfo } from "../../src/scheduler/pod-info.js";
import { node, podObject } from "./builders.js";

const zone = "topology.kubernetes.io/zone";
const podOptions = { podLevelResources: true, priorityOf: () => 0 };

/** Six nodes: a1, a2 in zone a, b1, b2 in zone b, c1 in zone c, x1 without a zone. */
function cluster(): ClusterState {
  const names = ["a1", "a2", "b1", "b2", "c1", "x1"];
  const nodes = names.map((name, index) => newNodeInfo(node(name, name.startsWith("x") ? {} : { zone: name[0]! }), index));
  return new ClusterState(nodes, new Map());
}

/** The counts per zone worked out node by node, over the nodes a mask selects. */
function countedNodeByNode(placed: NodeInfo[], mask: Uint8Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of placed) {
    const value = n.labels[zone];
    if (value !== undefined && mask[n.index]) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

describe("pod sets: pods per topology domain", () => {
  // Where the pods go, before and after the counts are first asked for (they are kept up to date from then on).
  const cases: [string, string[], string[], number[]][] = [
    ["every node", ["a1", "b1"], ["a2", "x1", "c1"], [1, 1, 1, 1, 1, 1]],
    ["zones a and b only", ["a1", "c1", "x1"], ["b2", "b2", "c1"], [1, 1, 1, 1, 0, 0]],
    ["one node of zone a", ["a1", "a2"], ["a2", "b1"], [0, 1, 0, 0, 0, 0]],
    ["no node", ["a1"], ["b1"], [0, 0, 0, 0, 0, 0]],
  ];
  it.each(cases)("within %s, as counting node by node", (_name, before, after, selected) => {
    const state = cluster();
    const mask = Uint8Array.from(selected);
    const placed: NodeInfo[] = [];
    const place = (name: string, i: number) => {
      const target = state.nodeByName.get(name)!;
      state.addPod(newPodInfo(podObject(`web-${name}-${i}`, { labels: { app: "web" } }), podOptions), target);
      placed.push(target);
    };
    before.forEach(place);
    const [set] = state.matchingSets("all", { everything: false, nothing: false, requirements: [], anchor: undefined, matches: (labels) => labels.app === "web" });
    expect(Object.fromEntries(set!.countsWithin(zone, "mask", mask))).toEqual(Object.fromEntries(countedNodeByNode(placed, mask)));
    after.forEach((name, i) => place(name, before.length + i));
    expect(Object.fromEntries(set!.countsWithin(zone, "mask", mask))).toEqual(Object.fromEntries(countedNodeByNode(placed, mask)));
    expect(Object.fromEntries(set!.countsBy(zone))).toEqual(Object.fromEntries(countedNodeByNode(placed, new Uint8Array(6).fill(1))));
  });
});

describe("pods whose terms score an incoming pod", () => {
  const preferred = (selector: Record<string, unknown>) => ({
    affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: { topologyKey: zone, labelSelector: selector } }] } },
  });
  const cases: [string, Record<string, unknown>, Record<string, string>, boolean][] = [
    ["a matchLabels term, a pod with that label", { matchLabels: { app: "web" } }, { app: "web" }, true],
    ["a matchLabels term, a pod without it", { matchLabels: { app: "web" } }, { app: "db" }, false],
    ["an In term, a pod with one of its values", { matchExpressions: [{ key: "tier", operator: "In", values: ["a", "b"] }] }, { tier: "b" }, true],
    ["a NotIn term (no label pair to index by), any pod", { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["a"] }] }, { app: "db" }, true],
    ["an empty selector (every pod), any pod", {}, { app: "db" }, true],
  ];
  it.each(cases)("%s: a candidate %s", (_name, selector, labels, candidate) => {
    const state = cluster();
    state.addPod(newPodInfo(podObject("existing", { labels: { app: "other" }, spec: preferred(selector) }), podOptions), state.nodeByName.get("a1")!);
    expect(state.scoringCandidates(labels).size).toBe(candidate ? 1 : 0);
  });
});
