// The cluster snapshot: what `kubectl get ... -o yaml` prints, read from files
// or directories, indexed for lookups.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSnapshot, emptySnapshot, loadClusterSnapshot } from "../../src/cluster/snapshot.js";

describe("the sample cluster", () => {
  const { snapshot, findings } = loadClusterSnapshot(["samples/cluster"]);

  it("loads without findings", () => {
    expect(findings).toEqual([]);
    expect(snapshot.present).toBe(true);
  });

  it("has 5 nodes in two zones, a tainted GPU node and a control-plane node", () => {
    const zones = snapshot.nodes.map((n) => n.metadata!.labels!["topology.kubernetes.io/zone"]);
    expect(snapshot.nodes).toHaveLength(5);
    expect(new Set(zones)).toEqual(new Set(["eu-west-1a", "eu-west-1b"]));
    const taints = (name: string) => (snapshot.get("Node", "", name)!.spec as any).taints;
    expect(taints("gpu-b1")).toEqual([{ effect: "NoSchedule", key: "nvidia.com/gpu", value: "present" }]);
    expect(taints("cp-1")).toEqual([{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }]);
  });

  it("indexes every kind the plan needs", () => {
    expect({
      namespaces: snapshot.namespaces.length,
      quotas: snapshot.resourceQuotas.length,
      limitRanges: snapshot.limitRanges.length,
      serviceAccounts: snapshot.serviceAccounts.length,
      pvcs: snapshot.pvcs.length,
      pvs: snapshot.pvs.length,
      storageClasses: snapshot.storageClasses.length,
      priorityClasses: snapshot.priorityClasses.length,
      workloads: snapshot.workloads.length,
      services: snapshot.services.length,
      configMaps: snapshot.configMaps.length,
      secrets: snapshot.secrets.length,
    }).toEqual({
      namespaces: 7, quotas: 2, limitRanges: 1, serviceAccounts: 12, pvcs: 2, pvs: 2, storageClasses: 2,
      priorityClasses: 4, workloads: 16, services: 4, configMaps: 2, secrets: 2,
    });
    expect(snapshot.list("Pod", "shop").map((p) => p.metadata!.name)).toEqual([
      "legacy-search-84b6d5c97f-fq7tz", "legacy-search-84b6d5c97f-l5mhn", "redis-0",
      "storefront-7b9d6f5c48-8mxkq", "storefront-7b9d6f5c48-tw4zc", "storefront-7b9d6f5c48-j2v9p", "catalog-5c8f7d9b64-qd7rn", "postgres-0",
    ]);
    expect(snapshot.get("ResourceQuota", "shop", "shop-compute")?.kind).toBe("ResourceQuota");
    expect(snapshot.get("ResourceQuota", "payments", "shop-compute")).toBeUndefined();
  });

  it("knows which namespaces exist", () => {
    expect(snapshot.knowsNamespaces).toBe(true);
    expect(["shop", "kube-node-lease", "ghost"].map((n) => snapshot.hasNamespace(n))).toEqual([true, true, false]);
  });

  it("has running pods that use part of the quotas (shop's usage recomputed, payments' from its status)", () => {
    expect(snapshot.get("ResourceQuota", "shop", "shop-compute")!.status).toBeUndefined();
    const payments = snapshot.get("ResourceQuota", "payments", "payments-quota")!;
    expect((payments.status as any).used).toMatchObject({ "requests.cpu": "500m", "requests.memory": "512Mi" });
    const running = snapshot.list("Pod", "shop").filter((p) => (p.spec as any).nodeName);
    expect(running).toHaveLength(8);
  });
});

