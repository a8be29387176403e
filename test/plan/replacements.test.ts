import { describe, expect, it } from "vitest";
import { createSnapshot } from "../../src/cluster/snapshot.js";
import type { ChangePlan } from "../../src/diff/index.js";
import type { ExpandResult } from "../../src/expand/index.js";
import { applyReplacements, findReplacements } from "../../src/plan/replacements.js";
import type { KubeObject } from "../../src/types.js";

const owned = (kind: string, name: string, owner?: [string, string]): KubeObject => ({
  apiVersion: kind === "Pod" ? "v1" : "apps/v1",
  kind,
  metadata: { name, namespace: "shop", ...(owner ? { ownerReferences: [{ kind: owner[0], name: owner[1], controller: true }] } : {}) },
});

const cluster = createSnapshot([
  owned("Deployment", "web"),
  owned("ReplicaSet", "web-abc", ["Deployment", "web"]),
  owned("Pod", "web-abc-1", ["ReplicaSet", "web-abc"]),
  owned("Pod", "web-abc-2", ["ReplicaSet", "web-abc"]),
  owned("StatefulSet", "db"),
  owned("Pod", "db-0", ["StatefulSet", "db"]),
  owned("Deployment", "api"),
  owned("Pod", "api-x-1", ["ReplicaSet", "api-x"]),
]);

const changes = (actions: Array<[string, string, string]>): ChangePlan =>
  ({ changes: actions.map(([action, kind, name]) => ({ action, kind, name, namespace: "shop" })) }) as unknown as ChangePlan;

describe("replaced workloads", () => {
  it("leave the snapshot with their ReplicaSets and pods, which are recorded per workload", () => {
    const found = findReplacements(cluster, changes([["replace", "Deployment", "web"], ["replace", "StatefulSet", "db"], ["update", "Deployment", "api"]]));
    expect(found.snapshot.objects.map((o) => o.metadata!.name)).toEqual(["api", "api-x-1"]);
    expect([...found.podsOf].map(([k, pods]) => [k, pods.map((p) => p.metadata!.name)])).toEqual([
      ["Deployment/shop/web", ["web-abc-1", "web-abc-2"]],
      ["StatefulSet/shop/db", ["db-0"]],
    ]);
  });

  it("change nothing when nothing is replaced, or only objects that run no pods", () => {
    const found = findReplacements(cluster, changes([["replace", "Service", "web"], ["update", "Deployment", "web"]]));
    expect(found.snapshot).toBe(cluster);
    expect(found.podsOf.size).toBe(0);
  });

  it("stop every old pod before the new ones start", () => {
    const found = findReplacements(cluster, changes([["replace", "StatefulSet", "db"]]));
    const expansion = {
      workloads: [{ owner: { kind: "StatefulSet", namespace: "shop", name: "db" }, replaced: [], strategy: "RollingUpdate" }],
      replacedPods: [],
    } as unknown as ExpandResult;
    applyReplacements(expansion, found);
    expect(expansion.workloads[0]).toMatchObject({ strategy: "Recreate", replaced: [{ metadata: { name: "db-0" } }] });
    expect(expansion.replacedPods.map((p) => p.metadata!.name)).toEqual(["db-0"]);
  });
});
