// Malformed objects anywhere never throw, and real manifests go through the
// whole expand + admission stage against the sample cluster.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runAdmission } from "../../src/admission/index.js";
import { loadClusterSnapshot } from "../../src/cluster/snapshot.js";
import { expandWorkloads } from "../../src/expand/index.js";
import { loadInputs, loadText } from "../../src/load/index.js";
import { renderQuotaTable } from "../../src/report/plan/admission-text.js";

const MALFORMED = [
  "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: nonsense",
  "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: 7}\nspec: {containers: 5, initContainers: [1, null, {resources: []}], volumes: {a: 1}, tolerations: {}, securityContext: []}",
  "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: [], labels: 3}\nspec: {containers: [{name: 1, resources: {requests: {cpu: true, memory: '1x'}, limits: []}, securityContext: {capabilities: {add: 'ALL'}}}]}",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: abc, template: [], strategy: 7}",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: -3, selector: 'x', template: {metadata: [], spec: {containers: [{}]}}}",
  "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec: {replicas: 2, ordinals: {start: -1}, volumeClaimTemplates: [null, {metadata: {}}, {metadata: {name: x}, spec: 'y'}], template: {}}",
  "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec: {template: {spec: {nodeSelector: [], affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: 'x'}}}, tolerations: 1}}}",
  "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec: {parallelism: '2', completions: x, template: null}",
  "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: 17, timeZone: Not/AZone}",
  "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: '* * * * *', timeZone: Not/AZone}",
  "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec: {hard: [1], scopes: 'x', scopeSelector: {matchExpressions: [null, {scopeName: 4}]}}",
  "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l}\nspec: {limits: [null, {type: Container, max: [], default: 'x', min: {cpu: 'abc'}}]}",
  "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: c}\nspec: {resources: {requests: {storage: []}}, storageClassName: 5}",
  "apiVersion: v1\nkind: Namespace\nmetadata: {name: n, labels: {pod-security.kubernetes.io/enforce: 12, pod-security.kubernetes.io/enforce-version: {}}}",
  "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, ports: 'x'}",
  "apiVersion: v1\nkind: Pod\nmetadata: {}\nspec: {containers: [{name: a, image: x}]}",
];

describe("malformed objects", () => {
  it.each(MALFORMED.map((text, i) => ({ i, text })))("document $i goes through without throwing", ({ text }) => {
    const { snapshot } = loadClusterSnapshot(["samples/cluster"]);
    const { documents } = loadText(`${text}\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q2}\nspec: {hard: {pods: '1', requests.memory: 1Gi}}\n`, "bad.yaml");
    const expansion = expandWorkloads(documents, snapshot, { now: new Date("2025-01-01T00:00:00Z") });
    const result = runAdmission({ documents, pods: expansion.pods, snapshot, kubernetesVersion: "1.36", expansion });
    expect(Array.isArray(result.findings)).toBe(true);
    expect(typeof renderQuotaTable(result, { color: true })).toBe("string");
  });
});

const CORPUS = "../shared/corpus/kubernetes-examples";

describe("the corpus of real manifests", () => {
  if (!existsSync(CORPUS)) {
    it.skip(`skipped: ${CORPUS} is absent`, () => {});
    return;
  }
  it("expands and admits every manifest against the sample cluster, with admission findings only", () => {
    const { snapshot } = loadClusterSnapshot(["samples/cluster"]);
    const { documents } = loadInputs([CORPUS]);
    const expansion = expandWorkloads(documents, snapshot, { now: new Date("2025-01-01T00:00:00Z") });
    const result = runAdmission({ documents, pods: expansion.pods, snapshot, kubernetesVersion: "1.36", expansion });
    expect(documents.length).toBeGreaterThan(50);
    expect(result.objects.length + result.pods.filter((p) => p.owner).length).toBeGreaterThanOrEqual(documents.length);
    expect(result.findings.every((f) => f.rule.startsWith("admission/") && f.line >= 1 && f.column >= 1)).toBe(true);
  });
});
