import { describe, expect, it } from "vitest";
import type { KubeObject, PlannedPod } from "../../src/types.js";
import { fitError, node, nodesOf, planned, run, running } from "./builders.js";

const hostname = "kubernetes.io/hostname";
const zone = "topology.kubernetes.io/zone";

function term(labels: Record<string, string>, topologyKey: string, extra: Record<string, unknown> = {}) {
  return { labelSelector: { matchLabels: labels }, topologyKey, ...extra };
}

function withAffinity(name: string, labels: Record<string, string>, affinity: Record<string, unknown>, namespace?: string): PlannedPod {
  return planned(name, { labels, namespace, cpu: "100m", spec: { affinity } }, labels.app);
}

const antiWeb = (name: string, key: string) =>
  withAffinity(name, { app: "web" }, { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: "web" }, key)] } });

const zonedNodes = () => [
  node("a1", { zone: "z1" }),
  node("a2", { zone: "z1" }),
  node("b1", { zone: "z2" }),
  node("b2", { zone: "z2" }),
  node("c1", { zone: "z3" }),
  node("c2", { zone: "z3" }),
];

describe("InterPodAffinity: required anti-affinity", () => {
  it("spreads replicas one per node by hostname; the next one stays Pending", () => {
    const result = run({ nodes: [node("a"), node("b"), node("c")], pods: [0, 1, 2, 3].map((i) => antiWeb(`web-${i}`, hostname)) });
    expect(new Set(nodesOf(result).slice(0, 3))).toEqual(new Set(["a", "b", "c"]));
    expect(result.pods[3]!.node).toBeNull();
    expect(fitError(result.pods[3]!.reason)).toBe("0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.");
  });

  it("spreads replicas one per zone by topology.kubernetes.io/zone", () => {
    const result = run({ nodes: zonedNodes(), pods: [0, 1, 2, 3].map((i) => antiWeb(`web-${i}`, zone)) });
    const zones = nodesOf(result).slice(0, 3).map((n) => n![0]);
    expect(new Set(zones)).toEqual(new Set(["a", "b", "c"]));
    expect(fitError(result.pods[3]!.reason)).toBe("0/6 nodes are available: 6 node(s) didn't match pod anti-affinity rules.");
  });

  it("respects the anti-affinity of pods already running (symmetry)", () => {
    const db = running("db", "a", {
      labels: { app: "db" },
      spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: "web" }, hostname)] } } },
    });
    const alone = run({ nodes: [node("a")], runningPods: [db], pods: [planned("web", { labels: { app: "web" } })] });
    expect(fitError(alone.pods[0]!.reason)).toBe("0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules.");
    const two = run({ nodes: [node("a"), node("b")], runningPods: [db], pods: [planned("web", { labels: { app: "web" } })] });
    expect(two.pods[0]!.node).toBe("b");
  });

  it("ignores pods of other namespaces unless the term names them", () => {
    const other = running("web-other", "a", { namespace: "other", labels: { app: "web" } });
    const own = run({ nodes: [node("a")], runningPods: [other], pods: [antiWeb("web-0", hostname)] });
    expect(own.pods[0]!.node).toBe("a");
    const named = withAffinity("web-0", { app: "web" }, {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: "web" }, hostname, { namespaces: ["other"] })] },
    });
    const blocked = run({ nodes: [node("a")], runningPods: [other], pods: [named] });
    expect(fitError(blocked.pods[0]!.reason)).toBe("0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules.");
  });
});

