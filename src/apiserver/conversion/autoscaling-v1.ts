// An autoscaling/v1 HorizontalPodAutoscaler in the internal form that validation
// reads (pkg/apis/autoscaling/v1/conversion.go:
// Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler).
// targetCPUUtilizationPercentage is a Resource metric on the cpu; the metrics
// and the behavior that v1 cannot express travel in annotations, decoded here
// as Go decodes them: a malformed annotation is ignored, not rejected.
import { goUnmarshal, type GoType } from "./go-unmarshal.js";
import { isRecord, objectAt, recordsOf, stringMapOf, type JsonRecord } from "../../util/object-access.js";

export const METRIC_SPECS_ANNOTATION = "autoscaling.alpha.kubernetes.io/metrics";
export const BEHAVIOR_SPECS_ANNOTATION = "autoscaling.alpha.kubernetes.io/behavior";
const DEFAULT_CPU_UTILIZATION = 80;

const LABEL_SELECTOR: GoType = {
  pointer: {
    struct: {
      matchLabels: { map: "string" },
      matchExpressions: { slice: { struct: { key: "string", operator: "string", values: { slice: "string" } } } },
    },
  },
};
const CROSS_VERSION_OBJECT_REFERENCE: GoType = { struct: { kind: "string", name: "string", apiVersion: "string" } };
const RESOURCE_METRIC_SOURCE = { name: "string", targetAverageUtilization: { pointer: "int32" }, targetAverageValue: { pointer: "quantity" } } as const;

/** autoscalingv1.MetricSpec, as the metrics annotation holds it. */
const V1_METRIC_SPECS: GoType = {
  slice: {
    struct: {
      type: "string",
      object: {
        pointer: {
          struct: { target: CROSS_VERSION_OBJECT_REFERENCE, metricName: "string", targetValue: "quantity", selector: LABEL_SELECTOR, averageValue: { pointer: "quantity" } },
        },
      },
      pods: { pointer: { struct: { metricName: "string", targetAverageValue: "quantity", selector: LABEL_SELECTOR } } },
      resource: { pointer: { struct: RESOURCE_METRIC_SOURCE } },
      containerResource: { pointer: { struct: { ...RESOURCE_METRIC_SOURCE, container: "string" } } },
      external: {
        pointer: {
          struct: { metricName: "string", metricSelector: LABEL_SELECTOR, targetValue: { pointer: "quantity" }, targetAverageValue: { pointer: "quantity" } },
        },
      },
    },
  },
};

/** The internal autoscaling.HorizontalPodAutoscalerBehavior: no json tags, its Go field names match ignoring case. */
const SCALING_RULES: GoType = {
  pointer: {
    struct: {
      stabilizationWindowSeconds: { pointer: "int32" },
      selectPolicy: { pointer: "string" },
      policies: { slice: { struct: { type: "string", value: "int32", periodSeconds: "int32" } } },
      tolerance: { pointer: "quantity" },
    },
  },
};
const BEHAVIOR: GoType = { struct: { scaleUp: SCALING_RULES, scaleDown: SCALING_RULES } };

/** The given fields of `source` under new names. */
function renamed(source: JsonRecord, names: Readonly<Record<string, string>>): JsonRecord {
  const out: JsonRecord = {};
  for (const [from, to] of Object.entries(names)) if (source[from] !== undefined) out[to] = source[from];
  return out;
}

function metricIdentifier(name: unknown, selector: unknown): JsonRecord {
  return selector === undefined ? { name: name ?? "" } : { name: name ?? "", selector };
}

/** Convert_v1_ResourceMetricSource_To_autoscaling_ResourceMetricSource (and its ContainerResource twin). */
function resourceMetricSource(source: JsonRecord, withContainer: boolean): JsonRecord {
  const type = source.targetAverageUtilization === undefined ? "AverageValue" : "Utilization";
  const target = { type, ...renamed(source, { targetAverageValue: "averageValue", targetAverageUtilization: "averageUtilization" }) };
  return withContainer ? { name: source.name ?? "", container: source.container ?? "", target } : { name: source.name ?? "", target };
}

/** Convert_v1_MetricSpec_To_autoscaling_MetricSpec with the source conversions it calls. */
function metricSpec(metric: JsonRecord): JsonRecord {
  const out: JsonRecord = { type: metric.type ?? "" };
  const object = objectAt(metric, "object");
  if (object) {
    const type = object.averageValue === undefined ? "Value" : "AverageValue";
    out.object = {
      describedObject: objectAt(object, "target") ?? {},
      metric: metricIdentifier(object.metricName, object.selector),
      target: { type, value: object.targetValue ?? "0", ...renamed(object, { averageValue: "averageValue" }) },
    };
  }
  const pods = objectAt(metric, "pods");
  if (pods) out.pods = { metric: metricIdentifier(pods.metricName, pods.selector), target: { type: "AverageValue", averageValue: pods.targetAverageValue ?? "0" } };
  const resource = objectAt(metric, "resource");
  if (resource) out.resource = resourceMetricSource(resource, false);
  const containerResource = objectAt(metric, "containerResource");
  if (containerResource) out.containerResource = resourceMetricSource(containerResource, true);
  const external = objectAt(metric, "external");
  if (external) {
    const type = external.targetValue === undefined ? "AverageValue" : "Value";
    out.external = {
      metric: metricIdentifier(external.metricName, external.metricSelector),
      target: { type, ...renamed(external, { targetValue: "value", targetAverageValue: "averageValue" }) },
    };
  }
  return out;
}

/** The metrics of the annotation, or undefined when there is none or Go cannot decode it. */
function annotationMetrics(annotations: Record<string, string>): JsonRecord[] | undefined {
  if (!Object.hasOwn(annotations, METRIC_SPECS_ANNOTATION)) return undefined;
  const decoded = goUnmarshal(annotations[METRIC_SPECS_ANNOTATION]!, V1_METRIC_SPECS);
  return decoded ? recordsOf(decoded.value).map(metricSpec) : undefined;
}

/** The behavior of the annotation, when it decodes to something other than the zero behavior. */
function annotationBehavior(annotations: Record<string, string>): JsonRecord | undefined {
  if (!Object.hasOwn(annotations, BEHAVIOR_SPECS_ANNOTATION)) return undefined;
  const decoded = goUnmarshal(annotations[BEHAVIOR_SPECS_ANNOTATION]!, BEHAVIOR)?.value;
  return isRecord(decoded) && (decoded.scaleUp !== undefined || decoded.scaleDown !== undefined) ? decoded : undefined;
}

/** The internal spec of an autoscaling/v1 HorizontalPodAutoscaler (already defaulted as v1). */
export function convertV1HorizontalPodAutoscalerSpec(autoscaler: JsonRecord): JsonRecord {
  const v1Spec = objectAt(autoscaler, "spec") ?? {};
  const spec = renamed(v1Spec, { scaleTargetRef: "scaleTargetRef", minReplicas: "minReplicas", maxReplicas: "maxReplicas" });
  const annotations = stringMapOf(objectAt(autoscaler, "metadata")?.annotations);
  const metrics: JsonRecord[] = annotationMetrics(annotations) ?? [];
  // The CPU target, when set, comes after the annotation's metrics.
  const cpuUtilization = v1Spec.targetCPUUtilizationPercentage ?? (metrics.length === 0 ? DEFAULT_CPU_UTILIZATION : undefined);
  if (cpuUtilization !== undefined) metrics.push({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: cpuUtilization } } });
  const behavior = annotationBehavior(annotations);
  return behavior ? { ...spec, metrics, behavior } : { ...spec, metrics };
}
