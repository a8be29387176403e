// Changes the API server refuses on update force a replacement, marked on the
// field that forces it, with kube-apiserver's reason.
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

function planOne(desired: KubeObject, stored: KubeObject[], kubernetesVersion = "1.36") {
  return planChanges({ desired: [{ object: desired }], current: stored, kubernetesVersion }).changes[0]!;
}

function forced(change: ReturnType<typeof planOne>): Array<[string, string | undefined]> {
  return change.fields.filter((f) => f.forcesReplacement).map((f) => [f.path, f.reason]);
}

const STS_REASON =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const STS_REASON_1_32 =
  "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const PVC_REASON = "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";
const POD_REASON =
  "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

describe("workload selectors", () => {
  for (const kind of ["deployment", "replicaset", "daemonset"]) {
    it(`${kind}: spec.selector is immutable`, () => {
      const stored = fixtureObjects(`noop/${kind}.stored.yaml`);
      const desired = edited(fixtureObjects(`noop/${kind}.desired.yaml`)[0]!, (d) => {
        d.spec.selector = { matchLabels: { role: "new" } };
        d.spec.template.metadata.labels = { role: "new" };
      });
      const change = planOne(desired, stored);
      expect(change.action).toBe("replace");
      expect(new Set(forced(change).map(([, reason]) => reason))).toEqual(new Set(['spec.selector: Invalid value: {"matchLabels":{"role":"new"}}: field is immutable']));
      expect(forced(change).every(([path]) => path.startsWith("spec.selector"))).toBe(true);
    });
  }

  it("before 1.34 the API server prints the selector with Go's %#v", () => {
    const stored = fixtureObjects("noop/replicaset.stored.yaml");
    const desired = edited(fixtureObjects("noop/replicaset.desired.yaml")[0]!, (d) => {
      d.spec.selector = { matchLabels: { tier: "frontend", app: "shop" }, matchExpressions: [{ key: "track", operator: "In", values: ["stable"] }] };
      d.spec.template.metadata.labels = { tier: "frontend", app: "shop", track: "stable" };
    });
    const reasons = new Set(forced(planOne(desired, stored, "1.33")).map(([, reason]) => reason));
    expect(reasons).toEqual(
      new Set([
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"shop", "tier":"frontend"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"track", Operator:"In", Values:[]string{"stable"}}}}: field is immutable',
      ]),
    );
    const newer = new Set(forced(planOne(desired, stored, "1.34")).map(([, reason]) => reason));
    expect(newer).toEqual(new Set(['spec.selector: Invalid value: {"matchLabels":{"app":"shop","tier":"frontend"},"matchExpressions":[{"key":"track","operator":"In","values":["stable"]}]}: field is immutable']));
  });

  it("a ReplicationController's selector may change (core/v1 validation does not freeze it)", () => {
    const stored = fixtureObjects("noop/replicationcontroller.stored.yaml");
    const desired = edited(fixtureObjects("noop/replicationcontroller.desired.yaml")[0]!, (d) => {
      d.spec.selector = { app: "nginx", track: "stable" };
      d.spec.template.metadata.labels.track = "stable";
    });
    expect(planOne(desired, stored).action).toBe("update");
  });
});

