// Fields only the stored object has: kept when another manager owns them
// (autoscaler, allocator, controller), or when kubectl's last applied
// configuration shows the manifest never set them; removed otherwise.
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf, withoutLastApplied } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

const stored = fixtureObjects("noop/deployment.stored.yaml")[0]!;
const desired = fixtureObjects("noop/deployment.desired.yaml")[0]!;
const [hpa] = objectsOf(`
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
`);

const scaledTo7 = edited(stored, (s) => (s.spec.replicas = 7));
const withoutReplicas = edited(desired, (d) => delete d.spec.replicas);

function planOf(desiredObjects: KubeObject[], current: KubeObject[]) {
  return planChanges({ desired: desiredObjects.map((object) => ({ object })), current, kubernetesVersion: "1.36" });
}

describe("replicas under a HorizontalPodAutoscaler", () => {
  it("are not a change when the manifest leaves them out, and the plan says who owns them", () => {
    const change = planOf([withoutReplicas], withoutLastApplied([scaledTo7, hpa!])).changes[0]!;
    expect(change.action).toBe("no-op");
    expect(change.managedBy).toEqual(["replicas managed by HorizontalPodAutoscaler web"]);
  });

  it("the autoscaler may come with the same manifests", () => {
    const plan = planOf([withoutReplicas, hpa!], withoutLastApplied([scaledTo7]));
    const deployment = plan.changes.find((c) => c.kind === "Deployment")!;
    expect(deployment.action).toBe("no-op");
    expect(deployment.managedBy).toEqual(["replicas managed by HorizontalPodAutoscaler web"]);
  });

  it("set in the manifest, they change, with a warning that the autoscaler scales back", () => {
    const change = planOf([desired], [scaledTo7, hpa!]).changes[0]!;
    expect(change.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.replicas", 7, 3]]);
    expect(change.rollout?.message).toBe("scale from 7 to 3 pods, no rollout");
    expect(change.notes).toEqual([
      "spec.replicas is managed by HorizontalPodAutoscaler web: apply sets it, then the autoscaler scales it back; leave replicas out of the manifest",
    ]);
  });

  it("dropped from a manifest whose last apply set them, they fall back to 1 until the autoscaler scales up, with a warning", () => {
    const change = planOf([withoutReplicas], [scaledTo7, hpa!]).changes[0]!;
    expect(change.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.replicas", 7, 1]]);
    expect(change.managedBy).toEqual([]);
    expect(change.notes).toEqual([
      "warning: kubectl apply deletes spec.replicas, which the last apply set: Deployment web drops to 1 replica until HorizontalPodAutoscaler web scales it back up; first remove replicas from the recorded configuration (kubectl apply edit-last-applied deployment/web)",
    ]);
  });

  it("without an autoscaler and without a record of the last apply, kubectl keeps the stored replicas", () => {
    expect(planOf([withoutReplicas], withoutLastApplied([scaledTo7])).changes[0]!.action).toBe("no-op");
  });

  it("when the last apply did not set replicas either, kubectl apply keeps the stored value", () => {
    const recorded = edited(scaledTo7, (s) => {
      const last = JSON.parse(s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]);
      delete last.spec.replicas;
      s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] = JSON.stringify(last);
    });
    expect(planOf([withoutReplicas], [recorded]).changes[0]!.action).toBe("no-op");
  });

  it("when the last apply set replicas and the manifest drops them, they go back to the default", () => {
    expect(planOf([withoutReplicas], [scaledTo7]).changes[0]!.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.replicas", 7, 1]]);
  });
});

describe("last applied configuration (kubectl's three-way merge)", () => {
  it("a label the manifest dropped is removed", () => {
    const previous = edited(stored, (s) => {
      s.metadata.labels.tier = "frontend";
      const last = JSON.parse(s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]);
      last.metadata.labels.tier = "frontend";
      s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] = JSON.stringify(last);
    });
    const change = planOf([desired], [previous]).changes[0]!;
    expect(change.fields).toEqual([{ path: "metadata.labels.tier", pointer: "/metadata/labels/tier", op: "remove", from: "frontend" }]);
  });

  it("a label someone else added is kept", () => {
    const edited_ = edited(stored, (s) => (s.metadata.labels.team = "payments"));
    expect(planOf([desired], [edited_]).changes[0]!.action).toBe("no-op");
  });

  it("a Deployment's strategy keeps only the keys the manifest sets (patch strategy retainKeys)", () => {
    const change = planOf([edited(desired, (d) => (d.spec.strategy = { type: "Recreate" }))], [stored]).changes[0]!;
    expect(change.fields.map((f) => [f.op, f.path])).toEqual([
      ["remove", "spec.strategy.rollingUpdate"],
      ["replace", "spec.strategy.type"],
    ]);
  });

  it("without the record, kubectl's three-way patch deletes nothing", () => {
    const edited_ = edited(stored, (s) => {
      s.metadata.labels.team = "payments";
      s.metadata.annotations["meta.helm.sh/release-name"] = "web";
    });
    expect(planOf([desired], withoutLastApplied([edited_])).changes[0]!.action).toBe("no-op");
  });

  it("recorded annotations {} delete no annotation: only keys the last apply listed can go", () => {
    const helm = edited(stored, (s) => {
      s.metadata.annotations["meta.helm.sh/release-name"] = "web";
      const last = JSON.parse(s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]);
      last.metadata.annotations = {};
      s.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] = JSON.stringify(last);
    });
    const manifest = edited(desired, (d) => delete d.metadata.annotations);
    expect(planOf([manifest], [helm]).changes[0]!.action).toBe("no-op");
  });
});

