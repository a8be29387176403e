// A spec (or template) that is a Go struct, not a pointer, decodes to its zero
// value whether it is left out, null or empty: the API server defaults and
// validates all three alike. A pointer (a ReplicationController's template)
// left out stays out.
import { describe, expect, it } from "vitest";
import { createObject } from "../../../src/apiserver/index.js";
import { errorMessage } from "../../../src/apiserver/field/errors.js";
import type { KubeObject } from "../../../src/types.js";

interface Case {
  apiVersion: string;
  kind: string;
  /** The struct field under test ("spec", or a PodTemplate's "template"). */
  field: string;
  /** Upstream's errors for the zero value, in its order. */
  errors: string[];
}

const CASES: Case[] = [
  { apiVersion: "v1", kind: "Pod", field: "spec", errors: ["spec.containers: Required value"] },
  { apiVersion: "v1", kind: "PodTemplate", field: "template", errors: ["template.spec.containers: Required value"] },
  { apiVersion: "v1", kind: "PersistentVolumeClaim", field: "spec", errors: ["spec.accessModes: Required value: at least 1 access mode is required", "spec.resources[storage]: Required value"] },
  { apiVersion: "batch/v1", kind: "Job", field: "spec", errors: ["spec.template.spec.containers: Required value", 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'] },
];

function create(apiVersion: string, kind: string, fields: Record<string, unknown>) {
  const object = { apiVersion, kind, metadata: { name: "a", namespace: "ns" }, ...fields } as unknown as KubeObject;
  const outcome = createObject(object, { kubernetesVersion: "1.36" });
  return { stored: outcome.object as unknown as Record<string, unknown>, errors: outcome.errors.map((error) => errorMessage(error, "1.36")) };
}

describe("a struct left out, null or empty is defaulted and validated as its zero value", () => {
  for (const { apiVersion, kind, field, errors } of CASES) {
    it(`${kind}.${field}`, () => {
      const empty = create(apiVersion, kind, { [field]: {} });
      expect(empty.errors).toEqual(errors);
      for (const given of [{}, { [field]: null }]) {
        const outcome = create(apiVersion, kind, given);
        expect(outcome.errors).toEqual(empty.errors);
        expect(outcome.stored[field]).toEqual(empty.stored[field]);
      }
    });
  }

  it("a Pod without a spec gets the pod spec's defaults", () => {
    const spec = create("v1", "Pod", {}).stored.spec as Record<string, unknown>;
    expect(spec).toMatchObject({ dnsPolicy: "ClusterFirst", restartPolicy: "Always", terminationGracePeriodSeconds: 30, schedulerName: "default-scheduler", enableServiceLinks: true });
  });

  it("a ReplicationController's template is a pointer: left out, it is not made up", () => {
    const stored = create("v1", "ReplicationController", {}).stored.spec as Record<string, unknown>;
    expect(stored).toEqual({ replicas: 1 });
  });
});
