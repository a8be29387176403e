// A value the schema layer already reports (a wrong type, a value outside the
// enum) gets no second error from the workload checks.
import { describe, expect, it } from "vitest";
import { validate } from "../../../../src/index.js";
import { CONTAINER, valid, workload } from "./workloads.js";

async function createPathErrors(text: string): Promise<string[]> {
  const result = await validate({ text, file: "w.yaml" });
  return result.findings.filter((finding) => finding.rule === "apiserver/validation").map((finding) => finding.message);
}

describe("workload checks after the schema layer", () => {
  it.each([
    ["a restartPolicy of the wrong type", workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: 3, containers: [${CONTAINER}]}`)],
    ["a restartPolicy outside the pod's enum", workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: always, containers: [${CONTAINER}]}`)],
    ["a Job restartPolicy outside the pod's enum", workload("batch/v1", "Job", "template:", `  spec: {restartPolicy: Sometimes, containers: [${CONTAINER}]}`)],
    ["a malformed selector and template", workload("apps/v1", "Deployment", "selector: [a]", "template: 3")],
    ["a CronJob schedule of the wrong type", workload("batch/v1", "CronJob", "schedule: 5", `jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [${CONTAINER}]}}}}`)],
    ["a replica count of the wrong type", valid("apps/v1", "StatefulSet", "replicas: many")],
  ])("%s", async (_name, text) => {
    expect(await createPathErrors(text)).toEqual([]);
  });
});
