import { describe, expect, it } from "vitest";
import type { KubeObject, PlannedPod } from "../../src/types.js";
import { fitError, node, planned, run, running } from "./builders.js";

interface Case {
  name: string;
  nodes: KubeObject[];
  pod: PlannedPod;
  runningPods?: KubeObject[];
  version?: string;
  /** The node the pod lands on. */
  node?: string;
  /** Or the FitError part of its FailedScheduling message. */
  message?: string;
}

function check(c: Case): void {
  const result = run({ nodes: c.nodes, pods: [c.pod], runningPods: c.runningPods ?? [], kubernetesVersion: c.version ?? "1.34" });
  const placement = result.pods[0]!;
  if (c.node !== undefined) {
    expect(placement.reason).toBeUndefined();
    expect(placement.node).toBe(c.node);
  } else {
    expect(placement.node).toBeNull();
    expect(fitError(placement.reason)).toBe(c.message);
  }
}

const gpuTaint = { key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" };
const withTolerations = (tolerations: Record<string, unknown>[]) => planned("p", { spec: { tolerations } });

const nodeUnschedulable: Case[] = [
  {
    name: "a cordoned node takes no pod",
    nodes: [node("n1", { unschedulable: true })],
    pod: planned("p"),
    message: "0/1 nodes are available: 1 node(s) were unschedulable.",
  },
  {
    name: "a pod tolerating node.kubernetes.io/unschedulable may go to a cordoned node",
    nodes: [node("n1", { unschedulable: true })],
    pod: withTolerations([{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }]),
    node: "n1",
  },
];

const taints: Case[] = [
  {
    name: "NoSchedule taint untolerated, named before 1.35",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: planned("p"),
    version: "1.34",
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}.",
  },
  {
    name: "NoSchedule taint untolerated, not named from 1.35",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: planned("p"),
    version: "1.35",
    message: "0/1 nodes are available: 1 node(s) had untolerated taint(s).",
  },
  {
    name: "NoExecute taint untolerated",
    nodes: [node("n1", { taints: [{ key: "dedicated", value: "db", effect: "NoExecute" }] })],
    pod: planned("p"),
    version: "1.30",
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: db}.",
  },
  {
    name: "PreferNoSchedule taint does not filter",
    nodes: [node("n1", { taints: [{ key: "spot", value: "true", effect: "PreferNoSchedule" }] })],
    pod: planned("p"),
    node: "n1",
  },
  {
    name: "control-plane taint has an empty value",
    nodes: [node("cp", { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] })],
    pod: planned("p"),
    version: "1.33",
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
  },
  {
    name: "Equal toleration with the same value tolerates",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: withTolerations([{ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" }]),
    node: "n1",
  },
  {
    name: "operator defaults to Equal; a different value does not tolerate",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: withTolerations([{ key: "nvidia.com/gpu", value: "absent", effect: "NoSchedule" }]),
    version: "1.36",
    message: "0/1 nodes are available: 1 node(s) had untolerated taint(s).",
  },
  {
    name: "Exists ignores the value",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: withTolerations([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]),
    node: "n1",
  },
  {
    name: "empty key with Exists tolerates every taint",
    nodes: [node("n1", { taints: [gpuTaint, { key: "dedicated", value: "x", effect: "NoExecute" }] })],
    pod: withTolerations([{ operator: "Exists" }]),
    node: "n1",
  },
  {
    name: "empty effect matches every effect",
    nodes: [node("n1", { taints: [{ key: "dedicated", value: "x", effect: "NoExecute" }] })],
    pod: withTolerations([{ key: "dedicated", operator: "Equal", value: "x" }]),
    node: "n1",
  },
  {
    name: "a toleration for another effect does not tolerate",
    nodes: [node("n1", { taints: [gpuTaint] })],
    pod: withTolerations([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoExecute" }]),
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}.",
  },
  {
    name: "the first untolerated taint of the node is named",
    nodes: [node("n1", { taints: [{ key: "a", value: "1", effect: "NoSchedule" }, gpuTaint] })],
    pod: withTolerations([{ key: "a", operator: "Exists" }]),
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}.",
  },
  {
    name: "every pod tolerates not-ready:NoExecute by default (DefaultTolerationSeconds)",
    nodes: [node("n1", { taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoExecute" }] })],
    pod: planned("p"),
    node: "n1",
  },
  {
    name: "but not not-ready:NoSchedule",
    nodes: [node("n1", { taints: [{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }] })],
    pod: planned("p"),
    message: "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }.",
  },
];

const zoneNodes = () => [
  node("a", { zone: "z1", labels: { disk: "ssd", cores: "8" } }),
  node("b", { zone: "z2", labels: { disk: "hdd", cores: "16" } }),
  node("c", { zone: "z3", labels: { cores: "32" } }),
];
const required = (...terms: Record<string, unknown>[]) =>
  planned("p", { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } });
const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

const nodeAffinity: Case[] = [
  { name: "nodeSelector matches", nodes: zoneNodes(), pod: planned("p", { spec: { nodeSelector: { disk: "hdd" } } }), node: "b" },
  {
    name: "nodeSelector matches no node",
    nodes: zoneNodes(),
    pod: planned("p", { spec: { nodeSelector: { disk: "nvme" } } }),
    message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
  },
  { name: "In", nodes: zoneNodes(), pod: required(expr("disk", "In", ["hdd", "nvme"])), node: "b" },
  { name: "NotIn (nodes without the label match)", nodes: zoneNodes(), pod: required(expr("disk", "NotIn", ["ssd", "hdd"])), node: "c" },
  { name: "Exists", nodes: [node("a"), node("b", { labels: { gpu: "" } })], pod: required(expr("gpu", "Exists")), node: "b" },
  { name: "DoesNotExist", nodes: zoneNodes(), pod: required(expr("disk", "DoesNotExist")), node: "c" },
  { name: "Gt compares integers", nodes: zoneNodes(), pod: required(expr("cores", "Gt", ["20"])), node: "c" },
  { name: "Lt compares integers", nodes: zoneNodes(), pod: required(expr("cores", "Lt", ["10"])), node: "a" },
  {
    name: "Gt against a label that is no integer matches nothing",
    nodes: [node("a", { labels: { cores: "many" } })],
    pod: required(expr("cores", "Gt", ["1"])),
    message: "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.",
  },
  {
    name: "expressions of a term are ANDed",
    nodes: zoneNodes(),
    pod: required({ matchExpressions: [{ key: "disk", operator: "Exists" }, { key: "cores", operator: "Gt", values: ["10"] }] }),
    node: "b",
  },
  {
    name: "terms are ORed",
    nodes: [node("a", { labels: { disk: "ssd" } }), node("b", { labels: { tier: "gold" } })],
    pod: required(expr("disk", "In", ["nvme"]), expr("tier", "In", ["gold"])),
    node: "b",
  },
  {
    name: "nodeSelector and required affinity must both match",
    nodes: zoneNodes(),
    pod: planned("p", {
      spec: {
        nodeSelector: { disk: "ssd" },
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [expr("cores", "Gt", ["10"])] } } },
      },
    }),
    message: "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.",
  },
  {
    name: "matchFields on metadata.name",
    nodes: zoneNodes(),
    pod: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["c"] }] }),
    node: "c",
  },
  {
    name: "matchFields naming disjoint nodes in one term conflict (PreFilter)",
    nodes: zoneNodes(),
    pod: required({
      matchFields: [
        { key: "metadata.name", operator: "In", values: ["a"] },
        { key: "metadata.name", operator: "In", values: ["b"] },
      ],
    }),
    message: "0/3 nodes are available: pod affinity terms conflict.",
  },
];

