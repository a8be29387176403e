// ResourceQuota: every quota resource name and scope, usage from the snapshot,
// and the exact `exceeded quota` / `must specify` messages.
import { describe, expect, it } from "vitest";
import { messages, ns, plan } from "./plan.js";

function quota(hard: string, extra = ""): string {
  return `${ns("q")}apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: q}
spec:
  hard: ${hard}${extra}
---
`;
}

function pod(name: string, resources: string, spec = ""): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: q}
spec:${spec}
  containers:
    - {name: app, image: nginx:1.27, resources: ${resources}}
---
`;
}

const service = (name: string, type: string, ports = 1) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: q}
spec:
  type: ${type}
  ports: [${Array.from({ length: ports }, (_, i) => `{name: p${i}, port: ${80 + i}}`).join(", ")}]
---
`;

const claim = (name: string, storage: string, storageClass = "") => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: ${name}, namespace: q}
spec:
  accessModes: [ReadWriteOnce]${storageClass ? `\n  storageClassName: ${storageClass}` : ""}
  resources: {requests: {storage: ${storage}}}
---
`;

const exceeded = (kind: string, name: string, requested: string, used: string, limited: string) =>
  `${kind} "${name}" is forbidden: exceeded quota: q, requested: ${requested}, used: ${used}, limited: ${limited}`;

describe("quota resources", () => {
  const cases: { resource: string; hard: string; objects: string; message: string }[] = [
    { resource: "requests.cpu", hard: "{requests.cpu: 1}", objects: pod("p", "{requests: {cpu: 1500m}}"), message: exceeded("pods", "p", "requests.cpu=1500m", "requests.cpu=0", "requests.cpu=1") },
    { resource: "cpu", hard: "{cpu: 1}", objects: pod("p", "{requests: {cpu: 2}}"), message: exceeded("pods", "p", "cpu=2", "cpu=0", "cpu=1") },
    { resource: "requests.memory", hard: "{requests.memory: 1Gi}", objects: pod("p", "{requests: {memory: 1536Mi}}"), message: exceeded("pods", "p", "requests.memory=1536Mi", "requests.memory=0", "requests.memory=1Gi") },
    { resource: "memory", hard: "{memory: 1G}", objects: pod("p", "{requests: {memory: 1.5G}}"), message: exceeded("pods", "p", "memory=1500M", "memory=0", "memory=1G") },
    { resource: "limits.cpu", hard: "{limits.cpu: 1}", objects: pod("p", "{requests: {cpu: 500m}, limits: {cpu: 2}}"), message: exceeded("pods", "p", "limits.cpu=2", "limits.cpu=0", "limits.cpu=1") },
    { resource: "limits.memory", hard: "{limits.memory: 1Gi}", objects: pod("p", "{limits: {memory: 2Gi}}"), message: exceeded("pods", "p", "limits.memory=2Gi", "limits.memory=0", "limits.memory=1Gi") },
    { resource: "requests.ephemeral-storage", hard: "{requests.ephemeral-storage: 1Gi}", objects: pod("p", "{requests: {ephemeral-storage: 2Gi}}"), message: exceeded("pods", "p", "requests.ephemeral-storage=2Gi", "requests.ephemeral-storage=0", "requests.ephemeral-storage=1Gi") },
    { resource: "limits.ephemeral-storage", hard: "{limits.ephemeral-storage: 1Gi}", objects: pod("p", "{limits: {ephemeral-storage: 2Gi}}"), message: exceeded("pods", "p", "limits.ephemeral-storage=2Gi", "limits.ephemeral-storage=0", "limits.ephemeral-storage=1Gi") },
    { resource: "requests.<extended>", hard: "{requests.nvidia.com/gpu: 1}", objects: pod("p", "{limits: {nvidia.com/gpu: 2}}"), message: exceeded("pods", "p", "requests.nvidia.com/gpu=2", "requests.nvidia.com/gpu=0", "requests.nvidia.com/gpu=1") },
    { resource: "pods", hard: "{pods: 1}", objects: pod("a", "{}") + pod("b", "{}"), message: exceeded("pods", "b", "pods=1", "pods=1", "pods=1") },
    { resource: "count/pods", hard: "{count/pods: 1}", objects: pod("a", "{}") + pod("b", "{}"), message: exceeded("pods", "b", "count/pods=1", "count/pods=1", "count/pods=1") },
    { resource: "services", hard: "{services: 1}", objects: service("a", "ClusterIP") + service("b", "ClusterIP"), message: exceeded("services", "b", "services=1", "services=1", "services=1") },
    { resource: "count/services", hard: "{count/services: 0}", objects: service("a", "ClusterIP"), message: exceeded("services", "a", "count/services=1", "count/services=0", "count/services=0") },
    { resource: "services.nodeports", hard: "{services.nodeports: 1}", objects: service("a", "NodePort", 2), message: exceeded("services", "a", "services.nodeports=2", "services.nodeports=0", "services.nodeports=1") },
    { resource: "services.loadbalancers", hard: "{services.loadbalancers: 0}", objects: service("a", "LoadBalancer"), message: exceeded("services", "a", "services.loadbalancers=1", "services.loadbalancers=0", "services.loadbalancers=0") },
    { resource: "configmaps", hard: "{configmaps: 0}", objects: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: q}\n---\n", message: exceeded("configmaps", "c", "configmaps=1", "configmaps=0", "configmaps=0") },
    { resource: "secrets", hard: "{secrets: 0}", objects: "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: q}\n---\n", message: exceeded("secrets", "s", "secrets=1", "secrets=0", "secrets=0") },
    { resource: "count/secrets", hard: "{count/secrets: 0}", objects: "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: q}\n---\n", message: exceeded("secrets", "s", "count/secrets=1", "count/secrets=0", "count/secrets=0") },
    { resource: "persistentvolumeclaims", hard: "{persistentvolumeclaims: 1}", objects: claim("a", "1Gi") + claim("b", "1Gi"), message: exceeded("persistentvolumeclaims", "b", "persistentvolumeclaims=1", "persistentvolumeclaims=1", "persistentvolumeclaims=1") },
    { resource: "requests.storage", hard: "{requests.storage: 10Gi}", objects: claim("a", "20Gi"), message: exceeded("persistentvolumeclaims", "a", "requests.storage=20Gi", "requests.storage=0", "requests.storage=10Gi") },
    {
      resource: "<class>.storageclass.storage.k8s.io/requests.storage",
      hard: "{gold.storageclass.storage.k8s.io/requests.storage: 5Gi}",
      objects: claim("a", "1Gi", "silver") + claim("b", "10Gi", "gold"),
      message: exceeded("persistentvolumeclaims", "b", "gold.storageclass.storage.k8s.io/requests.storage=10Gi", "gold.storageclass.storage.k8s.io/requests.storage=0", "gold.storageclass.storage.k8s.io/requests.storage=5Gi"),
    },
    {
      resource: "<class>.storageclass.storage.k8s.io/persistentvolumeclaims",
      hard: "{gold.storageclass.storage.k8s.io/persistentvolumeclaims: 0}",
      objects: claim("b", "1Gi", "gold"),
      message: exceeded("persistentvolumeclaims", "b", "gold.storageclass.storage.k8s.io/persistentvolumeclaims=1", "gold.storageclass.storage.k8s.io/persistentvolumeclaims=0", "gold.storageclass.storage.k8s.io/persistentvolumeclaims=0"),
    },
    {
      resource: "count/<resource>.<group>",
      hard: "{count/deployments.apps: 0}",
      objects: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: q}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: app, image: nginx:1.27}]}\n---\n",
      message: exceeded("deployments.apps", "web", "count/deployments.apps=1", "count/deployments.apps=0", "count/deployments.apps=0"),
    },
    {
      resource: "count/jobs.batch",
      hard: "{count/jobs.batch: 0}",
      objects: "apiVersion: batch/v1\nkind: Job\nmetadata: {name: once, namespace: q}\nspec:\n  template:\n    spec: {restartPolicy: Never, containers: [{name: app, image: busybox:1.36}]}\n---\n",
      message: exceeded("jobs.batch", "once", "count/jobs.batch=1", "count/jobs.batch=0", "count/jobs.batch=0"),
    },
  ];
  it.each(cases)("$resource", ({ hard, objects, message }) => {
    const { result } = plan(quota(hard) + objects);
    expect(messages(result, "admission/ResourceQuota")).toEqual([message]);
  });

  it("lists only the exceeded resources, sorted", () => {
    const { result } = plan(quota("{requests.cpu: 1, requests.memory: 1Gi, limits.memory: 10Gi}") + pod("p", "{requests: {cpu: 2, memory: 2Gi}, limits: {memory: 2Gi}}"));
    expect(messages(result)).toEqual([
      exceeded("pods", "p", "requests.cpu=2,requests.memory=2Gi", "requests.cpu=0,requests.memory=0", "requests.cpu=1,requests.memory=1Gi"),
    ]);
  });

  it("requires containers to state what the quota limits, listing resources and containers sorted", () => {
    const { result } = plan(
      quota("{limits.cpu: 4, limits.memory: 4Gi, requests.memory: 4Gi}") +
        `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: q}
