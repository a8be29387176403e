// autoscaling/v2beta1 HorizontalPodAutoscaler metrics written as
// autoscaling/v2, as upstream's conversion reads them
// (pkg/apis/autoscaling/v2beta1/conversion.go): each source's target fields
// become one `target: {type, value, averageValue, averageUtilization}`, and a
// metric's name and selector one `metric: {name, selector}`; an Object
// metric's `target` reference becomes `describedObject`.
import type { YamlChange } from "../../types.js";
import { joinPointer } from "../../util/pointer.js";
import { arrayOf, isRecord, recordOf } from "../../util/object-access.js";

type Source = Record<string, unknown>;

/** The fields of a v2 MetricTarget that are set, in the order of its type. */
function metricTarget(type: string, value: unknown, averageValue: unknown, averageUtilization?: unknown): Record<string, unknown> {
  const target: Record<string, unknown> = { type };
  if (value !== undefined) target.value = value;
  if (averageValue !== undefined) target.averageValue = averageValue;
  if (averageUtilization !== undefined) target.averageUtilization = averageUtilization;
  return target;
}

/** The v2beta1 fields that one new field replaces: the first written is replaced in place, the others removed. */
function replaceFields(pointer: string, source: Source, fields: readonly string[], key: string, value: unknown): YamlChange[] {
  const written = fields.filter((field) => source[field] !== undefined);
  if (written.length === 0) return [];
  const [first, ...rest] = written;
  return [
    { op: "replacePair", pointer: joinPointer(pointer, first!), key, value },
    ...rest.map((field): YamlChange => ({ op: "removePair", pointer: joinPointer(pointer, field) })),
  ];
}

function metricIdentifier(name: unknown, selector: unknown): Record<string, unknown> {
  return selector === undefined ? { name } : { name, selector };
}

/** Convert_v2beta1_ResourceMetricSource_To_autoscaling_ResourceMetricSource (and its container variant). */
function convertResourceMetricSource(source: Source, pointer: string): YamlChange[] {
  const utilization = source.targetAverageUtilization;
  const type = utilization === undefined ? "AverageValue" : "Utilization";
  return replaceFields(pointer, source, ["targetAverageUtilization", "targetAverageValue"], "target", metricTarget(type, undefined, source.targetAverageValue, utilization));
}

/** Convert_v2beta1_PodsMetricSource_To_autoscaling_PodsMetricSource. */
function convertPodsMetricSource(source: Source, pointer: string): YamlChange[] {
  return [
    ...replaceFields(pointer, source, ["metricName", "selector"], "metric", metricIdentifier(source.metricName, source.selector)),
    ...replaceFields(pointer, source, ["targetAverageValue"], "target", metricTarget("AverageValue", undefined, source.targetAverageValue)),
  ];
}

/** Convert_v2beta1_ObjectMetricSource_To_autoscaling_ObjectMetricSource. */
function convertObjectMetricSource(source: Source, pointer: string): YamlChange[] {
  const type = source.averageValue === undefined ? "Value" : "AverageValue";
  const described: YamlChange[] = source.target === undefined ? [] : [{ op: "renameKey", pointer: joinPointer(pointer, "target"), name: "describedObject" }];
  return [
    ...described,
    ...replaceFields(pointer, source, ["metricName", "selector"], "metric", metricIdentifier(source.metricName, source.selector)),
    ...replaceFields(pointer, source, ["targetValue", "averageValue"], "target", metricTarget(type, source.targetValue, source.averageValue)),
  ];
}

/** Convert_v2beta1_ExternalMetricSource_To_autoscaling_ExternalMetricSource. */
function convertExternalMetricSource(source: Source, pointer: string): YamlChange[] {
  const type = source.targetValue === undefined ? "AverageValue" : "Value";
  return [
    ...replaceFields(pointer, source, ["metricName", "metricSelector"], "metric", metricIdentifier(source.metricName, source.metricSelector)),
    ...replaceFields(pointer, source, ["targetValue", "targetAverageValue"], "target", metricTarget(type, source.targetValue, source.targetAverageValue)),
  ];
}

const SOURCES: ReadonlyArray<[field: string, convert: (source: Source, pointer: string) => YamlChange[]]> = [
  ["resource", convertResourceMetricSource],
  ["containerResource", convertResourceMetricSource],
  ["pods", convertPodsMetricSource],
  ["object", convertObjectMetricSource],
  ["external", convertExternalMetricSource],
];

/** The metrics of a v2beta1 HorizontalPodAutoscalerSpec as v2 writes them. */
export function convertMetricSpecs(spec: unknown): YamlChange[] {
  if (!isRecord(spec)) return [];
  return arrayOf(spec.metrics).map(recordOf).flatMap((metric, i) =>
    SOURCES.flatMap(([field, convert]) => (isRecord(metric[field]) ? convert(metric[field], `/spec/metrics/${i}/${field}`) : [])),
  );
}
