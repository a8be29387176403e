import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanResult } from "../../src/plan/types.js";
import { runCli } from "./run-cli.js";

const SAMPLE = ["plan", "samples/app", "--cluster", "samples/cluster"];

function planJson(args: string[]): { code: number; result: PlanResult } {
  const run = runCli([...args, "-o", "json"]);
  return { code: run.code, result: JSON.parse(run.stdout) as PlanResult };
}

describe("kubeplan plan on the samples", () => {
  const { code, result } = planJson(SAMPLE);

  it("plans every action kind the sample is built to show", () => {
    expect(code).toBe(0);
    const changed = result.changes.filter((c) => c.action !== "no-op");
    expect(result.changes.filter((c) => c.action === "no-op").map((c) => `${c.kind} ${c.name}`)).toEqual([
      "Namespace shop",
      "Secret catalog-db",
      "Service catalog",
      "Service postgres",
      "Service storefront",
    ]);
    expect(changed.map((c) => `${c.action} ${c.kind} ${c.name}${c.rollout ? ` (${c.rollout.kind})` : ""}`)).toEqual([
      "create ServiceAccount catalog",
      "update ConfigMap storefront-config",
      "update Deployment catalog (scale)",
      "update Deployment storefront (rolling-update)",
      "replace StatefulSet postgres (replace)",
      "create CronJob catalog-reindex (next-run)",
      "create HorizontalPodAutoscaler storefront",
      "create Ingress storefront",
    ]);
    expect(result.summary).toMatchObject({ add: 4, change: 3, replace: 1, destroy: 0, unchanged: 5, errors: 0 });
  });

  it("keeps the changes' JSON contract, with an RFC 6902 patch", () => {
    for (const change of result.changes) {
      expect(Object.keys(change)).toEqual(expect.arrayContaining(["action", "apiVersion", "kind", "namespace", "name", "patch"]));
    }
    const catalog = result.changes.find((c) => c.kind === "Deployment" && c.name === "catalog")!;
    expect(catalog.patch).toEqual([{ op: "replace", path: "/spec/replicas", value: 2 }]);
  });

  it("lists each pod with its owner, node, QoS class and defaulted resources", () => {
    expect(result.pods).toHaveLength(5);
    for (const pod of result.pods) {
      expect(pod).toMatchObject({ namespace: "shop", admitted: true, qosClass: "Burstable" });
      expect(pod.node).toMatch(/^worker-/);
      expect(pod.reason).toBeUndefined();
    }
    // the replaced StatefulSet starts its pod again, on a node of its volume's zone
    expect(result.pods.map((p) => p.owner)).toEqual(["Deployment/catalog", "StatefulSet/postgres", "Deployment/storefront", "Deployment/storefront", "Deployment/storefront"]);
    expect(result.pods.find((p) => p.name === "postgres-0")!.node).toMatch(/^worker-a/);
    expect(result.nodes.map((n) => n.name)).toEqual(["cp-1", "gpu-b1", "worker-a1", "worker-a2", "worker-b1"]);
    expect(result.quotas[0]!.quotas[0]!.name).toBe("shop-compute");
  });

  it("is deterministic", () => {
    const again = planJson(SAMPLE).result;
    expect({ ...again, summary: { ...again.summary, durationMs: 0 } }).toEqual({ ...result, summary: { ...result.summary, durationMs: 0 } });
  });

  it("prints terraform's summary line and masks nothing it should not print", () => {
    const run = runCli(SAMPLE);
    expect(run.stdout).toContain("Plan: 4 to add, 3 to change, 1 to replace, 0 to destroy.\n");
    expect(run.stdout).toContain("-/+ apps/v1 StatefulSet shop/postgres");
    expect(run.stdout).toContain('~ spec.template.spec.containers[name=web].image: "registry.example.com/shop/storefront:4.1.0" -> "registry.example.com/shop/storefront:4.2.0"');
    expect(run.stdout).not.toContain("czNjcjN0LXBhc3N3b3Jk");
  });
});