describe("allocated and controller-written fields", () => {
  const services = fixtureObjects("noop/service.stored.yaml");
  const nodePortService = fixtureObjects("noop/service.desired.yaml")[1]!;

  it("an explicit nodePort replaces the allocated one in place", () => {
    const change = planOf([edited(nodePortService, (d) => (d.spec.ports[0].nodePort = 30080))], services).changes.find((c) => c.name === "web-public")!;
    expect(change.action).toBe("update");
    expect(change.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.ports[port=80,protocol=TCP].nodePort", 31380, 30080]]);
  });

  it("switching to ClusterIP drops the node port and the external traffic policy (dropTypeDependentFields)", () => {
    const change = planOf([edited(nodePortService, (d) => (d.spec.type = "ClusterIP"))], withoutLastApplied(services)).changes.find((c) => c.name === "web-public")!;
    expect(change.fields.map((f) => [f.op, f.path])).toEqual([
      ["remove", "spec.externalTrafficPolicy"],
      ["remove", "spec.ports[port=80,protocol=TCP].nodePort"],
      ["replace", "spec.type"],
    ]);
  });
});

describe("the time a device taint was added", () => {
  const [storedRule] = objectsOf(`
apiVersion: resource.k8s.io/v1alpha3
kind: DeviceTaintRule
metadata: {name: gpu-maintenance}
spec:
  deviceSelector: {driver: gpu.example.com}
  taint: {key: maintenance, effect: NoExecute, timeAdded: "2026-11-30T10:00:00Z"}
`);

  it("left out of a DeviceTaintRule's taint, is the server's (SetDefaults_DeviceTaint), not a change", () => {
    const withoutTime = edited(storedRule!, (d) => delete d.spec.taint.timeAdded);
    expect(planOf([withoutTime], withoutLastApplied([storedRule!])).changes[0]!.action).toBe("no-op");
  });

  it("set in the manifest, it is a change", () => {
    const change = planOf([edited(storedRule!, (d) => (d.spec.taint.timeAdded = "2026-12-01T08:00:00Z"))], [storedRule!]).changes[0]!;
    expect(change.fields.map((f) => [f.path, f.from, f.to])).toEqual([["spec.taint.timeAdded", "2026-11-30T10:00:00Z", "2026-12-01T08:00:00Z"]]);
  });
});
