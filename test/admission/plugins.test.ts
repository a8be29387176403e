// NamespaceLifecycle, ServiceAccount, Priority, DefaultTolerationSeconds,
// DefaultStorageClass, API defaulting, QoS classes and volume binding notes.
import { describe, expect, it } from "vitest";
import { messages, ns, plan } from "./plan.js";

const podIn = (namespace: string, spec = "", name = "p") => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}}
spec:${spec}
  containers:
    - {name: app, image: nginx:1.27}
`;

const deploymentIn = (namespace: string, spec = "") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${namespace}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:${spec}
      containers:
        - {name: app, image: nginx:1.27}
`;

const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: apps}
---
apiVersion: v1
kind: Namespace
metadata: {name: leaving}
status: {phase: Terminating}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: apps}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: apps}
imagePullSecrets: [{name: registry}]
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: low}
value: -5
preemptionPolicy: Never
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;

describe("NamespaceLifecycle", () => {
  it("refuses an object in a namespace that neither the cluster nor the plan creates", () => {
    const { result } = plan("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ghost}\n", { cluster: CLUSTER });
    expect(result.objects[0]!.denial).toEqual({ plugin: "NamespaceLifecycle", message: 'namespaces "ghost" not found' });
    expect(result.findings.map((f) => [f.rule, f.path])).toEqual([["admission/NamespaceLifecycle", "/metadata/namespace"]]);
  });

  it("does not send the pods of a refused workload", () => {
    const { result } = plan(deploymentIn("ghost"), { cluster: CLUSTER });
    expect(result.pods.map((p) => [p.admitted, p.denial?.cause])).toEqual([[false, "owner"], [false, "owner"]]);
    expect(messages(result)).toEqual(['namespaces "ghost" not found']);
  });

  it("accepts a namespace the plan creates, wherever it comes", () => {
    const { result } = plan(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: fresh}\n---\n${ns("fresh")}`, { cluster: CLUSTER });
    expect(result.findings).toEqual([]);
  });

  it("knows the namespaces every cluster has, and refuses nothing without a cluster snapshot", () => {
    expect(plan(podIn("kube-system"), { cluster: CLUSTER }).result.findings).toEqual([]);
    expect(plan(podIn("anything")).result.findings).toEqual([]);
  });

  it("refuses new content in a terminating namespace", () => {
    const { result } = plan("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: leaving}\n", { cluster: CLUSTER });
    expect(messages(result)).toEqual(['configmaps "c" is forbidden: unable to create new content in namespace leaving because it is being terminated']);
  });
});

describe("ServiceAccount", () => {
  it("refuses a pod whose service account does not exist", () => {
    const { result } = plan(podIn("apps", "\n  serviceAccountName: deployer"), { cluster: CLUSTER });
    expect(messages(result, "admission/ServiceAccount")).toEqual([
      'pods "p" is forbidden: error looking up service account apps/deployer: serviceaccount "deployer" not found',
    ]);
  });

  it("names a controller's pod by its generateName prefix, as the request does before the name is generated", () => {
    const { result } = plan(deploymentIn("apps", "\n      serviceAccountName: deployer"), { cluster: CLUSTER });
    expect(result.pods[0]!.denial!.message).toMatch(/^pods "web-[a-z0-9]+-" is forbidden: error looking up service account apps\/deployer: serviceaccount "deployer" not found$/);
  });

  it("accepts an account the plan creates after the pod", () => {
    const account = "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: later, namespace: apps}\n";
    expect(plan(podIn("apps", "\n  serviceAccountName: later") + account, { cluster: CLUSTER }).result.findings).toEqual([]);
  });

  it("accepts accounts of the cluster or of the plan, and default; copies the account's image pull secrets", () => {
    const account = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: fresh, namespace: apps}\n---\n";
    const { result } = plan(account + podIn("apps", "\n  serviceAccountName: fresh") + "---\n" + podIn("apps", "", "q") + "---\n" + podIn("apps", "\n  serviceAccountName: builder", "r"), { cluster: CLUSTER });
    expect(result.findings).toEqual([]);
    expect(result.pods.map((p) => (p.pod.spec as any).serviceAccountName)).toEqual(["fresh", "default", "builder"]);
    expect((result.pods[2]!.pod.spec as any).imagePullSecrets).toEqual([{ name: "registry" }]);
  });
});

describe("Priority", () => {
  it("refuses an unknown PriorityClass", () => {
    const { result } = plan(podIn("apps", "\n  priorityClassName: gold"), { cluster: CLUSTER });
    expect(messages(result)).toEqual(['pods "p" is forbidden: no PriorityClass with name gold was found']);
  });

  it("resolves system, cluster and global default classes", () => {
    const globalDefault = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: normal}\nvalue: 1000\nglobalDefault: true\n---\n";
    const { result } = plan(
      globalDefault + podIn("apps", "\n  priorityClassName: system-node-critical", "a") + "---\n" + podIn("apps", "\n  priorityClassName: low", "b") + "---\n" + podIn("apps", "", "c"),
      { cluster: CLUSTER },
    );
    expect(result.pods.map((p) => [p.priority, (p.pod.spec as any).priorityClassName, (p.pod.spec as any).preemptionPolicy])).toEqual([
      [2000001000, "system-node-critical", "PreemptLowerPriority"],
      [-5, "low", "Never"],
      [1000, "normal", "PreemptLowerPriority"],
    ]);
  });

  it("refuses a spec.priority that differs from the class's", () => {
    const { result } = plan(podIn("apps", "\n  priorityClassName: low\n  priority: 7"), { cluster: CLUSTER });
    expect(messages(result)).toEqual([
      'pods "p" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed -5 from the given PriorityClass name',
    ]);
  });
});

describe("DefaultTolerationSeconds", () => {
  const tolerations = (spec: string) => (plan(podIn("apps", spec)).result.pods[0]!.pod.spec as any).tolerations;
  it("adds 300 s tolerations of not-ready and unreachable nodes", () => {
    expect(tolerations("")).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
  });
  it("keeps a pod's own toleration of them", () => {
    expect(tolerations("\n  tolerations: [{operator: Exists}]")).toEqual([{ operator: "Exists" }]);
    expect(tolerations("\n  tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}]")).toEqual([
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 },
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
  });
});

describe("DefaultStorageClass", () => {
  const claim = (storageClass: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: apps}
spec:
  accessModes: [ReadWriteOnce]${storageClass}
  resources: {requests: {storage: 1Gi}}
`;
  it("gives a claim without a class the default class; an explicit empty class stays", () => {
    const classOf = (text: string) => (plan(claim(text), { cluster: CLUSTER }).result.objects[0]!.object.spec as any).storageClassName;
    expect(classOf("")).toBe("standard");
    expect(classOf('\n  storageClassName: ""')).toBe("");
    expect(classOf("\n  storageClassName: fast")).toBe("fast");
  });
});

describe("API defaulting and QoS classes", () => {
  const qos = (containers: string, extra = "") => {
    const { result } = plan(`apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: apps}\nspec:${extra}\n  containers:\n${containers}\n`);
    return result.pods[0]!;
  };
  const cases = [
    { qos: "BestEffort", containers: "    - {name: a, image: x}" },
    { qos: "Guaranteed", containers: "    - {name: a, image: x, resources: {limits: {cpu: 1, memory: 1Gi}}}" },
    { qos: "Guaranteed", containers: "    - {name: a, image: x, resources: {requests: {cpu: 1, memory: 1Gi}, limits: {cpu: '1', memory: 1024Mi}}}" },
    { qos: "Burstable", containers: "    - {name: a, image: x, resources: {requests: {cpu: 100m}}}" },
    { qos: "Burstable", containers: "    - {name: a, image: x, resources: {limits: {memory: 1Gi}}}" },
    { qos: "Burstable", containers: "    - {name: a, image: x, resources: {limits: {cpu: 1, memory: 1Gi}}}", extra: "\n  initContainers:\n    - {name: init, image: x, resources: {requests: {cpu: 100m}}}" },
    { qos: "BestEffort", containers: "    - {name: a, image: x, resources: {requests: {nvidia.com/gpu: 1}, limits: {nvidia.com/gpu: 1}}}" },
    { qos: "Guaranteed", containers: "    - {name: a, image: x}", extra: "\n  resources: {limits: {cpu: 2, memory: 2Gi}}" },
  ];
  it.each(cases)("$qos: $containers$extra", ({ qos: expected, containers, extra }) => {
    expect(qos(containers, extra).qosClass).toBe(expected);
  });

  it("requests default to limits, and a host-network port is a host port", () => {
    const pod = qos("    - {name: a, image: 'app:latest', ports: [{containerPort: 8080}], resources: {limits: {cpu: 500m}}}", "\n  hostNetwork: true").pod.spec as any;
    expect(pod.containers[0].resources).toEqual({ limits: { cpu: "500m" }, requests: { cpu: "500m" } });
    expect(pod.containers[0].ports).toEqual([{ containerPort: 8080, protocol: "TCP", hostPort: 8080 }]);
    expect(pod.containers[0].imagePullPolicy).toBe("Always");
    expect([pod.restartPolicy, pod.schedulerName, pod.terminationGracePeriodSeconds, pod.dnsPolicy]).toEqual(["Always", "default-scheduler", 30, "ClusterFirst"]);
  });

  it("reports the pod's effective requests: init containers as a maximum, sidecars added, overhead added", () => {
    const pod = qos(
      "    - {name: a, image: x, resources: {requests: {cpu: 500m, memory: 256Mi}}}",
      `\n  overhead: {cpu: 100m}\n  initContainers:\n    - {name: migrate, image: x, resources: {requests: {cpu: '1', memory: 64Mi}}}\n    - {name: proxy, image: x, restartPolicy: Always, resources: {requests: {cpu: 200m, memory: 128Mi}}}`,
    );
    expect(pod.resources.requests).toEqual({ cpu: "1100m", memory: "384Mi" });
  });
});

describe("volume binding notes", () => {
  const cluster = `${CLUSTER}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-small, labels: {tier: gold}}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]}]}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-big}
spec: {capacity: {storage: 50Gi}, accessModes: [ReadWriteOnce, ReadOnlyMany], storageClassName: ""}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: bound, namespace: apps}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeName: pv-big, storageClassName: ""}
`;
  const claim = (name: string, spec: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: apps}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}${spec}}\n---\n`;
  it("says how each claim binds", () => {
    const volumes = (names: string[]) => `\n  volumes: [${names.map((n) => `{name: ${n}, persistentVolumeClaim: {claimName: ${n}}}`).join(", ")}]`;
    const { result } = plan(
      claim("static", ', storageClassName: ""') + claim("lazy", "") + claim("nothing", ', storageClassName: "", selector: {matchLabels: {tier: platinum}}') +
        podIn("apps", volumes(["bound", "static", "lazy", "nothing", "absent"])),
      { cluster },
    );
    expect(result.pods[0]!.volumes.map((v) => [v.claim, v.status, v.persistentVolume, v.message])).toEqual([
      ["bound", "bound", "pv-big", "bound to PersistentVolume pv-big"],
      ["static", "binds-to", "pv-small", "binds to PersistentVolume pv-small"],
      ["lazy", "wait-for-first-consumer", undefined, "storage class standard binds when the pod is scheduled (WaitForFirstConsumer)"],
      ["nothing", "unbound", undefined, "no persistent volumes available for this claim and no storage class is set"],
      ["absent", "missing", undefined, 'persistentvolumeclaim "absent" not found'],
    ]);
    expect(result.pods[0]!.volumes[1]!.nodeAffinity).toEqual({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["a"] }] }] } });
  });
});
