// Lists with a merge key compare by key: reordering is not a change and the
// diff names the item. Atomic lists are replaced whole. The keys come from the
// schema (x-kubernetes-list-map-keys / patch-merge-key), a CRD, or built-in names.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fallbackShape, planChanges, shapeFromSchema, type MergeKeyLookup } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

const stored = fixtureObjects("noop/deployment.stored.yaml");
const desired = fixtureObjects("noop/deployment.desired.yaml")[0]!;

function planOne(object: KubeObject, current: KubeObject[] = stored, mergeKeys?: MergeKeyLookup) {
  return planChanges({ desired: [{ object }], current, kubernetesVersion: "1.36", mergeKeys }).changes[0]!;
}

describe("keyed lists", () => {
  it("reordering containers, env, ports, volumes and mounts is not a change", () => {
    const reordered = edited(desired, (d) => {
      const spec = d.spec.template.spec;
      spec.containers.reverse();
      spec.containers[1].env.reverse();
      spec.containers[1].volumeMounts.reverse();
      spec.volumes.reverse();
    });
    expect(planOne(reordered).action).toBe("no-op");
  });

  it("names the item in the path", () => {
    const change = planOne(edited(desired, (d) => (d.spec.template.spec.containers[0].env[1].value = "debug")));
    expect(change.fields).toEqual([
      {
        path: "spec.template.spec.containers[name=web].env[name=LOG_LEVEL].value",
        pointer: "/spec/template/spec/containers/0/env/1/value",
        op: "replace",
        from: "info",
        to: "debug",
      },
    ]);
  });

  it("adds and removes items by key, with a patch that applies in order", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.template.spec.containers[0].env.shift();
        d.spec.template.spec.containers[0].env.push({ name: "REGION", value: "eu" });
        d.spec.template.spec.containers[0].ports.push({ containerPort: 8443, name: "https" });
      }),
    );
    expect(change.fields.map((f) => [f.op, f.path])).toEqual([
      ["remove", "spec.template.spec.containers[name=web].env[name=POD_NAME]"],
      ["add", "spec.template.spec.containers[name=web].env[name=REGION]"],
      ["add", "spec.template.spec.containers[name=web].ports[containerPort=8443,protocol=TCP]"],
    ]);
    expect(change.patch).toEqual([
      { op: "remove", path: "/spec/template/spec/containers/0/env/0" },
      { op: "add", path: "/spec/template/spec/containers/0/env/-", value: { name: "REGION", value: "eu" } },
      { op: "add", path: "/spec/template/spec/containers/0/ports/-", value: { containerPort: 8443, name: "https", protocol: "TCP" } },
    ]);
  });

  it("a new container arrives with its defaults", () => {
    const change = planOne(edited(desired, (d) => d.spec.template.spec.containers.push({ name: "sidecar", image: "envoyproxy/envoy:v1.30.1" })));
    expect(change.fields).toEqual([
      {
        path: "spec.template.spec.containers[name=sidecar]",
        pointer: "/spec/template/spec/containers/-",
        op: "add",
        to: {
          name: "sidecar",
          image: "envoyproxy/envoy:v1.30.1",
          imagePullPolicy: "IfNotPresent",
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      },
    ]);
  });

  it("atomic lists (args, tolerations) are replaced whole", () => {
    const ds = fixtureObjects("noop/daemonset.desired.yaml")[0]!;
    const dsStored = fixtureObjects("noop/daemonset.stored.yaml");
    const change = planOne(
      edited(ds, (d) => {
        d.spec.template.spec.containers[0].args = ["--path.rootfs=/host", "--collector.systemd"];
      }),
      dsStored,
    );
    expect(change.fields).toEqual([
      {
        path: "spec.template.spec.containers[name=node-exporter].args",
        pointer: "/spec/template/spec/containers/0/args",
        op: "replace",
        from: ["--path.rootfs=/host"],
        to: ["--path.rootfs=/host", "--collector.systemd"],
      },
    ]);
  });

  it("reordering an atomic list is a change", () => {
    const ds = fixtureObjects("noop/daemonset.desired.yaml")[0]!;
    const dsStored = fixtureObjects("noop/daemonset.stored.yaml");
    const change = planOne(edited(ds, (d) => (d.spec.template.spec.containers[0].args = ["--web.listen-address=:9100", "--path.rootfs=/host"])), dsStored);
    expect(change.action).toBe("update");
  });

  it("Service ports are keyed by port and protocol", () => {
    const services = fixtureObjects("noop/service.stored.yaml");
    const web = fixtureObjects("noop/service.desired.yaml")[0]!;
    const change = planOne(edited(web, (d) => (d.spec.ports[1].targetPort = 9103)), services);
    expect(change.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.ports[port=9102,protocol=TCP].targetPort", 9102, 9103]]);
  });

  it("quantities compare by value", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.template.spec.containers[0].resources.requests = { cpu: "250m", memory: "0.25Gi" };
        d.spec.template.spec.containers[0].resources.limits = { cpu: "1000m", memory: "536870912" };
      }),
    );
    expect(change.action).toBe("no-op");
    const bigger = planOne(edited(desired, (d) => (d.spec.template.spec.containers[0].resources.limits.memory = "1Gi")));
    expect(bigger.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.template.spec.containers[name=web].resources.limits.memory", "512Mi", "1Gi"]]);
  });
});

