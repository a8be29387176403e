#!/usr/bin/env node
// Benchmark of the diff stage: 5,000 manifests (Deployments, Services,
// ConfigMaps, Secrets, StatefulSets in 50 namespaces) against a 5,000-object
// snapshot stored as the API server stores them (defaults, server fields,
// last-applied-configuration), with 10% of the manifests changed. Prints one
// JSON line with the median of several runs of planChanges. Run after
// `npx tsc -p .` (imports from dist/).
import { performance } from "node:perf_hooks";
import { planChanges } from "../../dist/diff/index.js";

const OBJECTS = 5_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function deployment(i, changed) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `web-${i}`, namespace: `team-${i % 50}`, labels: { "app.kubernetes.io/name": `web-${i}`, "app.kubernetes.io/part-of": "shop" } },
    spec: {
      replicas: 1 + (i % 4),
      selector: { matchLabels: { "app.kubernetes.io/name": `web-${i}` } },
      template: {
        metadata: { labels: { "app.kubernetes.io/name": `web-${i}`, "app.kubernetes.io/part-of": "shop" } },
        spec: {
          containers: [
            {
              name: "app",
              image: `registry.example.com/team-${i % 50}/web:${changed ? "2.0.0" : `1.${i % 11}.0`}`,
              ports: [{ name: "http", containerPort: 8080 }],
              env: [
                { name: "LOG_LEVEL", value: "info" },
                { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } },
              ],
              envFrom: [{ configMapRef: { name: `settings-${i}` } }],
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "1", memory: "512Mi" } },
              readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 5 },
              volumeMounts: [{ name: "config", mountPath: "/etc/app" }],
            },
          ],
          volumes: [{ name: "config", configMap: { name: `settings-${i}` } }],
        },
      },
    },
  };
}

function service(i, changed) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: `web-${i}`, namespace: `team-${i % 50}`, labels: { "app.kubernetes.io/name": `web-${i}` } },
    spec: { selector: { "app.kubernetes.io/name": `web-${i}` }, ports: [{ name: "http", port: 80, targetPort: changed ? 8081 : "http" }] },
  };
}

function configMap(i, changed) {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `settings-${i}`, namespace: `team-${i % 50}` },
    data: { LOG_FORMAT: changed ? "text" : "json", "app.conf": `listen 8080;\nworkers ${1 + (i % 8)};\n` },
  };
}

function secret(i, changed) {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: `credentials-${i}`, namespace: `team-${i % 50}` },
    stringData: { username: `user-${i}`, password: changed ? `rotated-${i}` : `secret-${i}` },
  };
}

function statefulSet(i, changed) {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: `db-${i}`, namespace: `team-${i % 50}` },
    spec: {
      serviceName: `db-${i}`,
      replicas: 3,
      selector: { matchLabels: { app: `db-${i}` } },
      template: {
        metadata: { labels: { app: `db-${i}` } },
        spec: { containers: [{ name: "postgres", image: changed ? "postgres:16.4" : "postgres:16.3", ports: [{ containerPort: 5432 }], volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }] }] },
      },
      volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } }],
    },
  };
}

const MAKERS = [deployment, deployment, deployment, deployment, service, service, service, configMap, configMap, secret, statefulSet, configMap, service, deployment, deployment, service, configMap, secret, statefulSet, configMap];

function manifests(changedEvery) {
  return Array.from({ length: OBJECTS }, (_, i) => MAKERS[i % MAKERS.length](i, changedEvery > 0 && i % changedEvery === 3));
}

/** The snapshot: each unchanged manifest as the server stores it, with server fields. */
function snapshot() {
  const desired = manifests(0);
  const created = planChanges({ desired: desired.map((object) => ({ object })), current: [], kubernetesVersion: "1.36" });
  const byIdentity = new Map(desired.map((object) => [`${object.kind}/${object.metadata.namespace}/${object.metadata.name}`, object]));
  return created.changes.map((change, i) => {
    const manifest = byIdentity.get(`${change.kind}/${change.namespace}/${change.name}`);
    const stored = structuredClone(change.patch[0].value);
    stored.metadata.uid = `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    stored.metadata.resourceVersion = String(100000 + i);
    stored.metadata.creationTimestamp = "2025-03-11T08:42:17Z";
    stored.metadata.annotations = { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify(manifest) };
    if (stored.kind === "Service") {
      const ip = `10.96.${Math.floor(i / 250)}.${i % 250}`;
      Object.assign(stored.spec, { clusterIP: ip, clusterIPs: [ip], ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack" });
    }
    if (stored.kind === "Secret") stored.data = Object.fromEntries(Object.entries(manifest.stringData).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
    if (stored.kind === "Deployment" || stored.kind === "StatefulSet") stored.status = { replicas: stored.spec.replicas, readyReplicas: stored.spec.replicas };
    return stored;
  });
}

const current = snapshot();
const desired = manifests(10).map((object) => ({ object }));
const times = [];
let plan;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  plan = planChanges({ desired, current, kubernetesVersion: "1.36" });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const medianMs = Math.round(times[Math.floor(times.length / 2)]);
console.log(JSON.stringify({ name: "diff 5000 objects", medianMs, changed: plan.counts.change + plan.counts.replace, unchanged: plan.counts.unchanged }));