describe("kubeplan plan exit codes and inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "kubeplan-plan-"));
  const secret = join(dir, "secret.yaml");
  writeFileSync(secret, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: shop\nstringData:\n  password: hunter2-but-longer\n");

  it("--detailed-exitcode: 2 with changes, 0 without, 1 on errors", () => {
    expect(runCli([...SAMPLE, "--detailed-exitcode"]).code).toBe(2);
    // The snapshot's own Services, applied to it unchanged, change nothing.
    const same = runCli(["plan", "samples/cluster/services.yaml", "--cluster", "samples/cluster", "--detailed-exitcode"]);
    expect(same.stdout).toContain("No changes");
    expect(same.code).toBe(0);
    expect(runCli(["plan", "samples/typos/enums.yaml", "--detailed-exitcode"]).code).toBe(1);
  });

  it("--cluster with a path that cannot be read: an error and no plan", () => {
    const run = runCli(["plan", "samples/app", "--cluster", "samples/cluster", "--cluster", "does/not/exist"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('kubeplan: --cluster: cannot read "does/not/exist": no such file or directory\n');
  });

  it("an empty snapshot plans every object as a create, with one warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeplan-empty-"));
    writeFileSync(join(dir, "empty.yaml"), "# nothing yet\n");
    const run = runCli(["plan", "samples/app/config.yaml", "--cluster", dir, "-o", "json"]);
    expect(run.code).toBe(0);
    const warning = `the cluster snapshot ${dir} has no objects: every object is planned as a create, and no pod is scheduled`;
    expect(run.stderr).toBe(`kubeplan: warning: ${warning}\n`);
    const result = JSON.parse(run.stdout) as PlanResult;
    expect(result.warnings).toEqual([warning]);
    expect(new Set(result.changes.map((c) => c.action))).toEqual(new Set(["create"]));
  });

  it("without --cluster, every object is a create and scheduling is explained", () => {
    const { result } = planJson(["plan", "samples/app"]);
    expect(new Set(result.changes.map((c) => c.action))).toEqual(new Set(["create"]));
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "No cluster snapshot given (--cluster): every object is planned as a create.",
        "Scheduling needs the cluster's nodes: pass --cluster to place the pods.",
      ]),
    );
    expect(result.pods.every((p) => p.node === null && p.reason === undefined)).toBe(true);
  });

  it("never prints Secret values unless --show-secrets", () => {
    for (const output of ["text", "json"]) {
      const run = runCli(["plan", secret, "--cluster", "samples/cluster", "-o", output, "--diff"]);
      expect(run.stdout).not.toContain("hunter2-but-longer");
      expect(run.stdout).not.toContain(Buffer.from("hunter2-but-longer").toString("base64"));
    }
    const shown = runCli(["plan", secret, "--cluster", "samples/cluster", "--show-secrets", "--diff"]);
    expect(shown.stdout).toContain(`password: ${Buffer.from("hunter2-but-longer").toString("base64")}`);
  });

  it("-n puts objects without a namespace there, for admission as for the diff", () => {
    const web = join(dir, "web.yaml");
    writeFileSync(
      web,
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            limits: {memory: 8Gi}\n",
    );
    const { result } = planJson(["plan", web, "--cluster", "samples/cluster", "-n", "shop"]);
    expect(result.changes.map((c) => `${c.action} ${c.namespace}/${c.name}`)).toEqual(["create shop/web"]);
    // shop's LimitRange caps a container at 4Gi
    expect(result.pods.map((p) => [p.namespace, p.admitted, p.reason])).toEqual([
      ["shop", false, expect.stringMatching(/is forbidden: maximum memory usage per Container is 4Gi, but limit is 8Gi$/)],
    ]);
  });

  it("marks objects that validation rejects as denied, and exits 1", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n  namespace: shop\ndata:\n  a: b\n");
    const { code, result } = planJson(["plan", bad, "--cluster", "samples/cluster"]);
    expect(code).toBe(1);
    expect(result.changes[0]!.denied).toMatch(/^invalid: metadata\.name: Invalid value: "Bad_Name"/);
  });
});
