// Malformed objects (wrong types anywhere, missing fields) never make the diff throw.
import { describe, expect, it } from "vitest";
import { changeToJson, planChanges } from "../../src/diff/index.js";
import { renderChanges } from "../../src/report/plan/changes-text.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects } from "./helpers.js";

const KINDS = ["deployment", "statefulset", "daemonset", "replicaset", "replicationcontroller", "job", "cronjob", "pod", "service", "configmap", "secret", "pvc", "ingress", "hpa"];

/** A small deterministic generator, so that a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WRONG_VALUES: unknown[] = [null, 0, -1, 1.5, "", "text", true, [], [1, "a", null], {}, { unexpected: { deeply: [1] } }];

function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      paths(child, path, out);
    }
  }
  return out;
}

function setAt(root: any, path: Array<string | number>, value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]!] = value;
}

function mutate(object: KubeObject, next: () => number, count: number): KubeObject {
  const copy: any = structuredClone(object);
  for (let i = 0; i < count; i++) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[Math.floor(next() * all.length)]!;
    setAt(copy, path, structuredClone(WRONG_VALUES[Math.floor(next() * WRONG_VALUES.length)]));
  }
  return copy;
}

function runAll(desired: KubeObject[], current: KubeObject[]): void {
  const plan = planChanges({ desired: desired.map((object) => ({ object })), current, kubernetesVersion: "1.36", prune: true });
  renderChanges(plan, { color: true, showUnchanged: true, unifiedDiff: true });
  JSON.stringify(plan.changes.map(changeToJson));
}

describe("robustness", () => {
  it("accepts garbage entries without throwing", () => {
    const garbage = [null, 1, "x", [], {}, { kind: 3 }, { kind: "Deployment", metadata: "x", spec: [] }, { kind: "Service", metadata: { name: ["a"] } }];
    expect(() =>
      planChanges({ desired: garbage.map((object) => ({ object: object as KubeObject })), current: garbage as KubeObject[], kubernetesVersion: "x" }),
    ).not.toThrow();
    expect(() => planChanges({ desired: null as never, current: undefined as never, kubernetesVersion: "1.36" })).not.toThrow();
  });

  for (const kind of KINDS) {
    it(`${kind}: 100 random type corruptions of manifest and stored object`, () => {
      const desired = fixtureObjects(`noop/${kind}.desired.yaml`);
      const stored = fixtureObjects(`noop/${kind}.stored.yaml`);
      const next = random(KINDS.indexOf(kind) + 1);
      for (let round = 0; round < 100; round++) {
        const count = 1 + Math.floor(next() * 3);
        const corruptDesired = desired.map((o) => mutate(o, next, count));
        const corruptStored = stored.map((o) => mutate(o, next, count));
        expect(() => runAll(corruptDesired, stored)).not.toThrow();
        expect(() => runAll(desired, corruptStored)).not.toThrow();
      }
    });
  }
});