const pinned = (nodeName: string, cpu: string) =>
  planned("ds-x", {
    cpu,
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }],
          },
        },
      },
    },
  });

const daemonSetPods: Case[] = [
  { name: "a DaemonSet pod goes to its node", nodes: zoneNodes(), pod: pinned("b", "100m"), node: "b" },
  {
    name: "a DaemonSet pod that does not fit its node: the other nodes are counted from 1.32",
    nodes: [node("a"), node("b", { cpu: "1" }), node("c")],
    pod: pinned("b", "2"),
    version: "1.32",
    message: "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  },
  {
    name: "before 1.32 the nodes left out by PreFilter are not counted",
    nodes: [node("a"), node("b", { cpu: "1" }), node("c")],
    pod: pinned("b", "2"),
    version: "1.31",
    message: "0/3 nodes are available: 1 Insufficient cpu.",
  },
];

const hostPort = (port: number, extra: Record<string, unknown> = {}) => ({ containerPort: 8080, hostPort: port, ...extra });
const podWithPorts = (name: string, ports: Record<string, unknown>[], nodeName?: string) =>
  ({ spec: { containers: [{ name: "c", image: "x", ports }] }, ...(nodeName ? { nodeName } : {}), name });
const portCase = (name: string, existing: Record<string, unknown>[], wanted: Record<string, unknown>[], fits: boolean): Case => ({
  name,
  nodes: [node("n1")],
  runningPods: [running("old", "n1", { spec: podWithPorts("old", existing).spec })],
  pod: planned("new", { spec: podWithPorts("new", wanted).spec }),
  ...(fits ? { node: "n1" } : { message: "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports." }),
});

const nodePorts: Case[] = [
  portCase("the same host port conflicts", [hostPort(80)], [hostPort(80)], false),
  portCase("another host port does not", [hostPort(80)], [hostPort(81)], true),
  portCase("the same port over UDP does not", [hostPort(53)], [hostPort(53, { protocol: "UDP" })], true),
  portCase("two specific host IPs do not conflict", [hostPort(80, { hostIP: "10.0.0.1" })], [hostPort(80, { hostIP: "10.0.0.2" })], true),
  portCase("0.0.0.0 conflicts with a specific IP", [hostPort(80, { hostIP: "10.0.0.1" })], [hostPort(80)], false),
  portCase("a specific IP conflicts with 0.0.0.0", [hostPort(80)], [hostPort(80, { hostIP: "10.0.0.1" })], false),
];

const containers = (...requests: [string, string][]) => requests.map(([cpu, memory], i) => ({ name: `c${i}`, image: "x", resources: { requests: { cpu, memory } } }));

const resources: Case[] = [
  {
    name: "cpu",
    nodes: [node("n1", { cpu: "1" })],
    pod: planned("p", { cpu: "1500m" }),
    message: "0/1 nodes are available: 1 Insufficient cpu.",
  },
  {
    name: "cpu and memory are two reasons of one node",
    nodes: [node("n1", { cpu: "1", memory: "1Gi" })],
    pod: planned("p", { cpu: "2", memory: "2Gi" }),
    message: "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.",
  },
  {
    name: "requests of running pods count",
    nodes: [node("n1", { cpu: "2" })],
    runningPods: [running("old", "n1", { cpu: "1500m" })],
    pod: planned("p", { cpu: "600m" }),
    message: "0/1 nodes are available: 1 Insufficient cpu.",
  },
  {
    name: "the node's pod capacity",
    nodes: [node("n1", { pods: "1" })],
    runningPods: [running("old", "n1")],
    pod: planned("p"),
    message: "0/1 nodes are available: 1 Too many pods.",
  },
  {
    name: "extended resources: a node without GPUs",
    nodes: [node("n1")],
    pod: planned("p", { spec: { containers: [{ name: "c", image: "x", resources: { requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "1" } } }] } }),
    message: "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.",
  },
  {
    name: "extended resources: a node with a free GPU",
    nodes: [node("n1"), node("gpu", { allocatable: { "nvidia.com/gpu": "2" } })],
    pod: planned("p", { spec: { containers: [{ name: "c", image: "x", resources: { requests: { "nvidia.com/gpu": "2" } } }] } }),
    node: "gpu",
  },
  {
    name: "an init container larger than the containers sets the request",
    nodes: [node("n1", { cpu: "2" })],
    pod: planned("p", { spec: { containers: containers(["500m", "1Gi"]), initContainers: containers(["3", "1Gi"]) } }),
    message: "0/1 nodes are available: 1 Insufficient cpu.",
  },
  {
    name: "init containers run one at a time: the largest counts, not the sum",
    nodes: [node("n1", { cpu: "2" })],
    pod: planned("p", { spec: { containers: containers(["500m", "1Gi"]), initContainers: containers(["2", "1Gi"], ["2", "1Gi"]) } }),
    node: "n1",
  },
  {
    name: "restartable (sidecar) init containers add to the containers",
    nodes: [node("n1", { cpu: "2" })],
    pod: planned("p", {
      spec: {
        containers: containers(["1500m", "1Gi"]),
        initContainers: [{ name: "proxy", image: "x", restartPolicy: "Always", resources: { requests: { cpu: "600m" } } }],
      },
    }),
    message: "0/1 nodes are available: 1 Insufficient cpu.",
  },
  {
    name: "pod overhead counts",
    nodes: [node("n1", { cpu: "2" })],
    pod: planned("p", { cpu: "1900m", spec: { overhead: { cpu: "250m" } } }),
    message: "0/1 nodes are available: 1 Insufficient cpu.",
  },
  {
    name: "ephemeral-storage",
    nodes: [node("n1", { allocatable: { "ephemeral-storage": "10Gi" } })],
    pod: planned("p", { spec: { containers: [{ name: "c", image: "x", resources: { requests: { "ephemeral-storage": "20Gi" } } }] } }),
    message: "0/1 nodes are available: 1 Insufficient ephemeral-storage.",
  },
];