describe("InterPodAffinity: required affinity", () => {
  const cacheAffinity = (name: string, key = hostname, extra: Record<string, unknown> = {}) =>
    withAffinity(name, { app: "web" }, { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: "cache" }, key, extra)] } });
  // The cache pods go through the scheduler too, steered by a nodeSelector.
  const cache = (name: string, nodeName: string, namespace?: string): PlannedPod =>
    planned(name, { labels: { app: "cache" }, cpu: "100m", namespace, spec: { nodeSelector: { [hostname]: nodeName } } });

  it("follows a pod placed earlier in the same plan", () => {
    const result = run({ nodes: [node("a"), node("b"), node("c")], pods: [cache("cache", "b"), cacheAffinity("web")] });
    expect(nodesOf(result)).toEqual(["b", "b"]);
  });

  it("follows a pod placed later in the plan (the pod is retried, as the scheduling queue does)", () => {
    const result = run({ nodes: [node("a"), node("b"), node("c")], pods: [cacheAffinity("web"), cache("cache", "c")] });
    expect(nodesOf(result)).toEqual(["c", "c"]);
  });

  it("lands in the same zone, on any node of it", () => {
    const result = run({ nodes: zonedNodes(), pods: [cache("cache", "b2"), cacheAffinity("web", zone)] });
    expect(result.pods[1]!.node?.startsWith("b")).toBe(true);
  });

  it("stays Pending when no pod matches and the pod does not match its own term", () => {
    const result = run({ nodes: [node("a"), node("b"), node("c")], pods: [cacheAffinity("web")] });
    expect(result.pods[0]!.node).toBeNull();
    expect(fitError(result.pods[0]!.reason)).toBe("0/3 nodes are available: 3 node(s) didn't match pod affinity rules.");
  });

  it("lets the first pod of a group with affinity to itself go anywhere", () => {
    const self = withAffinity("web-0", { app: "web" }, {
      podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: "web" }, zone)] },
    });
    const second = { ...self, pod: { ...self.pod, metadata: { ...self.pod.metadata, name: "web-1" } } };
    const result = run({ nodes: zonedNodes(), pods: [self, second] });
    expect(result.pods[0]!.node).not.toBeNull();
    expect(result.pods[1]!.node![0]).toBe(result.pods[0]!.node![0]);
  });

  it("requires the topology label on the node", () => {
    const result = run({ nodes: [node("a"), node("b")], pods: [cache("cache", "a"), cacheAffinity("web", zone)] });
    expect(fitError(result.pods[1]!.reason)).toBe("0/2 nodes are available: 2 node(s) didn't match pod affinity rules.");
  });

  const namespaceCases: [string, Record<string, unknown>, string | null][] = [
    ["no namespaces: only the pod's own namespace", {}, null],
    ["namespaces lists the other namespace", { namespaces: ["team-a"] }, "b"],
    ["namespaceSelector selects it by label", { namespaceSelector: { matchLabels: { team: "a" } } }, "b"],
    ["namespaceSelector {} selects every namespace", { namespaceSelector: {} }, "b"],
    ["namespaceSelector on kubernetes.io/metadata.name", { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "team-a" } } }, "b"],
    ["namespaceSelector selecting nothing", { namespaceSelector: { matchLabels: { team: "b" } } }, null],
  ];
  it.each(namespaceCases)("%s", (_name, extra, expected) => {
    const namespaces: KubeObject[] = [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { team: "a" } } }];
    const pods = [cache("cache", "b", "team-a"), cacheAffinity("web", hostname, extra)];
    const result = run({ nodes: [node("a"), node("b")], namespaces, pods });
    expect(result.pods[1]!.node).toBe(expected);
  });
});

describe("InterPodAffinity: preferred terms (Score)", () => {
  // Node a is far larger, so resource scores alone favour it.
  const nodes = () => [node("a", { cpu: "64", memory: "256Gi" }), node("b", { cpu: "4", memory: "8Gi" })];
  const web = running("web-old", "a", { labels: { app: "web" }, cpu: "100m" });
  const preferred = (kind: "podAffinity" | "podAntiAffinity") =>
    withAffinity("web-new", { app: "web" }, {
      [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term({ app: "web" }, hostname) }] },
    });

  it("without preferences the larger node wins", () => {
    expect(run({ nodes: nodes(), runningPods: [web], pods: [planned("web-new", { labels: { app: "web" }, cpu: "1", memory: "1Gi" })] }).pods[0]!.node).toBe("a");
  });

  it("preferred anti-affinity moves the pod away", () => {
    expect(run({ nodes: nodes(), runningPods: [web], pods: [preferred("podAntiAffinity")] }).pods[0]!.node).toBe("b");
  });

  it("preferred affinity of a running pod towards the incoming pod counts (symmetry)", () => {
    const attracting = running("cache", "b", {
      labels: { app: "cache" },
      spec: { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term({ app: "web" }, hostname) }] } } },
    });
    expect(run({ nodes: nodes(), runningPods: [attracting], pods: [planned("web-new", { labels: { app: "web" }, cpu: "1" })] }).pods[0]!.node).toBe("b");
  });

  it("preferred anti-affinity of a running pod repels the incoming pod", () => {
    const repelling = running("db", "a", {
      labels: { app: "db" },
      spec: { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term({ app: "web" }, hostname) }] } } },
    });
    expect(run({ nodes: nodes(), runningPods: [repelling], pods: [planned("web-new", { labels: { app: "web" }, cpu: "1" })] }).pods[0]!.node).toBe("b");
  });
});
