import { describe, expect, it } from "vitest";
import { podContainerImage } from "../../src/rules/pod/container-image.js";
import { brief, runRule, yaml } from "./helpers.js";

const pod = (...containers: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...containers.map((l) => "  " + l));

const deployment = (...containers: string[]) =>
  yaml("apiVersion: apps/v1", "kind: Deployment", "metadata: {name: d}", "spec:", "  template:", "    spec:", ...containers.map((l) => "      " + l));

describe("pod/container-image", () => {
  it.each([
    ["a Pod whose containers name images", pod("initContainers: [{name: init, image: busybox}]", "containers: [{name: app, image: nginx:1.27}]")],
    ["a Deployment whose container names an image", deployment("containers: [{name: app, image: nginx}]")],
    ["a template image with surrounding spaces (only a Pod's are checked)", deployment("containers: [{name: app, image: ' nginx '}]")],
    ["an image of the wrong type (a schema error)", pod("containers: [{name: app, image: 3}]")],
    ["a Service (no pods)", yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec: {ports: [{port: 80}]}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(podContainerImage, text)).toEqual([]);
  });

  it.each([
    [
      "a Deployment container without image",
      deployment("containers:", "- name: app", "  ports: [{containerPort: 80}]"),
      [{ severity: "error", line: 8, column: 9, message: "spec.template.spec.containers[0].image: Required value" }],
    ],
    [
      "an init container with an empty image and an ephemeral container with a null one",
      pod("initContainers:", "- name: init", "  image: ''", "containers: [{name: app, image: x}]", "ephemeralContainers:", "- name: debug", "  image:"),
      [
        { severity: "error", line: 7, column: 5, message: "spec.initContainers[0].image: Required value" },
        { severity: "error", line: 11, column: 5, message: "spec.ephemeralContainers[0].image: Required value" },
      ],
    ],
    [
      "a CronJob's container without image",
      yaml("apiVersion: batch/v1", "kind: CronJob", "metadata: {name: c}", "spec:", "  schedule: '@daily'", "  jobTemplate:", "    spec:", "      template:", "        spec:", "          containers: [{name: app}]"),
      [{ severity: "error", line: 10, column: 24, message: "spec.jobTemplate.spec.template.spec.containers[0].image: Required value" }],
    ],
    [
      "a Pod image with a trailing space",
      pod("containers:", "- name: app", "  image: 'nginx:1.27 '"),
      [{ severity: "error", line: 7, column: 12, suggestion: "nginx:1.27", message: 'spec.containers[0].image: Invalid value: "nginx:1.27 ": must not have leading or trailing whitespace' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(podContainerImage, text))).toEqual(expected);
  });
});
