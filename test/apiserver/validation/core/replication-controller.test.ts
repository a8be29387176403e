import { describe, expect, it } from "vitest";
import { createPath, createPathMessages } from "../../helpers.js";
import { CONTAINER, MISMATCH, workload } from "../apps/workloads.js";

const controller = (...spec: string[]) => workload("v1", "ReplicationController", ...spec);
const TEMPLATE = ["template:", "  metadata: {labels: {app: web, v: '2'}}", `  spec: {containers: [${CONTAINER}]}`];

describe("validateReplicationControllerSpec", () => {
  it.each([
    ["no selector (defaulted to the template labels)", controller(...TEMPLATE)],
    ["a selector the template matches", controller("selector: {app: web}", ...TEMPLATE)],
    ["zero replicas", controller("replicas: 0", ...TEMPLATE)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a selector the template does not match", controller("selector: {app: api}", ...TEMPLATE), [`spec.template.metadata.labels: Invalid value: {"app":"web","v":"2"}: ${MISMATCH}`]],
    ["neither selector nor template labels", controller("template:", `  spec: {containers: [${CONTAINER}]}`), ["spec.selector: Required value"]],
    ["no template", controller("selector: {app: web}"), ["spec.template: Required value"]],
    ["negative replicas and minReadySeconds", controller("replicas: -1", "minReadySeconds: -1", ...TEMPLATE), ["spec.replicas: Invalid value: -1: must be greater than or equal to 0", "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a template that restarts on failure, with a deadline",
      controller("template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: OnFailure, activeDeadlineSeconds: 5, containers: [${CONTAINER}]}`),
      ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"', "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported"],
    ],
    ["a template that is not a valid pod template", controller("template: {metadata: {labels: {app: web}}, spec: {}}"), ["spec.template.spec.containers: Required value"]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("places a mismatch at the template labels, suggesting the missing ones", () => {
    expect(createPath(controller("selector: {app: web}", "template:", "  metadata:", "    labels: {app: api}", `  spec: {containers: [${CONTAINER}]}`))).toEqual([
      { severity: "error", line: 8, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"api"}: ${MISMATCH}`, suggestion: "app=web" },
    ]);
  });
});
