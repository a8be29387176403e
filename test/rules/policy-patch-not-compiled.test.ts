import { describe, expect, it } from "vitest";
import { policyPatchNotCompiled } from "../../src/rules/policy/patch-not-compiled.js";
import { brief, runRule, yaml } from "./helpers.js";

const policy = (apiVersion: string, ...mutations: string[]) =>
  yaml(
    `apiVersion: ${apiVersion}`,
    "kind: MutatingAdmissionPolicy",
    "metadata: {name: add-team}",
    "spec:",
    "  matchConstraints: {resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]}",
    "  reinvocationPolicy: Never",
    "  mutations:",
    ...mutations.map((line) => "  " + line),
  );
const APPLY = `- {patchType: ApplyConfiguration, applyConfiguration: {expression: 'Object{metadata: Object.metadata{labels: {"team": "a"}}}'}}`;
const JSON_PATCH = `- {patchType: JSONPatch, jsonPatch: {expression: '[JSONPatch{op: "add", path: "/metadata/labels/team", value: "a"}]'}}`;

describe("policy/patch-not-compiled", () => {
  it.each([
    ["patches that construct nothing", policy("admissionregistration.k8s.io/v1", "- {patchType: JSONPatch, jsonPatch: {expression: 'variables.patches'}}")],
    ["a construction only inside a string", policy("admissionregistration.k8s.io/v1", "- {patchType: JSONPatch, jsonPatch: {expression: '[] + [\"Object{}\"].filter(x, false)'}}")],
    ["a ValidatingAdmissionPolicy", yaml("apiVersion: admissionregistration.k8s.io/v1", "kind: ValidatingAdmissionPolicy", "metadata: {name: v}", "spec: {validations: [{expression: 'true'}]}")],
    ["a kind of the same name in another group", yaml("apiVersion: policies.example.com/v1", "kind: MutatingAdmissionPolicy", "metadata: {name: m}", "spec:", "  mutations:", "  " + APPLY)],
  ])("says nothing of %s", (_name, text) => {
    expect(runRule(policyPatchNotCompiled, text)).toEqual([]);
  });

  it.each([
    [
      "two patches that construct objects: once, at the first",
      policy("admissionregistration.k8s.io/v1", APPLY, JSON_PATCH),
      [{ severity: "info", line: 8, column: 70, message: "spec.mutations[0].applyConfiguration.expression: not compiled: kubeplan's CEL parser cannot read object construction (Object{...}, JSONPatch{...}), so this policy's patches that construct objects are not checked" }],
    ],
    [
      "a JSON patch of v1beta1 after one that constructs nothing",
      policy("admissionregistration.k8s.io/v1beta1", "- {patchType: JSONPatch, jsonPatch: {expression: '[]'}}", JSON_PATCH),
      [{ severity: "info", line: 9, column: 52, message: "spec.mutations[1].jsonPatch.expression: not compiled: kubeplan's CEL parser cannot read object construction (Object{...}, JSONPatch{...}), so this policy's patches that construct objects are not checked" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(policyPatchNotCompiled, text))).toEqual(expected);
  });
});
