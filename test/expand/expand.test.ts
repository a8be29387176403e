// What the controllers create: names, labels, owners and counts of the pods of
// each workload kind, StatefulSet claims, DaemonSet placement and CronJob schedules.
import { describe, expect, it } from "vitest";
import { createSnapshot, emptySnapshot } from "../../src/cluster/snapshot.js";
import { expandWorkloads, nextRun, noteToFinding } from "../../src/expand/index.js";
import { loadText } from "../../src/load/index.js";
import type { KubeObject } from "../../src/types.js";
import { parseAllDocuments } from "yaml";

const NOW = new Date("2025-01-01T10:00:00Z");
const SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]";

function expand(text: string, cluster?: string) {
  const { documents, findings } = loadText(text, "workloads.yaml");
  expect(findings).toEqual([]);
  const snapshot = cluster ? createSnapshot(parseAllDocuments(cluster).map((d) => d.toJS() as KubeObject)) : emptySnapshot();
  return expandWorkloads(documents, snapshot, { now: NOW });
}

const template = (labels = "{app: web}", spec = "") => `
  template:
    metadata: {labels: ${labels}}
    spec:${spec}
      containers: [{name: app, image: nginx:1.27}]`;

describe("Deployment", () => {
  const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:${replicas}
  selector: {matchLabels: {app: web}}${template()}
`;

  it("creates spec.replicas pods through a ReplicaSet named with the template hash", () => {
    const result = expand(deployment("\n  replicas: 3"));
    expect(result.pods).toHaveLength(3);
    const [first] = result.pods;
    const meta = first!.pod.metadata!;
    const hash = meta.labels!["pod-template-hash"];
    expect(hash).toMatch(new RegExp(`^${SUFFIX}{1,10}$`));
    expect(meta.generateName).toBe(`web-${hash}-`);
    expect(meta.name).toMatch(new RegExp(`^web-${hash}-${SUFFIX}{5}$`));
    expect(meta.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(meta.namespace).toBe("shop");
    expect(meta.ownerReferences).toMatchObject([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: `web-${hash}`, controller: true }]);
    expect(first!.owner).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" });
    expect(first!.source!.pointer).toBe("/spec/template");
    expect(new Set(result.pods.map((p) => p.pod.metadata!.name)).size).toBe(3);
  });

  it("defaults replicas to 1 and says when there are none", () => {
    expect(expand(deployment("")).pods).toHaveLength(1);
    const none = expand(deployment("\n  replicas: 0"));
    expect(none.pods).toEqual([]);
    expect(none.notes.map((n) => [n.message, n.pointer])).toEqual([["Deployment web has 0 replicas: it creates no pods", "/spec/replicas"]]);
  });

  it("gives the same names on every run", () => {
    const names = () => expand(deployment("\n  replicas: 2")).pods.map((p) => p.pod.metadata!.name);
    expect(names()).toEqual(names());
  });

  it("creates nothing while paused", () => {
    const result = expand(deployment("\n  replicas: 2\n  paused: true"));
    expect(result.pods).toEqual([]);
    expect(result.notes.map(noteToFinding).map((f) => [f.rule, f.severity, f.line, f.message])).toEqual([
      ["expand/Deployment", "info", 6, "Deployment web is paused (spec.paused): it creates no ReplicaSet and no pods until resumed"],
    ]);
  });

  it("resolves maxSurge and maxUnavailable the way the controller rounds them", () => {
    const result = expand(deployment("\n  replicas: 10\n  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}"));
    expect(result.workloads[0]).toMatchObject({ strategy: "RollingUpdate", surge: 3, maxUnavailable: 2 });
  });
});

describe("ReplicaSet and ReplicationController", () => {
  it("name pods after themselves", () => {
    const result = expand(`apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}${template()}
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  replicas: 1${template()}
`);
    expect(result.pods.map((p) => [p.pod.metadata!.generateName, p.pod.metadata!.namespace, p.pod.metadata!.ownerReferences![0]!.kind])).toEqual([
      ["rs-", "default", "ReplicaSet"],
      ["rs-", "default", "ReplicaSet"],
      ["rc-", "default", "ReplicationController"],
    ]);
  });
});

describe("StatefulSet", () => {
  const sts = (extra = "") => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: 2
  serviceName: db${extra}
  selector: {matchLabels: {app: db}}${template("{app: db}")}
      volumes: [{name: scratch, emptyDir: {}}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

  it("creates ordinal pods with their claims", () => {
    const result = expand(sts());
    expect(result.pods.map((p) => p.pod.metadata!.name)).toEqual(["db-0", "db-1"]);
    const pod = result.pods[0]!.pod;
    expect(pod.metadata!.labels).toMatchObject({ app: "db", "statefulset.kubernetes.io/pod-name": "db-0", "apps.kubernetes.io/pod-index": "0" });
    expect(pod.metadata!.generateName).toBeUndefined();
    expect(pod.spec).toMatchObject({ hostname: "db-0", subdomain: "db" });
    expect((pod.spec as any).volumes).toEqual([{ name: "data", persistentVolumeClaim: { claimName: "data-db-0" } }, { name: "scratch", emptyDir: {} }]);
    expect(result.claims.map((c) => [c.claim.metadata!.name, c.podName, c.claim.metadata!.labels, c.source.pointer])).toEqual([
      ["data-db-0", "db-0", { app: "db" }, "/spec/volumeClaimTemplates/0"],
      ["data-db-1", "db-1", { app: "db" }, "/spec/volumeClaimTemplates/0"],
    ]);
  });

  it("starts at spec.ordinals.start and reuses claims that exist", () => {
    const cluster = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-db-5, namespace: data}\nspec: {}\n";
    const result = expand(sts("\n  ordinals: {start: 5}"), cluster);
    expect(result.pods.map((p) => p.pod.metadata!.name)).toEqual(["db-5", "db-6"]);
    expect(result.claims.map((c) => c.claim.metadata!.name)).toEqual(["data-db-6"]);
  });
});

describe("DaemonSet", () => {
  const node = (name: string, extra = "") => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}, disk: ssd}}
spec:${extra || " {}"}
---
`;
  const cluster =
    node("cp", "\n  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]") +
    node("gpu", "\n  taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]") +
    node("cordoned", "\n  unschedulable: true\n  taints: [{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]") +
    node("w1") +
    node("soft", "\n  taints: [{key: spot, effect: PreferNoSchedule}]");
  const ds = (spec = "") => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ops}
