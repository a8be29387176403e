import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { LABEL, SUBDOMAIN } from "../../../rules/messages.js";

const namespace = (...lines: string[]) => yaml("apiVersion: v1", "kind: Namespace", ...lines);

describe("validateNamespace", () => {
  it.each([
    ["a DNS label name", namespace("metadata: {name: team-a}")],
    ["standard and qualified spec finalizers", namespace("metadata: {name: team-a}", "spec: {finalizers: [kubernetes, example.com/cleanup]}")],
    ["a namespace of its own (cleared: Namespaces are cluster-scoped)", namespace("metadata: {name: team-a, namespace: other}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a name with a dot", namespace("metadata: {name: team.a}"), [{ severity: "error", line: 3, column: 18, message: 'metadata.name: Invalid value: "team.a": must not contain dots', suggestion: "team-a" }]],
    ["a name with capitals", namespace("metadata: {name: TeamA}"), [{ severity: "error", line: 3, column: 18, message: `metadata.name: Invalid value: "TeamA": ${LABEL}`, suggestion: "teama" }]],
    [
      "a spec finalizer that is neither standard nor qualified",
      namespace("metadata: {name: a}", "spec: {finalizers: [kubernetes, cleanup]}"),
      [{ severity: "error", line: 4, column: 33, message: 'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified' }],
    ],
    [
      "a spec finalizer with a bad prefix",
      namespace("metadata: {name: a}", "spec: {finalizers: [Example.com/x]}"),
      [{ severity: "error", line: 4, column: 21, message: `spec.finalizers: Invalid value: "Example.com/x": prefix part ${SUBDOMAIN}` }],
    ],
    [
      "a 64-character name, which defaulting also copies into a label",
      namespace(`metadata: {name: ${"n".repeat(64)}}`),
      [
        { severity: "error", line: 3, column: 1, message: `metadata.labels: Invalid value: "${"n".repeat(64)}": must be no more than 63 bytes`, suggestion: "n".repeat(63) },
        { severity: "error", line: 3, column: 18, message: `metadata.name: Invalid value: "${"n".repeat(64)}": must be no more than 63 characters`, suggestion: "n".repeat(63) },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
