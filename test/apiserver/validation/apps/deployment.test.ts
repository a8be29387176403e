import { describe, expect, it } from "vitest";
import { createPath, createPathMessages } from "../../helpers.js";
import { CONTAINER, MISMATCH, valid, workload } from "./workloads.js";

const deployment = (...spec: string[]) => valid("apps/v1", "Deployment", ...spec);
const deploymentSpec = (...spec: string[]) => workload("apps/v1", "Deployment", ...spec);
/** A Deployment with the given strategy lines (under `strategy:`, from line 10). */
const withStrategy = (...strategy: string[]) => deployment("strategy:", ...strategy.map((line) => "  " + line));

describe("validateDeploymentSpec", () => {
  it.each([
    ["a minimal Deployment", deployment()],
    ["zero replicas", deployment("replicas: 0")],
    ["a template with the selected labels and more", deploymentSpec("selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web, tier: front}}", `  spec: {containers: [${CONTAINER}]}`)],
    [
      "set-based requirements the labels satisfy",
      deploymentSpec(
        "selector:",
        "  matchExpressions:",
        "  - {key: app, operator: In, values: [web, api]}",
        "  - {key: track, operator: NotIn, values: [canary]}",
        "  - {key: tier, operator: Exists}",
        "  - {key: debug, operator: DoesNotExist}",
        "template:",
        "  metadata: {labels: {app: web, tier: front}}",
        `  spec: {containers: [${CONTAINER}]}`,
      ),
    ],
    ["a revision history limit of 0", deployment("revisionHistoryLimit: 0")],
    ["a progress deadline above minReadySeconds", deployment("minReadySeconds: 30", "progressDeadlineSeconds: 31")],
    ["paused", deployment("paused: true")],
    ["a rollback revision of 0 (the apps/v1 annotation)", valid("apps/v1", "Deployment").replace("metadata: {name: web}", "metadata: {name: web, annotations: {deprecated.deployment.rollback.to: '0'}}")],
    ["an apps/v1beta2 Deployment without selector is not this check's (the version is not served)", workload("apps/v1beta2", "Kind", "template: {metadata: {labels: {app: web}}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["negative replicas", deployment("replicas: -1"), ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative minReadySeconds", deployment("minReadySeconds: -1"), ["spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0"]],
    ["a negative revisionHistoryLimit", deployment("revisionHistoryLimit: -1"), ["spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0"]],
    ["a progress deadline equal to minReadySeconds", deployment("minReadySeconds: 30", "progressDeadlineSeconds: 30"), ["spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds"]],
    [
      "a negative progress deadline",
      deployment("progressDeadlineSeconds: -1"),
      // Findings at one place keep upstream's order.
      ["spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0", "spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds"],
    ],
    [
      "a negative rollback revision (the apps/v1 annotation)",
      valid("apps/v1", "Deployment").replace("metadata: {name: web}", "metadata: {name: web, annotations: {deprecated.deployment.rollback.to: '-1'}}"),
      ["spec.rollback.version: Invalid value: -1: must be greater than or equal to 0"],
    ],
    [
      "a template that never restarts",
      deploymentSpec("selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      "a template with activeDeadlineSeconds",
      deploymentSpec("selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {activeDeadlineSeconds: 60, containers: [${CONTAINER}]}`),
      ["spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported"],
    ],
    ["a template that is not a valid pod template", deploymentSpec("selector: {matchLabels: {app: web}}", "template: {metadata: {labels: {app: web}}}"), ["spec.template.spec.containers: Required value"]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("places errors at their fields, with suggestions", () => {
    expect(createPath(deploymentSpec("selector:", "  matchLabels: {app: web}", "template:", "  metadata:", "    labels: {app: frontend}", `  spec: {containers: [${CONTAINER}]}`))).toEqual([
      { severity: "error", line: 9, column: 15, message: `spec.template.metadata.labels: Invalid value: {"app":"frontend"}: ${MISMATCH}`, suggestion: "app=web" },
    ]);
    expect(createPath(deploymentSpec("selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {restartPolicy: Never, containers: [${CONTAINER}]}`))).toEqual([
      { severity: "error", line: 8, column: 27, message: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"', suggestion: "Always" },
    ]);
  });
});

describe("the selector of a Deployment", () => {
  it.each([
    [
      "a template lacking the selected label, in Go syntax before 1.34",
      deploymentSpec("selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: frontend}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.33",
      [`spec.template.metadata.labels: Invalid value: map[string]string{"app":"frontend"}: ${MISMATCH}`],
    ],
    [
      "a template without labels",
      deploymentSpec("selector: {matchLabels: {app: web, tier: front}}", "template:", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      [`spec.template.metadata.labels: Invalid value: null: ${MISMATCH}`],
    ],
    [
      "a NotIn requirement the labels break",
      deploymentSpec("selector:", "  matchExpressions: [{key: track, operator: NotIn, values: [canary]}]", "template:", "  metadata: {labels: {track: canary}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      [`spec.template.metadata.labels: Invalid value: {"track":"canary"}: ${MISMATCH}`],
    ],
    // Without a selector nothing is selected, so the template does not match either.
    ["no selector", deploymentSpec("template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`), "1.36", ["spec.selector: Required value", `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ["an empty selector", deploymentSpec("selector: {}", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`), "1.36", ["spec.selector: Invalid value: {}: empty selector is invalid for deployment"]],
    [
      "an empty selector in Go syntax before 1.34",
      deploymentSpec("selector: {matchLabels: {}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.30",
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
    ],
    [
      "a selector that does not parse",
      deploymentSpec("selector:", "  matchExpressions: [{key: app, operator: Equals, values: [web]}]", "template:", "  metadata: {labels: {app: web}}", `  spec: {containers: [${CONTAINER}]}`),
      "1.36",
      [
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector',
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      ],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});

describe("validateDeploymentStrategy", () => {
  it.each([
    ["the default strategy (25% and 25%)", deployment()],
    ["a rolling update that surges but never loses a pod", withStrategy("rollingUpdate: {maxSurge: 1, maxUnavailable: 0}")],
    ["maxUnavailable 0 (maxSurge defaults to 25%)", withStrategy("type: RollingUpdate", "rollingUpdate: {maxUnavailable: 0}")],
    ["percentages", withStrategy("rollingUpdate: {maxSurge: 100%, maxUnavailable: 50%}")],
    ["an empty type (defaulted to RollingUpdate)", withStrategy("type: ''")],
    ["Recreate", withStrategy("type: Recreate")],
    ["Recreate with a null rollingUpdate", withStrategy("type: Recreate", "rollingUpdate: null")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["maxSurge and maxUnavailable both 0", withStrategy("rollingUpdate:", "  maxSurge: 0", "  maxUnavailable: 0"), "1.36", [{ severity: "error", line: 12, column: 23, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0" }]],
    [
      "both 0, one as a percentage",
      withStrategy("rollingUpdate:", "  maxSurge: 0%", "  maxUnavailable: 0"),
      "1.34",
      [{ severity: "error", line: 12, column: 23, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0" }],
    ],
    ["maxUnavailable above 100%, through String() before 1.34", withStrategy("rollingUpdate: {maxUnavailable: 120%}"), "1.33", [{ severity: "error", line: 10, column: 37, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 120%: must not be greater than 100%" }]],
    ["maxUnavailable above 100%, as JSON from 1.34", withStrategy("rollingUpdate: {maxUnavailable: 120%}"), "1.36", [{ severity: "error", line: 10, column: 37, message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "120%": must not be greater than 100%' }]],
    [
      "a percentage without its sign and a negative surge",
      withStrategy("rollingUpdate: {maxUnavailable: '25', maxSurge: -1}"),
      "1.36",
      [
        { severity: "error", line: 10, column: 37, message: "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" },
        { severity: "error", line: 10, column: 53, message: "spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0" },
      ],
    ],
    ["Recreate with rollingUpdate settings", withStrategy("type: Recreate", "rollingUpdate: {maxSurge: 1}"), "1.36", [{ severity: "error", line: 11, column: 5, message: "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'" }]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPath(text, version)).toEqual(expected);
  });

  it.each([
    ["1.36", 'spec.strategy: Unsupported value: {"Type":"Rolling","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"'],
    ["1.33", 'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
  ])("reports an unknown type with the whole strategy (%s)", (version, message) => {
    expect(createPathMessages(withStrategy("type: Rolling"), version)).toEqual([message]);
  });

  it("prints a rolling update of an unknown type in the strategy", () => {
    expect(createPathMessages(withStrategy("type: Rolling", "rollingUpdate: {maxSurge: 25%}"))).toEqual([
      'spec.strategy: Unsupported value: {"Type":"Rolling","RollingUpdate":{"MaxUnavailable":0,"MaxSurge":"25%"}}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });
});

describe("Deployment warnings", () => {
  it("warns when the name is not a DNS label (pods are named after it)", () => {
    const text = valid("apps/v1", "Deployment").replace("name: web", "name: web.v2");
    expect(createPath(text)).toEqual([
      {
        severity: "warning",
        line: 3,
        column: 18,
        message: "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
      },
    ]);
  });
});

describe("a Deployment without spec", () => {
  it("is defaulted as an empty spec (a struct in Go), then checked", () => {
    expect(createPathMessages(workload("apps/v1", "Deployment").replace("spec:\n", ""))).toEqual([
      "spec.selector: Required value",
      "spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`",
      "spec.template.spec.containers: Required value",
    ]);
  });
});

describe("the warnings of a Deployment's pod template", () => {
  it("are the pod template's, under spec.template", () => {
    const text = workload("apps/v1", "Deployment", "selector: {matchLabels: {app: web}}", "template:", "  metadata: {labels: {app: web}}", `  spec: {nodeSelector: {beta.kubernetes.io/arch: amd64}, containers: [${CONTAINER}]}`);
    expect(createPathMessages(text)).toEqual([
      "spec.template.spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use \"kubernetes.io/arch\" instead",
    ]);
  });
});

describe("the labels of a Deployment's template and selector", () => {
  const labelled = (selector: string, labels: string, annotations = "{}") =>
    deploymentSpec(`selector: ${selector}`, "template:", `  metadata: {labels: ${labels}, annotations: ${annotations}}`, `  spec: {containers: [${CONTAINER}]}`);

  it.each([
    ["prefixed keys, an empty value and a prefixed annotation", labelled("{matchLabels: {app.kubernetes.io/name: web}}", "{app.kubernetes.io/name: web, tier: ''}", "{Example.COM/Owner: team}")],
    ["In and DoesNotExist requirements", labelled("{matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: canary, operator: DoesNotExist}]}", "{tier: a}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a template label key with a space", labelled("{matchLabels: {app: web}}", "{app: web, my app: web}"), [`spec.template.labels: Invalid value: "my app": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`]],
    [
      "a selector requirement with an unknown operator and a bad value",
      labelled("{matchExpressions: [{key: tier, operator: Equals, values: [a b]}]}", "{tier: a}"),
      [
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"tier","operator":"Equals","values":["a b"]}]}: invalid label selector',
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
        `spec.selector.matchExpressions[0].values[0]: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      "In without values",
      labelled("{matchExpressions: [{key: tier, operator: In}]}", "{tier: a}"),
      [
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"tier","operator":"In"}]}: invalid label selector',
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      ],
    ],
    [
      "Exists with values",
      labelled("{matchExpressions: [{key: tier, operator: Exists, values: [a]}]}", "{tier: a}"),
      [
        'spec.selector: Invalid value: {"matchExpressions":[{"key":"tier","operator":"Exists","values":["a"]}]}: invalid label selector',
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("reports template annotations over 256 KiB in total", () => {
    const annotations = (b: number) => `{a: ${"x".repeat(200_000)}, b: ${"y".repeat(b)}}`;
    expect(createPath(labelled("{matchLabels: {app: web}}", "{app: web}", annotations(62_142)))).toEqual([]);
    expect(createPathMessages(labelled("{matchLabels: {app: web}}", "{app: web}", annotations(62_143)))).toEqual(["spec.template.annotations: Too long: may not be more than 262144 bytes"]);
  });
});