describe("StatefulSet", () => {
  const stored = fixtureObjects("noop/statefulset.stored.yaml");
  const desired = fixtureObjects("noop/statefulset.desired.yaml")[0]!;

  const cases: Array<[string, (d: any) => void, string]> = [
    ["serviceName", (d) => (d.spec.serviceName = "db-headless"), "spec.serviceName"],
    ["podManagementPolicy", (d) => (d.spec.podManagementPolicy = "Parallel"), "spec.podManagementPolicy"],
    ["volumeClaimTemplates storage", (d) => (d.spec.volumeClaimTemplates[0].spec.resources.requests.storage = "20Gi"), "spec.volumeClaimTemplates"],
    ["selector", (d) => (d.spec.selector.matchLabels.tier = "db"), "spec.selector.matchLabels.tier"],
  ];
  for (const [name, edit, path] of cases) {
    it(`${name} forces replacement`, () => {
      const change = planOne(edited(desired, edit), stored);
      expect(change.action).toBe("replace");
      expect(forced(change)).toEqual([[path, STS_REASON]]);
    });
  }

  it("template, replicas, updateStrategy and minReadySeconds update in place", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.replicas = 5;
        d.spec.minReadySeconds = 10;
        d.spec.template.spec.containers[0].image = "postgres:16.4";
        d.spec.updateStrategy = { type: "RollingUpdate", rollingUpdate: { partition: 2 } };
      }),
      stored,
    );
    expect(change.action).toBe("update");
  });

  it("revisionHistoryLimit is mutable from 1.33, immutable before", () => {
    const newer = planOne(edited(desired, (d) => (d.spec.revisionHistoryLimit = 3)), stored, "1.33");
    expect(newer.action).toBe("update");
    const older = planOne(edited(desired, (d) => (d.spec.revisionHistoryLimit = 3)), stored, "1.32");
    expect(forced(older)).toEqual([["spec.revisionHistoryLimit", STS_REASON_1_32]]);
  });
});

describe("Service", () => {
  const stored = fixtureObjects("noop/service.stored.yaml");
  const web = fixtureObjects("noop/service.desired.yaml")[0]!;
  const headless = fixtureObjects("noop/service.desired.yaml")[3]!;

  it("an allocated clusterIP cannot become None", () => {
    const change = planOne(edited(web, (d) => (d.spec.clusterIP = "None")), stored);
    expect(change.action).toBe("replace");
    expect(forced(change)).toEqual([["spec.clusterIP", 'spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set']]);
    const older = planOne(edited(web, (d) => (d.spec.clusterIP = "None")), stored, "1.33");
    expect(forced(older)).toEqual([["spec.clusterIP", 'spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set']]);
  });

  it("a headless Service cannot get a cluster IP", () => {
    const change = planOne(edited(headless, (d) => delete d.spec.clusterIP), stored);
    // Without clusterIP in the manifest the stored None is kept: no change.
    expect(change.action).toBe("no-op");
    const explicit = planOne(edited(headless, (d) => (d.spec.clusterIP = "10.96.0.50")), stored);
    expect(forced(explicit)).toEqual([["spec.clusterIP", 'spec.clusterIPs[0]: Invalid value: ["10.96.0.50"]: may not change once set']]);
  });

  it("type and ports change in place", () => {
    const change = planOne(edited(web, (d) => (d.spec.type = "NodePort")), stored);
    expect(change.action).toBe("update");
    // Defaults that follow from the new type (externalTrafficPolicy) are the server's to add, not changes.
    expect(change.fields.map((f) => f.path)).toEqual(["spec.type"]);
  });
});

describe("Job", () => {
  const stored = fixtureObjects("noop/job.stored.yaml");
  const desired = fixtureObjects("noop/job.desired.yaml")[0]!;

  it("spec.template is immutable", () => {
    const change = planOne(edited(desired, (d) => (d.spec.template.spec.containers[0].image = "perl:5.36.0")), stored);
    expect(forced(change)).toEqual([["spec.template.spec.containers[name=pi].image", "spec.template: field is immutable"]]);
  });

  it("spec.selector and spec.completions are immutable", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.completions = 3;
        d.spec.manualSelector = true;
        d.spec.selector = { matchLabels: { job: "pi" } };
        d.spec.template.metadata = { labels: { job: "pi" } };
      }),
      stored,
    );
    expect(change.action).toBe("replace");
    const reasons = new Set(forced(change).map(([, reason]) => reason));
    expect(reasons).toEqual(
      new Set(["spec.completions: field is immutable", 'spec.selector: Invalid value: {"matchLabels":{"job":"pi"}}: field is immutable', "spec.template: field is immutable"]),
    );
  });

  it("backoffLimit and activeDeadlineSeconds change in place", () => {
    const change = planOne(edited(desired, (d) => ((d.spec.backoffLimit = 6), (d.spec.activeDeadlineSeconds = 600))), stored);
    expect(change.action).toBe("update");
  });

  it("a suspended Job that never started may change its scheduling directives", () => {
    const suspended = edited(stored[0]!, (s) => {
      s.spec.suspend = true;
      delete s.status;
    });
    const change = planOne(edited(desired, (d) => ((d.spec.suspend = true), (d.spec.template.spec.nodeSelector = { pool: "batch" }))), [suspended]);
    expect(change.action).toBe("update");
    const imageChange = planOne(edited(desired, (d) => ((d.spec.suspend = true), (d.spec.template.spec.containers[0].image = "perl:5.36.0"))), [suspended]);
    expect(imageChange.action).toBe("replace");
  });
});