spec:
  selector: {matchLabels: {app: agent}}${template("{app: agent}", spec)}
`;

  it("places one pod on each node it tolerates, pinned by node affinity", () => {
    const result = expand(ds(), cluster);
    const nodes = result.pods.map((p) => (p.pod.spec as any).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]);
    expect(nodes).toEqual(["cordoned", "soft", "w1"]);
    expect((result.pods[0]!.pod.spec as any).tolerations.map((t: any) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
    ]);
    expect(result.pods[0]!.pod.metadata!.generateName).toBe("agent-");
  });

  it("follows the template's tolerations and node selector", () => {
    const tolerating = expand(ds("\n      tolerations: [{operator: Exists}]"), cluster);
    expect(tolerating.pods).toHaveLength(5);
    const selective = expand(ds("\n      tolerations: [{operator: Exists}]\n      nodeSelector: {kubernetes.io/hostname: gpu}"), cluster);
    expect(selective.pods).toHaveLength(1);
  });

  it("says why it creates nothing", () => {
    expect(expand(ds()).notes.map((n) => n.message)).toEqual(["DaemonSet agent creates no pods: the cluster snapshot has no nodes"]);
    expect(expand(ds("\n      nodeSelector: {disk: nvme}"), cluster).notes.map((n) => [n.severity, n.message])).toEqual([
      ["warning", "DaemonSet agent creates no pods: none of the 5 nodes matches its node selector and affinity, or has only taints it tolerates"],
    ]);
  });
});

describe("Job", () => {
  const job = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:${spec}${template("{}", "\n      restartPolicy: Never")}
`;
  const cases = [
    { spec: "", pods: 1 },
    { spec: "\n  parallelism: 4", pods: 4 },
    { spec: "\n  parallelism: 4\n  completions: 2", pods: 2 },
    { spec: "\n  completions: 5", pods: 1 },
    { spec: "\n  parallelism: 0", pods: 0 },
    { spec: "\n  parallelism: 3\n  suspend: true", pods: 0 },
  ];
  it.each(cases)("parallelism capped by completions:$spec → $pods", ({ spec, pods }) => {
    expect(expand(job(spec)).pods).toHaveLength(pods);
  });

  it("labels its pods and numbers Indexed ones", () => {
    const result = expand(job("\n  parallelism: 2\n  completionMode: Indexed"));
    const pod = result.pods[1]!.pod;
    expect(pod.metadata!.generateName).toBe("batch-1-");
    expect(pod.metadata!.labels).toMatchObject({ "batch.kubernetes.io/job-name": "batch", "job-name": "batch", "batch.kubernetes.io/job-completion-index": "1" });
    expect(pod.metadata!.annotations).toEqual({ "batch.kubernetes.io/job-completion-index": "1" });
    expect((pod.spec as any).hostname).toBe("batch-1");
  });
});

