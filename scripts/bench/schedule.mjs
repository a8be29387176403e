#!/usr/bin/env node
// Benchmark of the scheduling simulation: 10,000 mixed pods (plain, node
// affinity, anti-affinity by hostname and by zone, topology spread) placed on
// 100, 1,000 and 5,000 nodes in 3 zones. Prints one JSON line per size with
// the median of several runs. Run after `npx tsc -p .` (imports from dist/).
import { performance } from "node:perf_hooks";
import { schedule } from "../../dist/scheduler/index.js";

const PODS = 10_000;
const SIZES = [100, 1_000, 5_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ZONES = ["zone-a", "zone-b", "zone-c"];

function makeNode(i) {
  const name = `node-${String(i).padStart(5, "0")}`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, "topology.kubernetes.io/zone": ZONES[i % 3], pool: i % 5 === 0 ? "batch" : "general" } },
    spec: {},
    status: { allocatable: { cpu: "32", memory: "128Gi", pods: "110" } },
  };
}

function makePod(workload, index, spec) {
  const labels = { app: workload };
  return {
    pod: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `${workload}-${index}`, namespace: "bench", labels },
      spec: { containers: [{ name: "app", image: "registry.example/app:1", resources: { requests: { cpu: "100m", memory: "128Mi" } } }], ...spec(labels) },
    },
    owner: { apiVersion: "apps/v1", kind: "Deployment", namespace: "bench", name: workload },
  };
}

const kinds = [
  // 40%: plain
  { share: 0.4, replicas: 200, spec: () => ({}) },
  // 20%: required and preferred node affinity
  {
    share: 0.2,
    replicas: 200,
    spec: () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "pool", operator: "In", values: ["general"] }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "NotIn", values: ["zone-c"] }] } }],
        },
      },
    }),
  },
  // 10%: anti-affinity by hostname (one replica per node)
  {
    share: 0.1,
    replicas: 50,
    spec: (labels) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey: "kubernetes.io/hostname" }] } } }),
  },
  // 10%: anti-affinity by zone (one replica per zone)
  {
    share: 0.1,
    replicas: 3,
    spec: (labels) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: labels }, topologyKey: "topology.kubernetes.io/zone" }] } } }),
  },
  // 20%: topology spread over zones (hard) and hosts (soft)
  {
    share: 0.2,
    replicas: 200,
    spec: (labels) => ({
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: labels } },
        { maxSkew: 2, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } },
      ],
    }),
  },
];

function makePods() {
  const pods = [];
  kinds.forEach((kind, k) => {
    const count = Math.round(PODS * kind.share);
    for (let i = 0; i < count; i++) {
      const workload = `w${k}-${Math.floor(i / kind.replicas)}`;
      pods.push(makePod(workload, i % kind.replicas, kind.spec));
    }
  });
  // Interleave the workloads as a plan of many manifests would list them.
  return pods.map((pod, i) => ({ pod, key: (i * 7919) % pods.length })).sort((a, b) => a.key - b.key).map((e) => e.pod);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (const size of SIZES) {
  const input = { pods: makePods(), nodes: Array.from({ length: size }, (_, i) => makeNode(i)), runningPods: [], namespaces: [], kubernetesVersion: "1.34" };
  const times = [];
  let scheduled = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = schedule(input);
    times.push(performance.now() - start);
    scheduled = result.pods.filter((p) => p.node !== null).length;
  }
  console.log(JSON.stringify({ name: `schedule ${PODS} pods on ${size} nodes`, medianMs: Math.round(median(times)), runs: RUNS, scheduled }));
}