spec:
  containers:
    - {name: b, image: nginx:1.27, resources: {requests: {memory: 1Gi}}}
    - {name: a, image: nginx:1.27, resources: {requests: {cpu: 100m}}}
`,
    );
    expect(messages(result)).toEqual(['pods "p" is forbidden: failed quota: q: must specify limits.cpu for: a,b; limits.memory for: a,b; requests.memory for: a']);
  });

  it("does not charge an object the quota does not limit", () => {
    const { result } = plan(quota("{requests.storage: 1Gi}") + pod("p", "{requests: {cpu: 8}}"));
    expect(result.findings).toEqual([]);
    expect(result.namespaces[0]!.quotas[0]!.resources).toEqual([{ resource: "requests.storage", hard: "1Gi", usedBefore: "0", usedAfter: "0" }]);
  });
});

describe("quota scopes", () => {
  const priorityClass = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n---\n";
  const affinity = `
  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - {topologyKey: kubernetes.io/hostname, namespaces: [other], labelSelector: {matchLabels: {app: db}}}`;
  const cases: { scope: string; extra: string; counted: string; ignored: string }[] = [
    { scope: "BestEffort", extra: "\n  scopes: [BestEffort]", counted: pod("a", "{}"), ignored: pod("a", "{requests: {cpu: 100m}}") },
    { scope: "NotBestEffort", extra: "\n  scopes: [NotBestEffort]", counted: pod("a", "{requests: {cpu: 100m}}"), ignored: pod("a", "{}") },
    { scope: "Terminating", extra: "\n  scopes: [Terminating]", counted: pod("a", "{}", "\n  activeDeadlineSeconds: 60"), ignored: pod("a", "{}") },
    { scope: "NotTerminating", extra: "\n  scopes: [NotTerminating]", counted: pod("a", "{}"), ignored: pod("a", "{}", "\n  activeDeadlineSeconds: 60") },
    {
      scope: "PriorityClass In",
      extra: "\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: In, values: [high]}]}",
      counted: priorityClass + pod("a", "{}", "\n  priorityClassName: high"),
      ignored: priorityClass + pod("a", "{}"),
    },
    {
      scope: "PriorityClass NotIn",
      extra: "\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: NotIn, values: [high]}]}",
      counted: pod("a", "{}"),
      ignored: priorityClass + pod("a", "{}", "\n  priorityClassName: high"),
    },
    {
      scope: "PriorityClass Exists",
      extra: "\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: Exists}]}",
      counted: priorityClass + pod("a", "{}", "\n  priorityClassName: high"),
      ignored: pod("a", "{}"),
    },
    {
      scope: "PriorityClass DoesNotExist",
      extra: "\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: DoesNotExist}]}",
      counted: pod("a", "{}"),
      ignored: priorityClass + pod("a", "{}", "\n  priorityClassName: high"),
    },
    {
      scope: "CrossNamespacePodAffinity",
      extra: "\n  scopes: [CrossNamespacePodAffinity]",
      counted: pod("a", "{}", affinity),
      ignored: pod("a", "{}"),
    },
  ];
  it.each(cases)("$scope counts matching pods only", ({ extra, counted, ignored }) => {
    const usedAfter = (objects: string) => plan(quota("{pods: 5}", extra) + objects).result.namespaces[0]!.quotas[0]!.resources[0]!.usedAfter;
    expect(usedAfter(counted)).toBe("1");
    expect(usedAfter(ignored)).toBe("0");
  });

  it("a scoped quota does not count other objects", () => {
    const { result } = plan(quota("{pods: 1}", "\n  scopes: [BestEffort]") + pod("a", "{requests: {cpu: 1}}") + pod("b", "{requests: {cpu: 1}}"));
    expect(result.findings).toEqual([]);
  });
});

describe("quota usage from the cluster snapshot", () => {
  const cluster = (status: string) => `
