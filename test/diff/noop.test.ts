// A manifest applied unchanged to a cluster that stored it plans as a no-op:
// the stored objects below are what `kubectl get -o yaml` prints (server
// fields, API defaults, allocated IPs and ports, admission additions).
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import { fixtureObjects, withoutLastApplied } from "./helpers.js";

const KINDS = [
  "deployment",
  "statefulset",
  "daemonset",
  "replicaset",
  "replicationcontroller",
  "job",
  "cronjob",
  "pod",
  "service",
  "configmap",
  "secret",
  "pvc",
  "ingress",
  "hpa",
  "misc",
];

describe("unchanged manifests plan as no-op", () => {
  for (const kind of KINDS) {
    for (const recorded of [true, false]) {
      it(`${kind} (${recorded ? "with" : "without"} last-applied-configuration)`, () => {
        const desired = fixtureObjects(`noop/${kind}.desired.yaml`);
        const stored = fixtureObjects(`noop/${kind}.stored.yaml`);
        const plan = planChanges({
          desired: desired.map((object) => ({ object })),
          current: recorded ? stored : withoutLastApplied(stored),
          kubernetesVersion: "1.36",
        });
        const changed = plan.changes.filter((c) => c.action !== "no-op").map((c) => ({ name: `${c.kind}/${c.name}`, action: c.action, fields: c.fields }));
        expect(changed).toEqual([]);
        expect(plan.counts.unchanged).toBe(desired.length);
        expect(plan.hasChanges).toBe(false);
      });
    }
  }
});
