import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";

const priorityClass = (name: string, ...lines: string[]) => yaml("apiVersion: scheduling.k8s.io/v1", "kind: PriorityClass", `metadata: {name: ${name}}`, ...lines);

describe("validatePriorityClass", () => {
  it.each([
    ["a user class", priorityClass("high", "value: 1000")],
    ["the highest user value", priorityClass("highest", "value: 1000000000", "globalDefault: true")],
    ["a negative value", priorityClass("low", "value: -10")],
    ["a class that never preempts", priorityClass("batch", "value: 10", "preemptionPolicy: Never")],
    ["system-node-critical as the system defines it", priorityClass("system-node-critical", "value: 2000001000")],
    ["system-cluster-critical as the system defines it", priorityClass("system-cluster-critical", "value: 2000000000", "globalDefault: false")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "a user value above one billion",
      priorityClass("huge", "value: 1000000001"),
      [{ severity: "error", line: 4, column: 1, message: "value: Forbidden: maximum allowed value of a user defined priority is 1000000000" }],
    ],
    [
      "an unknown system- name",
      priorityClass("system-special", "value: 10"),
      [
        {
          severity: "error",
          line: 3,
          column: 12,
          message: "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-special is not a known system priority class",
        },
      ],
    ],
    [
      "a system class with another value",
      priorityClass("system-node-critical", "value: 10"),
      [
        {
          severity: "error",
          line: 3,
          column: 12,
          message: "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
        },
      ],
    ],
    [
      "a system class as the global default",
      priorityClass("system-cluster-critical", "value: 2000000000", "globalDefault: true"),
      [
        {
          severity: "error",
          line: 3,
          column: 12,
          message: "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-cluster-critical PriorityClass must be false",
        },
      ],
    ],
    [
      "an unknown preemption policy",
      priorityClass("p", "value: 1", "preemptionPolicy: Sometimes"),
      [{ severity: "error", line: 5, column: 19, message: 'preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"' }],
    ],
    ["an empty preemption policy", priorityClass("p", "value: 1", "preemptionPolicy: ''"), [{ severity: "error", line: 5, column: 19, message: "preemptionPolicy: Required value" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
