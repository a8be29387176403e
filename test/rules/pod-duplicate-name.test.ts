import { describe, expect, it } from "vitest";
import { podDuplicateName } from "../../src/rules/pod/duplicate-name.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...specLines: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...specLines.map((l) => "  " + l));

describe("pod/duplicate-name", () => {
  it.each([
    ["distinct volume names", pod("containers: [{name: app}]", "volumes:", "- {name: a}", "- {name: b}")],
    ["duplicate container names (the API server's validation reports them)", pod("containers: [{name: app}, {name: app}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podDuplicateName, text)).toEqual([]);
  });

  it("reports two volumes with the same name", () => {
    const text = pod("volumes:", "- name: data", "  emptyDir: {}", "- name: data", "  configMap: {name: c}");
    expect(brief(runRule(podDuplicateName, text))).toEqual([{ severity: "error", line: 8, column: 11, message: 'spec.volumes[1].name: Duplicate value: "data"' }]);
  });
});
