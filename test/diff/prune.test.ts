// `--prune-selector` reads label selectors as kubectl -l does.
import { describe, expect, it } from "vitest";
import { parseLabelSelector, planChanges } from "../../src/diff/index.js";

describe("parseLabelSelector", () => {
  const labels = { app: "web", tier: "frontend", version: "3" };
  const cases: Array<[string, boolean]> = [
    ["app=web", true],
    ["app==web", true],
    ["app=api", false],
    ["app!=api", true],
    ["app=web,tier=frontend", true],
    ["app=web,tier=backend", false],
    ["tier in (frontend, backend)", true],
    ["tier notin (frontend)", false],
    ["app", true],
    ["!app", false],
    ["!legacy", true],
    ["version>2", true],
    ["version<3", false],
    ["app in (web),!legacy,tier", true],
  ];
  for (const [selector, matches] of cases) {
    it(`${selector} ${matches ? "matches" : "does not match"}`, () => {
      expect(parseLabelSelector(selector)(labels)).toBe(matches);
    });
  }

  it("rejects a malformed selector", () => {
    expect(() => parseLabelSelector("app in web")).toThrow('unable to parse requirement: "app in web"');
  });
});

describe("a malformed --prune-selector in a plan", () => {
  it("prunes nothing and says why", () => {
    const plan = planChanges({ desired: [], current: [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default", labels: { app: "x" } } }], kubernetesVersion: "1.36", prune: true, pruneSelector: "app in x" });
    expect(plan.changes).toEqual([]);
    expect(plan.notes).toEqual(['--prune-selector "app in x": unable to parse requirement: "app in x"; nothing is pruned.']);
  });
});