const reasonsCounted: Case[] = [
  {
    name: "the reasons are counted per node and sorted as upstream's FitError",
    nodes: [
      node("gpu", { taints: [gpuTaint] }),
      node("cordoned", { unschedulable: true, memory: "1Gi" }),
      node("m1", { memory: "2Gi" }),
      node("m2", { memory: "2Gi" }),
      node("m3", { memory: "2Gi" }),
    ],
    pod: planned("p", { memory: "4Gi" }),
    message:
      "0/5 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}, 1 node(s) were unschedulable, 3 Insufficient memory.",
  },
  {
    name: "only the first failing filter counts for a node",
    nodes: [node("n1", { unschedulable: true, taints: [gpuTaint], cpu: "1" })],
    pod: planned("p", { cpu: "2" }),
    message: "0/1 nodes are available: 1 node(s) were unschedulable.",
  },
  {
    name: "counts sort as strings: 10 before 2",
    nodes: [
      ...Array.from({ length: 10 }, (_, i) => node(`small-${i}`, { cpu: "1" })),
      node("t1", { taints: [gpuTaint] }),
      node("t2", { taints: [gpuTaint] }),
    ],
    pod: planned("p", { cpu: "2" }),
    version: "1.35",
    message: "0/12 nodes are available: 10 Insufficient cpu, 2 node(s) had untolerated taint(s).",
  },
];

