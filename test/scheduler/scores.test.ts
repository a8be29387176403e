import { describe, expect, it } from "vitest";
import { defaultNormalizeScore, type CycleContext } from "../../src/scheduler/framework.js";
import { imageLocalityPriority } from "../../src/scheduler/plugins/ImageLocality.js";
import { balancedResourceScore, NodeResourcesBalancedAllocation } from "../../src/scheduler/plugins/NodeResourcesBalancedAllocation.js";
import { leastRequestedScore } from "../../src/scheduler/plugins/NodeResourcesFit.js";
import { newNodeInfo } from "../../src/scheduler/node-info.js";
import { newPodInfo } from "../../src/scheduler/pod-info.js";
import { behaviourFor } from "../../src/scheduler/versions.js";
import { node, planned, podObject, run, running } from "./builders.js";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe("score functions", () => {
  it.each([
    [1000, 4000, 75],
    [0, 4000, 100],
    [4000, 4000, 0],
    [5000, 4000, 0],
    [1, 3, 66],
    [100, 0, 0],
  ])("leastRequestedScore(%d, %d) = %d", (requested, capacity, expected) => {
    expect(leastRequestedScore(requested, capacity)).toBe(expected);
  });

  it.each([
    [[1000, 2 * GiB], [4000, 8 * GiB], 100],
    [[2000, 1 * GiB], [4000, 8 * GiB], 81],
    [[4000, 0], [4000, 8 * GiB], 50],
    [[8000, 0], [4000, 8 * GiB], 50],
    [[1000, 5], [4000, 0], 100],
  ])("balancedResourceScore(%j, %j) = %d", (requested, allocatable, expected) => {
    expect(balancedResourceScore(requested, allocatable)).toBe(expected);
  });

  it.each([
    [0, 1, 0],
    [23 * MiB, 1, 0],
    [500 * MiB, 1, 48],
    [1000 * MiB, 1, 100],
    [5000 * MiB, 1, 100],
    [1000 * MiB, 2, 49],
  ])("ImageLocality priority(%d bytes, %d containers) = %d", (sum, containers, expected) => {
    expect(imageLocalityPriority(sum, containers)).toBe(expected);
  });

  it.each([
    [[0, 5, 10], false, [0, 50, 100]],
    [[0, 5, 10], true, [100, 50, 0]],
    [[0, 0], true, [100, 100]],
    [[0, 0], false, [0, 0]],
    [[3, 7], false, [42, 100]],
  ])("DefaultNormalizeScore(%j, reverse %s) = %j", (scores, reverse, expected) => {
    const copy = [...scores];
    defaultNormalizeScore(100, reverse, copy);
    expect(copy).toEqual(expected);
  });

  describe("NodeResourcesBalancedAllocation by version", () => {
    const ctx = (version: string, pod = podObject("p", { cpu: "1", memory: "2Gi" })): CycleContext => ({
      pod: newPodInfo(pod, { podLevelResources: true, priorityOf: () => 0 }),
      cluster: undefined as never,
      behaviour: behaviourFor(version),
      state: new Map(),
    });
    const empty = newNodeInfo(node("n", { cpu: "4", memory: "8Gi" }), 0);

    it("scores the balance after placing the pod before 1.36", () => {
      expect(NodeResourcesBalancedAllocation.score(ctx("1.35"), empty)).toBe(100);
    });
    it("scores the change of balance from 1.36 (75 when unchanged)", () => {
      expect(NodeResourcesBalancedAllocation.score(ctx("1.36"), empty)).toBe(75);
    });
    it("skips best-effort pods from 1.33", () => {
      const bestEffort = podObject("p");
      expect(NodeResourcesBalancedAllocation.preScore!(ctx("1.32", bestEffort), [empty])).toBe(true);
      expect(NodeResourcesBalancedAllocation.preScore!(ctx("1.33", bestEffort), [empty])).toBe(false);
    });
  });
});

describe("Score plugins choose the node", () => {
  it("NodeResourcesFit (LeastAllocated): the emptier node", () => {
    const result = run({ nodes: [node("a"), node("b")], runningPods: [running("old", "a", { cpu: "2", memory: "4Gi" })], pods: [planned("p", { cpu: "1", memory: "1Gi" })] });
    expect(result.pods[0]!.node).toBe("b");
  });

  it("NodeResourcesFit counts pods without requests as 100m and 200Mi", () => {
    const idle = [0, 1, 2, 3, 4].map((i) => running(`idle-${i}`, "a"));
    const result = run({ nodes: [node("a"), node("b")], runningPods: idle, pods: [planned("p")] });
    expect(result.pods[0]!.node).toBe("b");
  });

  it("TaintToleration: avoids an untolerated PreferNoSchedule taint", () => {
    const nodes = [node("a", { taints: [{ key: "spot", value: "true", effect: "PreferNoSchedule" }] }), node("b")];
    expect(run({ nodes, pods: [planned("p", { cpu: "100m" })] }).pods[0]!.node).toBe("b");
    const tolerating = planned("p", { cpu: "100m", spec: { tolerations: [{ key: "spot", operator: "Exists", effect: "PreferNoSchedule" }] } });
    expect(run({ nodes, pods: [tolerating] }).pods[0]!.node).toBe("a");
  });

  it("NodeAffinity: preferred terms, by weight", () => {
    const nodes = [node("a", { labels: { disk: "ssd" } }), node("b", { labels: { disk: "hdd", gpu: "yes" } })];
    const prefer = (terms: [number, string, string][]) =>
      planned("p", {
        spec: {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: terms.map(([weight, key, value]) => ({
                weight,
                preference: { matchExpressions: [{ key, operator: "In", values: [value] }] },
              })),
            },
          },
        },
      });
    expect(run({ nodes, pods: [prefer([[10, "disk", "hdd"]])] }).pods[0]!.node).toBe("b");
    expect(run({ nodes, pods: [prefer([[80, "disk", "ssd"], [10, "gpu", "yes"]])] }).pods[0]!.node).toBe("a");
  });

  it("ImageLocality: the node that has the image", () => {
    const nodes = [node("a"), node("b", { images: [{ names: ["registry.example/app:1.0"], sizeBytes: 800 * MiB }] })];
    const pod = planned("p", { image: "registry.example/app:1.0" });
    expect(run({ nodes, pods: [pod] }).pods[0]!.node).toBe("b");
  });

  it("ImageLocality: an image without tag is looked up as :latest", () => {
    const nodes = [node("a"), node("b", { images: [{ names: ["registry.example/app:latest"], sizeBytes: 800 * MiB }] })];
    expect(run({ nodes, pods: [planned("p", { image: "registry.example/app" })] }).pods[0]!.node).toBe("b");
  });

  it("equal scores: the first node by name", () => {
    expect(run({ nodes: [node("node-b"), node("node-a"), node("node-c")], pods: [planned("p")] }).pods[0]!.node).toBe("node-a");
  });
});