apiVersion: v1
kind: Namespace
metadata: {name: q}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: q}
spec: {hard: {requests.memory: 2Gi, pods: "10"}}${status}
---
apiVersion: v1
kind: Pod
metadata: {name: running, namespace: q}
spec: {nodeName: n1, containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 1Gi}}}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: done, namespace: q}
spec: {nodeName: n1, containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 1Gi}}}]}
status: {phase: Succeeded}
`;
  const newPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: q}\nspec: {containers: [{name: app, image: nginx:1.27, resources: {requests: {memory: 1536Mi}}}]}\n";

  it("recomputes usage from the snapshot's objects when status.used is absent (finished pods count for nothing)", () => {
    const { result } = plan(newPod, { cluster: cluster("") });
    expect(messages(result)).toEqual([exceeded("pods", "p", "requests.memory=1536Mi", "requests.memory=1Gi", "requests.memory=2Gi")]);
    expect(result.namespaces[0]!.quotas[0]).toMatchObject({ source: "cluster", resources: [{ resource: "pods", usedBefore: "1" }, { resource: "requests.memory", usedBefore: "1Gi" }] });
  });

  it("trusts status.used when the snapshot has it", () => {
    const { result } = plan(newPod, { cluster: cluster("\nstatus: {hard: {requests.memory: 2Gi, pods: '10'}, used: {requests.memory: 256Mi, pods: '1'}}") });
    expect(result.findings).toEqual([]);
    expect(result.namespaces[0]!.quotas[0]!.resources).toEqual([
      { resource: "pods", hard: "10", usedBefore: "1", usedAfter: "2" },
      { resource: "requests.memory", hard: "2Gi", usedBefore: "256Mi", usedAfter: "1792Mi" },
    ]);
  });

  it("charges an update only for what it adds (a Service turned LoadBalancer)", () => {
    const snapshot = `
