// The changes part of the plan as text: terraform-plan-like, exact.
import { describe, expect, it } from "vitest";
import { planChanges, type ChangePlan } from "../../src/diff/index.js";
import { renderChanges } from "../../src/report/plan/changes-text.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, objectsOf } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

function samplePlan(): ChangePlan {
  const current = [
    ...fixtureObjects("noop/deployment.stored.yaml"),
    ...fixtureObjects("noop/statefulset.stored.yaml"),
    ...fixtureObjects("noop/configmap.stored.yaml"),
    ...fixtureObjects("noop/service.stored.yaml").slice(0, 1),
    ...objectsOf("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: legacy, namespace: shop, labels: {app.kubernetes.io/name: web}}\ndata: {a: b}\n"),
  ];
  const deployment = edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) => {
    d.spec.template.spec.containers[0].image = "registry.example.com/shop/web:1.5.0";
    d.spec.replicas = 10;
  });
  const statefulSet = edited(fixtureObjects("noop/statefulset.desired.yaml")[0]!, (d) => (d.spec.serviceName = "postgres"));
  const [namespace] = objectsOf("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {app.kubernetes.io/name: web}}\n");
  const [config] = objectsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: shop}\ndata: {LOG_FORMAT: text, web.conf: "listen 8080;\\nworkers 4;\\n"}\n');
  const service = fixtureObjects("noop/service.desired.yaml")[0]!;
  return planChanges({
    desired: [namespace!, deployment, statefulSet, config!, service].map((object) => ({ object })),
    current,
    kubernetesVersion: "1.36",
    prune: true,
  });
}

const EXPECTED = `Changes, in the order they would be applied:

  # Namespace shop will be created
  + v1 Namespace shop

  # ConfigMap shop/web-settings will be updated in place
  ~ v1 ConfigMap shop/web-settings
      ~ data.LOG_FORMAT: "json" -> "text"
      # ConfigMap change restarts nothing by itself; read by Deployment web (env, volume, restarts in this plan)

  # Deployment shop/web will be updated in place
  ~ apps/v1 Deployment shop/web
      ~ spec.replicas: 3 -> 10
      ~ spec.template.spec.containers[name=web].image: "registry.example.com/shop/web:1.4.2" -> "registry.example.com/shop/web:1.5.0"
      # rolling update of 10 pods: up to 13 pods, at least 8 available (maxSurge 25% = 3, maxUnavailable 25% = 2); scales from 3 to 10

  # StatefulSet shop/db must be replaced
-/+ apps/v1 StatefulSet shop/db
      ~ spec.serviceName: "db" -> "postgres" # forces replacement
      # spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
      # delete and create: 3 pods stop, then 3 pods start in order: downtime; its PersistentVolumeClaims are kept (whenDeleted: Retain)

  # ConfigMap shop/legacy will be deleted
  - v1 ConfigMap shop/legacy

1 object is unchanged (--show-unchanged lists them).
Plan: 1 to add, 2 to change, 1 to replace, 1 to destroy.
`;

