import { describe, expect, it } from "vitest";
import { podResourceLimits } from "../../src/rules/pod/resource-limits.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...resources: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", "    resources:", ...resources.map((l) => "      " + l));

const deployment = (...resources: string[]) =>
  yaml(
    "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:",
    "      initContainers:", "      - name: init", "        image: x", "        resources:", ...resources.map((l) => "          " + l),
  );

describe("pod/resource-limits", () => {
  it.each([
    ["a request equal to its limit", pod("requests: {cpu: 500m, memory: 1Gi}", "limits: {cpu: '0.5', memory: 1024Mi}")],
    ["a request below its limit", pod("requests: {memory: 512Mi}", "limits: {memory: 1Gi}")],
    ["a limit without request (the request defaults to it)", pod("limits: {cpu: '2'}")],
    ["a request without limit", pod("requests: {cpu: '8'}")],
    ["hugepages with equal request and limit", pod("requests: {hugepages-2Mi: 100Mi, memory: 1Gi}", "limits: {hugepages-2Mi: 100Mi, memory: 1Gi}")],
    ["a malformed quantity (a schema error, not this rule's)", pod("requests: {cpu: lots}", "limits: {cpu: '1'}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podResourceLimits, text)).toEqual([]);
  });

  it.each([
    [
      "a cpu request above its limit",
      pod("requests: {cpu: '1'}", "limits: {cpu: 500m}"),
      [{ severity: "error", line: 9, column: 23, message: 'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m' }],
    ],
    [
      "a memory request above its limit, in an init container of a Deployment",
      deployment("requests:", "  memory: 2Gi", "limits:", "  memory: 1536Mi"),
      [{ severity: "error", line: 12, column: 21, message: 'spec.template.spec.initContainers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1536Mi' }],
    ],
    [
      "hugepages requested below their limit",
      pod("requests: {hugepages-2Mi: 50Mi}", "limits: {hugepages-2Mi: 100Mi}"),
      [{ severity: "error", line: 9, column: 33, message: 'spec.containers[0].resources.requests: Invalid value: "50Mi": must be equal to hugepages-2Mi limit of 100Mi' }],
    ],
    [
      "an extended resource requested without a limit",
      pod("requests: {nvidia.com/gpu: 1}"),
      [{ severity: "error", line: 9, column: 34, message: "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podResourceLimits, text))).toEqual(expected);
  });
});