describe("PersistentVolumeClaim", () => {
  const stored = fixtureObjects("noop/pvc.stored.yaml");
  const desired = fixtureObjects("noop/pvc.desired.yaml")[0]!;

  it("growing the storage request of a bound claim updates in place", () => {
    const change = planOne(edited(desired, (d) => (d.spec.resources.requests.storage = "10Gi")), stored);
    expect(change.action).toBe("update");
  });

  it("shrinking it is refused", () => {
    const change = planOne(edited(desired, (d) => (d.spec.resources.requests.storage = "1Gi")), stored);
    expect(forced(change)).toEqual([["spec.resources.requests.storage", "spec.resources.requests.storage: Forbidden: field can not be less than previous value"]]);
  });

  it("an unbound claim cannot be resized", () => {
    const pending = edited(stored[0]!, (s) => (s.status = { phase: "Pending" }));
    const change = planOne(edited(desired, (d) => (d.spec.resources.requests.storage = "10Gi")), [pending]);
    expect(forced(change)).toEqual([["spec.resources.requests.storage", PVC_REASON]]);
  });

  it("access modes and storage class are immutable", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.accessModes = ["ReadWriteMany"];
        d.spec.storageClassName = "fast";
      }),
      stored,
    );
    expect(forced(change)).toEqual([
      ["spec.accessModes", PVC_REASON],
      ["spec.storageClassName", PVC_REASON],
    ]);
  });

  it("a resize the StorageClass does not allow is denied by admission", () => {
    const [storageClass] = objectsOf("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local-path}\nprovisioner: rancher.io/local-path\n");
    const result = planChanges({
      desired: [{ object: edited(desired, (d) => (d.spec.resources.requests.storage = "10Gi")) }],
      current: [...stored, storageClass!],
      kubernetesVersion: "1.36",
    });
    expect(result.changes[0]!.denied).toBe(
      'persistentvolumeclaims "uploads" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });
});

describe("ConfigMap and Secret", () => {
  const immutableConfig = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\nimmutable: true\ndata: {mode: fast}\n");

  it("data of an immutable ConfigMap cannot change", () => {
    const [desired] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\nimmutable: true\ndata: {mode: slow}\n");
    const change = planOne(desired!, immutableConfig);
    expect(forced(change)).toEqual([["data.mode", "data: Forbidden: field is immutable when `immutable` is set"]]);
  });

  it("an immutable ConfigMap cannot become mutable again", () => {
    const [desired] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\nimmutable: false\ndata: {mode: fast}\n");
    const change = planOne(desired!, immutableConfig);
    expect(forced(change)).toEqual([["immutable", "immutable: Forbidden: field is immutable when `immutable` is set"]]);
  });

  it("a manifest that leaves immutable out keeps it (kubectl deletes only what it applied before)", () => {
    const [desired] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {mode: fast}\n");
    expect(planOne(desired!, immutableConfig).action).toBe("no-op");
  });

  it("a mutable ConfigMap's data changes in place", () => {
    const stored = fixtureObjects("noop/configmap.stored.yaml");
    const [desired] = objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {LOG_FORMAT: text, web.conf: \"listen 8080;\\nworkers 4;\\n\"}\n");
    expect(planOne(desired!, stored).action).toBe("update");
  });

  it("a Secret's type is immutable; its data of an immutable Secret too", () => {
    const [stored] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: shop}\ntype: Opaque\nimmutable: true\ndata: {k: dg==}\n");
    const [desired] = objectsOf("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: shop}\ntype: kubernetes.io/basic-auth\nimmutable: true\nstringData: {k: w}\n");
    const change = planOne(desired!, [stored!]);
    expect(forced(change)).toEqual([
      ["type", 'type: Invalid value: "kubernetes.io/basic-auth": field is immutable'],
      ["data.k", "data: Forbidden: field is immutable when `immutable` is set"],
    ]);
  });
});

