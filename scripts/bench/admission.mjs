// Benchmark: expansion + admission of 10,000 pods in 50 namespaces with quotas
// and limit ranges. Run after `npx tsc -p .`; prints one JSON line.
import { runAdmission } from "../../dist/admission/index.js";
import { loadClusterSnapshot } from "../../dist/cluster/snapshot.js";
import { expandWorkloads } from "../../dist/expand/index.js";
import { loadText } from "../../dist/load/index.js";

const NAMESPACES = 50;
const DEPLOYMENTS = 18; // × 10 replicas, plus a StatefulSet of 10 and a Job of 10: 200 pods per namespace
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function namespaceManifests(i) {
  const ns = `team-${i}`;
  const docs = [
    `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted}`,
    `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: ${ns}}
spec: {hard: {requests.cpu: "40", requests.memory: 60Gi, limits.memory: 120Gi, pods: "190", count/deployments.apps: "30"}}`,
    `apiVersion: v1
kind: ResourceQuota
metadata: {name: best-effort, namespace: ${ns}}
spec: {hard: {pods: "5"}, scopes: [BestEffort]}`,
    `apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: ${ns}}
spec:
  limits:
    - {type: Container, default: {memory: 512Mi}, defaultRequest: {cpu: 100m, memory: 256Mi}, max: {memory: 4Gi}, maxLimitRequestRatio: {memory: 4}}
    - {type: PersistentVolumeClaim, max: {storage: 50Gi}}`,
  ];
  for (let d = 0; d < DEPLOYMENTS; d++) {
    const resources = d % 3 === 0 ? "{}" : `{requests: {cpu: ${100 + d * 10}m, memory: ${128 + d * 16}Mi}, limits: {memory: ${256 + d * 32}Mi}}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${d}, namespace: ${ns}}
spec:
  replicas: 10
  selector: {matchLabels: {app: app-${d}}}
  template:
    metadata: {labels: {app: app-${d}}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: app
          image: registry.example.com/app-${d}:1.0.${d}
          ports: [{containerPort: 8080}]
          resources: ${resources}
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}`);
  }
  docs.push(`apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${ns}}
spec:
  replicas: 10
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: postgres:16.4, resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}}]}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}`);
  docs.push(`apiVersion: batch/v1
kind: Job
metadata: {name: batch, namespace: ${ns}}
spec:
  parallelism: 10
  template:
    spec: {restartPolicy: Never, containers: [{name: work, image: busybox:1.36}]}`);
  return docs.join("\n---\n");
}

const text = Array.from({ length: NAMESPACES }, (_, i) => namespaceManifests(i)).join("\n---\n");
const { documents } = loadText(text, "bench.yaml");
const { snapshot } = loadClusterSnapshot([new URL("../../samples/cluster", import.meta.url).pathname]);
const now = new Date("2025-01-01T00:00:00Z");

function once() {
  const started = process.hrtime.bigint();
  const expansion = expandWorkloads(documents, snapshot, { now });
  const result = runAdmission({ documents, pods: expansion.pods, snapshot, kubernetesVersion: "1.36", expansion });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, pods: result.pods.length, admitted: result.pods.filter((p) => p.admitted).length };
}

once(); // warm-up
const runs = Array.from({ length: RUNS }, once);
const times = runs.map((r) => r.ms).sort((a, b) => a - b);
const medianMs = Math.round(times[Math.floor(times.length / 2)]);
console.log(JSON.stringify({ name: "expand+admit 10000 pods", medianMs, pods: runs[0].pods, admitted: runs[0].admitted }));
