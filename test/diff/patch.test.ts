// The RFC 6902 patch of every change takes the stored object to the object
// after apply: checked by applying it with fast-json-patch.
import jsonpatch from "fast-json-patch";
import { describe, expect, it } from "vitest";
import { planChanges } from "../../src/diff/index.js";
import type { KubeObject } from "../../src/types.js";
import { fixtureObjects, withoutLastApplied } from "./helpers.js";

function edited(object: KubeObject, edit: (copy: any) => void): KubeObject {
  const copy = structuredClone(object);
  edit(copy);
  return copy;
}

const EDITS: Array<[string, string, (d: any) => void]> = [
  ["deployment", "image and replicas", (d) => ((d.spec.template.spec.containers[0].image = "web:2"), (d.spec.replicas = 5))],
  ["deployment", "remove a container and an env var, add a volume", (d) => {
    d.spec.template.spec.containers.pop();
    d.spec.template.spec.containers[0].env.shift();
    d.spec.template.spec.volumes.push({ name: "extra", emptyDir: { medium: "Memory" } });
  }],
  ["deployment", "reorder and change a port", (d) => {
    d.spec.template.spec.containers.reverse();
    d.spec.template.spec.containers[1].ports[0].containerPort = 8081;
  }],
  ["statefulset", "claim size and image", (d) => {
    d.spec.volumeClaimTemplates[0].spec.resources.requests.storage = "20Gi";
    d.spec.template.spec.containers[0].image = "postgres:17";
  }],
  ["service", "ports and selector", (d) => {
    d.spec.ports.push({ name: "grpc", port: 9090 });
    d.spec.selector = { app: "web-v2" };
  }],
  ["configmap", "data", (d) => ((d.data.NEW = "1"), delete d.data.LOG_FORMAT)],
  ["secret", "data", (d) => ((d.stringData.password = "x"), delete d.data)],
  ["daemonset", "args and tolerations", (d) => {
    d.spec.template.spec.containers[0].args = ["--a", "--b"];
    d.spec.template.spec.tolerations = [];
  }],
  ["pod", "image", (d) => (d.spec.containers[0].image = "busybox:1.37")],
  ["misc", "labels, rules, limits", (d) => {
    d.metadata.labels = { team: "payments" };
  }],
];

/** Without the identity fields (an apiVersion change is not part of the body patch) and empty maps. */
function body(object: KubeObject | undefined): unknown {
  const copy: any = structuredClone(object);
  delete copy.apiVersion;
  return JSON.parse(JSON.stringify(copy, (_key, value) => (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0 ? undefined : value)));
}

describe("RFC 6902 patches", () => {
  for (const [kind, name, edit] of EDITS) {
    for (const recorded of [true, false]) {
      it(`${kind}: ${name} (${recorded ? "with" : "without"} last-applied)`, () => {
        const desired = fixtureObjects(`noop/${kind}.desired.yaml`);
        const stored = fixtureObjects(`noop/${kind}.stored.yaml`);
        const plan = planChanges({
          desired: [edited(desired[0]!, edit), ...desired.slice(1)].map((object) => ({ object })),
          current: recorded ? stored : withoutLastApplied(stored),
          kubernetesVersion: "1.36",
          showSecrets: true,
        });
        const changed = plan.changes.filter((c) => c.action === "update" || c.action === "replace");
        expect(changed.length).toBeGreaterThan(0);
        for (const change of changed) {
          expect(jsonpatch.validate(change.patch as jsonpatch.Operation[], structuredClone(change.before))).toBeUndefined();
          const applied = jsonpatch.applyPatch(structuredClone(change.before), change.patch as jsonpatch.Operation[]).newDocument;
          expect(body(applied)).toEqual(body(change.after));
        }
      });
    }
  }
});
