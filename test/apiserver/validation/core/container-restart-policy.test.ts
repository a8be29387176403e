import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

const pod = (...spec: string[]) => yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", ...spec.map((line) => "  " + line));
const container = (...lines: string[]) => pod("containers:", "- name: app", "  image: x", ...lines.map((line) => "  " + line));
const init = (...lines: string[]) => pod("containers: [{name: app, image: x}]", "initContainers:", "- name: init", "  image: x", ...lines.map((line) => "  " + line));
const rule = (action: string, exitCodes = "{operator: In, values: [42]}") => `{action: ${action}, exitCodes: ${exitCodes}}`;

describe("validateContainerRestartPolicy and validateInitContainerRestartPolicy (ContainerRestartRules, on from 1.35)", () => {
  it.each([
    ["a regular container's own policy", container("restartPolicy: Never"), "1.35"],
    ["a regular container restarted on some exit codes", pod("restartPolicy: Never", "containers:", `- {name: app, image: x, restartPolicy: Never, restartPolicyRules: [${rule("Restart")}]}`), "1.36"],
    ["an init container that is never retried", init("restartPolicy: Never"), "1.36"],
    ["an init container with rules and NotIn", init("restartPolicy: OnFailure", `restartPolicyRules: [${rule("Restart", "{operator: NotIn, values: [0]}")}]`), "1.36"],
    ["20 rules", container("restartPolicy: Never", `restartPolicyRules: [${Array(20).fill(rule("Restart")).join(", ")}]`), "1.36"],
    ["255 exit codes", container("restartPolicy: Never", `restartPolicyRules: [${rule("Restart", `{operator: In, values: [${Array.from({ length: 255 }, (_, i) => i + 1).join(", ")}]}`)}]`), "1.36"],
    // 1.34 drops what the gate, still off, allows (dropContainerRestartRules).
    ["a regular container's policy in 1.34, dropped", container("restartPolicy: Always"), "1.34"],
    ["an init container policy other than Always in 1.34, dropped", init("restartPolicy: OnFailure"), "1.34"],
  ])("accepts %s", (_name, text, version) => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["rules without a policy", container(`restartPolicyRules: [${rule("Restart")}]`), ["spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used"]],
    ["an unknown policy", container("restartPolicy: Sometimes"), ['spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"']],
    [
      "an unknown action and operator",
      container("restartPolicy: Never", `restartPolicyRules: [${rule("RestartAllContainers", "{operator: Equals, values: [1]}")}]`),
      [
        'spec.containers[0].restartPolicyRules[0].action: Unsupported value: "RestartAllContainers": supported values: "Restart"',
        'spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"',
      ],
    ],
    ["a rule without exit codes", container("restartPolicy: Never", "restartPolicyRules: [{action: Restart}]"), ["spec.containers[0].restartPolicyRules[0].exitCodes: Required value: must be specified"]],
    ["21 rules", container("restartPolicy: Never", `restartPolicyRules: [${Array(21).fill(rule("Restart")).join(", ")}]`), ["spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items"]],
    [
      "256 exit codes",
      container("restartPolicy: Never", `restartPolicyRules: [${rule("Restart", `{operator: In, values: [${Array.from({ length: 256 }, (_, i) => i).join(", ")}]}`)}]`),
      ["spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items"],
    ],
    ["rules on a sidecar", init("restartPolicy: Always", `restartPolicyRules: [${rule("Restart")}]`), ["spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always"]],
    ["init rules without a policy", init(`restartPolicyRules: [${rule("Restart")}]`), ["spec.initContainers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used"]],
    ["an unknown init policy", init("restartPolicy: Sometimes"), ['spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text, "1.36")).toEqual(expected);
  });

  // 1.35 measured these lists as too long, in bytes; 1.36 counts their items.
  it.each([
    ["21 rules", container("restartPolicy: Never", `restartPolicyRules: [${Array(21).fill(rule("Restart")).join(", ")}]`), ["spec.containers[0].restartPolicyRules: Too long: may not be more than 20 bytes"]],
    [
      "256 exit codes",
      init("restartPolicy: Never", `restartPolicyRules: [${rule("Restart", `{operator: NotIn, values: [${Array.from({ length: 256 }, (_, i) => i).join(", ")}]}`)}]`),
      ["spec.initContainers[0].restartPolicyRules[0].exitCodes.values: Too long: may not be more than 255 bytes"],
    ],
  ])("reports %s in 1.35 as upstream then did", (_name, text, expected) => {
    expect(createPathMessages(text, "1.35")).toEqual(expected);
  });

  it("reports the rule's action at its line", () => {
    expect(createPath(container("restartPolicy: Never", "restartPolicyRules:", "- action: Retry", "  exitCodes: {operator: In, values: [1]}"))).toEqual([
      { severity: "error", line: 10, column: 15, message: 'spec.containers[0].restartPolicyRules[0].action: Unsupported value: "Retry": supported values: "Restart"' },
    ]);
  });
});
