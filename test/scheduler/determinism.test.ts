import { describe, expect, it } from "vitest";
import type { KubeObject, PlannedPod } from "../../src/types.js";
import { schedule, type SchedulerInput } from "../../src/scheduler/index.js";
import { renderSchedule } from "../../src/report/plan/schedule-text.js";
import { node, planned, running } from "./builders.js";

/** A small cluster with a bit of everything: zones, taints, GPUs, spread, anti-affinity, running pods. */
function scenario(): SchedulerInput {
  const nodes: KubeObject[] = [];
  for (let i = 0; i < 12; i++) {
    nodes.push(
      node(`node-${String(i).padStart(2, "0")}`, {
        zone: `zone-${i % 3}`,
        cpu: i % 4 === 0 ? "8" : "4",
        memory: "16Gi",
        ...(i === 5 ? { taints: [{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }], allocatable: { "nvidia.com/gpu": "2" } } : {}),
      }),
    );
  }
  const runningPods = [running("db-0", "node-00", { labels: { app: "db" }, cpu: "2", memory: "4Gi" }), running("db-1", "node-04", { labels: { app: "db" }, cpu: "2" })];
  const pods: PlannedPod[] = [];
  for (let i = 0; i < 10; i++) {
    pods.push(
      planned(`web-${i}`, {
        labels: { app: "web" },
        cpu: "700m",
        memory: "1Gi",
        spec: {
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }],
        },
      }, "web"),
    );
  }
  for (let i = 0; i < 5; i++) {
    pods.push(
      planned(`cache-${i}`, {
        labels: { app: "cache" },
        cpu: "500m",
        spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "cache" } }, topologyKey: "kubernetes.io/hostname" }] } } },
      }, "cache"),
    );
  }
  pods.push(planned("trainer", { spec: { containers: [{ name: "c", image: "x", resources: { requests: { "nvidia.com/gpu": "1" } } }], tolerations: [{ key: "nvidia.com/gpu", operator: "Exists" }] } }, "trainer"));
  pods.push(planned("huge", { cpu: "32" }, "huge"));
  return { pods, nodes, runningPods, namespaces: [], kubernetesVersion: "1.34" };
}

describe("determinism", () => {
  it("the same inputs produce byte-identical plans", () => {
    const a = JSON.stringify(schedule(scenario()));
    const b = JSON.stringify(schedule(scenario()));
    expect(a).toBe(b);
    expect(renderSchedule(schedule(scenario()), { color: false })).toBe(renderSchedule(schedule(scenario()), { color: false }));
  });

  it("the order of the snapshot's nodes and pods does not matter", () => {
    const reference = JSON.stringify(schedule(scenario()));
    const shuffled = scenario();
    shuffled.nodes = [...shuffled.nodes].reverse();
    shuffled.runningPods = [...shuffled.runningPods].reverse();
    expect(JSON.stringify(schedule(shuffled))).toBe(reference);
    const rotated = scenario();
    rotated.nodes = [...rotated.nodes.slice(5), ...rotated.nodes.slice(0, 5)];
    expect(JSON.stringify(schedule(rotated))).toBe(reference);
  });

  it("places the scenario as expected", () => {
    const result = schedule(scenario());
    const web = result.workloads.find((w) => w.owner.name === "web")!;
    expect(web.scheduled).toBe(10);
    const perZone = new Map<string, number>();
    for (const [nodeName, count] of Object.entries(web.nodes)) {
      const zone = result.nodes.find((n) => n.name === nodeName)!.zone;
      perZone.set(zone, (perZone.get(zone) ?? 0) + count);
    }
    expect([...perZone.values()].sort()).toEqual([3, 3, 4]);
    const cache = result.workloads.find((w) => w.owner.name === "cache")!;
    expect(Object.values(cache.nodes)).toEqual([1, 1, 1, 1, 1]);
    expect(result.pods.find((p) => p.name === "trainer")!.node).toBe("node-05");
    expect(result.pods.find((p) => p.name === "huge")!.reason).toMatch(/^0\/12 nodes are available: 1 node\(s\) had untolerated taint \{nvidia\.com\/gpu: present\}, 11 Insufficient cpu\. /);
  });
});
