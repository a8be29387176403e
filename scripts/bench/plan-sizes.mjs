// The cluster-size corpus of the benchmark: a snapshot of 5,000 nodes (the
// largest cluster Kubernetes supports) in three zones, a tenth of them tainted
// for batch work, each already running five pods; and manifests that add
// 150,000 pods with a realistic mix of placement rules: plain, node affinity,
// anti-affinity by hostname, spreading by zone, tolerations. Also a single Pod,
// to time a small plan against the same big snapshot.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];

function node(i) {
  const name = `node-${String(i).padStart(5, "0")}`;
  const batch = i % 10 === 0;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      resourceVersion: String(1000 + i),
      labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "topology.kubernetes.io/zone": ZONES[i % 3], pool: batch ? "batch" : "general" },
    },
    spec: batch ? { taints: [{ key: "dedicated", value: "batch", effect: "NoSchedule" }] } : {},
    status: {
      capacity: { cpu: "32", memory: "128Gi", pods: "110" },
      allocatable: { cpu: "31850m", memory: "125Gi", pods: "110" },
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

function runningPod(nodeName, i) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `system-${i}`, namespace: "kube-system", resourceVersion: String(900000 + i), labels: { app: `system-${i % 5}` } },
    spec: { nodeName, containers: [{ name: "agent", image: "registry.example.com/agent:1.0", resources: { requests: { cpu: "200m", memory: "256Mi" } } }] },
    status: { phase: "Running" },
  };
}

/** The placement rules of the i-th Deployment: a fifth of each kind. */
function placement(i, app) {
  switch (i % 5) {
    case 1:
      return { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "pool", operator: "In", values: ["general"] }] }] } } } };
    case 2:
      return { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app } } } }] } } };
    case 3:
      return { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app } } }] };
    case 4:
      return { tolerations: [{ key: "dedicated", operator: "Equal", value: "batch", effect: "NoSchedule" }], nodeSelector: { pool: "batch" } };
    default:
      return {};
  }
}

function deployment(i, replicas) {
  const app = `app-${i}`;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: app, namespace: `team-${i % 20}` },
    spec: {
      replicas,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: {
          ...placement(i, app),
          containers: [{ name: "app", image: `registry.example.com/${app}:1.0.0`, resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } } }],
        },
      },
    },
  };
}

function namespaces() {
  return Array.from({ length: 20 }, (_, i) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: `team-${i}` } }));
}

/** Writes `dir/snapshot.json`, `dir/pods/` (150,000 pods in 300 Deployments) and `dir/one-pod.yaml`. */
export function writePlanCorpus(dir, { nodes = 5_000, podsPerNode = 5, deployments = 300, replicas = 500 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "pods"), { recursive: true });
  const items = [...namespaces().map((n) => ({ ...n, metadata: { ...n.metadata, resourceVersion: "1" } }))];
  for (let i = 0; i < nodes; i++) {
    const n = node(i);
    items.push(n);
    for (let p = 0; p < podsPerNode; p++) items.push(runningPod(n.metadata.name, i * podsPerNode + p));
  }
  writeFileSync(join(dir, "snapshot.json"), JSON.stringify({ apiVersion: "v1", kind: "List", items }));
  const perFile = 50;
  for (let start = 0; start < deployments; start += perFile) {
    const docs = [];
    for (let i = start; i < Math.min(deployments, start + perFile); i++) docs.push(JSON.stringify(deployment(i, replicas)));
    writeFileSync(join(dir, "pods", `deployments-${String(start).padStart(4, "0")}.yaml`), docs.join("\n---\n") + "\n");
  }
  writeFileSync(join(dir, "pods", "namespaces.yaml"), namespaces().map((n) => JSON.stringify(n)).join("\n---\n") + "\n");
  const onePod = { apiVersion: "v1", kind: "Pod", metadata: { name: "one", namespace: "kube-system" }, spec: { containers: [{ name: "app", image: "registry.example.com/one:1.0", resources: { requests: { cpu: "100m", memory: "64Mi" } } }] } };
  writeFileSync(join(dir, "one-pod.yaml"), JSON.stringify(onePod) + "\n");
  return { nodes, runningPods: nodes * podsPerNode, newPods: deployments * replicas };
}
