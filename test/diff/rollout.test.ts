// What a change does to running pods: the controllers' arithmetic and strategies.
import { describe, expect, it } from "vitest";
import { deploymentRollingUpdate, planChanges, scaledValue } from "../../src/diff/index.js";
import { rolloutNote } from "../../src/diff/rollout.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

function planOne(desired: KubeObject, current: KubeObject[]) {
  return planChanges({ desired: [{ object: desired }], current, kubernetesVersion: "1.36" });
}

describe("intstr.GetScaledValueFromIntOrPercent", () => {
  const cases: Array<[unknown, number, boolean, number | undefined]> = [
    ["25%", 10, true, 3],
    ["25%", 10, false, 2],
    ["25%", 1, true, 1],
    ["25%", 1, false, 0],
    ["50%", 5, true, 3],
    ["50%", 5, false, 2],
    ["100%", 7, false, 7],
    [2, 10, true, 2],
    ["2", 10, true, undefined],
    [true, 10, true, undefined],
  ];
  for (const [value, total, roundUp, expected] of cases) {
    it(`${JSON.stringify(value)} of ${total} rounded ${roundUp ? "up" : "down"} is ${expected}`, () => {
      expect(scaledValue(value, total, roundUp)).toBe(expected);
    });
  }
});

describe("Deployment RollingUpdate (maxSurge rounds up, maxUnavailable down, both 0 means 1 unavailable)", () => {
  const cases: Array<[number, unknown, unknown, number, number]> = [
    [10, "25%", "25%", 13, 8],
    [1, "25%", "25%", 2, 1],
    [4, "25%", "25%", 5, 3],
    [5, "50%", "50%", 8, 3],
    [3, 0, 0, 3, 2],
    [3, "0%", "0%", 3, 2],
    [4, 1, 0, 5, 4],
    [6, 0, "50%", 6, 3],
    [10, undefined, undefined, 13, 8],
  ];
  for (const [replicas, surge, unavailable, maxPods, minAvailable] of cases) {
    it(`${replicas} replicas, maxSurge ${String(surge)}, maxUnavailable ${String(unavailable)}: up to ${maxPods}, at least ${minAvailable}`, () => {
      const note = deploymentRollingUpdate(replicas, surge, unavailable);
      expect([note.maxPods, note.minAvailable]).toEqual([maxPods, minAvailable]);
    });
  }

  it("says it in one line", () => {
    expect(deploymentRollingUpdate(10, "25%", "25%").message).toBe(
      "rolling update of 10 pods: up to 13 pods, at least 8 available (maxSurge 25% = 3, maxUnavailable 25% = 2)",
    );
  });
});

