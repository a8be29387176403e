import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const pdb = (...spec: string[]) => yaml("apiVersion: policy/v1", "kind: PodDisruptionBudget", "metadata: {name: p}", "spec:", ...spec.map((l) => "  " + l));

const BOTH = "minAvailable and maxUnavailable cannot be both set";

describe("validatePodDisruptionBudgetSpec", () => {
  it.each([
    ["minAvailable alone", pdb("minAvailable: 2", "selector: {matchLabels: {app: web}}")],
    ["maxUnavailable as a percentage", pdb("maxUnavailable: 25%", "selector: {matchLabels: {app: web}}")],
    ["a null maxUnavailable", pdb("minAvailable: 100%", "maxUnavailable: null")],
    ["a budget of the wrong type (a schema error)", pdb("minAvailable: [1]")],
    ["an empty selector (it selects every pod of the namespace)", pdb("minAvailable: 1", "selector: {}")],
    ["each unhealthy pod eviction policy", pdb("minAvailable: 1", "unhealthyPodEvictionPolicy: AlwaysAllow")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "both minAvailable and maxUnavailable, printed as JSON from 1.34",
      pdb("minAvailable: 2", "maxUnavailable: 1", "selector: {matchLabels: {app: web}}"),
      "1.34",
      [{ severity: "error", line: 5, column: 3, message: `spec: Invalid value: {"MinAvailable":2,"Selector":{"matchLabels":{"app":"web"}},"MaxUnavailable":1,"UnhealthyPodEvictionPolicy":null}: ${BOTH}` }],
    ],
    [
      "both set, printed with Go syntax before 1.34",
      pdb("minAvailable: 50%", "maxUnavailable: 1"),
      "1.30",
      [
        {
          severity: "error",
          line: 5,
          column: 3,
          message: `spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0x…), Selector:(*v1.LabelSelector)(nil), MaxUnavailable:(*intstr.IntOrString)(0x…), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: ${BOTH}`,
        },
      ],
    ],
    [
      "a percentage above 100% and a negative budget",
      pdb("minAvailable: 150%", "maxUnavailable: -1"),
      "1.36",
      [
        { severity: "error", line: 5, column: 3, message: `spec: Invalid value: {"MinAvailable":"150%","Selector":null,"MaxUnavailable":-1,"UnhealthyPodEvictionPolicy":null}: ${BOTH}` },
        { severity: "error", line: 5, column: 17, message: 'spec.minAvailable: Invalid value: "150%": must not be greater than 100%' },
        { severity: "error", line: 6, column: 19, message: "spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0" },
      ],
    ],
    [
      "a percentage without its sign",
      pdb("maxUnavailable: '10'"),
      "1.36",
      [{ severity: "error", line: 5, column: 19, message: "spec.maxUnavailable: Invalid value: \"10\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPath(text, version)).toEqual(expected);
  });

  it.each([
    ["an unknown unhealthy pod eviction policy", pdb("minAvailable: 1", "unhealthyPodEvictionPolicy: Never"), ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"']],
    ["a selector with a bad operator", pdb("minAvailable: 1", "selector: {matchExpressions: [{key: app, operator: Equals, values: [web]}]}"), ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
