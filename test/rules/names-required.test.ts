import { describe, expect, it } from "vitest";
import { namesRequired } from "../../src/rules/names/required.js";
import { brief, runRule, yaml } from "./helpers.js";

const REQUIRED = "metadata.name: Required value: name or generateName is required";

describe("names/required", () => {
  it.each([
    ["a name", yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: app")],
    ["only generateName (valid for kubectl create)", yaml("apiVersion: batch/v1", "kind: Job", "metadata:", "  generateName: migrate-")],
    ["a name of another type (the schema layer reports it)", yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: 42")],
    ["a kustomization file", yaml("apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources: [a.yaml]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesRequired, text)).toEqual([]);
  });

  it.each([
    ["no metadata at all", yaml("apiVersion: v1", "kind: ConfigMap", "data: {}"), 1, 1],
    ["metadata without name", yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", "  labels: {app: x}"), 3, 1],
    ["an empty name", yaml("apiVersion: v1", "kind: ConfigMap", "metadata:", '  name: ""'), 3, 1],
    ["an empty generateName and no name", yaml("apiVersion: v1", "kind: Pod", "metadata: {generateName: ''}"), 3, 1],
  ])("reports %s", (_name, text, line, column) => {
    const findings = runRule(namesRequired, text);
    expect(findings.map((f) => f.rule)).toEqual(["names/required"]);
    expect(brief(findings)).toEqual([{ severity: "error", line, column, message: REQUIRED }]);
  });

  it("reports each nameless item of a List at the item", () => {
    const text = yaml("apiVersion: v1", "kind: List", "items:", "- apiVersion: v1", "  kind: ConfigMap", "  metadata: {name: a}", "- apiVersion: v1", "  kind: ConfigMap", "  data: {}");
    const findings = runRule(namesRequired, text);
    expect(findings.map((f) => [f.line, f.column, f.path])).toEqual([[7, 3, "/items/1"]]);
  });
});