describe("rollout notes in a plan", () => {
  const stored = fixtureObjects("noop/deployment.stored.yaml");
  const desired = fixtureObjects("noop/deployment.desired.yaml")[0]!;
  const newImage = (d: any) => (d.spec.template.spec.containers[0].image = "registry.example.com/shop/web:1.5.0");

  it("a template change rolls out with the Deployment's strategy", () => {
    expect(planOne(edited(desired, newImage), stored).changes[0]!.rollout).toEqual({
      kind: "rolling-update",
      message: "rolling update of 3 pods: up to 4 pods, at least 3 available (maxSurge 25% = 1, maxUnavailable 25% = 0)",
      replicas: 3,
      maxSurge: 1,
      maxUnavailable: 0,
      maxPods: 4,
      minAvailable: 3,
    });
  });

  it("Recreate stops every pod first", () => {
    const recreateStored = edited(stored[0]!, (s) => ((s.spec.replicas = 2), (s.spec.strategy = { type: "Recreate" })));
    const change = planOne(edited(desired, (d) => (newImage(d), (d.spec.replicas = 2), (d.spec.strategy = { type: "Recreate" }))), [recreateStored]).changes[0]!;
    expect(change.rollout?.message).toBe("Recreate: all 2 pods stop before new ones start: downtime");
  });

  it("a replicas-only change is a scale, no rollout", () => {
    const change = planOne(edited(desired, (d) => (d.spec.replicas = 5)), stored).changes[0]!;
    expect(change.rollout).toEqual({ kind: "scale", message: "scale from 3 to 5 pods, no rollout", replicas: 5 });
  });

  it("a paused Deployment does not roll out", () => {
    const change = planOne(edited(desired, (d) => (newImage(d), (d.spec.paused = true))), stored).changes[0]!;
    expect(change.rollout?.kind).toBe("paused");
  });

  it("a label on the Deployment itself rolls nothing out", () => {
    expect(planOne(edited(desired, (d) => (d.metadata.labels.team = "web")), stored).changes[0]!.rollout).toBeUndefined();
  });

  const sts = fixtureObjects("noop/statefulset.stored.yaml");
  const stsDesired = fixtureObjects("noop/statefulset.desired.yaml")[0]!;
  const newPostgres = (d: any) => (d.spec.template.spec.containers[0].image = "postgres:16.4");

  it("StatefulSet RollingUpdate replaces pods one at a time from the highest ordinal", () => {
    expect(planOne(edited(stsDesired, newPostgres), sts).changes[0]!.rollout?.message).toBe("rolling update of 3 pods, one at a time, from db-2 down to db-0");
  });

  it("StatefulSet partition updates only the ordinals at or above it", () => {
    const partitioned = (p: number) => (d: any) => (newPostgres(d), (d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: p } }));
    expect(planOne(edited(stsDesired, partitioned(2)), sts).changes[0]!.rollout?.message).toBe("partition 2: 1 pod updated (db-2), one at a time; db-0 to db-1 keep the old template");
    expect(planOne(edited(stsDesired, partitioned(1)), sts).changes[0]!.rollout?.message).toBe("partition 1: 2 pods updated (db-2 down to db-1), one at a time; db-0 keeps the old template");
    expect(planOne(edited(stsDesired, partitioned(3)), sts).changes[0]!.rollout?.message).toBe("partition 3: no pod has an ordinal >= 3, none is updated");
  });

  // MaxUnavailableStatefulSet is off in every release modelled (on in 1.35.0-1.35.3 only):
  // the API server drops maxUnavailable and the controller replaces one pod at a time.
  it.each([
    ["1.30", 2, undefined, "rolling update of 3 pods, one at a time, from db-2 down to db-0"],
    ["1.35", 3, undefined, "rolling update of 3 pods, one at a time, from db-2 down to db-0"],
    ["1.36", "50%", undefined, "rolling update of 3 pods, one at a time, from db-2 down to db-0"],
    ["1.36", 2, 1, "partition 1: 2 pods updated (db-2 down to db-1), one at a time; db-0 keeps the old template"],
  ])("StatefulSet maxUnavailable in %s (%s, partition %s) is dropped: one pod at a time", (version, maxUnavailable, partition, message) => {
    const withMaxUnavailable = (d: any) => {
      newPostgres(d);
      d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxUnavailable, ...(partition === undefined ? {} : { partition }) } };
    };
    const plan = planChanges({ desired: [{ object: edited(stsDesired, withMaxUnavailable) }], current: sts, kubernetesVersion: version });
    expect(plan.changes[0]!.rollout?.message).toBe(message);
  });

  it("StatefulSet maxUnavailable sets the pace where MaxUnavailableStatefulSet is on", () => {
    const statefulSet = (image: string) => ({
      spec: { replicas: 4, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0, maxUnavailable: 2 } }, template: { spec: { containers: [{ name: "c", image }] } } },
    });
    const input = { action: "update" as const, kind: "StatefulSet", name: "db", current: statefulSet("a"), next: statefulSet("b"), fields: [{ path: "spec.template.spec.containers[0].image", pointer: "", op: "replace" as const }] };
    expect(rolloutNote({ ...input, kubernetesVersion: "1.37" })?.message).toBe("rolling update of 4 pods, up to 2 at a time, from db-3 down to db-0");
    expect(rolloutNote({ ...input, kubernetesVersion: "1.36" })?.message).toBe("rolling update of 4 pods, one at a time, from db-3 down to db-0");
  });

  it("OnDelete restarts nothing", () => {
    const change = planOne(edited(stsDesired, (d) => (newPostgres(d), (d.spec.updateStrategy = { type: "OnDelete" }))), sts).changes[0]!;
    expect(change.rollout).toEqual({ kind: "on-delete", message: "OnDelete: running pods keep the old template until they are deleted" });
  });

  it("DaemonSet rolls node by node, sized from the stored status", () => {
    const ds = fixtureObjects("noop/daemonset.stored.yaml");
    const dsDesired = fixtureObjects("noop/daemonset.desired.yaml")[0]!;
    const change = planOne(edited(dsDesired, (d) => (d.spec.template.spec.containers[0].image = "quay.io/prometheus/node-exporter:v1.8.2")), ds).changes[0]!;
    expect(change.rollout?.message).toBe("rolling update on 4 nodes: up to 1 pod unavailable at a time");
    const surge = planOne(
      edited(dsDesired, (d) => {
        d.spec.template.spec.containers[0].image = "quay.io/prometheus/node-exporter:v1.8.2";
        d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } };
      }),
      ds,
    ).changes[0]!;
    expect(surge.rollout?.message).toBe("rolling update on 4 nodes: on up to 1 at a time the new pod starts before the old one stops");
  });

  it("a ReplicaSet's template change does not touch running pods", () => {
    const rs = fixtureObjects("noop/replicaset.stored.yaml");
    const rsDesired = fixtureObjects("noop/replicaset.desired.yaml")[0]!;
    const change = planOne(edited(rsDesired, (d) => (d.spec.template.spec.containers[0].image = "gb-frontend:v6")), rs).changes[0]!;
    expect(change.rollout?.kind).toBe("template-only");
  });

  it("a CronJob's job template applies from the next run", () => {
    const cron = fixtureObjects("noop/cronjob.stored.yaml");
    const cronDesired = fixtureObjects("noop/cronjob.desired.yaml")[0]!;
    const change = planOne(edited(cronDesired, (d) => (d.spec.jobTemplate.spec.template.spec.containers[0].image = "registry.example.com/report:2.1")), cron).changes[0]!;
    expect(change.rollout?.message).toBe("Jobs of the next scheduled runs use the new template; running Jobs keep the old one");
  });

  it("a StatefulSet replacement says what happens to its volumes", () => {
    const change = planOne(edited(stsDesired, (d) => (d.spec.serviceName = "postgres")), sts).changes[0]!;
    expect(change.rollout?.message).toBe("delete and create: 3 pods stop, then 3 pods start in order: downtime; its PersistentVolumeClaims are kept (whenDeleted: Retain)");
  });
});

