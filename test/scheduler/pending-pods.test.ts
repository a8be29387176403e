import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/types.js";
import { node, nodesOf, planned, run, running } from "./builders.js";

const priorityClass = (name: string, value: number, globalDefault = false): KubeObject => ({
  apiVersion: "scheduling.k8s.io/v1",
  kind: "PriorityClass",
  metadata: { name },
  value,
  globalDefault,
});
const classes = [priorityClass("high", 1000), priorityClass("low", 10)];

describe("the PostFilter (preemption) part of FailedScheduling", () => {
  const cases: [string, string, string][] = [
    [
      "1.30: no DynamicResources PostFilter",
      "1.30",
      "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ],
    [
      "1.34: DynamicResources reports no claims first",
      "1.34",
      "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 Insufficient memory. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ],
    [
      "1.36",
      "1.36",
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient memory. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ],
  ];
  it.each(cases)("%s", (_name, version, message) => {
    const nodes = [node("a"), node("b"), node("t", { taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] })];
    const runningPods = [running("x", "a", { memory: "4Gi" }), running("y", "b", { memory: "4Gi" })];
    const result = run({ nodes, runningPods, kubernetesVersion: version, pods: [planned("p", { memory: "6Gi" })] });
    expect(result.pods[0]!.reason).toBe(message);
  });

  it.each([
    ["1.33", "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."],
    [
      "1.34",
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    ],
  ])("a request larger than the whole node: preemption cannot help from 1.34 (%s)", (version, message) => {
    const result = run({ nodes: [node("n1", { cpu: "1" })], kubernetesVersion: version, pods: [planned("p", { cpu: "2" })] });
    expect(result.pods[0]!.reason).toBe(message);
  });

  it("says so when evicting lower-priority pods would make room (not simulated)", () => {
    const result = run({
      nodes: [node("n1", { cpu: "2" }), node("n2", { cpu: "2" })],
      runningPods: [running("batch", "n1", { cpu: "1500m", priority: 10 }), running("api", "n2", { cpu: "1500m", priority: 1000 })],
      priorityClasses: classes,
      pods: [planned("p", { cpu: "1", spec: { priorityClassName: "high" } })],
    });
    expect(result.pods[0]).toMatchObject({ node: null, priority: 1000, preemptionCandidates: ["n1"] });
    expect(result.pods[0]!.reason).toBe(
      "0/2 nodes are available: 2 Insufficient cpu. preemption: not simulated; evicting lower-priority pods would make room on 1 node(s): n1.",
    );
  });

  it("reports the filter that still fails once every lower-priority pod is gone", () => {
    const result = run({
      nodes: [node("n1", { cpu: "4" })],
      runningPods: [running("api", "n1", { cpu: "3", priority: 1000 }), running("batch", "n1", { cpu: "500m", priority: 10 })],
      priorityClasses: classes,
      kubernetesVersion: "1.33",
      pods: [planned("p", { cpu: "2", spec: { priorityClassName: "high" } })],
    });
    expect(result.pods[0]!.reason).toBe("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.");
  });

  it.each([
    ["1.33", "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never."],
    ["1.35", "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never."],
  ])("preemptionPolicy Never (%s)", (version, message) => {
    const result = run({
      nodes: [node("n1", { cpu: "2" })],
      runningPods: [running("batch", "n1", { cpu: "1500m", priority: 10 })],
      priorityClasses: classes,
      kubernetesVersion: version,
      pods: [planned("p", { cpu: "1", spec: { priorityClassName: "high", preemptionPolicy: "Never" } })],
    });
    expect(result.pods[0]!.reason).toBe(message);
  });
});

describe("placement order", () => {
  const pods = () => [planned("low", { cpu: "800m", spec: { priorityClassName: "low" } }), planned("high", { cpu: "800m", spec: { priorityClassName: "high" } })];

  it("with PriorityClasses, higher priority first", () => {
    expect(nodesOf(run({ nodes: [node("n1", { cpu: "1" })], priorityClasses: classes, pods: pods() }))).toEqual([null, "n1"]);
  });

  it("without them, plan order", () => {
    expect(nodesOf(run({ nodes: [node("n1", { cpu: "1" })], pods: pods() }))).toEqual(["n1", null]);
  });

  it("resolves priority from spec.priority, the class, the global default, the built-in classes", () => {
    const result = run({
      nodes: [node("n1")],
      priorityClasses: [...classes, priorityClass("default", 5, true)],
      pods: [
        planned("explicit", { priority: 7 }),
        planned("by-class", { spec: { priorityClassName: "high" } }),
        planned("defaulted"),
        planned("critical", { spec: { priorityClassName: "system-node-critical" } }),
      ],
    });
    expect(result.pods.map((p) => p.priority)).toEqual([7, 1000, 5, 2000001000]);
  });
});

describe("pods the scheduler does not place", () => {
  it("scheduling gates", () => {
    const result = run({ nodes: [node("n1")], pods: [planned("p", { spec: { schedulingGates: [{ name: "example.com/quota" }] } })] });
    expect(result.pods[0]).toMatchObject({ node: null, reason: "Scheduling is blocked due to non-empty scheduling gates" });
  });

  it("another scheduler", () => {
    const result = run({ nodes: [node("n1")], pods: [planned("p", { spec: { schedulerName: "volcano" } })] });
    expect(result.pods[0]).toMatchObject({ node: null, reason: 'not handled by the default scheduler: spec.schedulerName is "volcano"' });
  });

  it("spec.nodeName binds without the scheduler, even to a cordoned or tainted node", () => {
    const nodes = [node("n1", { unschedulable: true, taints: [{ key: "x", effect: "NoSchedule" }] })];
    expect(run({ nodes, pods: [planned("p", { nodeName: "n1" })] }).pods[0]).toMatchObject({ node: "n1" });
  });

  it("spec.nodeName naming an unknown node", () => {
    const result = run({ nodes: [node("n1")], pods: [planned("p", { nodeName: "gone" })] });
    expect(result.pods[0]!.reason).toBe('spec.nodeName "gone" is not a node of the cluster snapshot: the pod skips the scheduler and stays Pending');
  });

  it("spec.nodeName on a node without room: the kubelet rejects it", () => {
    const result = run({ nodes: [node("n1", { cpu: "2" })], runningPods: [running("old", "n1", { cpu: "1500m" })], pods: [planned("p", { nodeName: "n1", cpu: "1" })] });
    expect(result.pods[0]).toMatchObject({
      node: null,
      reason: "Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1500, capacity: 2000",
    });
  });

  it("a snapshot without nodes", () => {
    expect(run({ nodes: [], pods: [planned("p")] }).pods[0]!.reason).toBe("no nodes available to schedule pods");
  });

  it("Succeeded and Failed pods of the snapshot hold no resources", () => {
    const done = { ...running("job", "n1", { cpu: "2" }), status: { phase: "Succeeded" } };
    expect(run({ nodes: [node("n1", { cpu: "2" })], runningPods: [done], pods: [planned("p", { cpu: "1" })] }).pods[0]!.node).toBe("n1");
  });
});

describe("malformed objects never throw", () => {
  it("reads wrong types as empty", () => {
    const nodes = [
      { apiVersion: "v1", kind: "Node", metadata: { name: 5 } },
      { apiVersion: "v1", kind: "Node", metadata: { name: "odd", labels: "x" }, spec: { taints: [null, 3, { effect: 7 }] }, status: "up" },
      { apiVersion: "v1", kind: "Node", metadata: { name: "n1" }, status: { allocatable: { cpu: "lots", memory: [], pods: "10" } } },
    ] as unknown as KubeObject[];
    const weird = {
      pod: {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "w", labels: { a: 1 } },
        spec: {
          containers: "nginx",
          initContainers: [null, { resources: { requests: { cpu: {} } } }],
          tolerations: [null, 5],
          nodeSelector: "x",
          affinity: { nodeAffinity: 3, podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [null, { labelSelector: 4 }] } },
          topologySpreadConstraints: [null, { maxSkew: "a", whenUnsatisfiable: "DoNotSchedule" }],
          overhead: 9,
        },
      },
      owner: null,
    } as unknown as import("../../src/types.js").PlannedPod;
    const garbagePod = { metadata: null, spec: { nodeName: "n1", containers: [{ ports: "80" }] } } as unknown as KubeObject;
    expect(() => run({ nodes, runningPods: [garbagePod], namespaces: [null as unknown as KubeObject], pods: [weird, planned("ok")] })).not.toThrow();
  });
});
