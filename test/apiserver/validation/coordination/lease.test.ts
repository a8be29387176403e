import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const lease = (...spec: string[]) => yaml("apiVersion: coordination.k8s.io/v1", "kind: Lease", "metadata: {name: l}", "spec:", ...spec.map((l) => "  " + l));

describe("ValidateLease", () => {
  it.each([
    ["a held lease", lease("holderIdentity: node-a", "leaseDurationSeconds: 40", "leaseTransitions: 0")],
    ["an empty spec", yaml("apiVersion: coordination.k8s.io/v1", "kind: Lease", "metadata: {name: l}")],
    ["a strategy of any syntax (dropped while CoordinatedLeaderElection is off)", lease("strategy: 'not/a/strategy'", "preferredHolder: node-a")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a zero duration", lease("leaseDurationSeconds: 0"), ["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]],
    ["negative transitions", lease("leaseTransitions: -1"), ["spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a name that is not a DNS subdomain",
      yaml("apiVersion: coordination.k8s.io/v1", "kind: Lease", "metadata: {name: Node_A}"),
      [
        "metadata.name: Invalid value: \"Node_A\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });

  it("places the error on the field", () => {
    expect(createPath(lease("leaseDurationSeconds: -5"))).toEqual([{ severity: "error", line: 5, column: 25, message: "spec.leaseDurationSeconds: Invalid value: -5: must be greater than 0" }]);
  });
});
