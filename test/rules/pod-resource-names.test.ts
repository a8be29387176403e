import { describe, expect, it } from "vitest";
import { podResourceNames } from "../../src/rules/pod/resource-names.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...resources: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", "    resources:", ...resources.map((l) => "      " + l));

const STANDARD = "must be a standard resource type or fully qualified";
const CONTAINERS = "must be a standard resource for containers";

describe("pod/resource-names", () => {
  it.each([
    ["cpu, memory and ephemeral storage", pod("requests: {cpu: 100m, memory: 64Mi, ephemeral-storage: 1Gi}", "limits: {cpu: '1', memory: 128Mi}")],
    ["huge pages", pod("limits: {hugepages-2Mi: 100Mi, memory: 1Gi}")],
    ["extended resources with a domain", pod("limits: {nvidia.com/gpu: 1, example.com/foo: 2}")],
    ["kubernetes.io resources", pod("limits: {kubernetes.io/something: 1}")],
    ["resources of the wrong type (schema errors)", pod("limits: [cpu]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podResourceNames, text)).toEqual([]);
  });

  it.each([
    [
      "a misspelt limit",
      pod("limits:", "  memroy: 1Gi"),
      "1.36",
      [
        { severity: "error", line: 10, column: 9, suggestion: "memory", message: `spec.containers[0].resources.limits[memroy]: Invalid value: "memroy": ${CONTAINERS}` },
        { severity: "error", line: 10, column: 9, suggestion: "memory", message: `spec.containers[0].resources.limits[memroy]: Invalid value: "memroy": ${STANDARD}` },
      ],
    ],
    [
      "a misspelt limit, printed without quotes by 1.32 and 1.33",
      pod("limits:", "  memroy: 1Gi"),
      "1.33",
      [
        { severity: "error", line: 10, column: 9, suggestion: "memory", message: `spec.containers[0].resources.limits[memroy]: Invalid value: memroy: ${CONTAINERS}` },
        { severity: "error", line: 10, column: 9, suggestion: "memory", message: `spec.containers[0].resources.limits[memroy]: Invalid value: memroy: ${STANDARD}` },
      ],
    ],
    [
      "a quota name in a container's requests",
      pod("requests:", "  requests.cpu: 100m"),
      "1.31",
      [{ severity: "error", line: 10, column: 9, suggestion: "cpu", message: `spec.containers[0].resources.requests[requests.cpu]: Invalid value: "requests.cpu": ${CONTAINERS}` }],
    ],
    [
      "a capitalised name",
      pod("limits: {CPU: '1'}"),
      "1.36",
      [
        { severity: "error", line: 9, column: 16, suggestion: "cpu", message: `spec.containers[0].resources.limits[CPU]: Invalid value: "CPU": ${CONTAINERS}` },
        { severity: "error", line: 9, column: 16, suggestion: "cpu", message: `spec.containers[0].resources.limits[CPU]: Invalid value: "CPU": ${STANDARD}` },
      ],
    ],
    [
      "an extended resource written with the quota prefix",
      pod("limits: {requests.example.com/foo: 1}"),
      "1.36",
      [{ severity: "error", line: 9, column: 16, message: 'spec.containers[0].resources.limits[requests.example.com/foo]: Invalid value: "requests.example.com/foo": doesn\'t follow extended resource name standard' }],
    ],
    [
      "a name that is not a qualified name, in an init container of a Deployment",
      yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", "      initContainers:", "      - name: init", "        image: x", "        resources: {limits: {'gpu count': 1}}"),
      "1.36",
      [
        { severity: "error", line: 10, column: 30, message: `spec.template.spec.initContainers[0].resources.limits[gpu count]: Invalid value: "gpu count": ${CONTAINERS}` },
        {
          severity: "error",
          line: 10,
          column: 30,
          message:
            "spec.template.spec.initContainers[0].resources.limits[gpu count]: Invalid value: \"gpu count\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        },
      ],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(brief(runRule(podResourceNames, text, { kubernetesVersion: version }))).toEqual(expected);
  });
});