describe("merge keys of custom resources", () => {
  const crd = objectsOf(`
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gateways.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Gateway, plural: gateways}
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
                listeners:
                  type: array
                  x-kubernetes-list-type: map
                  x-kubernetes-list-map-keys: [name]
                  items:
                    type: object
                    properties:
                      name: {type: string}
                      port: {type: integer}
`);
  const current = objectsOf(`
apiVersion: example.com/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  listeners: [{name: http, port: 80}, {name: https, port: 443}]
`);

  it("uses the CRD's x-kubernetes-list-map-keys", () => {
    const [reordered] = objectsOf(`
apiVersion: example.com/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  listeners: [{name: https, port: 8443}, {name: http, port: 80}]
`);
    const plan = planChanges({ desired: [{ object: reordered! }], current: [...crd, ...current], kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.listeners[name=https].port", 443, 8443]]);
  });

  it("without the CRD, an unknown list is atomic", () => {
    const [reordered] = objectsOf(`
apiVersion: example.com/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  listeners: [{name: https, port: 443}, {name: http, port: 80}]
`);
    const plan = planChanges({ desired: [{ object: reordered! }], current, kubernetesVersion: "1.36" });
    expect(plan.changes[0]!.fields.map((f) => f.path)).toEqual(["spec.listeners"]);
  });
});

const SPEC = "../shared/k8s-openapi/swagger-v1.36.json";
const haveSpec = existsSync(SPEC);
if (!haveSpec) console.warn(`skipping the OpenAPI checks: ${SPEC} not found`);

describe.skipIf(!haveSpec)("schema shapes from the official OpenAPI spec (v1.36)", () => {
  const swagger = haveSpec ? JSON.parse(readFileSync(SPEC, "utf8")) : { definitions: {} };
  const kindSchema = (name: string) => ({ $ref: `#/definitions/${name}`, definitions: swagger.definitions });

  it("reads list-map keys, list types and map types through $refs", () => {
    const deployment = shapeFromSchema(kindSchema("io.k8s.api.apps.v1.Deployment"));
    const podSpec = deployment.field("spec")!.field("template")!.field("spec")!;
    expect(podSpec.field("containers")!.listKeys).toEqual(["name"]);
    expect(podSpec.field("containers")!.item()!.field("ports")!.listKeys).toEqual(["containerPort", "protocol"]);
    expect(podSpec.field("containers")!.item()!.field("volumeMounts")!.listKeys).toEqual(["mountPath"]);
    expect(podSpec.field("tolerations")!.listType).toBe("atomic");
    expect(podSpec.field("nodeSelector")!.mapType).toBe("atomic");
    expect(podSpec.field("topologySpreadConstraints")!.listKeys).toEqual(["topologyKey", "whenUnsatisfiable"]);
    expect(deployment.field("spec")!.field("selector")!.mapType).toBe("atomic");
    const service = shapeFromSchema(kindSchema("io.k8s.api.core.v1.Service"));
    expect(service.field("spec")!.field("ports")!.listKeys).toEqual(["port", "protocol"]);
    expect(service.field("spec")!.field("clusterIPs")!.listType).toBe("atomic");
  });

  it("the built-in table agrees with the spec's annotations", () => {
    const fromSpec = shapeFromSchema(kindSchema("io.k8s.api.apps.v1.Deployment")).field("spec")!.field("template")!.field("spec")!;
    const builtIn = fallbackShape("Deployment").field("spec")!.field("template")!.field("spec")!;
    for (const list of ["containers", "initContainers", "ephemeralContainers", "volumes", "imagePullSecrets", "hostAliases", "topologySpreadConstraints", "resourceClaims", "schedulingGates"]) {
      expect([list, builtIn.field(list)!.listKeys]).toEqual([list, fromSpec.field(list)!.listKeys]);
    }
    for (const list of ["env", "ports", "volumeMounts", "volumeDevices"]) {
      expect([list, builtIn.field("containers")!.item()!.field(list)!.listKeys]).toEqual([list, fromSpec.field("containers")!.item()!.field(list)!.listKeys]);
    }
    const servicePorts = shapeFromSchema(kindSchema("io.k8s.api.core.v1.Service")).field("spec")!.field("ports")!.listKeys;
    expect(fallbackShape("Service").field("spec")!.field("ports")!.listKeys).toEqual(servicePorts);
  });

  it("a plan with the spec's shapes matches the built-in one on the fixtures", () => {
    const lookup: MergeKeyLookup = (apiVersion, kind) =>
      apiVersion === "apps/v1" && kind === "Deployment" ? shapeFromSchema(kindSchema("io.k8s.api.apps.v1.Deployment")) : undefined;
    const reordered = edited(desired, (d) => {
      d.spec.template.spec.containers.reverse();
      d.spec.template.spec.containers[1].image = "registry.example.com/shop/web:2.0.0";
    });
    const change = planOne(reordered, stored, lookup);
    expect(change.fields.map((f) => f.path)).toEqual(["spec.template.spec.containers[name=web].image"]);
  });
});
