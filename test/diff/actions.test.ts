// One action per object: create, update in place, replace, delete (prune only), no-op.
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf, planYaml } from "./helpers.js";

const deploymentStored = fixtureObjects("noop/deployment.stored.yaml");
const deploymentDesired = fixtureObjects("noop/deployment.desired.yaml")[0]!;

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

function plan(desired: KubeObject[], current: KubeObject[], options: { prune?: boolean; pruneSelector?: string; clusterProvided?: boolean } = {}) {
  return planChanges({ desired: desired.map((object) => ({ object })), current, kubernetesVersion: "1.36", ...options });
}

describe("actions", () => {
  it("creates everything when no snapshot is given, and says so", () => {
    const result = plan([deploymentDesired], []);
    expect(result.changes.map((c) => c.action)).toEqual(["create"]);
    expect(result.notes).toEqual(["No cluster snapshot given (--cluster): every object is planned as a create."]);
    expect(result.counts).toEqual({ add: 1, change: 0, replace: 0, destroy: 0, unchanged: 0, denied: 0, failed: 0 });
    expect(result.changes[0]!.rollout?.message).toBe("starts 3 pods");
  });

  it("creates an object missing from a given snapshot, without the no-snapshot note", () => {
    const result = plan([deploymentDesired], [], { clusterProvided: true });
    expect(result.changes[0]!.action).toBe("create");
    expect(result.notes).toEqual([]);
    // The patch adds the whole object, defaulted as the server stores it.
    const added = result.changes[0]!.patch[0]!;
    expect(added.op).toBe("add");
    expect(added.path).toBe("");
    expect((added.value as any).spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
  });

  it("updates in place with the field that changed", () => {
    const desired = edited(deploymentDesired, (d) => (d.spec.template.spec.containers[0].image = "registry.example.com/shop/web:1.5.0"));
    const change = plan([desired], deploymentStored).changes[0]!;
    expect(change.action).toBe("update");
    expect(change.fields).toEqual([
      {
        path: "spec.template.spec.containers[name=web].image",
        pointer: "/spec/template/spec/containers/0/image",
        op: "replace",
        from: "registry.example.com/shop/web:1.4.2",
        to: "registry.example.com/shop/web:1.5.0",
      },
    ]);
    expect(change.patch).toEqual([{ op: "replace", path: "/spec/template/spec/containers/0/image", value: "registry.example.com/shop/web:1.5.0" }]);
  });

  it("replaces when an immutable field changes", () => {
    const desired = edited(deploymentDesired, (d) => {
      d.spec.selector.matchLabels["app.kubernetes.io/name"] = "web2";
      d.spec.template.metadata.labels["app.kubernetes.io/name"] = "web2";
    });
    const change = plan([desired], deploymentStored).changes[0]!;
    expect(change.action).toBe("replace");
    expect(change.fields.filter((f) => f.forcesReplacement).map((f) => [f.path, f.reason])).toEqual([
      ["spec.selector.matchLabels[app.kubernetes.io/name]", 'spec.selector: Invalid value: {"matchLabels":{"app.kubernetes.io/name":"web2"}}: field is immutable'],
    ]);
  });

  it("reports no-op for an unchanged object, counted but not a change", () => {
    const result = plan([deploymentDesired], deploymentStored);
    expect(result.changes[0]!.action).toBe("no-op");
    expect(result.counts.unchanged).toBe(1);
    expect(result.hasChanges).toBe(false);
  });

  it("matches an extensions/v1beta1 Deployment with the stored apps/v1 one", () => {
    const desired = edited(deploymentDesired, (d) => (d.apiVersion = "extensions/v1beta1"));
    const change = plan([desired], deploymentStored).changes[0]!;
    expect(change.action).toBe("no-op");
    expect(change.currentApiVersion).toBe("apps/v1");
  });

  it("puts a manifest without namespace in --namespace, else in default", () => {
    const [stored] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: team}\ndata: {a: '1'}\n");
    const [desired] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n");
    expect(plan([desired!], [stored!]).changes[0]!.action).toBe("create");
    const inTeam = planChanges({ desired: [{ object: desired! }], current: [stored!], kubernetesVersion: "1.36", namespace: "team" });
    expect(inTeam.changes[0]!.action).toBe("no-op");
    expect(inTeam.changes[0]!.namespace).toBe("team");
  });

  it("never deletes without --prune", () => {
    const [orphan] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old, namespace: shop, labels: {app.kubernetes.io/name: web}}\n");
    const result = plan([deploymentDesired], [...deploymentStored, orphan!]);
    expect(result.changes.map((c) => c.action)).toEqual(["no-op"]);
  });

  const orphans = objectsOf(`
apiVersion: v1
kind: ConfigMap
metadata: {name: old-settings, namespace: shop, labels: {app.kubernetes.io/name: web}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other-app, namespace: shop, labels: {app.kubernetes.io/name: billing}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: elsewhere, namespace: kube-system, labels: {app.kubernetes.io/name: web}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-6f9d7c8b5d
  namespace: shop
  labels: {app.kubernetes.io/name: web}
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: 5d0c8a8e, controller: true}]
spec: {replicas: 3}
`);

  it("with --prune, deletes snapshot objects with the same app labels, in the manifests' namespaces, not controller-owned", () => {
    const result = plan([deploymentDesired], [...deploymentStored, ...orphans], { prune: true });
    expect(result.changes.map((c) => `${c.action} ${c.kind} ${c.namespace}/${c.name}`)).toEqual([
      "no-op Deployment shop/web",
      "delete ConfigMap shop/old-settings",
    ]);
    expect(result.counts.destroy).toBe(1);
  });

  it("with --prune-selector, deletes what the selector matches", () => {
    const result = plan([deploymentDesired], [...deploymentStored, ...orphans], { prune: true, pruneSelector: "app.kubernetes.io/name in (billing)" });
    expect(result.changes.filter((c) => c.action === "delete").map((c) => c.name)).toEqual(["other-app"]);
  });

  it("marks an object admission would deny", () => {
    const result = planChanges({
      desired: [{ object: deploymentDesired, denied: 'exceeded quota: rq-1, requested: requests.memory=2Gi, used: requests.memory=2Gi, limited: requests.memory=3Gi' }],
      current: [],
      kubernetesVersion: "1.36",
    });
    expect(result.changes[0]!.denied).toBe("exceeded quota: rq-1, requested: requests.memory=2Gi, used: requests.memory=2Gi, limited: requests.memory=3Gi");
    expect(result.counts.denied).toBe(1);
  });

  it("plans the last definition of an object defined twice, with a note", () => {
    const second = edited(deploymentDesired, (d) => (d.spec.replicas = 4));
    const result = plan([deploymentDesired, second], deploymentStored);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.replicas", 3, 4]]);
    expect(result.notes).toEqual(["Deployment shop/web is defined more than once: the last definition wins."]);
  });
});