describe("ConfigMap and Secret changes restart nothing", () => {
  const deployment = fixtureObjects("noop/deployment.stored.yaml");
  const sts = fixtureObjects("noop/statefulset.stored.yaml");
  const config = fixtureObjects("noop/configmap.stored.yaml");
  const [changedConfig] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {LOG_FORMAT: text, web.conf: \"listen 8080;\\nworkers 4;\\n\"}\n");

  it("names the workloads that read it and how", () => {
    const plan = planChanges({ desired: [{ object: changedConfig! }], current: [...config, ...deployment], kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.notes).toEqual([
      "ConfigMap change restarts nothing; read by Deployment web (env, volume): environment variables and subPath mounts keep the old values until the pods restart; mounted files update at the kubelet's next sync (about a minute)",
    ]);
  });

  it("says when a reader restarts in the same plan", () => {
    const rollout = edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) => (d.spec.template.spec.containers[0].image = "registry.example.com/shop/web:1.5.0"));
    const plan = planChanges({ desired: [{ object: changedConfig! }, { object: rollout }], current: [...config, ...deployment], kubernetesVersion: "1.36" });
    expect(plan.changes.find((c) => c.kind === "ConfigMap")!.notes).toEqual(["ConfigMap change restarts nothing by itself; read by Deployment web (env, volume, restarts in this plan)"]);
  });

  it("Secrets read through env", () => {
    const secret = fixtureObjects("noop/secret.stored.yaml");
    const [changedSecret] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: db-credentials, namespace: shop}\nstringData: {username: shop, password: n3w}\n");
    const plan = planChanges({ desired: [{ object: changedSecret! }], current: [...secret, ...sts], kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.notes).toEqual([
      "Secret change restarts nothing; read by StatefulSet db (env): environment variables and subPath mounts keep the old values until the pods restart",
    ]);
  });

  it("leaves out what a controller owns (a Deployment's ReplicaSet restarts with it)", () => {
    const [replicaSet] = objectsOf(`
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-6f9d7c8b5d
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: 5d0c8a8e, controller: true}]
spec:
  template:
    spec:
      containers: [{name: web, image: web:1, envFrom: [{configMapRef: {name: web-settings}}]}]
`);
    const plan = planChanges({ desired: [{ object: changedConfig! }], current: [...config, ...deployment, replicaSet!], kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.notes[0]).toMatch(/^ConfigMap change restarts nothing; read by Deployment web \(env, volume\):/);
  });

  it("a pruned ConfigMap that workloads still read says what breaks", () => {
    const [orphan] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop, labels: {app.kubernetes.io/name: web}}\ndata: {a: b}\n");
    const desiredDeployment = fixtureObjects("noop/deployment.desired.yaml")[0]!;
    const plan = planChanges({ desired: [{ object: desiredDeployment }], current: [...deployment, orphan!], kubernetesVersion: "1.36", prune: true });
    expect(plan.changes.find((c) => c.action === "delete")!.notes).toEqual([
      "still read by Deployment web (env, volume): pods started after the deletion fail (CreateContainerConfigError for env, FailedMount for volumes) unless the reference is optional",
    ]);
  });

  it("with no reader, says so", () => {
    const plan = planChanges({ desired: [{ object: changedConfig! }], current: config, kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.notes).toEqual(["ConfigMap change restarts nothing; no workload in the manifests or the snapshot reads it"]);
  });
});
