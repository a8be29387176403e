// What an apply changes depends on how it is applied: kubectl's client-side
// three-way merge, server-side apply's field ownership, or kubectl replace.
// Each table pairs a stored object (as an applier left it) with a manifest.
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { ApplyOptions } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function planOne(desired: KubeObject, stored: KubeObject[], apply: ApplyOptions = { mode: "client" }) {
  const plan = planChanges({ desired: [{ object: desired }], current: stored, kubernetesVersion: "1.36", apply });
  return { plan, change: plan.changes[0]! };
}

function fieldsOf(change: ReturnType<typeof planOne>["change"]): Array<[string, string, unknown, unknown]> {
  return change.fields.map((f) => [f.op, f.path, f.from, f.to]);
}

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

/** A Pod as `kubectl run` (or any creator without last-applied) leaves it, with what admission added. */
const [createdPod] = objectsOf(`
apiVersion: v1
kind: Pod
metadata:
  name: toolbox
  namespace: ops
  resourceVersion: "1200"
  labels: {run: toolbox}
spec:
  containers:
  - name: toolbox
    image: busybox:1.36
    imagePullPolicy: Always
    command: [sleep, infinity]
    volumeMounts:
    - {name: default-token-x2k9p, mountPath: /var/run/secrets/kubernetes.io/serviceaccount, readOnly: true}
  - name: debugger
    image: busybox:1.36
    command: [sleep, infinity]
  volumes:
  - name: default-token-x2k9p
    secret: {secretName: default-token-x2k9p, defaultMode: 420}
  nodeName: worker-1
  serviceAccountName: default
`);

const [podManifest] = objectsOf(`
apiVersion: v1
kind: Pod
metadata: {name: toolbox, namespace: ops, labels: {run: toolbox}}
spec:
  containers:
  - name: toolbox
    image: busybox:1.36
    command: [sleep, infinity]
`);

const [statefulSet] = objectsOf(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop, resourceVersion: "77"}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
`);

const [statefulSetManifest] = objectsOf(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16"}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
`);

describe("client-side apply (kubectl apply)", () => {
  it.each([
    ["a Pod made without last-applied keeps its pull policy, token volume and a container someone added", podManifest!, [createdPod!]],
    ["a StatefulSet stored without the claim templates' volumeMode default", statefulSetManifest!, [statefulSet!]],
    ["a CRD applied unchanged, with minimum: 0, default: false and a version with storage: false", fixtureObjects("apply/crd.desired.yaml")[0]!, fixtureObjects("apply/crd.stored.yaml")],
  ])("no change: %s", (_name, desired, stored) => {
    const { change } = planOne(desired, stored);
    expect(fieldsOf(change)).toEqual([]);
    expect(change.action).toBe("no-op");
  });

  it("a changed image on a Pod made without last-applied is an in-place update, not a replace", () => {
    const { change } = planOne(edited(podManifest!, (d) => (d.spec.containers[0].image = "busybox:1.37")), [createdPod!]);
    expect(change.action).toBe("update");
    expect(fieldsOf(change)).toEqual([["replace", "spec.containers[name=toolbox].image", "busybox:1.36", "busybox:1.37"]]);
  });

  it("a field the last apply recorded and the manifest dropped is deleted", () => {
    const recorded = edited(createdPod!, (s) => {
      s.metadata.labels.tier = "tools";
      s.metadata.annotations = { "kubectl.kubernetes.io/last-applied-configuration": JSON.stringify({ ...podManifest, metadata: { ...podManifest!.metadata, labels: { run: "toolbox", tier: "tools" } } }) };
    });
    expect(fieldsOf(planOne(podManifest!, [recorded]).change)).toEqual([["remove", "metadata.labels.tier", "tools", undefined]]);
  });
});