describe("CronJob", () => {
  const cron = (spec: string) => `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:${spec}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: app, image: busybox:1.36}]
`;

  it("creates no pods and says when it first runs", () => {
    const result = expand(cron('\n  schedule: "30 2 * * *"'));
    expect(result.pods).toEqual([]);
    expect(result.notes.map((n) => [n.severity, n.message, n.pointer])).toEqual([
      ["info", 'CronJob nightly creates no pods now: its first Job starts at 2025-01-02T02:30:00Z (schedule "30 2 * * *", UTC)', "/spec/schedule"],
    ]);
  });

  const schedules = [
    { schedule: "*/15 * * * *", zone: undefined, at: "2025-01-01T10:15:00.000Z" },
    { schedule: "0 9 * * 1", zone: undefined, at: "2025-01-06T09:00:00.000Z" },
    { schedule: "@daily", zone: undefined, at: "2025-01-02T00:00:00.000Z" },
    { schedule: "@hourly", zone: undefined, at: "2025-01-01T11:00:00.000Z" },
    { schedule: "0 9 * * *", zone: "Europe/Berlin", at: "2025-01-02T08:00:00.000Z" },
  ];
  it.each(schedules)("$schedule in $zone", ({ schedule, zone, at }) => {
    const run = nextRun(schedule, zone ?? "UTC", NOW);
    expect("at" in run && run.at.toISOString()).toBe(at);
  });

  it("rejects what the API server rejects", () => {
    expect(nextRun("TZ=UTC 0 * * * *", "UTC", NOW)).toEqual({ error: "the schedule sets TZ or CRON_TZ, which the API server rejects: use spec.timeZone" });
    expect(nextRun("0 0 * * * *", "UTC", NOW)).toEqual({ error: "expected exactly 5 fields, found 6" });
    expect(expand(cron('\n  schedule: "0 0 * * *"\n  suspend: true')).notes[0]!.message).toBe(
      "CronJob nightly creates no pods now: it is suspended (spec.suspend) and starts no Jobs until resumed",
    );
  });
});

describe("existing workloads", () => {
  const cluster = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {creationTimestamp: null, labels: {app: db}}
    spec: {containers: [{name: app, image: "nginx:1.27", imagePullPolicy: IfNotPresent, terminationMessagePath: /dev/termination-log}], restartPolicy: Always}
---
${["db-0", "db-1"].map((name) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: data, labels: {app: db}, ownerReferences: [{kind: StatefulSet, name: db, controller: true}]}
spec: {containers: [{name: app, image: "nginx:1.27"}]}
status: {phase: Running}
---`).join("\n")}
`;
  const sts = (replicas: number, image: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: data}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: app, image: "${image}"}]}
`;

  it("treats server-defaulted fields as unchanged and only adds the missing replicas", () => {
    const result = expand(sts(3, "nginx:1.27"), cluster);
    expect(result.pods.map((p) => p.pod.metadata!.name)).toEqual(["db-2"]);
    expect(result.workloads[0]).toMatchObject({ desired: 3, running: 2 });
    expect(result.replacedPods).toEqual([]);
  });

  it("replaces every pod of a changed template and removes ordinals beyond the count", () => {
    const result = expand(sts(1, "nginx:1.28"), cluster);
    expect(result.pods.map((p) => p.pod.metadata!.name)).toEqual(["db-0"]);
    expect(result.replacedPods.map((p) => p.metadata!.name)).toEqual(["db-0", "db-1"]);
  });

  it("leaves an existing bare Pod alone", () => {
    const result = expand("apiVersion: v1\nkind: Pod\nmetadata: {name: db-0, namespace: data}\nspec: {containers: [{name: app, image: x}]}\n", cluster);
    expect(result.pods).toEqual([]);
  });
});

describe("a snapshot that lists workloads but no pods", () => {
  const deployment = (replicas: number, image = "nginx:1.27") => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "${image}"}]
`;
  const statefulSet = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: ${replicas}
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

  it.each([
    ["an unchanged Deployment runs its replicas already", deployment(3), deployment(3), [], 3],
    ["a scaled-up Deployment adds only the new replicas", deployment(5), deployment(3), 2, 3],
    ["a Deployment with a new template starts new pods", deployment(3, "nginx:1.28"), deployment(3), 3, 0],
    ["a scaled-up StatefulSet adds the next ordinals and their claims", statefulSet(3), statefulSet(2), ["db-2"], 2],
  ])("%s", (_name, manifest, live, expected, assumed) => {
    const result = expand(manifest, live);
    if (Array.isArray(expected)) expect(result.pods.map((p) => p.pod.metadata?.name)).toEqual(expected);
    else expect(result.pods).toHaveLength(expected);
    expect(result.assumedRunning).toBe(assumed);
    if (manifest.includes("StatefulSet")) expect(result.claims.map((c) => c.claim.metadata?.name)).toEqual(["data-db-2"]);
  });

  it("with pods in the snapshot, the pods it lists are what runs", () => {
    const result = expand(deployment(3), deployment(3) + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: shop, labels: {app: other}}\nspec: {containers: [{name: c}]}\n");
    expect(result.pods).toHaveLength(3);
    expect(result.assumedRunning).toBe(0);
  });
});
