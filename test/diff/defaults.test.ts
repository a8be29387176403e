// API defaulting as kube-apiserver applies it (pkg/apis/*/v1/defaults.go).
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import { defaultPullPolicy, imageTag } from "../../src/apiserver/defaults/index.js";
import { objectsOf } from "./helpers.js";

describe("imagePullPolicy by tag (SetDefaults_Container, parsers.ParseImageName)", () => {
  const cases: Array<[string, string, string]> = [
    ["nginx", "latest", "Always"],
    ["nginx:latest", "latest", "Always"],
    ["nginx:1.25", "1.25", "IfNotPresent"],
    ["registry.example.com:5000/team/app", "latest", "Always"],
    ["registry.example.com:5000/team/app:v2", "v2", "IfNotPresent"],
    ["nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", "", "IfNotPresent"],
    ["nginx:1.25@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", "1.25", "IfNotPresent"],
  ];
  for (const [image, tag, policy] of cases) {
    it(`${image} → tag ${JSON.stringify(tag)} → ${policy}`, () => {
      expect(imageTag(image)).toBe(tag);
      expect(defaultPullPolicy(image)).toBe(policy);
    });
  }
});

/** The object the server would store for a manifest, as a create shows it. */
function stored(yaml: string): any {
  const plan = planChanges({ desired: objectsOf(yaml).map((object) => ({ object })), current: [], kubernetesVersion: "1.36" });
  return plan.changes[0]!.after;
}

describe("defaults a create shows", () => {
  it("Service: type, sessionAffinity, protocol, targetPort, internalTrafficPolicy", () => {
    expect(stored("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n").spec).toEqual({
      selector: { app: "a" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      sessionAffinity: "None",
      type: "ClusterIP",
      internalTrafficPolicy: "Cluster",
    });
  });

  it("LoadBalancer Service: externalTrafficPolicy and allocateLoadBalancerNodePorts", () => {
    const spec = stored("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer, ports: [{port: 443, targetPort: https}]}\n").spec;
    expect([spec.externalTrafficPolicy, spec.allocateLoadBalancerNodePorts, spec.ports[0].targetPort]).toEqual(["Cluster", true, "https"]);
  });

  it("Deployment: strategy 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600, pod template defaults", () => {
    const spec = stored(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
        - name: app
          image: app:1
          livenessProbe: {httpGet: {port: 8080}}
      volumes:
        - name: cfg
          configMap: {name: cfg}
        - name: scratch
`).spec;
    expect(spec.replicas).toBe(1);
    expect(spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
    expect([spec.revisionHistoryLimit, spec.progressDeadlineSeconds]).toEqual([10, 600]);
    const pod = spec.template.spec;
    expect([pod.restartPolicy, pod.dnsPolicy, pod.schedulerName, pod.terminationGracePeriodSeconds, pod.securityContext]).toEqual([
      "Always",
      "ClusterFirst",
      "default-scheduler",
      30,
      {},
    ]);
    expect(pod.containers[0].livenessProbe).toEqual({
      httpGet: { port: 8080, path: "/", scheme: "HTTP" },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(pod.volumes).toEqual([
      { name: "cfg", configMap: { name: "cfg", defaultMode: 420 } },
      { name: "scratch", emptyDir: {} },
    ]);
  });

  it("StatefulSet: OrderedReady, RollingUpdate partition 0 (no maxUnavailable: MaxUnavailableStatefulSet is off), PVC retention Retain, claim templates Filesystem", () => {
    const spec = stored(`
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  serviceName: s
  selector: {matchLabels: {app: s}}
  template: {metadata: {labels: {app: s}}, spec: {containers: [{name: c, image: c:1}]}}
  volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]
`).spec;
    expect(spec.podManagementPolicy).toBe("OrderedReady");
    expect(spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { partition: 0 } });
    expect(spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
    expect(spec.volumeClaimTemplates[0].spec.volumeMode).toBe("Filesystem");
  });

  it("DaemonSet: RollingUpdate maxUnavailable 1, maxSurge 0", () => {
    const spec = stored("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: c}]}}}\n").spec;
    expect(spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  });

  it("Job: completions and parallelism 1, backoffLimit 6, NonIndexed, not suspended, podReplacementPolicy", () => {
    const spec = stored("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: c:1}]}}}\n").spec;
    expect([spec.completions, spec.parallelism, spec.backoffLimit, spec.completionMode, spec.suspend, spec.podReplacementPolicy]).toEqual([
      1, 1, 6, "NonIndexed", false, "TerminatingOrFailed",
    ]);
  });

  it("CronJob: Allow, not suspended, history limits 3 and 1", () => {
    const spec = stored('apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: "@hourly", jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: c, image: c:1}]}}}}}\n').spec;
    expect([spec.concurrencyPolicy, spec.suspend, spec.successfulJobsHistoryLimit, spec.failedJobsHistoryLimit]).toEqual(["Allow", false, 3, 1]);
  });

  it("Pod: requests default to limits, enableServiceLinks", () => {
    const spec = stored("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: c:1, resources: {limits: {cpu: '1', memory: 1Gi}}}]}\n").spec;
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1", memory: "1Gi" } });
    expect(spec.enableServiceLinks).toBe(true);
  });

  it("Secret: type Opaque; stringData stored as data", () => {
    expect(stored("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n")).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s", namespace: "default" },
      data: { a: "***" },
      type: "Opaque",
    });
  });

  it("PVC: volumeMode Filesystem; Namespace: the metadata.name label", () => {
    expect(stored("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: p}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n").spec.volumeMode).toBe("Filesystem");
    expect(stored("apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n").metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team" });
  });

  it("HPA v2: minReplicas 1 and the 80% CPU metric", () => {
    const spec = stored("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}, maxReplicas: 4}\n").spec;
    expect(spec.minReplicas).toBe(1);
    expect(spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }]);
  });

  it("RoleBinding: roleRef and User subjects get the rbac group", () => {
    const binding = stored("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: Role, name: r}\nsubjects: [{kind: User, name: alice}, {kind: ServiceAccount, name: sa}]\n");
    expect(binding.roleRef.apiGroup).toBe("rbac.authorization.k8s.io");
    expect(binding.subjects).toEqual([{ kind: "User", name: "alice", apiGroup: "rbac.authorization.k8s.io" }, { kind: "ServiceAccount", name: "sa" }]);
  });

  it("a custom resource named like a built-in kind gets no built-in defaults", () => {
    expect(stored("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n").spec).toEqual({});
  });
});