apiVersion: v1
kind: Namespace
metadata: {name: q}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: q}
spec: {hard: {services: "1", services.loadbalancers: "0"}}
status: {used: {services: "1", services.loadbalancers: "0"}}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: q}
spec: {type: ClusterIP, ports: [{port: 80}]}
`;
    const { result } = plan(service("a", "LoadBalancer"), { cluster: snapshot });
    expect(messages(result)).toEqual([exceeded("services", "a", "services.loadbalancers=1", "services.loadbalancers=0", "services.loadbalancers=0")]);
    expect(plan(service("a", "ClusterIP"), { cluster: snapshot }).result.findings).toEqual([]);
  });
});

describe("quota and rollouts", () => {
  const cluster = `
apiVersion: v1
kind: Namespace
metadata: {name: q}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: q}
spec: {hard: {requests.memory: 2Gi}}
status: {used: {requests.memory: 2Gi}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: q}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "web:1", resources: {requests: {memory: 1Gi}}}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5f6d7c8b9-aaaaa
  namespace: q
  labels: {app: web, pod-template-hash: 5f6d7c8b9}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5f6d7c8b9, controller: true, uid: x}]
spec: {nodeName: n1, containers: [{name: app, image: "web:1", resources: {requests: {memory: 1Gi}}}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5f6d7c8b9-bbbbb
  namespace: q
  labels: {app: web, pod-template-hash: 5f6d7c8b9}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5f6d7c8b9, controller: true, uid: x}]
spec: {nodeName: n1, containers: [{name: app, image: "web:1", resources: {requests: {memory: 1Gi}}}]}
`;
  const deployment = (image: string, strategy: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: q}
spec:
  replicas: 2
  strategy: ${strategy}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "${image}", resources: {requests: {memory: 1Gi}}}]}
`;

  it("creates no pods for an unchanged template", () => {
    const { result, expansion } = plan(deployment("web:1", "{type: RollingUpdate}"), { cluster });
    expect(expansion.pods).toEqual([]);
    expect(result.workloads[0]).toMatchObject({ desired: 2, running: 2, created: 0 });
  });

  it("frees the old pods' quota as a Recreate rollout removes them", () => {
    const { result } = plan(deployment("web:2", "{type: Recreate}"), { cluster });
    expect(result.workloads[0]).toMatchObject({ created: 2, admitted: 2 });
    expect(result.removedPods.map((p) => p.metadata!.name)).toEqual(["web-5f6d7c8b9-aaaaa", "web-5f6d7c8b9-bbbbb"]);
  });

  it("lets a RollingUpdate proceed when maxUnavailable allows an old pod to go first", () => {
    const { result } = plan(deployment("web:2", "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}"), { cluster });
    expect(result.workloads[0]).toMatchObject({ created: 2, admitted: 2 });
  });

  it("stalls a RollingUpdate with maxUnavailable 0 when the surge pod exceeds the quota", () => {
    const { result } = plan(deployment("web:2", "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"), { cluster });
    expect(result.workloads[0]).toMatchObject({ created: 2, admitted: 0, fitQuota: 0 });
    expect(result.pods.map((p) => p.denial?.cause ?? "sent")).toEqual(["sent", "rollout"]);
    expect(result.removedPods).toEqual([]);
    expect(messages(result)).toHaveLength(1);
    expect(messages(result)[0]).toMatch(/exceeded quota: q, requested: requests\.memory=1Gi, used: requests\.memory=2Gi, limited: requests\.memory=2Gi \(Deployment web: 0 of 2 new pods admitted\)$/);
  });
});