describe("renderChanges", () => {
  it("renders every action in application order and ends with the summary line", () => {
    expect(renderChanges(samplePlan(), { color: false, showUnchanged: false, unifiedDiff: false })).toBe(EXPECTED);
  });

  it("lists unchanged objects with --show-unchanged", () => {
    const text = renderChanges(samplePlan(), { color: false, showUnchanged: true, unifiedDiff: false });
    expect(text).toContain("  # Service shop/web is unchanged\n  = v1 Service shop/web\n");
    expect(text).not.toContain("--show-unchanged lists them");
  });

  it("uses colour only when asked", () => {
    expect(renderChanges(samplePlan(), { color: false, showUnchanged: false, unifiedDiff: true })).not.toMatch(/\x1b\[/);
    const coloured = renderChanges(samplePlan(), { color: true, showUnchanged: false, unifiedDiff: false });
    expect(coloured).toContain("\x1b[32m+\x1b[0m v1 Namespace shop");
    expect(coloured).toContain("\x1b[31m# forces replacement\x1b[0m");
  });

  it("adds a unified YAML diff per object with --diff", () => {
    const text = renderChanges(samplePlan(), { color: false, showUnchanged: false, unifiedDiff: true });
    expect(text).toContain(
      [
        "      --- cluster/Deployment/shop/web",
        "      +++ manifests/Deployment/shop/web",
        "      @@ -7,7 +7,7 @@",
        "           app.kubernetes.io/name: web",
        "       spec:",
        "         progressDeadlineSeconds: 600",
        "      -  replicas: 3",
        "      +  replicas: 10",
        "         revisionHistoryLimit: 10",
        "         selector:",
        "           matchLabels:",
      ].join("\n"),
    );
    expect(text).toContain("      --- cluster/Namespace/shop\n      +++ manifests/Namespace/shop\n      @@ -0,0 +1,7 @@\n      +apiVersion: v1\n");
    expect(text).toContain("      -          image: registry.example.com/shop/web:1.4.2\n      +          image: registry.example.com/shop/web:1.5.0\n");
  });

  it("says when nothing changes", () => {
    const plan = planChanges({
      desired: fixtureObjects("noop/configmap.desired.yaml").map((object) => ({ object })),
      current: fixtureObjects("noop/configmap.stored.yaml"),
      kubernetesVersion: "1.36",
    });
    expect(renderChanges(plan, { color: false, showUnchanged: false, unifiedDiff: false })).toBe(
      "No changes: the cluster snapshot already matches the manifests.\n\n1 object is unchanged (--show-unchanged lists them).\nPlan: 0 to add, 0 to change, 0 to replace, 0 to destroy.\n",
    );
  });

  it("prints plan notes first and marks denied objects", () => {
    const plan = planChanges({
      desired: [{ object: fixtureObjects("noop/pvc.desired.yaml")[0]!, denied: 'persistentvolumeclaims "uploads" is forbidden: exceeded quota: storage, requested: requests.storage=5Gi, used: requests.storage=8Gi, limited: requests.storage=10Gi' }],
      current: [],
      kubernetesVersion: "1.36",
    });
    expect(renderChanges(plan, { color: false, showUnchanged: false, unifiedDiff: false })).toBe(
      [
        "Note: No cluster snapshot given (--cluster): every object is planned as a create.",
        "",
        "Changes, in the order they would be applied:",
        "",
        "  # PersistentVolumeClaim shop/uploads will be created",
        "  + v1 PersistentVolumeClaim shop/uploads",
        '      ! denied by admission: persistentvolumeclaims "uploads" is forbidden: exceeded quota: storage, requested: requests.storage=5Gi, used: requests.storage=8Gi, limited: requests.storage=10Gi',
        "",
        '1 change would be denied by admission (marked "denied" above).',
        "Plan: 1 to add, 0 to change, 0 to replace, 0 to destroy.",
        "",
      ].join("\n"),
    );
  });

  it("prints nested values as YAML blocks", () => {
    const stored = fixtureObjects("noop/deployment.stored.yaml");
    const desired = edited(fixtureObjects("noop/deployment.desired.yaml")[0]!, (d) =>
      d.spec.template.spec.containers.push({ name: "sidecar", image: "envoyproxy/envoy:v1.30.1", args: ["--config-path", "/etc/envoy/envoy.yaml", "--log-level", "info"] }),
    );
    const plan = planChanges({ desired: [{ object: desired }], current: stored, kubernetesVersion: "1.36" });
    expect(renderChanges(plan, { color: false, showUnchanged: false, unifiedDiff: false })).toContain(
      [
        "      + spec.template.spec.containers[name=sidecar]:",
        "          name: sidecar",
        "          image: envoyproxy/envoy:v1.30.1",
        "          args:",
        "            - --config-path",
        "            - /etc/envoy/envoy.yaml",
        "            - --log-level",
        "            - info",
        "          imagePullPolicy: IfNotPresent",
        "          terminationMessagePath: /dev/termination-log",
        "          terminationMessagePolicy: File",
        "      # rolling update of 3 pods: up to 4 pods, at least 3 available (maxSurge 25% = 1, maxUnavailable 25% = 0)",
      ].join("\n"),
    );
  });

  it("shows a changed config file as the lines that changed", () => {
    const [stored] = objectsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nginx, namespace: shop}\ndata: {nginx.conf: "worker_processes 2;\\nevents {}\\nhttp {\\n  gzip off;\\n  server_tokens off;\\n}\\n"}\n');
    const [desired] = objectsOf('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nginx, namespace: shop}\ndata: {nginx.conf: "worker_processes 2;\\nevents {}\\nhttp {\\n  gzip on;\\n  server_tokens off;\\n}\\n"}\n');
    const plan = planChanges({ desired: [{ object: desired! }], current: [stored!], kubernetesVersion: "1.36" });
    expect(renderChanges(plan, { color: false, showUnchanged: false, unifiedDiff: false })).toContain(
      ["      ~ data[nginx.conf]:", "          @@ line 2 @@", "           events {}", "           http {", "          -  gzip off;", "          +  gzip on;", "             server_tokens off;", "           }"].join("\n"),
    );
  });
});

