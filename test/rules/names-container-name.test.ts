import { describe, expect, it } from "vitest";
import { namesContainerName } from "../../src/rules/names/container-name.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL } from "./messages.js";

const deployment = (...containerLines: string[]) =>
  yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:", "  template:", "    spec:", ...containerLines.map((l) => "      " + l));

describe("names/container-name", () => {
  it.each([
    ["DNS-1123 labels", deployment("containers:", "- {name: app, image: nginx}", "initContainers:", "- {name: init-1, image: busybox}")],
    ["a missing name (the schema layer requires it)", deployment("containers:", "- {image: nginx}")],
    ["a Pod with an ephemeral container", yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers: [{name: app, image: x}]", "  ephemeralContainers: [{name: debugger, image: y}]")],
    ["malformed containers", deployment("containers: [42, null, {name: [x]}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesContainerName, text)).toEqual([]);
  });

  it.each([
    ["a capitalised container name", deployment("containers:", "- {name: App, image: nginx}"), [{ severity: "error", line: 8, column: 16, message: `spec.template.spec.containers[0].name: Invalid value: "App": ${LABEL}`, suggestion: "app" }]],
    ["a dotted init container name", deployment("containers:", "- {name: app, image: nginx}", "initContainers:", "- {name: init.db, image: busybox}"), [{ severity: "error", line: 10, column: 16, message: 'spec.template.spec.initContainers[0].name: Invalid value: "init.db": must not contain dots', suggestion: "init-db" }]],
    ["an empty container name", deployment("containers:", '- {name: "", image: nginx}'), [{ severity: "error", line: 8, column: 16, message: "spec.template.spec.containers[0].name: Required value" }]],
    [
      "a CronJob container name",
      yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  jobTemplate:", "    spec:", "      template:", "        spec:", "          containers: [{name: Job_Runner, image: x}]"),
      [{ severity: "error", line: 9, column: 31, message: `spec.jobTemplate.spec.template.spec.containers[0].name: Invalid value: "Job_Runner": ${LABEL}`, suggestion: "job-runner" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesContainerName, text))).toEqual(expected);
  });
});