describe("application order", () => {
  it("orders namespaces and CRDs, policies, RBAC, config and storage, workloads, Services, the rest; deletes last", () => {
    const objects = objectsOf(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i, namespace: shop}
---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d, namespace: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb, namespace: shop}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: sa, namespace: shop}
---
apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: shop}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: p, namespace: shop}
`);
    const result = plan(objects, []);
    expect(result.changes.map((c) => c.kind)).toEqual([
      "Namespace",
      "CustomResourceDefinition",
      "LimitRange",
      "ServiceAccount",
      "RoleBinding",
      "ConfigMap",
      "PersistentVolumeClaim",
      "Deployment",
      "Service",
      "Ingress",
    ]);
  });

  it("deletes in reverse order, after everything else", () => {
    const current = objectsOf(`
apiVersion: v1
kind: Service
metadata: {name: gone-svc, namespace: shop, labels: {app: x}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: gone, namespace: shop, labels: {app: x}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: gone-cm, namespace: shop, labels: {app: x}}
`);
    const [desired] = objectsOf("apiVersion: v1\nkind: Service\nmetadata: {name: kept, namespace: shop, labels: {app: x}}\n");
    const result = plan([desired!], current, { prune: true });
    expect(result.changes.map((c) => `${c.action} ${c.kind}`)).toEqual(["create Service", "delete Service", "delete Deployment", "delete ConfigMap"]);
  });
});

describe("a snapshot no API server returned", () => {
  it.each([
    ["objects without resourceVersion", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: b}\n", "1 object without metadata.resourceVersion"],
    [
      "a Secret with stringData",
      "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: shop, resourceVersion: '4'}\nstringData: {a: b}\n",
      "1 Secret with stringData",
    ],
  ])("says so once: %s", (_name, stored, part) => {
    const desired = stored.replace(/, resourceVersion: '4'/, "");
    const plan = planYaml(desired, stored);
    expect(plan.changes[0]!.action).toBe("no-op");
    expect(plan.notes).toEqual([
      `The cluster snapshot has ${part}, which no API server returns: it looks written from manifests rather than read with kubectl get. Those objects are compared as the API server would hold them (defaults filled in, stringData folded into data).`,
    ]);
  });

  it("says nothing of objects read from an API server", () => {
    const stored = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop, resourceVersion: '12'}\ndata: {a: b}\n";
    expect(planYaml(stored, stored).notes).toEqual([]);
  });
});