describe("server-side apply", () => {
  const stored = fixtureObjects("apply/deployment-ssa.stored.yaml");
  const manifest = fixtureObjects("apply/deployment-ssa.desired.yaml")[0]!;
  const ssa: ApplyOptions = { mode: "server-side" };

  it("the manifest its manager applied, unchanged, is a no-op (replicas the autoscaler owns stay)", () => {
    const { change, plan } = planOne(manifest, stored, ssa);
    expect(change.action).toBe("no-op");
    expect(plan.applyMode).toBe("server-side");
    expect(plan.fieldManager).toBe("kubectl");
  });

  it.each([
    ["a label only this manager owned is removed", (d: any) => delete d.metadata.labels.tier, [["remove", "metadata.labels.tier", "backend", undefined]]],
    ["a label another manager also owns stays", (d: any) => delete d.metadata.labels.team, []],
    ["a container port this manager owned is removed", (d: any) => delete d.spec.template.spec.containers[0].ports, [["remove", "spec.template.spec.containers[name=api].ports[containerPort=8080,protocol=TCP]", { containerPort: 8080, protocol: "TCP" }, undefined]]],
  ])("%s", (_name, edit, expected) => {
    expect(fieldsOf(planOne(edited(manifest, edit), stored, ssa).change)).toEqual(expected);
  });

  it("fields no manager of this apply owns stay (an annotation a webhook added)", () => {
    const { change } = planOne(edited(manifest, (d) => (d.metadata.labels.tier = "api")), stored, ssa);
    expect(fieldsOf(change)).toEqual([["replace", "metadata.labels.tier", "backend", "api"]]);
    expect(change.conflicts).toBeUndefined();
  });

  it("changing a field another manager owns fails with the API server's conflict message", () => {
    const { change, plan } = planOne(edited(manifest, (d) => (d.spec.replicas = 2)), stored, ssa);
    expect(change.failed).toBe(
      'Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using autoscaling/v1 at 2025-03-01T12:00:00Z: .spec.replicas',
    );
    expect(change.conflicts).toEqual([{ manager: '"kube-controller-manager" with subresource "scale" using autoscaling/v1 at 2025-03-01T12:00:00Z', field: ".spec.replicas" }]);
    expect(plan.counts.failed).toBe(1);
  });

  it("conflicts with several managers are listed by manager", () => {
    const { change } = planOne(
      edited(manifest, (d) => {
        d.spec.replicas = 2;
        d.metadata.annotations = { "sidecar.example.com/injected": "false" };
      }),
      stored,
      ssa,
    );
    expect(change.failed).toBe(
      [
        "Apply failed with 2 conflicts: conflicts with \"kube-controller-manager\" with subresource \"scale\" using autoscaling/v1 at 2025-03-01T12:00:00Z:",
        "- .spec.replicas",
        'conflicts with "sidecar-injector" using apps/v1 at 2025-02-04T11:00:00Z:',
        '- .metadata.annotations.sidecar.example.com/injected',
      ].join("\n"),
    );
  });

  it("--force-conflicts plans the forced result and says which fields it takes over", () => {
    const { change } = planOne(edited(manifest, (d) => (d.spec.replicas = 2)), stored, { mode: "server-side", forceConflicts: true });
    expect(change.failed).toBeUndefined();
    expect(fieldsOf(change)).toEqual([["replace", "spec.replicas", 4, 2]]);
    expect(change.notes).toContain("--force-conflicts takes over 1 field from other managers: .spec.replicas");
  });

  it.each([
    ["Flux's kustomize-controller", "kustomize-controller"],
    ["Argo CD with server-side apply", "argocd-controller"],
    ["Helm 4", "helm"],
  ])("an object %s applied, applied again unchanged by the same manager, is a no-op", (_name, manager) => {
    const applied = edited(stored[0]!, (s) => (s.metadata.managedFields[0].manager = manager));
    const { change, plan } = planOne(manifest, [applied], { mode: "server-side", fieldManager: manager });
    expect(change.action).toBe("no-op");
    expect(plan.fieldManager).toBe(manager);
    // and drops what it no longer applies
    expect(fieldsOf(planOne(edited(manifest, (d) => delete d.metadata.labels.tier), [applied], { mode: "server-side", fieldManager: manager }).change)).toEqual([
      ["remove", "metadata.labels.tier", "backend", undefined],
    ]);
  });

  it("another field manager owns nothing yet: nothing is removed", () => {
    const { change } = planOne(edited(manifest, (d) => delete d.metadata.labels.tier), stored, { mode: "server-side", fieldManager: "argocd-controller" });
    expect(change.action).toBe("no-op");
  });
});

describe("replace (kubectl replace)", () => {
  const [service] = objectsOf(`
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, resourceVersion: "9", labels: {app: web, tier: edge}}
spec:
  clusterIP: 10.96.12.7
  clusterIPs: [10.96.12.7]
  ipFamilies: [IPv4]
  ipFamilyPolicy: SingleStack
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, protocol: TCP}]
  sessionAffinity: None
  type: ClusterIP
  internalTrafficPolicy: Cluster
`);
  const [manifest] = objectsOf("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n");

  it("every field the manifest leaves out goes, but what the registry allocated stays", () => {
    expect(fieldsOf(planOne(manifest!, [service!], { mode: "replace" }).change)).toEqual([["remove", "metadata.labels.tier", "edge", undefined]]);
  });

  it("client-side apply of the same manifest, without last-applied, keeps the label", () => {
    expect(planOne(manifest!, [service!]).change.action).toBe("no-op");
  });
});
