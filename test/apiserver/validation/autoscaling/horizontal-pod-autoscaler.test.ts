import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";

/** An autoscaling/v2 HorizontalPodAutoscaler of a Deployment, with more spec lines from line 6. */
const hpa = (...spec: string[]) =>
  yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec:", "  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}", ...spec.map((l) => "  " + l));
/** An HPA with one metric (a flow mapping). */
const withMetric = (metric: string) => hpa("maxReplicas: 3", `metrics: [${metric}]`);
const hpaV1 = (spec: string) => yaml("apiVersion: autoscaling/v1", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", `spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, ${spec}}`);

describe("validateHorizontalPodAutoscalerSpec: bounds", () => {
  it.each([
    ["bounds in order", hpa("minReplicas: 2", "maxReplicas: 10")],
    ["equal bounds", hpa("minReplicas: 3", "maxReplicas: 3")],
    ["no minReplicas (defaults to 1)", hpa("maxReplicas: 1")],
    ["an autoscaling/v1 object", hpaV1("minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 80")],
    ["scaling policies within bounds", hpa("maxReplicas: 5", "behavior:", "  scaleDown: {stabilizationWindowSeconds: 300, policies: [{type: Percent, value: 50, periodSeconds: 60}]}", "  scaleUp: {selectPolicy: Max}")],
    ["bounds of the wrong type (schema errors)", hpa("minReplicas: '5'", "maxReplicas: 2")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["minReplicas above maxReplicas", hpa("minReplicas: 5", "maxReplicas: 3"), [{ severity: "error", line: 7, column: 16, suggestion: "5", message: "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`" }]],
    [
      "maxReplicas 0 below the default minReplicas",
      hpa("maxReplicas: 0"),
      [
        { severity: "error", line: 6, column: 16, message: "spec.maxReplicas: Invalid value: 0: must be greater than 0" },
        { severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`" },
      ],
    ],
    [
      "minReplicas 0 without the HPAScaleToZero feature gate or an Object metric",
      hpa("minReplicas: 0", "maxReplicas: 3", "metrics:", "- type: Resource", "  resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}"),
      [
        { severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1" },
        { severity: "error", line: 8, column: 3, message: "spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas" },
      ],
    ],
    [
      "minReplicas 0 with an External metric (the feature gate is still needed)",
      hpa("minReplicas: 0", "maxReplicas: 3", "metrics: [{type: External, external: {metric: {name: queue}, target: {type: Value, value: '10'}}}]"),
      [{ severity: "error", line: 6, column: 16, suggestion: "1", message: "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1" }],
    ],
    [
      "scaling rules out of bounds",
      hpa("maxReplicas: 5", "behavior:", "  scaleUp:", "    stabilizationWindowSeconds: 7200", "    policies: []", "  scaleDown:", "    policies:", "    - {type: Pods, value: 0, periodSeconds: 3600}"),
      [
        { severity: "error", line: 9, column: 35, message: "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 7200: must be less than or equal to 3600" },
        { severity: "error", line: 10, column: 17, message: "spec.behavior.scaleUp.policies: Required value: must specify at least one Policy" },
        { severity: "error", line: 13, column: 29, message: "spec.behavior.scaleDown.policies[0].value: Invalid value: 0: must be greater than zero" },
        { severity: "error", line: 13, column: 47, message: "spec.behavior.scaleDown.policies[0].periodSeconds: Invalid value: 3600: must be less than or equal to 1800" },
      ],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });

  it.each([
    ["a negative stabilization window", hpa("maxReplicas: 5", "behavior: {scaleDown: {stabilizationWindowSeconds: -1}}"), ["spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero"]],
    ["an unknown select policy", hpa("maxReplicas: 5", "behavior: {scaleUp: {selectPolicy: Average}}"), ['spec.behavior.scaleUp.selectPolicy: Unsupported value: "Average": supported values: "Disabled", "Max", "Min"']],
    [
      "a policy of an unknown type and no period",
      hpa("maxReplicas: 5", "behavior: {scaleUp: {policies: [{type: Replicas, value: 1}]}}"),
      // The missing period is placed at its policy, before the type.
      ["spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero", 'spec.behavior.scaleUp.policies[0].type: Unsupported value: "Replicas": supported values: "Percent", "Pods"'],
    ],
    ["a negative tolerance (1.35 on)", hpa("maxReplicas: 5", "behavior: {scaleUp: {tolerance: '-0.1'}}"), ['spec.behavior.scaleUp.tolerance: Invalid value: "-100m": must be greater than or equal to 0']],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });

  it("drops a tolerance before HPAConfigurableTolerance is on (1.35)", () => {
    expect(createPath(hpa("maxReplicas: 5", "behavior: {scaleUp: {tolerance: '-0.1'}}"), "1.34")).toEqual([]);
  });
});

describe("ValidateCrossVersionObjectReference", () => {
  it.each([
    ["a ReplicationController target without a group", yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {apiVersion: v1, kind: ReplicationController, name: rc}}")],
    ["an Object metric on a core kind", withMetric("{type: Object, object: {describedObject: {apiVersion: v1, kind: Service, name: s}, metric: {name: rps}, target: {type: Value, value: '10'}}}")],
    ["a ReplicationController target without apiVersion", yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {kind: ReplicationController, name: rc}}")],
    ["a target without apiVersion in 1.30", yaml("apiVersion: autoscaling/v1", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: web}}"), "1.30"],
    ["a target without its group before 1.34", yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: web}}"), "1.33"],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPath(text, version)).toEqual([]);
  });

  it.each([
    [
      "a target without kind and name",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {apiVersion: apps/v1}}"),
      ["spec.scaleTargetRef.kind: Required value", "spec.scaleTargetRef.name: Required value"],
    ],
    [
      "a target whose name is not a path segment",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: 'a/b'}}"),
      ["spec.scaleTargetRef.name: Invalid value: \"a/b\": may not contain '/'"],
    ],
    [
      "a target without its group (1.34 on)",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {apiVersion: v1, kind: Deployment, name: web}}"),
      ['spec.scaleTargetRef.apiVersion: Invalid value: "v1": apiVersion must specify API group'],
    ],
    [
      "a target without apiVersion (1.34 on): an empty group",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: web}}"),
      ['spec.scaleTargetRef.apiVersion: Invalid value: "": apiVersion must specify API group'],
    ],
    [
      "an autoscaling/v1 target without apiVersion (1.34 on)",
      yaml("apiVersion: autoscaling/v1", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: web}}"),
      ['spec.scaleTargetRef.apiVersion: Invalid value: "": apiVersion must specify API group'],
    ],
    [
      "a target API version that does not parse",
      yaml("apiVersion: autoscaling/v2", "kind: HorizontalPodAutoscaler", "metadata: {name: h}", "spec: {maxReplicas: 2, scaleTargetRef: {apiVersion: apps/v1/beta, kind: Deployment, name: web}}"),
      ['spec.scaleTargetRef.apiVersion: Invalid value: "apps/v1/beta": unexpected GroupVersion string: apps/v1/beta'],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text)).toEqual(expected);
  });
});

describe("validateMetrics", () => {
  it.each([
    ["a Pods metric", withMetric("{type: Pods, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: 100m}}}")],
    ["a container resource metric", withMetric("{type: ContainerResource, containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 512Mi}}}")],
    ["an External metric with a per-pod target", withMetric("{type: External, external: {metric: {name: queue}, target: {type: AverageValue, averageValue: '30'}}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a negative utilization", withMetric("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: -10}}}"), "1.36", ["spec.metrics[0].resource.target.averageUtilization: Invalid value: -10: must be greater than 0"]],
    [
      "two sources in one entry",
      withMetric("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: '1'}}}"),
      "1.36",
      ["spec.metrics[0].pods: Forbidden: must populate the given metric source only"],
    ],
    ["a type whose source is missing", withMetric("{type: Pods, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}"), "1.36", ["spec.metrics[0].pods: Required value: must populate information for the given metric source"]],
    [
      "an unknown type",
      withMetric("{type: Custom}"),
      "1.36",
      ['spec.metrics[0].type: Unsupported value: "Custom": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"'],
    ],
    [
      "a type named after an object's property",
      withMetric("{type: toString}"),
      "1.36",
      ['spec.metrics[0].type: Unsupported value: "toString": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"'],
    ],
    ["an empty metric name", withMetric("{type: Pods, pods: {metric: {name: ''}, target: {type: AverageValue, averageValue: '1'}}}"), "1.36", ["spec.metrics[0].pods.metric.name: Required value: must specify a metric name"]],
    ["a metric name with a slash", withMetric("{type: Pods, pods: {metric: {name: 'a/b'}, target: {type: AverageValue, averageValue: '1'}}}"), "1.36", ["spec.metrics[0].pods.metric.name: Invalid value: \"a/b\": may not contain '/'"]],
    ["a Pods target without an average", withMetric("{type: Pods, pods: {metric: {name: rps}, target: {type: Value, value: '1'}}}"), "1.36", ["spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue"]],
    ["an unknown target type", withMetric("{type: Pods, pods: {metric: {name: rps}, target: {type: Average, averageValue: '1'}}}"), "1.36", ['spec.metrics[0].pods.target.type: Invalid value: "Average": must be either Utilization, Value, or AverageValue']],
    ["a zero target value, through String() before 1.34", withMetric("{type: External, external: {metric: {name: q}, target: {type: Value, value: '0'}}}"), "1.33", ["spec.metrics[0].external.target.value: Invalid value: 0: must be positive"]],
    ["a negative average, as JSON since 1.34", withMetric("{type: Pods, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: -1k}}}"), "1.36", ['spec.metrics[0].pods.target.averageValue: Invalid value: "-1k": must be positive']],
    [
      "both a value and a per-pod target",
      withMetric("{type: External, external: {metric: {name: q}, target: {type: Value, value: '1', averageValue: '1'}}}"),
      "1.36",
      ["spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a per-pod target"],
    ],
    [
      "an Object metric without a value",
      withMetric("{type: Object, object: {describedObject: {apiVersion: v1, kind: Service, name: s}, metric: {name: rps}, target: {type: Value}}}"),
      "1.36",
      ["spec.metrics[0].object.target.averageValue: Required value: must set either a target value or averageValue"],
    ],
    [
      "a resource metric with both a value and a utilization",
      withMetric("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50, averageValue: 500m}}}"),
      "1.36",
      ["spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization"],
    ],
    [
      "a container resource metric with a bad container and no target",
      withMetric("{type: ContainerResource, containerResource: {name: cpu, container: App, target: {type: Utilization}}}"),
      "1.36",
      [
        "spec.metrics[0].containerResource.container: Invalid value: \"App\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        "spec.metrics[0].containerResource.target.averageUtilization: Required value: must set either a target raw value or a target utilization",
      ],
    ],
    [
      "a container resource metric of a resource containers do not have",
      withMetric("{type: ContainerResource, containerResource: {name: pods, container: app, target: {type: Utilization, averageUtilization: 50}}}"),
      "1.36",
      ['spec.metrics[0].containerResource.name: Invalid value: "pods": must be a standard resource for containers'],
    ],
    ["an autoscaling/v1 target utilization of 0 (a Resource metric once converted)", hpaV1("maxReplicas: 4, targetCPUUtilizationPercentage: 0"), "1.36", ["spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0"]],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version)).toEqual(expected);
  });
});

describe("autoscaling/v1 conversion: the metrics and behavior annotations", () => {
  /** An autoscaling/v1 HPA with the given annotations (JSON text, single-quoted in YAML). */
  const hpaV1With = (annotations: Record<string, string>, spec = "maxReplicas: 4") =>
    yaml(
      "apiVersion: autoscaling/v1",
      "kind: HorizontalPodAutoscaler",
      "metadata:",
      "  name: h",
      "  annotations:",
      ...Object.entries(annotations).map(([key, value]) => `    autoscaling.alpha.kubernetes.io/${key}: '${value}'`),
      `spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, ${spec}}`,
    );

  it.each([
    ["a Pods metric", hpaV1With({ metrics: '[{"type":"Pods","pods":{"metricName":"qps","targetAverageValue":"10"}}]' })],
    ["an Object metric with a value", hpaV1With({ metrics: '[{"type":"Object","object":{"target":{"kind":"Service","name":"s"},"metricName":"rps","targetValue":"1k"}}]' })],
    ["an External metric with an average", hpaV1With({ metrics: '[{"type":"External","external":{"metricName":"queue","targetAverageValue":30}}]' })],
    ["keys spelled in another case, as Go matches them", hpaV1With({ metrics: '[{"Type":"Resource","Resource":{"Name":"memory","TargetAverageValue":"1Gi"}}]' })],
    ["metrics that Go cannot decode (ignored)", hpaV1With({ metrics: '[{"type":"Resource","resource":{"name":"cpu","targetAverageUtilization":"x"}}]' })],
    ["an annotation that is not JSON (ignored)", hpaV1With({ metrics: "not json", behavior: "{" })],
    ["a behavior with a scale-down policy", hpaV1With({ behavior: '{"ScaleDown":{"Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":60}]}}' })],
    ["an empty behavior (the zero behavior is dropped)", hpaV1With({ behavior: '{"ScaleUp":null}' })],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a negative target utilization",
      hpaV1With({ metrics: '[{"type":"Resource","resource":{"name":"cpu","targetAverageUtilization":-10}}]' }),
      ["spec.metrics[0].resource.target.averageUtilization: Invalid value: -10: must be greater than 0"],
    ],
    [
      "a Pods metric without a name or target (the target converts to 0)",
      hpaV1With({ metrics: '[{"type":"Pods","pods":{}}]' }),
      ["spec.metrics[0].pods.metric.name: Required value: must specify a metric name", 'spec.metrics[0].pods.target.averageValue: Invalid value: "0": must be positive'],
    ],
    [
      "an External metric without a target",
      hpaV1With({ metrics: '[{"type":"External","external":{"metricName":"queue"}}]' }),
      ["spec.metrics[0].external.target.averageValue: Required value: must set either a target value for metric or a per-pod target"],
    ],
    [
      "the annotation's metrics before the CPU target",
      hpaV1With({ metrics: '[{"type":"Resource","resource":{"name":"memory"}}]' }, "maxReplicas: 4, targetCPUUtilizationPercentage: -1"),
      [
        "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization",
        "spec.metrics[1].resource.target.averageUtilization: Invalid value: -1: must be greater than 0",
      ],
    ],
    [
      "a null metric (the zero metric; the server's repeated error is reported once)",
      hpaV1With({ metrics: "[null]" }),
      ["spec.metrics[0].type: Required value: must specify a metric source type", 'spec.metrics[0].type: Unsupported value: "": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"'],
    ],
    [
      "a behavior without policies (not defaulted: v1 defaulting came before)",
      hpaV1With({ behavior: '{"ScaleUp":{"StabilizationWindowSeconds":-1}}' }),
      ["spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero", "spec.behavior.scaleUp.policies: Required value: must specify at least one Policy"],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});
