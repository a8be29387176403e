import { describe, expect, it } from "vitest";
import { defaultSpreadSelector } from "../../src/scheduler/default-spread.js";
import type { KubeObject, ManifestDocument, PlannedPod } from "../../src/types.js";
import { fitError, node, nodesOf, planned, run, running } from "./builders.js";

const zone = "topology.kubernetes.io/zone";

function spreadPod(name: string, constraint: Record<string, unknown>, extra: Record<string, unknown> = {}, cpu = "100m"): PlannedPod {
  return planned(name, {
    labels: { app: "web" },
    cpu,
    spec: {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } }, ...constraint }],
      ...extra,
    },
  });
}

const replicas = (count: number, constraint: Record<string, unknown> = {}, extra: Record<string, unknown> = {}, cpu?: string) =>
  Array.from({ length: count }, (_, i) => spreadPod(`web-${i}`, constraint, extra, cpu));

function perZone(nodes: (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of nodes) if (n) out[n[0]!] = (out[n[0]!] ?? 0) + 1;
  return out;
}

const threeZones = () => [node("a1", { zone: "z1" }), node("b1", { zone: "z2" }), node("c1", { zone: "z3" })];

describe("PodTopologySpread: DoNotSchedule", () => {
  it("keeps the skew between zones within maxSkew", () => {
    const result = run({ nodes: threeZones(), pods: replicas(7) });
    expect(perZone(nodesOf(result))).toEqual({ a: 3, b: 2, c: 2 });
  });

  it("counts the pods already running", () => {
    const existing = [running("old-1", "a1", { labels: { app: "web" } }), running("old-2", "a1", { labels: { app: "web" } })];
    const result = run({ nodes: threeZones(), runningPods: existing, pods: replicas(2) });
    expect(perZone(nodesOf(result))).toEqual({ b: 1, c: 1 });
  });

  it("refuses a node that would exceed maxSkew when the emptier zone has no room", () => {
    const nodes = [node("a1", { zone: "z1" }), node("b1", { zone: "z2", cpu: "1" })];
    const result = run({ nodes, pods: replicas(2, {}, {}, "1500m") });
    expect(result.pods[0]!.node).toBe("a1");
    expect(fitError(result.pods[1]!.reason)).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match pod topology spread constraints.",
    );
  });

  it("refuses nodes without the topology label", () => {
    const result = run({ nodes: [node("a1", { zone: "z1" }), node("x")], pods: replicas(2, { maxSkew: 2 }) });
    expect(nodesOf(result)).toEqual(["a1", "a1"]);
    const unlabelled = run({ nodes: [node("x"), node("y")], pods: replicas(1) });
    expect(fitError(unlabelled.pods[0]!.reason)).toBe(
      "0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints (missing required label).",
    );
  });

  it("minDomains above the number of domains takes the global minimum as 0", () => {
    const nodes = [node("a1", { zone: "z1" }), node("b1", { zone: "z2" })];
    const result = run({ nodes, pods: replicas(3, { minDomains: 3 }) });
    expect(perZone(nodesOf(result))).toEqual({ a: 1, b: 1 });
    expect(fitError(result.pods[2]!.reason)).toBe("0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints.");
  });

  const selector = { nodeSelector: { pool: "web" } };
  const poolNodes = () => [
    node("a1", { zone: "z1", labels: { pool: "web" } }),
    node("b1", { zone: "z2", labels: { pool: "web" } }),
    node("c1", { zone: "z3" }),
  ];

  it("nodeAffinityPolicy Honor (default): domains of nodes the pod cannot use do not count", () => {
    const result = run({ nodes: poolNodes(), pods: replicas(4, {}, selector) });
    expect(perZone(nodesOf(result))).toEqual({ a: 2, b: 2 });
  });

  it("nodeAffinityPolicy Ignore: the empty domain holds the others back", () => {
    const result = run({ nodes: poolNodes(), pods: replicas(3, { nodeAffinityPolicy: "Ignore" }, selector) });
    expect(perZone(nodesOf(result))).toEqual({ a: 1, b: 1 });
    expect(fitError(result.pods[2]!.reason)).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't match pod topology spread constraints.",
    );
  });

  const taintedNodes = () => [
    node("a1", { zone: "z1" }),
    node("b1", { zone: "z2" }),
    node("c1", { zone: "z3", taints: [{ key: "dedicated", value: "batch", effect: "NoSchedule" }] }),
  ];

  it("nodeTaintsPolicy Ignore (default): a tainted node's domain still counts", () => {
    const result = run({ nodes: taintedNodes(), pods: replicas(3) });
    expect(perZone(nodesOf(result))).toEqual({ a: 1, b: 1 });
  });

  it("nodeTaintsPolicy Honor: it does not", () => {
    const result = run({ nodes: taintedNodes(), pods: replicas(4, { nodeTaintsPolicy: "Honor" }) });
    expect(perZone(nodesOf(result))).toEqual({ a: 2, b: 2 });
  });

  it("matchLabelKeys restricts counting to pods sharing the pod's values", () => {
    const old = [0, 1, 2].map((i) => running(`old-${i}`, "a1", { labels: { app: "web", "pod-template-hash": "v1" } }));
    const pods = [0, 1].map((i) =>
      planned(`new-${i}`, {
        labels: { app: "web", "pod-template-hash": "v2" },
        spec: {
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: zone, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } }, matchLabelKeys: ["pod-template-hash"] },
          ],
        },
      }),
    );
    const nodes = [node("a1", { zone: "z1", cpu: "64", memory: "256Gi" }), node("b1", { zone: "z2" })];
    expect(perZone(nodesOf(run({ nodes, runningPods: old, pods })))).toEqual({ a: 1, b: 1 });
  });
});

