// A value the decoder refuses (a wrong type) gets no second error from the
// workload checks; a value outside a closed set is reported in the API
// server's words alone, every error it lists.
import { describe, expect, it } from "vitest";
import { validate } from "../../../../src/index.js";
import { CONTAINER, valid, workload } from "./workloads.js";

async function errorsOf(text: string, rule: string): Promise<string[]> {
  const result = await validate({ text, file: "w.yaml" });
  return result.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);
}

const createPathErrors = (text: string) => errorsOf(text, "apiserver/validation");

describe("workload checks after the schema layer", () => {
  it.each([
    ["a restartPolicy of the wrong type", workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: 3, containers: [${CONTAINER}]}`)],
    ["a malformed selector and template", workload("apps/v1", "Deployment", "selector: [a]", "template: 3")],
    ["a CronJob schedule of the wrong type", workload("batch/v1", "CronJob", "schedule: 5", `jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [${CONTAINER}]}}}}`)],
    ["a replica count of the wrong type", valid("apps/v1", "StatefulSet", "replicas: many")],
  ])("%s", async (_name, text) => {
    expect(await createPathErrors(text)).toEqual([]);
  });
});

describe("a value outside the pod's closed set, in a workload", () => {
  it.each([
    [
      "a DaemonSet's restartPolicy: the template's rule and the pod's",
      workload("apps/v1", "DaemonSet", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: always, containers: [${CONTAINER}]}`),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "always": supported values: "Always"',
        'spec.template.spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never" (did you mean "Always"?)',
      ],
    ],
    [
      "a Job's restartPolicy: the pod's rule and the Job's",
      workload("batch/v1", "Job", "template:", `  spec: {restartPolicy: Sometimes, containers: [${CONTAINER}]}`),
      [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    ],
  ])("%s", async (_name, text, expected) => {
    expect((await createPathErrors(text)).sort()).toEqual([...expected].sort());
    expect(await errorsOf(text, "schema/enum")).toEqual([]);
  });
});
