// How the diff reads its inputs: snapshots as `kubectl get -o yaml` prints
// them, the generated schemas for merge keys, custom resource defaults, and
// manifest spellings the server treats as "unset".
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

describe("inputs", () => {
  it("reads a `kind: List` snapshot passed as one object", () => {
    const services = fixtureObjects("noop/service.stored.yaml");
    const list = { apiVersion: "v1", kind: "List", metadata: { resourceVersion: "" }, items: services } as KubeObject;
    const plan = planChanges({ desired: fixtureObjects("noop/service.desired.yaml").map((object) => ({ object })), current: [list], kubernetesVersion: "1.36" });
    expect(plan.changes.map((c) => c.action)).toEqual(["no-op", "no-op", "no-op", "no-op"]);
  });

  it("uses the generated schemas' merge keys by default (ServiceAccount secrets are keyed by name)", () => {
    const [stored] = objectsOf("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ci, namespace: shop}\nsecrets: [{name: a}, {name: b}]\n");
    const [desired] = objectsOf("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ci, namespace: shop}\nsecrets: [{name: b}, {name: a}]\n");
    const withSchemas = planChanges({ desired: [{ object: desired! }], current: [stored!], kubernetesVersion: "1.36" });
    expect(withSchemas.changes[0]!.action).toBe("no-op");
    const withoutSchemas = planChanges({ desired: [{ object: desired! }], current: [stored!], kubernetesVersion: "1.36", mergeKeys: () => undefined });
    expect(withoutSchemas.changes[0]!.fields.map((f) => f.path)).toEqual(["secrets"]);
  });

  it("treats `clusterIP: \"\"` and `nodePort: 0` as asking for the allocated values", () => {
    const stored = fixtureObjects("noop/service.stored.yaml");
    const nodePort = edited(fixtureObjects("noop/service.desired.yaml")[1]!, (d) => {
      d.spec.clusterIP = "";
      d.spec.ports[0].nodePort = 0;
    });
    const plan = planChanges({ desired: [{ object: nodePort }], current: stored, kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.action).toBe("no-op");
  });

  it("keeps the restartedAt annotation `kubectl rollout restart` wrote", () => {
    const stored = edited(fixtureObjects("noop/deployment.stored.yaml")[0]!, (s) => {
      s.spec.template.metadata.annotations = { "kubectl.kubernetes.io/restartedAt": "2025-06-01T10:00:00Z" };
      delete s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"];
    });
    const plan = planChanges({ desired: fixtureObjects("noop/deployment.desired.yaml").map((object) => ({ object })), current: [stored], kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.action).toBe("no-op");
  });

  const crd = objectsOf(`
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: backups.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Backup, plural: backups}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                schedule: {type: string}
                retention:
                  type: object
                  default: {}
                  properties:
                    days: {type: integer, default: 7}
                    keepLast: {type: integer, default: 3}
                targets:
                  type: array
                  items:
                    type: object
                    properties:
                      name: {type: string}
                      compress: {type: boolean, default: true}
`);

  it("applies a CRD's structural defaults to its custom resources", () => {
    const [stored] = objectsOf(`
apiVersion: example.com/v1
kind: Backup
metadata: {name: nightly, namespace: shop, uid: 1, resourceVersion: "5", generation: 1}
spec:
  schedule: "0 3 * * *"
  retention: {days: 7, keepLast: 3}
  targets: [{name: db, compress: true}]
`);
    const [desired] = objectsOf('apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: nightly, namespace: shop}\nspec: {schedule: "0 3 * * *", targets: [{name: db}]}\n');
    expect(planChanges({ desired: [{ object: desired! }], current: [...crd, stored!], kubernetesVersion: "1.36" }).changes.find((c) => c.kind === "Backup")!.action).toBe("no-op");
    const created = planChanges({ desired: [{ object: desired! }], current: [...crd], kubernetesVersion: "1.36" }).changes.find((c) => c.kind === "Backup")!;
    expect(created.after?.spec).toEqual({ schedule: "0 3 * * *", targets: [{ name: "db", compress: true }], retention: { days: 7, keepLast: 3 } });
  });

  it("treats the zero values Go's omitempty drops as unset (and defaulting fills them)", () => {
    const stored = fixtureObjects("noop/deployment.stored.yaml");
    const zeros = edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) => {
      const spec = d.spec.template.spec;
      spec.hostNetwork = false;
      spec.nodeName = "";
      spec.containers[0].volumeMounts[0].readOnly = false;
      spec.containers[0].volumeMounts[0].subPath = "";
      spec.containers[0].stdin = false;
      spec.containers[0].readinessProbe.timeoutSeconds = 0;
      spec.containers[0].readinessProbe.initialDelaySeconds = 0;
      d.spec.minReadySeconds = 0;
      d.spec.paused = false;
    });
    expect(planChanges({ desired: [{ object: zeros }], current: stored, kubernetesVersion: "1.36" }).changes[0]!.action).toBe("no-op");
  });

  it("keeps the zero value of pointer fields, which the server stores", () => {
    const stored = fixtureObjects("noop/deployment.stored.yaml");
    const change = planChanges({
      desired: [{ object: edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) => (d.spec.template.spec.automountServiceAccountToken = false)) }],
      current: stored,
      kubernetesVersion: "1.36",
    }).changes[0]!;
    expect(change.fields.map((f) => [f.op, f.path, f.to])).toEqual([["add", "spec.template.spec.automountServiceAccountToken", false]]);
  });

  it("keeps empty map values (labels, data)", () => {
    const [stored] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: x}\n");
    const [desired] = objectsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop, labels: {flag: ""}}\ndata: {a: x, empty: ""}\n');
    const change = planChanges({ desired: [{ object: desired! }], current: [stored!], kubernetesVersion: "1.36" }).changes[0]!;
    expect(change.fields.map((f) => [f.op, f.path, f.to])).toEqual([
      ["add", "metadata.labels", { flag: "" }],
      ["add", "data.empty", ""],
    ]);
  });

  it("compares a removed-API Ingress with the stored networking.k8s.io/v1 one", () => {
    const stored = fixtureObjects("noop/ingress.stored.yaml");
    const [legacy] = objectsOf(`
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 8m}
spec:
  ingressClassName: nginx
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {serviceName: web, servicePort: http}}
          - {path: /api, pathType: Prefix, backend: {serviceName: api, servicePort: 8080}}
`);
    const change = planChanges({ desired: [{ object: legacy! }], current: stored, kubernetesVersion: "1.36" }).changes[0]!;
    expect(change.action).toBe("no-op");
    expect(change.currentApiVersion).toBe("networking.k8s.io/v1");
  });

  it("an extensions/v1beta1 Deployment without selector gets the one its API defaulted", () => {
    const stored = fixtureObjects("noop/deployment.stored.yaml");
    const legacy = edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) => {
      d.apiVersion = "extensions/v1beta1";
      delete d.spec.selector;
    });
    expect(planChanges({ desired: [{ object: legacy }], current: stored, kubernetesVersion: "1.36" }).changes[0]!.action).toBe("no-op");
  });
});