describe("RBAC and storage classes", () => {
  it("a RoleBinding's roleRef cannot change", () => {
    const [stored] = objectsOf(`
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
`);
    const [desired] = objectsOf(`
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read, namespace: shop}
roleRef: {kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: web, namespace: shop}]
`);
    const reason = 'roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"}: cannot change roleRef';
    expect(forced(planOne(desired!, [stored!]))).toEqual([
      ["roleRef.kind", reason],
      ["roleRef.name", reason],
    ]);
    const older = 'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"view"}: cannot change roleRef';
    expect(new Set(forced(planOne(desired!, [stored!], "1.30")).map(([, r]) => r))).toEqual(new Set([older]));
  });

  it("a StorageClass's provisioner and parameters cannot change", () => {
    const [stored] = objectsOf("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: ebs.csi.aws.com\nparameters: {type: gp2}\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\n");
    const [desired] = objectsOf("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: ebs.csi.aws.com\nparameters: {type: gp3}\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n");
    const change = planOne(desired!, [stored!]);
    expect(forced(change)).toEqual([["parameters.type", "parameters: Forbidden: updates to parameters are forbidden."]]);
    expect(change.fields.find((f) => f.path === "allowVolumeExpansion")?.forcesReplacement).toBeUndefined();
  });
});

describe("Pod", () => {
  const stored = fixtureObjects("noop/pod.stored.yaml");
  const desired = fixtureObjects("noop/pod.desired.yaml")[0]!;

  it("a container image changes in place, restarting the container", () => {
    const change = planOne(edited(desired, (d) => (d.spec.containers[0].image = "busybox:1.37")), stored);
    expect(change.action).toBe("update");
    expect(change.rollout?.message).toBe("container toolbox restarts in place with the new image");
  });

  it("added tolerations and a set activeDeadlineSeconds apply in place", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.tolerations = [{ key: "dedicated", operator: "Equal", value: "ops", effect: "NoSchedule" }];
        d.spec.activeDeadlineSeconds = 3600;
      }),
      stored,
    );
    expect(change.action).toBe("update");
  });

  it("any other spec field forces a replacement", () => {
    const change = planOne(
      edited(desired, (d) => {
        d.spec.containers[0].resources.limits.memory = "128Mi";
        d.spec.nodeSelector = { pool: "ops" };
      }),
      stored,
    );
    expect(change.action).toBe("replace");
    expect(forced(change).map(([path]) => path)).toEqual([
      // The stored request (defaulted from the old limit) stays: kubectl deletes only what it applied before.
      "spec.containers[name=toolbox].resources.limits.memory",
      "spec.nodeSelector",
    ]);
    expect(new Set(forced(change).map(([, reason]) => reason))).toEqual(new Set([POD_REASON]));
  });

  it("labels change in place", () => {
    const change = planOne(edited(desired, (d) => (d.metadata.labels.tier = "tools")), stored);
    expect(change.action).toBe("update");
  });
});
