// Rules must never throw on malformed objects: every value of realistic
// manifests is replaced, one at a time, by values of every other type.
import { describe, expect, it } from "vitest";
import { Inventory } from "../../src/inventory.js";
import { loadText } from "../../src/load/index.js";
import { ALL_RULES } from "../../src/rules/index.js";

const podSpec = {
  serviceAccountName: "sa",
  imagePullSecrets: [{ name: "reg" }],
  nodeSelector: { disk: "ssd" },
  topologySpreadConstraints: [{ labelSelector: { matchLabels: { app: "web" } } }],
  containers: [
    {
      name: "app",
      ports: [{ name: "http", containerPort: 80, hostPort: 8080, protocol: "TCP" }],
      env: [{ name: "A", value: "a", valueFrom: { configMapKeyRef: { name: "cfg", key: "k" } } }],
      resources: { limits: { memroy: "1Gi" }, requests: { cpu: "1" } },
      envFrom: [{ secretRef: { name: "s" } }],
      volumeMounts: [{ name: "data", mountPath: "/d" }],
      volumeDevices: [{ name: "raw", devicePath: "/dev/x" }],
      livenessProbe: { httpGet: { port: "http" }, grpc: { port: 9000 } },
      lifecycle: { preStop: { tcpSocket: { port: 80 } } },
    },
  ],
  initContainers: [{ name: "init", ports: [{ containerPort: 80 }] }],
  volumes: [
    { name: "data", persistentVolumeClaim: { claimName: "c" } },
    { name: "cfg", configMap: { name: "cfg", items: [{ key: "k", path: "p" }] } },
    { name: "proj", projected: { sources: [{ secret: { name: "s", items: [{ key: "x", path: "y" }] } }] } },
  ],
};
const template = { metadata: { labels: { app: "web" }, annotations: { a: "b" } }, spec: podSpec };
const selector = { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["a"] }] };
const metadata = { name: "web", namespace: "ns", generateName: "web-", labels: { app: "web" }, annotations: { note: "x" } };

const SAMPLES: object[] = [
  { apiVersion: "v1", kind: "Pod", metadata, spec: podSpec },
  { apiVersion: "apps/v1", kind: "Deployment", metadata, spec: { selector, template, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: "0%" } } } },
  { apiVersion: "apps/v1", kind: "StatefulSet", metadata, spec: { selector, template, replicas: 2, volumeClaimTemplates: [{ metadata: { name: "data" } }] } },
  { apiVersion: "apps/v1", kind: "DaemonSet", metadata, spec: { selector, template, updateStrategy: { rollingUpdate: { maxSurge: 1 } } } },
  { apiVersion: "batch/v1", kind: "Job", metadata, spec: { manualSelector: true, selector, template } },
  { apiVersion: "batch/v1", kind: "CronJob", metadata, spec: { schedule: "0 0 * * 7", timeZone: "Europe/Paris", jobTemplate: { metadata, spec: { selector, manualSelector: true, template } } } },
  { apiVersion: "v1", kind: "ReplicationController", metadata, spec: { selector: { app: "web" }, template } },
  { apiVersion: "v1", kind: "PodTemplate", metadata, template },
  { apiVersion: "v1", kind: "Service", metadata, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ name: "a", port: 80, targetPort: "http", nodePort: 30000 }], healthCheckNodePort: 1 } },
  { apiVersion: "v1", kind: "Secret", metadata, type: "kubernetes.io/tls", data: { "tls.crt": "eA==" }, stringData: { a: "b" } },
  { apiVersion: "v1", kind: "ConfigMap", metadata, data: { a: "b" }, binaryData: { a: "eA==" } },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata, spec: { defaultBackend: { service: { name: "web", port: { number: 80 } } }, rules: [{ http: { paths: [{ backend: { serviceName: "x", servicePort: "http" } }] } }] } },
  {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata,
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
      minReplicas: 0,
      maxReplicas: 3,
      metrics: [{ type: "Object" }],
      behavior: { scaleUp: { stabilizationWindowSeconds: 5, policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] } },
    },
  },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata, roleRef: { kind: "Role", name: "r" } },
  { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata, spec: { group: "g", names: { plural: "p" } } },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata, spec: { selector, minAvailable: 1, maxUnavailable: "10%" } },
];

const REPLACEMENTS: unknown[] = [null, 42, -1.5, "text", "", true, [], {}, [null], [42], ["a"], { x: null }];

/** Every path to a value in the object (objects and arrays included), but not the envelope. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push([...prefix, i], ...paths(item, [...prefix, i])));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (prefix.length === 0 && (key === "apiVersion" || key === "kind")) continue;
      out.push([...prefix, key], ...paths(item, [...prefix, key]));
    }
  }
  return out;
}

function replaced(root: object, path: Array<string | number>, replacement: unknown): object {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy;
}

/** Runs every rule on each object, with the others in the inventory. */
function runAll(objects: object[], kubernetesVersion = "1.36"): void {
  const documents = loadText(objects.map((o) => JSON.stringify(o)).join("\n---\n"), "fuzz.yaml").documents;
  const inventory = new Inventory();
  inventory.addDocuments(documents);
  for (const document of documents) for (const rule of ALL_RULES) rule.check(document, { inventory, kubernetesVersion });
}

describe("rules on malformed objects", () => {
  it.each(SAMPLES.map((s) => [(s as { kind: string }).kind, s]))("never throw on a %s with any value of any type", (_kind, sample) => {
    let runs = 0;
    for (const path of paths(sample)) {
      REPLACEMENTS.forEach((replacement, i) => {
        // The intact sample stays in the inventory, for the rules that look objects up.
        const version = i % 2 === 0 ? "1.36" : "1.28";
        expect(() => runAll([replaced(sample as object, path, replacement), sample as object], version)).not.toThrow();
        runs++;
      });
    }
    expect(runs).toBeGreaterThan(REPLACEMENTS.length);
  });

  it("never throw on bare envelopes", () => {
    for (const sample of SAMPLES) {
      const { apiVersion, kind } = sample as { apiVersion: string; kind: string };
      expect(() => runAll([{ apiVersion, kind }, { apiVersion, kind, metadata: null, spec: null }, { apiVersion, kind, metadata: "x", spec: [] }, ...SAMPLES])).not.toThrow();
    }
  });
});
