import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";

const csiDriver = (...spec: string[]) => yaml("apiVersion: storage.k8s.io/v1", "kind: CSIDriver", "metadata: {name: ebs.csi.aws.com}", "spec:", ...spec.map((l) => "  " + l));

describe("validateCSIDriver", () => {
  it.each([
    ["an empty spec (every switch defaulted)", csiDriver("{}")],
    ["every field", csiDriver("attachRequired: false", "podInfoOnMount: true", "fsGroupPolicy: File", "volumeLifecycleModes: [Persistent, Ephemeral]", "tokenRequests: [{audience: a, expirationSeconds: 600}, {audience: b}]", "requiresRepublish: true", "seLinuxMount: true", "nodeAllocatableUpdatePeriodSeconds: 60")],
    ["a short update period while MutableCSINodeAllocatableCount is off (the field is dropped)", csiDriver("nodeAllocatableUpdatePeriodSeconds: 5")],
  ])("accepts %s in 1.34", (_name, text) => {
    expect(createPath(text, "1.34")).toEqual([]);
  });

  it("checks the update period from 1.35, where MutableCSINodeAllocatableCount is on by default", () => {
    expect(createPath(csiDriver("nodeAllocatableUpdatePeriodSeconds: 5"), "1.35")).toEqual([
      { severity: "error", line: 5, column: 39, message: "spec.nodeAllocatableUpdatePeriodSeconds: Invalid value: 5: must be greater than or equal to 10 seconds" },
    ]);
  });

  it.each([
    [
      "an unsupported fsGroup policy and lifecycle mode",
      csiDriver("fsGroupPolicy: Always", "volumeLifecycleModes: [Persistent, Forever]"),
      [
        { severity: "error", line: 5, column: 18, message: 'spec.fsGroupPolicy: Unsupported value: "Always": supported values: "File", "None", "ReadWriteOnceWithFSType"' },
        { severity: "error", line: 6, column: 25, message: 'spec.volumeLifecycleModes: Unsupported value: "Forever": supported values: "Persistent", "Ephemeral"' },
      ],
    ],
    [
      "token requests for one audience, too short and too long",
      csiDriver("tokenRequests: [{audience: a, expirationSeconds: 60}, {audience: a}, {audience: b, expirationSeconds: 4294967297}]"),
      [
        { severity: "error", line: 5, column: 52, message: "spec.tokenRequests[0].expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes" },
        { severity: "error", line: 5, column: 68, message: 'spec.tokenRequests[1].audience: Duplicate value: "a"' },
        { severity: "error", line: 5, column: 105, message: "spec.tokenRequests[2].expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds" },
      ],
    ],
    [
      "an update period under ten seconds",
      csiDriver("nodeAllocatableUpdatePeriodSeconds: 5"),
      [{ severity: "error", line: 5, column: 39, message: "spec.nodeAllocatableUpdatePeriodSeconds: Invalid value: 5: must be greater than or equal to 10 seconds" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
