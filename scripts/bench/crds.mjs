// The CRD-heavy corpus of the benchmark: big CustomResourceDefinitions (schemas
// the size of prometheus-operator's, which embed a whole PodSpec) and a few
// hundred custom resources, all valid. Reads the Pod schema from dist/ (run
// after `npx tsc -p .`).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { loadKindSchema } from "../../dist/schema/index.js";

const CRD_KINDS = 12;
const KINDS_WITH_RESOURCES = 4;
const RESOURCES_PER_KIND = 75;
const RESOURCES_PER_FILE = 25;
const MAX_DEPTH = 16;

const description = (name) =>
  `${name} is described here the way operator CRDs describe every field, copied from the Go documentation of the type: what it does, its default, and a link to the Kubernetes documentation. More info: https://kubernetes.io/docs/`;

/** A generated schema node (kubeplan's format) as a CRD's openAPIV3Schema node, descriptions included. */
function crdNode(node, name, depth) {
  if (depth > MAX_DEPTH) return { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  const out = { description: description(name) };
  if (node.format === "int-or-string" || node.format === "quantity") {
    out.anyOf = [{ type: "integer" }, { type: "string" }];
    out["x-kubernetes-int-or-string"] = true;
    if (node.format === "quantity") out.pattern = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
    return out;
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  if (type) out.type = type;
  if (["int32", "int64", "byte", "date-time"].includes(node.format)) out.format = node.format;
  // Each value once: JSON Schema wants unique enum values, and kubeconform refuses a schema without them.
  if (node.k8sEnum) out.enum = node.k8sEnum.empty ? [...new Set([...node.k8sEnum.values, ""])] : node.k8sEnum.values;
  for (const key of ["x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type"]) if (node[key] !== undefined) out[key] = node[key];
  if (node.properties) {
    out.properties = {};
    for (const [child, schema] of Object.entries(node.properties)) out.properties[child] = crdNode(schema, child, depth + 1);
  }
  if (node.required?.length) out.required = node.required;
  if (node.items) out.items = crdNode(node.items, `${name} item`, depth + 1);
  if (out.items?.properties) setListMapKeyDefaults(out);
  if (node.additionalProperties && typeof node.additionalProperties === "object") out.additionalProperties = crdNode(node.additionalProperties, `${name} value`, depth + 1);
  if (!out.type && !out.properties) out["x-kubernetes-preserve-unknown-fields"] = true;
  return out;
}

/** The defaults the Go types give list-map keys that are not required (`+default="TCP"`), as controller-gen writes them. */
const LIST_MAP_KEY_DEFAULTS = { protocol: "TCP", name: "" };

/** A list-map key must be required or have a default, or the API server refuses the CRD. */
function setListMapKeyDefaults(list) {
  for (const key of list["x-kubernetes-list-map-keys"] ?? []) {
    const property = list.items.properties[key];
    if (property && !list.items.required?.includes(key) && LIST_MAP_KEY_DEFAULTS[key] !== undefined) property.default = LIST_MAP_KEY_DEFAULTS[key];
  }
}

function customResourceDefinition(index, podSpec) {
  const kind = `Workload${index}`;
  const plural = `workload${index}s`;
  const spec = {
    type: "object",
    description: description("spec"),
    required: ["version"],
    "x-kubernetes-validations": [{ rule: "!has(self.shards) || self.shards <= self.replicas", message: "shards must not exceed replicas" }],
    properties: {
      version: { type: "string", pattern: "^v?[0-9]+\\.[0-9]+\\.[0-9]+$", description: description("version") },
      replicas: { type: "integer", format: "int32", minimum: 0, maximum: 100, default: 1, description: description("replicas") },
      shards: { type: "integer", format: "int32", minimum: 1, description: description("shards") },
      retention: { type: "string", pattern: "^[0-9]+(ms|s|m|h|d|w|y)$", description: description("retention") },
      logLevel: { type: "string", enum: ["debug", "info", "warn", "error"], description: description("logLevel") },
      externalLabels: { type: "object", additionalProperties: { type: "string" }, description: description("externalLabels") },
      podMetadata: { type: "object", "x-kubernetes-preserve-unknown-fields": true, description: description("podMetadata") },
      template: { type: "object", properties: { spec: crdNode(podSpec, "spec", 2) }, description: description("template") },
      containers: crdNode(podSpec.properties.containers, "containers", 1),
      initContainers: crdNode(podSpec.properties.initContainers, "initContainers", 1),
      volumes: crdNode(podSpec.properties.volumes, "volumes", 1),
      storage: {
        type: "object",
        description: description("storage"),
        properties: { volumeClaimTemplate: { type: "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true, description: description("volumeClaimTemplate") } },
      },
    },
  };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.monitoring.example.com` },
    spec: {
      group: "monitoring.example.com",
      scope: "Namespaced",
      names: { plural, singular: `workload${index}`, kind, listKind: `${kind}List` },
      versions: [
        { name: "v1", served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: "object", description: description(kind), properties: { spec, status: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } } } },
      ],
    },
  };
}

function customResource(kindIndex, i) {
  return {
    apiVersion: "monitoring.example.com/v1",
    kind: `Workload${kindIndex}`,
    metadata: { name: `w${kindIndex}-${i}`, namespace: `team-${i % 20}`, labels: { "app.kubernetes.io/name": `w${i}` } },
    spec: {
      version: `v2.${i % 50}.0`,
      replicas: 1 + (i % 5),
      shards: 1,
      retention: "15d",
      logLevel: "info",
      externalLabels: { cluster: "prod", replica: `r${i}` },
      podMetadata: { labels: { team: `t${i % 20}` } },
      storage: { volumeClaimTemplate: { apiVersion: "v1", kind: "PersistentVolumeClaim", spec: { resources: { requests: { storage: "50Gi" } } } } },
      containers: [
        {
          name: "app",
          image: `registry.example.com/app:${i % 9}.0.0`,
          args: ["--config=/etc/app/config.yaml", `--log.level=info`],
          ports: [{ name: "web", containerPort: 9090 }],
          env: [{ name: "GOMAXPROCS", value: "2" }, { name: "POD_NAME", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }],
          resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "1Gi" } },
          readinessProbe: { httpGet: { path: "/-/ready", port: "web" }, periodSeconds: 5 },
          volumeMounts: [{ name: "config", mountPath: "/etc/app" }],
        },
      ],
      volumes: [{ name: "config", configMap: { name: `w${i}-config` } }],
    },
  };
}

/** Writes the corpus into `dir`: { documents, crdBytes, resources }. */
export function writeCrdCorpus(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const podSpec = loadKindSchema("1.36", "v1", "Pod").properties.spec;
  let crdBytes = 0;
  for (let k = 0; k < CRD_KINDS; k++) {
    const text = stringify(customResourceDefinition(k, podSpec), { aliasDuplicateObjects: false, lineWidth: 0 });
    crdBytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `crd-${String(k).padStart(2, "0")}.yaml`), text);
  }
  let resources = 0;
  for (let k = 0; k < KINDS_WITH_RESOURCES; k++) {
    for (let start = 0; start < RESOURCES_PER_KIND; start += RESOURCES_PER_FILE) {
      const docs = [];
      for (let i = start; i < Math.min(start + RESOURCES_PER_FILE, RESOURCES_PER_KIND); i++) docs.push(stringify(customResource(k, i), { lineWidth: 0 }));
      resources += docs.length;
      writeFileSync(join(dir, `resources-${k}-${String(start).padStart(3, "0")}.yaml`), docs.join("---\n"));
    }
  }
  return { documents: CRD_KINDS + resources, crdBytes, resources };
}