describe("PodTopologySpread: ScheduleAnyway", () => {
  it("prefers the zone with fewer matching pods over the emptier node", () => {
    const nodes = [node("a1", { zone: "z1", cpu: "64", memory: "256Gi" }), node("b1", { zone: "z2" })];
    const existing = [running("old", "a1", { labels: { app: "web" } })];
    const soft = run({ nodes, runningPods: existing, pods: replicas(1, { whenUnsatisfiable: "ScheduleAnyway" }, {}, "1") });
    expect(soft.pods[0]!.node).toBe("b1");
    const none = run({ nodes, runningPods: existing, pods: [planned("web-0", { labels: { app: "web" }, cpu: "1" })] });
    expect(none.pods[0]!.node).toBe("a1");
  });
});

describe("system default spreading selector (helper.DefaultSelector)", () => {
  const deployment: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: { selector: { matchLabels: { app: "web" } } },
  };
  const source = { document: { object: deployment } as ManifestDocument, pointer: "/spec/template" };
  const pod = (labels: Record<string, string>, withSource = true): PlannedPod => ({
    ...planned("web-1", { labels }, "web"),
    ...(withSource ? { source } : {}),
  });
  const service = (selector: Record<string, string> | undefined): KubeObject => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "svc", namespace: "default" },
    spec: selector ? { selector } : {},
  });

  const cases: [string, PlannedPod, KubeObject[], Record<string, string>, boolean][] = [
    ["Deployment pods: the ReplicaSet's selector (with pod-template-hash)", pod({ app: "web", "pod-template-hash": "abc" }), [], { app: "web", "pod-template-hash": "abc" }, true],
    ["…which does not match the other revision", pod({ app: "web", "pod-template-hash": "abc" }), [], { app: "web", "pod-template-hash": "old" }, false],
    ["a Service selecting the pod narrows it", pod({ app: "web", tier: "fe" }), [service({ tier: "fe" })], { app: "web" }, false],
    ["a Service without selector adds nothing", pod({ app: "web" }), [service(undefined)], { app: "web" }, true],
    ["without the owner manifest only Services count", pod({ app: "web" }, false), [service({ app: "web" })], { app: "web" }, true],
  ];
  it.each(cases)("%s", (_name, p, services, labels, matches) => {
    expect(defaultSpreadSelector(p, services).matches(labels)).toBe(matches);
  });

  it("no Service and no known owner: no default spreading", () => {
    const selector = defaultSpreadSelector(pod({ app: "web" }, false), []);
    expect(selector.everything).toBe(true);
  });
});
