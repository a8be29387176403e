// The create path of the core objects (Secret, LimitRange, ResourceQuota,
// PersistentVolume and claim), networking, discovery, RBAC, storage, scheduling and
// admission kinds never throws on a malformed object: every value of a full
// sample is replaced, one at a time, by values of every other type.
import { describe, expect, it } from "vitest";
import { createObject } from "../../../src/apiserver/index.js";
import type { KubeObject } from "../../../src/types.js";

const metadata = { name: "demo.example.com", namespace: "ns", labels: { a: "b" } };
const selector = { matchLabels: { a: "b" }, matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] };
const rules = [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods", "pods/status"], resourceNames: ["a"], scope: "*" }];
const webhook = {
  name: "check.example.com",
  clientConfig: { url: "https://h.example.com/x", service: { name: "s", namespace: "n", path: "/p", port: 443 } },
  rules,
  failurePolicy: "Fail",
  matchPolicy: "Equivalent",
  sideEffects: "None",
  timeoutSeconds: 10,
  namespaceSelector: selector,
  objectSelector: selector,
  reinvocationPolicy: "Never",
  admissionReviewVersions: ["v1"],
  matchConditions: [{ name: "c", expression: "object != null" }],
};

const SAMPLES: Array<Record<string, unknown>> = [
  { apiVersion: "v1", kind: "Secret", metadata, type: "kubernetes.io/tls", data: { "tls.crt": "eA==", "tls.key": "eA==" }, stringData: { ".dockerconfigjson": "{}" } },
  {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata,
    spec: { limits: [{ type: "Container", max: { cpu: "2" }, min: { cpu: "1" }, default: { cpu: "1" }, defaultRequest: { cpu: "1" }, maxLimitRequestRatio: { cpu: "2" } }] },
  },
  {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata,
    spec: { hard: { pods: "1" }, scopes: ["NotTerminating"], scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In", values: ["a"] }] } },
  },
  {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata,
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, dataSource: { kind: "PersistentVolumeClaim", name: "a" }, selector, volumeMode: "Block" },
  },
  {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata,
    spec: {
      accessModes: ["ReadWriteOnce"],
      capacity: { storage: "1Gi" },
      iscsi: { targetPortal: "t", iqn: "iqn.2001-04.com.example:d", initiatorName: "iqn.2001-04.com.example:i", secretRef: { name: "s" } },
      csi: { driver: "d", volumeHandle: "h", nodePublishSecretRef: { name: "s", namespace: "n" } },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] }] } },
      volumeAttributesClassName: "gold",
    },
  },
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata,
    spec: {
      podSelector: selector,
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: selector, namespaceSelector: selector, ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }], ports: [{ protocol: "TCP", port: 80, endPort: 90 }] }],
      egress: [{ to: [{ ipBlock: { cidr: "::/0" } }], ports: [{ port: "http" }] }],
    },
  },
  {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { ...metadata, annotations: { "kubernetes.io/ingress.class": "x" } },
    spec: {
      ingressClassName: "nginx",
      defaultBackend: { resource: { apiGroup: "g", kind: "K", name: "n" } },
      tls: [{ hosts: ["a.example.com"], secretName: "s" }],
      rules: [{ host: "*.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80, name: "http" } } } }] } }],
    },
  },
  { apiVersion: "networking.k8s.io/v1", kind: "ServiceCIDR", metadata, spec: { cidrs: ["10.0.0.0/8", "fd00::/64"] }, status: { conditions: [] } },
  { apiVersion: "storage.k8s.io/v1", kind: "VolumeAttributesClass", metadata, driverName: "d.example.com", parameters: { iops: "3000" } },
  { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata, spec: { controller: "example.com/c", parameters: { apiGroup: "g", kind: "K", name: "n", scope: "Namespace", namespace: "ns" } } },
  {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata,
    addressType: "IPv4",
    endpoints: [{ addresses: ["10.0.0.1"], hostname: "h", nodeName: "n", deprecatedTopology: { a: "b" }, hints: { forZones: [{ name: "z" }] } }],
    ports: [{ name: "http", port: 80, protocol: "TCP", appProtocol: "http" }],
  },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata, rules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods"], nonResourceURLs: ["/x"] }], aggregationRule: { clusterRoleSelectors: [selector] } },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" }, subjects: [{ kind: "ServiceAccount", name: "sa", namespace: "ns" }] },
  { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata, provisioner: "p", parameters: { a: "b" }, reclaimPolicy: "Delete", volumeBindingMode: "Immediate", allowedTopologies: [{ matchLabelExpressions: [{ key: "k", values: ["v"] }] }] },
  { apiVersion: "storage.k8s.io/v1", kind: "CSIDriver", metadata, spec: { attachRequired: true, fsGroupPolicy: "File", tokenRequests: [{ audience: "a", expirationSeconds: 600 }], volumeLifecycleModes: ["Persistent"], nodeAllocatableUpdatePeriodSeconds: 60 } },
  { apiVersion: "storage.k8s.io/v1", kind: "VolumeAttachment", metadata, spec: { attacher: "a.b", nodeName: "n", source: { persistentVolumeName: "pv" } }, status: { attached: true } },
  { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata, value: 10, globalDefault: false, preemptionPolicy: "Never" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata, webhooks: [webhook] },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata, webhooks: [webhook] },
  {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata,
    spec: {
      failurePolicy: "Fail",
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      matchConstraints: { resourceRules: rules, excludeResourceRules: rules, namespaceSelector: selector, objectSelector: selector, matchPolicy: "Exact" },
      matchConditions: [{ name: "c", expression: "true" }],
      variables: [{ name: "v", expression: "1" }],
      validations: [{ expression: "true", message: "m", messageExpression: "'m'", reason: "Invalid" }],
      auditAnnotations: [{ key: "k", valueExpression: "'v'" }],
    },
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata,
    spec: { policyName: "p", paramRef: { name: "n", selector, parameterNotFoundAction: "Deny" }, matchResources: { resourceRules: rules }, validationActions: ["Deny", "Audit"] },
  },
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

function replaced(root: object, path: Array<string | number>, replacement: unknown): KubeObject {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = replacement;
  return copy as KubeObject;
}

describe("the create path of these groups on malformed objects", () => {
  it.each(SAMPLES.map((s) => [s.kind as string, s]))("never throws on a %s with any value of any type", (_kind, sample) => {
    for (const path of paths(sample)) {
      REPLACEMENTS.forEach((replacement, i) => {
        const kubernetesVersion = i % 2 === 0 ? "1.36" : "1.30";
        expect(() => createObject(replaced(sample, path, replacement), { kubernetesVersion })).not.toThrow();
      });
    }
  });
});
