import { describe, expect, it } from "vitest";
import { percentOf, renderSchedule } from "../../src/report/plan/schedule-text.js";
import { schedule } from "../../src/scheduler/index.js";
import type { KubeObject } from "../../src/types.js";

const node = (name: string, zone: string, allocatable: Record<string, string>): KubeObject => ({
  kind: "Node",
  metadata: { name, labels: { "topology.kubernetes.io/zone": zone } },
  status: { allocatable },
});

function result() {
  return schedule({
    kubernetesVersion: "1.35",
    namespaces: [],
    runningPods: [
      { kind: "Pod", metadata: { name: "old", namespace: "default" }, spec: { nodeName: "node-a", containers: [{ resources: { requests: { cpu: "1", memory: "2Gi" } } }] } },
    ],
    nodes: [node("node-a", "eu-1a", { cpu: "4", memory: "8Gi", pods: "10" }), node("gpu-1", "eu-1b", { cpu: "8", memory: "32Gi", pods: "10", "nvidia.com/gpu": "2" })],
    pods: [
      {
        pod: { kind: "Pod", metadata: { name: "web-1", namespace: "shop" }, spec: { containers: [{ resources: { requests: { cpu: "1500m", memory: "3Gi" } } }] } },
        owner: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" },
      },
      { pod: { kind: "Pod", metadata: { name: "train", namespace: "ml" }, spec: { containers: [{ resources: { requests: { "nvidia.com/gpu": "3" } } }] } }, owner: null },
    ],
  });
}

describe("renderSchedule", () => {
  it("renders the node table, the workloads and the Pending pods", () => {
    expect(renderSchedule(result(), { color: false })).toBe(
      [
        "Scheduling (kube-scheduler 1.35, default profile): 1/2 pods scheduled",
        "",
        "NODE    ZONE   CPU REQUESTS                   MEMORY REQUESTS                  PODS                        EXTENDED",
        "gpu-1   eu-1b  0 → 1500m / 8 ██░░░░░░░░  18%  0 → 3Gi / 32Gi █░░░░░░░░░   9%   0 → 1 / 10 █░░░░░░░░░  10%  nvidia.com/gpu 0 → 0 / 2 ░░░░░░░░░░   0%",
        "node-a  eu-1a  1 → 1 / 4 ███░░░░░░░  25%      2Gi → 2Gi / 8Gi ███░░░░░░░  25%  1 → 1 / 10 █░░░░░░░░░  10%",
        "",
        "Workloads:",
        "  Deployment shop/web: 1/1 scheduled (gpu-1: 1)",
        "",
        "Pending pods (1):",
        "  ml/train",
        "    0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
        "",
      ].join("\n"),
    );
  });

  it("colours bars and headings only when asked", () => {
    const coloured = renderSchedule(result(), { color: true });
    expect(coloured).toContain("\u001b[32m██░░░░░░░░\u001b[0m");
    expect(coloured).toContain("\u001b[31mml/train\u001b[0m");
    expect(renderSchedule(result(), { color: false })).not.toContain("\u001b[");
  });

  it.each([
    ["1500m", "8", 18],
    ["3Gi", "32Gi", 9],
    ["0", "0", 0],
    ["1", "0", 100],
    [9, 10, 90],
  ] as const)("percentOf(%s, %s) = %d", (requested, allocatable, expected) => {
    expect(percentOf(requested, allocatable)).toBe(expected);
  });

  it("says when the snapshot has no nodes", () => {
    const empty = schedule({ kubernetesVersion: "1.34", namespaces: [], runningPods: [], nodes: [], pods: [] });
    expect(renderSchedule(empty, { color: false })).toBe(
      "Scheduling (kube-scheduler 1.34, default profile): 0/0 pods scheduled\n\n  (the cluster snapshot has no nodes)\n",
    );
  });
});

describe("node usage in the result", () => {
  it("reports allocatable, requests before and after, and the headroom left", () => {
    const gpu = result().nodes.find((n) => n.name === "gpu-1")!;
    expect(gpu).toEqual({
      name: "gpu-1",
      zone: "eu-1b",
      allocatable: { cpu: "8", memory: "32Gi", pods: 10, extended: { "nvidia.com/gpu": "2" } },
      requestedBefore: { cpu: "0", memory: "0", pods: 0, extended: {} },
      requestedAfter: { cpu: "1500m", memory: "3Gi", pods: 1, extended: {} },
      headroom: { cpu: "6500m", memory: "29Gi", pods: 9, extended: { "nvidia.com/gpu": "2" } },
      placed: 1,
    });
  });
});
