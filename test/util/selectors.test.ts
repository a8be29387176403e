import { describe, expect, it } from "vitest";
import {
  matchesLabelSelector,
  matchesMapSelector,
  matchesNodeSelectorTerm,
  matchesNodeSelectorTerms,
} from "../../src/util/selectors.js";
import { findUntoleratedTaint, toleratesTaint } from "../../src/util/taints.js";

const labels = { app: "web", tier: "frontend", cores: "8" };

describe("label selectors", () => {
  it.each([
    [{}, true],
    [{ matchLabels: { app: "web" } }, true],
    [{ matchLabels: { app: "api" } }, false],
    [{ matchExpressions: [{ key: "tier", operator: "In", values: ["frontend", "backend"] }] }, true],
    [{ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["frontend"] }] }, false],
    [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }, true],
    [{ matchExpressions: [{ key: "app", operator: "Exists" }] }, true],
    [{ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }, false],
    [{ matchExpressions: [{ key: "app", operator: "Bogus" }] }, false],
    [{ matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] }, false],
    [null, false],
    ["app=web", false],
  ])("%j matches: %s", (selector, expected) => {
    expect(matchesLabelSelector(selector, labels)).toBe(expected);
  });

  it.each([
    [{ app: "web" }, true],
    [{ app: "web", tier: "backend" }, false],
    [{}, true],
    [undefined, false],
  ])("map selector %j matches: %s", (selector, expected) => {
    expect(matchesMapSelector(selector, labels)).toBe(expected);
  });
});

describe("node selector terms", () => {
  it.each([
    [{ matchExpressions: [{ key: "cores", operator: "Gt", values: ["4"] }] }, true],
    [{ matchExpressions: [{ key: "cores", operator: "Lt", values: ["4"] }] }, false],
    [{ matchExpressions: [{ key: "cores", operator: "Gt", values: ["four"] }] }, false],
    [{ matchExpressions: [{ key: "tier", operator: "Gt", values: ["1"] }] }, false],
    [{ matchExpressions: [{ key: "cores", operator: "Gt", values: ["1", "2"] }] }, false],
    [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node-1"] }] }, true],
    [{ matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["node-1"] }] }, false],
    [{ matchFields: [{ key: "spec.podCIDR", operator: "In", values: ["node-1"] }] }, false],
    [{}, false],
  ])("%j on node-1: %s", (term, expected) => {
    expect(matchesNodeSelectorTerm(term, labels, "node-1")).toBe(expected);
  });

  it("ORs the terms", () => {
    const terms = [{ matchExpressions: [{ key: "app", operator: "In", values: ["api"] }] }, { matchExpressions: [{ key: "app", operator: "Exists" }] }];
    expect(matchesNodeSelectorTerms(terms, labels, "n")).toBe(true);
    expect(matchesNodeSelectorTerms([], labels, "n")).toBe(false);
  });
});

describe("tolerations", () => {
  const gpu = { key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" };
  it.each([
    [{ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" }, true],
    [{ key: "nvidia.com/gpu", value: "present" }, true],
    [{ key: "nvidia.com/gpu", operator: "Equal", value: "absent" }, false],
    [{ key: "nvidia.com/gpu", operator: "Exists" }, true],
    [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoExecute" }, false],
    [{ operator: "Exists" }, true],
    [{ operator: "Exists", effect: "NoSchedule" }, true],
    [{ key: "other", operator: "Exists" }, false],
    [{ key: "nvidia.com/gpu", operator: "Gt", value: "1" }, false],
  ])("%j tolerates the GPU taint: %s", (toleration, expected) => {
    expect(toleratesTaint(toleration, gpu)).toBe(expected);
  });

  it("finds the first untolerated taint among those included", () => {
    const taints = [{ key: "a", effect: "PreferNoSchedule" }, gpu, { key: "b", effect: "NoExecute" }];
    const hard = (t: { effect?: string }) => t.effect === "NoSchedule" || t.effect === "NoExecute";
    expect(findUntoleratedTaint(taints, [], hard)).toEqual(gpu);
    expect(findUntoleratedTaint(taints, [{ key: "nvidia.com/gpu", operator: "Exists" }], hard)).toEqual({ key: "b", effect: "NoExecute" });
    expect(findUntoleratedTaint(taints, [{ operator: "Exists" }], hard)).toBeUndefined();
  });
});
