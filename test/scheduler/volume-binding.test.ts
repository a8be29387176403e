import { describe, expect, it } from "vitest";
import type { PodVolume } from "../../src/scheduler/index.js";
import { node, planned, run, running } from "./builders.js";

const zoneAffinity = (zone: string) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [zone] }] }] },
});
const nodes = () => [node("a", { zone: "z1" }), node("b", { zone: "z2" })];

describe("VolumeBinding", () => {
  const cases: [string, PodVolume[], string | null, string?][] = [
    ["no claims", [], "a"],
    ["a claim bound to a volume pinned to zone z2", [{ claim: "data", status: "bound", nodeAffinity: zoneAffinity("z2") }], "b"],
    ["a claim the PV controller binds to a pinned volume", [{ claim: "data", status: "binds-to", nodeAffinity: zoneAffinity("z2") }], "b"],
    ["a claim waiting for the first consumer", [{ claim: "data", status: "wait-for-first-consumer" }], "a"],
    [
      "a volume pinned to a zone without nodes",
      [{ claim: "data", status: "bound", nodeAffinity: zoneAffinity("z9") }],
      null,
      "0/2 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
    [
      "a missing claim (PreFilter)",
      [{ claim: "data", status: "missing" }],
      null,
      '0/2 nodes are available: persistentvolumeclaim "data" not found. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ],
    [
      "an unbound claim with Immediate binding (PreFilter)",
      [{ claim: "data", status: "unbound" }],
      null,
      "0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
  ];
  it.each(cases)("%s", (_name, volumes, expectedNode, reason) => {
    const result = run({ nodes: nodes(), pods: [planned("db-0")], podVolumes: [volumes] });
    expect(result.pods[0]!.node).toBe(expectedNode);
    expect(result.pods[0]!.reason).toBe(reason);
  });
});

describe("VolumeBinding wording of a node affinity conflict", () => {
  it.each([
    ["1.32", "0/2 nodes are available: 2 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."],
    ["1.33", "0/2 nodes are available: 2 node(s) didn't match PersistentVolume's node affinity. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."],
  ])("%s", (version, reason) => {
    const volumes: PodVolume[] = [{ claim: "data", status: "bound", nodeAffinity: zoneAffinity("z9") }];
    const result = run({ nodes: nodes(), pods: [planned("db-0")], podVolumes: [volumes], kubernetesVersion: version });
    expect(result.pods[0]!.reason).toBe(reason);
  });
});

describe("removed pods", () => {
  it("free their node before the plan's pods are placed", () => {
    const old = running("web-old", "a", { cpu: "4" });
    expect(run({ nodes: [node("a")], runningPods: [old], pods: [planned("web-new", { cpu: "1" })] }).pods[0]!.node).toBeNull();
    expect(run({ nodes: [node("a")], runningPods: [old], removedPods: [old], pods: [planned("web-new", { cpu: "1" })] }).pods[0]!.node).toBe("a");
  });
});
