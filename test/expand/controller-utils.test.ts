// The ReplicaSet controller's deletion order (ActivePodsWithRanks), rule by
// rule: each case gives two pods that differ in one respect, and which goes first.
import { describe, expect, it } from "vitest";
import { getPodsToDelete } from "../../src/expand/controller-utils.js";
import type { KubeObject } from "../../src/types.js";

const NOW = new Date("2025-06-01T12:00:00Z");

interface PodShape {
  node?: string;
  phase?: string;
  ready?: string | false;
  cost?: string;
  restarts?: number;
  created?: string;
  uid?: string;
}

function pod(name: string, shape: PodShape): KubeObject {
  const ready = shape.ready === undefined ? "2025-05-01T00:00:00Z" : shape.ready;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      uid: shape.uid ?? name,
      creationTimestamp: shape.created ?? "2025-05-01T00:00:00Z",
      ...(shape.cost !== undefined ? { annotations: { "controller.kubernetes.io/pod-deletion-cost": shape.cost } } : {}),
    },
    spec: { ...(shape.node === "" ? {} : { nodeName: shape.node ?? "n1" }) },
    status: {
      phase: shape.phase ?? "Running",
      conditions: ready === false ? [{ type: "Ready", status: "False" }] : [{ type: "Ready", status: "True", lastTransitionTime: ready }],
      containerStatuses: [{ restartCount: shape.restarts ?? 0 }],
    },
  };
}

// [rule, the pod deleted first, the other]
const CASES: Array<[string, PodShape, PodShape]> = [
  ["unassigned before assigned", { node: "" }, {}],
  ["pending before running", { phase: "Pending" }, {}],
  ["unknown before running", { phase: "Unknown" }, {}],
  ["not ready before ready", { ready: false }, {}],
  ["lower deletion cost first", { cost: "-5" }, { cost: "10" }],
  ["a cost that is not a number counts as 0", { cost: "x" }, { cost: "1" }],
  ["ready for less time first (another power of two)", { ready: "2025-06-01T11:00:00Z" }, { ready: "2025-05-01T00:00:00Z" }],
  ["more restarts first", { restarts: 3 }, { restarts: 1 }],
  ["newer first", { created: "2025-05-30T00:00:00Z" }, { created: "2025-01-01T00:00:00Z" }],
  ["same logarithmic age: the lower UID first", { created: "2025-05-01T00:00:00Z", uid: "a" }, { created: "2025-05-01T00:00:01Z", uid: "b" }],
  ["phase outranks readiness", { phase: "Pending", ready: "2025-05-01T00:00:00Z" }, { ready: false }],
  ["readiness outranks cost", { ready: false, cost: "100" }, { cost: "-100" }],
];

describe("getPodsToDelete", () => {
  it.each(CASES)("%s", (_rule, first, other) => {
    const a = pod("z-first", first);
    const b = pod("a-other", other);
    expect(getPodsToDelete([b, a], [a, b], 1, NOW).map((p) => p.metadata?.name)).toEqual(["z-first"]);
    expect(getPodsToDelete([a, b], [a, b], 1, NOW).map((p) => p.metadata?.name)).toEqual(["z-first"]);
  });

  it("takes a pod on a node crowded with the workload's pods first", () => {
    const alone = pod("alone", { node: "n1" });
    const crowded = pod("crowded", { node: "n2" });
    const related = [alone, crowded, pod("other", { node: "n2" })];
    expect(getPodsToDelete([alone, crowded], related, 1, NOW)).toEqual([crowded]);
  });

  it.each([
    [0, []],
    [-1, []],
    [2, ["b", "a"]],
  ])("deletes %i pod(s)", (count, names) => {
    const pods = [pod("a", { created: "2025-01-01T00:00:00Z" }), pod("b", { created: "2025-05-30T00:00:00Z" })];
    expect(getPodsToDelete(pods, pods, count, NOW).map((p) => p.metadata?.name)).toEqual(names);
  });
});