describe("Filter plugins and FailedScheduling messages", () => {
  const groups: [string, Case[]][] = [
    ["NodeUnschedulable", nodeUnschedulable],
    ["TaintToleration", taints],
    ["NodeAffinity", nodeAffinity],
    ["DaemonSet pods", daemonSetPods],
    ["NodePorts", nodePorts],
    ["NodeResourcesFit", resources],
    ["FitError", reasonsCounted],
  ];
  for (const [group, cases] of groups) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => check(c));
    });
  }
});

// The static filters' verdicts are worked out once per node for pods with the
// same nodeName, tolerations and node affinity: pods that differ in any of them
// in one run must each get their own.
describe("static verdicts shared between pods of one run", () => {
  const nodes = [
    node("a-general", { labels: { pool: "general" } }),
    node("b-gpu", { labels: { pool: "gpu" }, taints: [gpuTaint] }),
    node("c-cordoned", { labels: { pool: "general" }, unschedulable: true }),
  ];
  const tolerateGpu = [{ key: "nvidia.com/gpu", operator: "Exists" }];
  const tolerateCordon = [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }];
  const gpuOnly = { nodeSelector: { pool: "gpu" } };
  it.each([
    ["the same pod twice", [{}, {}], ["a-general", "a-general"]],
    ["a toleration after a pod without", [gpuOnly, { ...gpuOnly, tolerations: tolerateGpu }], [null, "b-gpu"]],
    ["no toleration after a pod with one", [{ ...gpuOnly, tolerations: tolerateGpu }, gpuOnly], ["b-gpu", null]],
    ["another node selector", [{ nodeSelector: { pool: "general" }, tolerations: tolerateCordon }, { ...gpuOnly, tolerations: tolerateCordon }], ["a-general", null]],
    ["a cordon toleration after a pod without", [{ nodeSelector: { pool: "general" }, cpu: "3" }, { nodeSelector: { pool: "general" }, cpu: "3", tolerations: tolerateCordon }, { nodeSelector: { pool: "general" }, cpu: "3" }], ["a-general", "c-cordoned", null]],
  ])("%s", (_name, specs, expected) => {
    const pods = specs.map((spec, i) => {
      const { cpu, ...rest } = spec as Record<string, unknown>;
      return planned(`p${i}`, { spec: rest, cpu: cpu as string | undefined });
    });
    const result = run({ nodes, pods, runningPods: [], kubernetesVersion: "1.35" });
    expect(result.pods.map((p) => p.node)).toEqual(expected);
  });

  it("a pod that fits nowhere still has every node's reason", () => {
    const pods = [planned("fits", { spec: gpuOnly }), planned("fits-nowhere", { spec: gpuOnly })];
    pods[0]!.pod.spec!.tolerations = tolerateGpu;
    const result = run({ nodes, pods, runningPods: [], kubernetesVersion: "1.35" });
    expect(result.pods.map((p) => p.node)).toEqual(["b-gpu", null]);
    expect(fitError(result.pods[1]!.reason)).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable.",
    );
  });
});