describe("loading snapshots", () => {
  const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
  writeFileSync(
    join(dir, "list.json"),
    JSON.stringify({ apiVersion: "v1", kind: "List", items: [{ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } }, { apiVersion: "v1", kind: "Pod", metadata: {} }] }),
  );
  writeFileSync(join(dir, "docs.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

  it("reads JSON Lists and multi-document YAML from a directory; nameless objects are reported and skipped", () => {
    const { snapshot, findings } = loadClusterSnapshot([dir]);
    expect(snapshot.nodes.map((n) => n.metadata!.name)).toEqual(["n1"]);
    expect(snapshot.get("ConfigMap", "default", "c")).toBeDefined();
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.path])).toEqual([
      ["cluster/snapshot", "warning", "Pod without metadata.name ignored in the cluster snapshot", "/items/1"],
    ]);
  });

  // `kubectl get -o json` output is read with JSON.parse; anything else the YAML way.
  const objects = [
    { apiVersion: "v1", kind: "Node", metadata: { name: "n1", labels: { "topology.kubernetes.io/zone": "a" }, annotations: null },
      status: { allocatable: { cpu: "3900m", memory: "15Gi", pods: "110" }, conditions: [{ type: "Ready", status: "True" }] } },
    { apiVersion: "v1", kind: "Pod", metadata: { name: "p-é", namespace: "x", resourceVersion: "12" },
      spec: { nodeName: "n1", priority: 0, terminationGracePeriodSeconds: 30.5, containers: [{ name: "c", image: "i", args: ["", "a\tb", "yes"] }] } },
  ];
  it.each([
    ["a List, printed as kubectl prints it", JSON.stringify({ apiVersion: "v1", kind: "List", items: objects }, null, 4), objects],
    ["a List on one line", JSON.stringify({ apiVersion: "v1", kind: "PodList", items: objects }), objects],
    ["one object", JSON.stringify(objects[1]), [objects[1]]],
    ["a List after a comment (read as YAML)", "# kubectl get -o json\n" + JSON.stringify({ apiVersion: "v1", kind: "List", items: objects }), objects],
  ])("reads %s as the same objects", (_name, text, expected) => {
    const file = join(dir, "same.json");
    writeFileSync(file, text);
    const { snapshot, findings } = loadClusterSnapshot([file]);
    expect(findings).toEqual([]);
    expect(snapshot.objects).toEqual(expected);
  });

  it("reads an escaped slash in a JSON snapshot as JSON does", () => {
    const file = join(dir, "slash.json");
    writeFileSync(file, '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"url": "http:\\/\\/x"}}');
    const { snapshot, findings } = loadClusterSnapshot([file]);
    expect(findings).toEqual([]);
    expect(snapshot.get("ConfigMap", "default", "c")?.data).toEqual({ url: "http://x" });
  });

  it.each([
    ["an object without a name", '{"apiVersion": "v1", "kind": "List", "items": [\n  {"apiVersion": "v1", "kind": "Pod", "metadata": {}}]}', "cluster/snapshot", 2, "/items/0"],
    ["an item that is not an object", '{"apiVersion": "v1", "kind": "List", "items": [\n  5]}', "document/not-an-object", 2, "/items/0"],
    ["broken JSON", '{"apiVersion": "v1", "kind": "Node",\n "metadata": {"name": "n"}', "yaml/syntax", 2, ""],
  ])("a JSON snapshot with %s is reported where it is", (_name, text, rule, line, path) => {
    const file = join(dir, "bad.json");
    writeFileSync(file, text);
    const { findings } = loadClusterSnapshot([file]);
    expect(findings.map((f) => [f.rule, f.line, f.path])).toEqual([[rule, line, path]]);
  });

  it("reports a path it cannot read", () => {
    const { findings } = loadClusterSnapshot([join(dir, "missing.yaml")]);
    expect(findings.map((f) => f.rule)).toEqual(["input/unreadable"]);
  });

  it("keeps the last of duplicate objects and ignores values that are not objects", () => {
    const snapshot = createSnapshot([
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "x" }, data: { v: "1" } },
      null as never,
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "x" }, data: { v: "2" } },
    ]);
    expect(snapshot.list("ConfigMap").map((c) => (c as any).data.v)).toEqual(["2"]);
  });

  it("an empty snapshot knows nothing", () => {
    const snapshot = emptySnapshot();
    expect([snapshot.present, snapshot.knowsNamespaces, snapshot.nodes.length, snapshot.hasNamespace("default")]).toEqual([false, false, 0, true]);
  });
});
