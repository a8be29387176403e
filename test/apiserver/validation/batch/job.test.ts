import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { CONTAINER, MISMATCH } from "../apps/workloads.js";
import { SUBDOMAIN } from "../../../rules/messages.js";

/** A Job whose spec starts with the given lines (from line 5), then a template that never restarts. */
const job = (...spec: string[]) => yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}", "spec:", ...spec.map((l) => "  " + l), `  template: {spec: {restartPolicy: Never, containers: [${CONTAINER}]}}`);
/** A Job whose spec is exactly the given lines. */
const jobSpec = (...spec: string[]) => yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}", "spec:", ...spec.map((l) => "  " + l));
/** A Job with a pod failure policy of the given rules (flow mappings). */
const withRules = (...rules: string[]) => job(`podFailurePolicy: {rules: [${rules.join(", ")}]}`);
const indexed = (...spec: string[]) => job("completionMode: Indexed", "completions: 10", ...spec);

describe("validateJobSpec: counts and completion modes", () => {
  it.each([
    ["a minimal Job", job()],
    ["zero counts", job("parallelism: 0", "completions: 0", "backoffLimit: 0", "activeDeadlineSeconds: 0", "ttlSecondsAfterFinished: 0")],
    ["an Indexed Job with a backoff limit per index", indexed("backoffLimitPerIndex: 1", "maxFailedIndexes: 5")],
    ["a managing controller (1.32 on)", job("managedBy: example.com/my-controller")],
    ["a managing controller of any syntax before 1.32 (the field is dropped)", job("managedBy: mine"), "1.31"],
    ["a success policy of an Indexed Job", indexed("successPolicy: {rules: [{succeededIndexes: '0-2,5', succeededCount: 3}]}")],
    ["a success policy before 1.31 (the field is dropped)", job("successPolicy: {rules: []}"), "1.30"],
    ["an Indexed Job with only generateName (the server names it first)", indexed().replace("metadata: {name: j}", "metadata: {generateName: sample-}")],
    ["an Indexed Job whose generateName the server cuts to 58 bytes", indexed().replace("metadata: {name: j}", `metadata: {generateName: ${"j".repeat(56)}}`)],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    ["a negative parallelism", job("parallelism: -1"), ["spec.parallelism: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative completions", job("completions: -1"), ["spec.completions: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative deadline", job("activeDeadlineSeconds: -1"), ["spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative backoff limit", job("backoffLimit: -1"), ["spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative TTL", job("ttlSecondsAfterFinished: -1"), ["spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "a negative backoff limit per index",
      indexed("backoffLimitPerIndex: -1"),
      ["spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0"],
    ],
    [
      "maxFailedIndexes without a backoff limit per index",
      indexed("maxFailedIndexes: 1"),
      ["spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified"],
    ],
    [
      "per-index limits without Indexed mode",
      job("backoffLimitPerIndex: 1", "maxFailedIndexes: 1"),
      ["spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode", "spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode"],
    ],
    ["an Indexed Job without completions", job("completionMode: Indexed", "parallelism: 2"), ["spec.completions: Required value: when completion mode is Indexed"]],
    ["an Indexed Job above the parallelism limit", indexed("parallelism: 100001"), ["spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed"]],
    ["more failed indexes than completions", indexed("backoffLimitPerIndex: 1", "maxFailedIndexes: 11"), ["spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions"]],
    [
      "many completions with a backoff limit per index",
      job("completionMode: Indexed", "completions: 100001", "parallelism: 10000", "backoffLimitPerIndex: 1"),
      ["spec.maxFailedIndexes: Required value: must be specified when completions is above 100000"],
    ],
    [
      "many completions and failed indexes with a backoff limit per index",
      job("completionMode: Indexed", "completions: 200000", "parallelism: 100", "backoffLimitPerIndex: 1", "maxFailedIndexes: 10001"),
      ["spec.maxFailedIndexes: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"],
    ],
    ["an unknown completion mode", job("completionMode: Batched"), ['spec.completionMode: Unsupported value: "Batched": supported values: "NonIndexed", "Indexed"']],
    ["a managing controller that is not a domain-prefixed path", job("managedBy: mine"), ['spec.managedBy: Invalid value: "mine": must be a domain-prefixed path (such as "acme.io/foo")']],
    ["a managing controller too long", job(`managedBy: example.com/${"c".repeat(60)}`), [`spec.managedBy: Too long: may not be more than 63 bytes`]],
    [
      "an Indexed Job whose last pod hostname is not a DNS label",
      indexed().replace("name: j", `name: ${"j".repeat(62)}`),
      [`metadata.name: Invalid value: "${"j".repeat(62)}": will not able to create pod with invalid DNS label: ${"j".repeat(62)}-9`],
    ],
    [
      "an Indexed Job whose generated name leaves no room for the index (the random part shown as xxxxx)",
      indexed().replace("metadata: {name: j}", `metadata: {generateName: ${"j".repeat(58)}}`),
      [`metadata.name: Invalid value: "${"j".repeat(58)}xxxxx": will not able to create pod with invalid DNS label: ${"j".repeat(58)}xxxxx-9`],
    ],
    [
      "an Indexed Job whose generateName has a dot, which no hostname may have",
      indexed().replace("metadata: {name: j}", "metadata: {generateName: web.job-}"),
      ['metadata.name: Invalid value: "web.job-xxxxx": will not able to create pod with invalid DNS label: web.job-xxxxx-9'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("the restart policy of a Job's pods", () => {
  it.each([
    ["Never", job()],
    ["OnFailure", jobSpec(`template: {spec: {restartPolicy: OnFailure, containers: [${CONTAINER}]}}`)],
    ["Never with a pod failure policy", withRules("{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["no restartPolicy (the pod default, Always)", jobSpec("template:", `  spec: {containers: [${CONTAINER}]}`), [{ severity: "error", line: 6, column: 5, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' }]],
    ["Always", jobSpec("template:", `  spec: {restartPolicy: Always, containers: [${CONTAINER}]}`), [{ severity: "error", line: 6, column: 27, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"' }]],
    [
      "OnFailure with a pod failure policy",
      jobSpec("podFailurePolicy: {rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]}", "template:", `  spec: {restartPolicy: OnFailure, containers: [${CONTAINER}]}`),
      [{ severity: "error", line: 7, column: 27, suggestion: "Never", message: 'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});

describe("validatePodFailurePolicy", () => {
  it.each([
    ["exit code rules on a named container", withRules("{action: FailJob, onExitCodes: {containerName: app, operator: In, values: [1, 2, 42]}}")],
    ["NotIn 0", withRules("{action: Count, onExitCodes: {operator: NotIn, values: [0]}}")],
    ["a FailIndex rule with a backoff limit per index", indexed("backoffLimitPerIndex: 1", "podFailurePolicy: {rules: [{action: FailIndex, onExitCodes: {operator: In, values: [3]}}]}")],
    ["a condition with a status", withRules("{action: Ignore, onPodConditions: [{type: example.com/Evicted, status: 'False'}]}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["no action", withRules("{onPodConditions: [{type: DisruptionTarget}]}"), ['spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]']],
    ["an unknown action", withRules("{action: Retry, onPodConditions: [{type: DisruptionTarget}]}"), ['spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"']],
    ["FailIndex without a backoff limit per index", withRules("{action: FailIndex, onPodConditions: [{type: DisruptionTarget}]}"), ['spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set']],
    [
      "both exit codes and conditions",
      withRules("{action: Ignore, onExitCodes: {operator: In, values: [1]}, onPodConditions: [{type: DisruptionTarget}]}"),
      ["spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported"],
    ],
    ["neither exit codes nor conditions", withRules("{action: Ignore}"), ["spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required"]],
    ["an exit code rule without operator", withRules("{action: Ignore, onExitCodes: {values: [1]}}"), ['spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]']],
    ["an unknown operator", withRules("{action: Ignore, onExitCodes: {operator: Equals, values: [1]}}"), ['spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"']],
    [
      "a container that is not in the template",
      withRules("{action: Ignore, onExitCodes: {containerName: sidecar, operator: In, values: [1]}}"),
      ['spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "sidecar": must be one of the container or initContainer names in the pod template'],
    ],
    ["no exit codes", withRules("{action: Ignore, onExitCodes: {operator: In, values: []}}"), ["spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required"]],
    ["no exit codes, in Go syntax before 1.34", withRules("{action: Ignore, onExitCodes: {operator: In}}"), ["spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32(nil): at least one value is required"], "1.33"],
    [
      "0 with In, a duplicate and an unordered list",
      withRules("{action: Ignore, onExitCodes: {operator: In, values: [0, 5, 3, 3]}}"),
      [
        "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [0,5,3,3]: must be ordered",
        "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
        "spec.podFailurePolicy.rules[0].onExitCodes.values[3]: Duplicate value: 3",
      ],
    ],
    [
      "an unordered list, in Go syntax before 1.34",
      withRules("{action: Ignore, onExitCodes: {operator: NotIn, values: [2, 1]}}"),
      ["spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{2, 1}: must be ordered"],
      "1.30",
    ],
    [
      "a condition type that is not a qualified name",
      withRules("{action: Ignore, onPodConditions: [{type: 'Disruption Target'}]}"),
      [
        "spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: \"Disruption Target\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    ["an unknown condition status", withRules("{action: Ignore, onPodConditions: [{type: Ready, status: Maybe}]}"), ['spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"']],
    ["more than 20 rules", withRules(...Array.from({ length: 21 }, () => "{action: Ignore, onPodConditions: [{type: Ready}]}")), ["spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items"]],
  ])("reports %s", (_name, text, expected, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});

describe("validatePodReplacementPolicy", () => {
  it.each([
    ["Failed with a pod failure policy", job("podReplacementPolicy: Failed", "podFailurePolicy: {rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]}")],
    ["TerminatingOrFailed without one", job("podReplacementPolicy: TerminatingOrFailed")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "TerminatingOrFailed with a pod failure policy",
      job("podReplacementPolicy: TerminatingOrFailed", "podFailurePolicy: {rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]}"),
      ['spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    ],
    ["an unknown policy", job("podReplacementPolicy: Never"), ['spec.podReplacementPolicy: Unsupported value: "Never": supported values: "Failed", "TerminatingOrFailed"']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("validateSuccessPolicy", () => {
  it.each([
    [
      "a success policy of a Job that is not Indexed",
      job("successPolicy: {rules: [{succeededCount: 1}]}"),
      '1.36',
      ['spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":null,"SucceededCount":1}]}: requires indexed completion mode'],
    ],
    [
      "the same in Go syntax before 1.34",
      job("successPolicy: {rules: [{succeededCount: 1}]}"),
      "1.33",
      ["spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0x…)}}}: requires indexed completion mode"],
    ],
    ["no rules", indexed("successPolicy: {rules: []}"), "1.36", ["spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified"]],
    ["an empty rule", indexed("successPolicy: {rules: [{}]}"), "1.36", ["spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified"]],
    [
      "indexes out of order",
      indexed("successPolicy: {rules: [{succeededIndexes: '5,1-3'}]}"),
      "1.36",
      ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "5,1-3": error parsing succeededIndexes: non-increasing order, previous: 5, current: 1'],
    ],
    ["an index too large", indexed("successPolicy: {rules: [{succeededIndexes: '0-10'}]}"), "1.36", ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-10": error parsing succeededIndexes: too large index: "10"']],
    ["an index that is not a number", indexed("successPolicy: {rules: [{succeededIndexes: '1,x'}]}"), "1.36", ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1,x": error parsing succeededIndexes: cannot convert string to integer for index: "x"']],
    [
      "an interval of three parts",
      indexed("successPolicy: {rules: [{succeededIndexes: '1-2-3'}]}"),
      "1.36",
      ['spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1-2-3": error parsing succeededIndexes: the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by \'-\''],
    ],
    [
      "a count above the completions and the indexes",
      indexed("successPolicy: {rules: [{succeededIndexes: '0-1', succeededCount: 11}]}"),
      "1.36",
      [
        "spec.successPolicy.rules[0].succeededCount: Invalid value: 11: must be less than or equal to 10 (the number of specified completions)",
        "spec.successPolicy.rules[0].succeededCount: Invalid value: 11: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)",
      ],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});

describe("the selector of a Job", () => {
  it.each([
    ["a generated selector", jobSpec("template:", "  metadata: {labels: {app: x}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`)],
    ["a matching manual selector", jobSpec("manualSelector: true", "selector: {matchLabels: {app: x}}", "template:", "  metadata: {labels: {app: x}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`)],
    ["the job-name label written by hand", jobSpec("template:", "  metadata: {labels: {job-name: j}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    [
      "its own selector without manualSelector (the value holds the server's uid)",
      jobSpec("selector: {matchLabels: {app: x}}", "template:", "  metadata: {labels: {app: x}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      [{ severity: "error", line: 5, column: 13, message: "spec.selector: Invalid value: `selector` not auto-generated", suggestion: "manualSelector: true" }],
    ],
    [
      "manualSelector without a selector",
      jobSpec("manualSelector: true", "template:", "  metadata: {labels: {app: x}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      [
        { severity: "error", line: 4, column: 1, message: "spec.selector: Required value" },
        { severity: "error", line: 7, column: 24, message: `spec.template.metadata.labels: Invalid value: {"app":"x"}: ${MISMATCH}` },
      ],
    ],
    [
      "a manual selector that does not match",
      jobSpec("manualSelector: true", "selector: {matchLabels: {app: x}}", "template:", "  metadata:", "    labels: {app: other}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      [{ severity: "error", line: 9, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"other"}: ${MISMATCH}`, suggestion: "app=x" }],
    ],
    [
      "a job-name label naming another Job",
      jobSpec("template:", "  metadata:", "    labels: {job-name: other}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      [
        {
          severity: "error",
          line: 7,
          column: 26,
          suggestion: "j",
          message:
            'spec.template.metadata.labels[job-name]: Invalid value: {"batch.kubernetes.io/controller-uid":"00000000-0000-0000-0000-000000000000","batch.kubernetes.io/job-name":"j","controller-uid":"00000000-0000-0000-0000-000000000000","job-name":"other"}: must be \'j\'',
        },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});

describe("Job warnings", () => {
  it.each([
    ["a name that is not a DNS label", job().replace("name: j", "name: backup.v2"), ["metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"]],
    ["a generateName whose generated name is not a DNS label", job().replace("metadata: {name: j}", "metadata: {generateName: backup.v2-}"), ["metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]"]],
    ["a generateName whose generated name is a DNS label", job().replace("metadata: {name: j}", "metadata: {generateName: backup-}"), []],
    [
      "an Indexed Job with too many completions to track its failed indexes",
      job("completionMode: Indexed", "completions: 100001", "parallelism: 10001"),
      ["spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail"],
    ],
  ])("%s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("a Job without spec", () => {
  it("is defaulted as an empty spec (a struct in Go), then checked", () => {
    expect(createPathMessages(yaml("apiVersion: batch/v1", "kind: Job", "metadata: {name: j}"))).toEqual([
      "spec.template.spec.containers: Required value",
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });
});

describe("a Job's name", () => {
  const named = (name: string, ...spec: string[]) => job(...spec).replace("name: j}", `name: ${name}}`);

  it.each([
    ["of 63 characters (it fits its pods' job-name label)", named("j".repeat(63))],
  ])("is accepted %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it("of 70 characters with a manual selector (no generated labels) is accepted, with the pod-name warning", () => {
    const text = named("j".repeat(70), "manualSelector: true", "selector: {matchLabels: {app: j}}").replace("template: {spec:", "template: {metadata: {labels: {app: j}}, spec:");
    expect(createPathMessages(text)).toEqual(["metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must be no more than 63 characters]"]);
  });

  it.each([
    ["of 64 characters: the generated job-name labels are too long", named("j".repeat(64)), [`spec.template.labels: Invalid value: "${"j".repeat(64)}": must be no more than 63 bytes`]],
    ["that is not a DNS subdomain", named("Big_Job"), [`metadata.name: Invalid value: "Big_Job": ${SUBDOMAIN}`]],
  ])("is rejected %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});
