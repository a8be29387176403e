// HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation/validation.go:
// ValidateHorizontalPodAutoscaler and the spec, reference, metric and
// behavior checks it calls), on the internal form (an autoscaling/v1 object is
// converted first, conversion/autoscaling-v1.ts).
import { isDNS1123Label, isPathSegmentName } from "../../apimachinery/validation.js";
import { forbidden, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, rendersCompositeAsJson } from "../../field/values.js";
import { int, isSet, list, obj, str } from "../core/fields.js";
import { featureEnabled } from "../../features.js";
import { containerResourceNameDetails, resourceNameValue } from "../core/resource-names.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { compareQuantities, formatQuantity, parseQuantity, ZERO_QUANTITY, type Quantity } from "../../../util/quantity.js";
import { lookupTable } from "../../../util/lookup-table.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import { atLeast } from "../../../util/release.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** The largest scaling policy period and stabilization window, in seconds. */
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

/** Sorted, as sets.List returns them. */
const METRIC_SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const SELECT_POLICY_TYPES = ["Disabled", "Max", "Min"];
const POLICY_TYPES = ["Percent", "Pods"];

/** The source field of each metric type, in the order upstream looks at them. */
const SOURCE_FIELDS = ["object", "external", "pods", "resource", "containerResource"] as const;
const SOURCE_FIELD_OF_TYPE: Readonly<Record<string, string>> = lookupTable({
  Object: "object",
  Pods: "pods",
  Resource: "resource",
  External: "external",
  ContainerResource: "containerResource",
});

/** CrossVersionObjectReferenceValidationOptions. */
interface ReferenceOptions {
  allowEmptyAPIGroup: boolean;
}

/** HorizontalPodAutoscalerSpecValidationOptions as the strategy sets them on create. */
export interface HorizontalPodAutoscalerSpecValidationOptions {
  kubernetesVersion: string;
  /** 0 with HPAScaleToZero, off by default in every release kubeplan models. */
  minReplicasLowerBound: number;
  scaleTargetRef: ReferenceOptions;
  objectMetrics: ReferenceOptions;
}

/** validationOptionsForHorizontalPodAutoscaler on create: an empty API group is allowed for object metrics, and for a ReplicationController target. */
export function horizontalPodAutoscalerValidationOptions(spec: JsonRecord, kubernetesVersion: string): HorizontalPodAutoscalerSpecValidationOptions {
  const targetKind = str(obj(spec, "scaleTargetRef"), "kind");
  return {
    kubernetesVersion,
    minReplicasLowerBound: featureEnabled("HPAScaleToZero", kubernetesVersion) ? 0 : 1,
    scaleTargetRef: { allowEmptyAPIGroup: targetKind === "ReplicationController" },
    objectMetrics: { allowEmptyAPIGroup: true },
  };
}

/** A resource.Quantity bad value: through its String() before 1.34, as JSON since. */
function quantityValue(quantity: Quantity, kubernetesVersion: string): PrintedValue {
  const text = formatQuantity(quantity);
  return new PrintedValue(rendersCompositeAsJson(kubernetesVersion) ? goJson(text) : text);
}

/** schema.ParseGroupVersion's error, or the group of the version. */
function parseGroupVersion(apiVersion: string): { group: string } | { error: string } {
  if (apiVersion === "" || apiVersion === "/") return { group: "" };
  const parts = apiVersion.split("/");
  if (parts.length === 1) return { group: "" };
  if (parts.length === 2) return { group: parts[0]! };
  return { error: `unexpected GroupVersion string: ${apiVersion}` };
}

/** ValidateAPIVersion (since 1.34): a version that parses, with an API group unless allowed without. */
function validateAPIVersion(reference: JsonRecord, opts: ReferenceOptions): string | undefined {
  const parsed = parseGroupVersion(str(reference, "apiVersion"));
  if ("error" in parsed) return parsed.error;
  return parsed.group === "" && !opts.allowEmptyAPIGroup ? "apiVersion must specify API group" : undefined;
}

/** ValidateCrossVersionObjectReference: a kind and a name that are path segments, and (since 1.34) the API version. */
export function validateCrossVersionObjectReference(reference: JsonRecord, fldPath: FieldPath, opts: ReferenceOptions, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  for (const name of ["kind", "name"]) {
    const value = str(reference, name);
    if (value === "") errors.push(required(fldPath.child(name)));
    else appendAll(errors, isPathSegmentName(value).map((message) => invalid(fldPath.child(name), value, message)));
  }
  if (atLeast(kubernetesVersion, "1.34")) {
    const message = validateAPIVersion(reference, opts);
    if (message) errors.push(invalid(fldPath.child("apiVersion"), str(reference, "apiVersion"), message));
  }
  return errors;
}

/** A quantity field of a metric target; undefined when absent or not a quantity (the schema layer's to report). */
function quantityOf(target: JsonRecord, name: string): Quantity | undefined {
  const value = target[name];
  return typeof value === "string" || typeof value === "number" ? parseQuantity(value) : undefined;
}

/** validateMetricTarget. */
function validateMetricTarget(target: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const type = str(target, "type");
  if (type === "") errors.push(required(fldPath.child("type"), "must specify a metric target type"));
  if (type !== "Utilization" && type !== "Value" && type !== "AverageValue") errors.push(invalid(fldPath.child("type"), type, "must be either Utilization, Value, or AverageValue"));
  for (const name of ["value", "averageValue"]) {
    const quantity = quantityOf(target, name);
    if (quantity && compareQuantities(quantity, ZERO_QUANTITY) <= 0) errors.push(invalid(fldPath.child(name), quantityValue(quantity, kubernetesVersion), "must be positive"));
  }
  const averageUtilization = int(target, "averageUtilization");
  if (averageUtilization !== undefined && averageUtilization < 1) errors.push(invalid(fldPath.child("averageUtilization"), averageUtilization, "must be greater than 0"));
  return errors;
}

/** validateMetricIdentifier: a name that is a path segment. */
function validateMetricIdentifier(metric: JsonRecord, fldPath: FieldPath): ErrorList {
  const name = str(metric, "name");
  if (name === "") return [required(fldPath.child("name"), "must specify a metric name")];
  return isPathSegmentName(name).map((message) => invalid(fldPath.child("name"), name, message));
}

function validateObjectSource(source: JsonRecord, fldPath: FieldPath, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  const target = obj(source, "target") ?? {};
  const errors = validateCrossVersionObjectReference(obj(source, "describedObject") ?? {}, fldPath.child("describedObject"), opts.objectMetrics, opts.kubernetesVersion);
  appendAll(errors, validateMetricIdentifier(obj(source, "metric") ?? {}, fldPath.child("metric")));
  appendAll(errors, validateMetricTarget(target, fldPath.child("target"), opts.kubernetesVersion));
  if (!isSet(target, "value") && !isSet(target, "averageValue")) {
    errors.push(required(fldPath.child("target", "averageValue"), "must set either a target value or averageValue"));
  }
  return errors;
}

function validateExternalSource(source: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const target = obj(source, "target") ?? {};
  const errors = validateMetricIdentifier(obj(source, "metric") ?? {}, fldPath.child("metric"));
  appendAll(errors, validateMetricTarget(target, fldPath.child("target"), kubernetesVersion));
  if (!isSet(target, "value") && !isSet(target, "averageValue")) {
    errors.push(required(fldPath.child("target", "averageValue"), "must set either a target value for metric or a per-pod target"));
  }
  if (isSet(target, "value") && isSet(target, "averageValue")) {
    errors.push(forbidden(fldPath.child("target", "value"), "may not set both a target value for metric and a per-pod target"));
  }
  return errors;
}

function validatePodsSource(source: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const target = obj(source, "target") ?? {};
  const errors = validateMetricIdentifier(obj(source, "metric") ?? {}, fldPath.child("metric"));
  appendAll(errors, validateMetricTarget(target, fldPath.child("target"), kubernetesVersion));
  if (!isSet(target, "averageValue")) errors.push(required(fldPath.child("target", "averageValue"), "must specify a positive target averageValue"));
  return errors;
}

/** A raw value or a utilization, not both: what Resource and ContainerResource metrics share. */
function validateResourceTarget(target: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateMetricTarget(target, fldPath, kubernetesVersion);
  if (!isSet(target, "averageUtilization") && !isSet(target, "averageValue")) {
    errors.push(required(fldPath.child("averageUtilization"), "must set either a target raw value or a target utilization"));
  }
  if (isSet(target, "averageUtilization") && isSet(target, "averageValue")) {
    errors.push(forbidden(fldPath.child("averageValue"), "may not set both a target raw value and a target utilization"));
  }
  return errors;
}

function validateContainerResourceSource(source: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const name = str(source, "name");
  if (name === "") errors.push(required(fldPath.child("name"), "must specify a resource name"));
  else appendAll(errors, containerResourceNameDetails(name).map((message) => withLabelContentWords(invalid(fldPath.child("name"), new PrintedValue(resourceNameValue(name, kubernetesVersion)), message))));
  const container = str(source, "container");
  if (container === "") errors.push(required(fldPath.child("container"), "must specify a container"));
  else appendAll(errors, isDNS1123Label(container).map((message) => invalid(fldPath.child("container"), container, message)));
  appendAll(errors, validateResourceTarget(obj(source, "target") ?? {}, fldPath.child("target"), kubernetesVersion));
  return errors;
}

function validateResourceSource(source: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = str(source, "name") === "" ? [required(fldPath.child("name"), "must specify a resource name")] : [];
  appendAll(errors, validateResourceTarget(obj(source, "target") ?? {}, fldPath.child("target"), kubernetesVersion));
  return errors;
}

function validateSource(field: (typeof SOURCE_FIELDS)[number], source: JsonRecord, fldPath: FieldPath, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  const version = opts.kubernetesVersion;
  switch (field) {
    case "object":
      return validateObjectSource(source, fldPath, opts);
    case "external":
      return validateExternalSource(source, fldPath, version);
    case "pods":
      return validatePodsSource(source, fldPath, version);
    case "resource":
      return validateResourceSource(source, fldPath, version);
    default:
      return validateContainerResourceSource(source, fldPath, version);
  }
}

/** validateMetricSpec: a known type, its source and only that one. */
function validateMetricSpec(metric: JsonRecord, fldPath: FieldPath, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const type = str(metric, "type");
  if (type === "") errors.push(required(fldPath.child("type"), "must specify a metric source type"));
  if (!METRIC_SOURCE_TYPES.includes(type)) errors.push(notSupported(fldPath.child("type"), type, METRIC_SOURCE_TYPES));
  // Only the first source present is validated; the others are reported below.
  const present = SOURCE_FIELDS.filter((field) => isSet(metric, field));
  const first = present[0];
  if (first) appendAll(errors, validateSource(first, obj(metric, first) ?? {}, fldPath.child(first), opts));
  const expected = SOURCE_FIELD_OF_TYPE[type];
  if (expected === undefined) errors.push(notSupported(fldPath.child("type"), type, METRIC_SOURCE_TYPES));
  else if (!isSet(metric, expected)) errors.push(required(fldPath.child(expected), "must populate information for the given metric source"));
  if (present.length !== 1) {
    for (const field of present) if (field !== expected) errors.push(forbidden(fldPath.child(field), "must populate the given metric source only"));
  }
  return errors;
}

/** validateMetrics: each metric; scaling to zero needs an Object or External metric. */
function validateMetrics(metrics: JsonRecord[], fldPath: FieldPath, minReplicas: number | undefined, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  const errors = metrics.flatMap((metric, index) => validateMetricSpec(metric, fldPath.index(index), opts));
  const types = new Set(metrics.map((metric) => str(metric, "type")));
  if (minReplicas === 0 && !types.has("Object") && !types.has("External")) {
    errors.push(forbidden(fldPath, "must specify at least one Object or External metric to support scaling to zero replicas"));
  }
  return errors;
}

function validateScalingPolicy(policy: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = str(policy, "type");
  if (type !== "Pods" && type !== "Percent") errors.push(notSupported(fldPath.child("type"), type, POLICY_TYPES));
  const value = int(policy, "value") ?? 0;
  if (value <= 0) errors.push(invalid(fldPath.child("value"), value, "must be greater than zero"));
  const periodSeconds = int(policy, "periodSeconds") ?? 0;
  if (periodSeconds <= 0) errors.push(invalid(fldPath.child("periodSeconds"), periodSeconds, "must be greater than zero"));
  if (periodSeconds > MAX_PERIOD_SECONDS) errors.push(invalid(fldPath.child("periodSeconds"), periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  return errors;
}

/** validateScalingRules: the window, the select policy, at least one policy, and (since HPAConfigurableTolerance) the tolerance. */
function validateScalingRules(rules: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const window = int(rules, "stabilizationWindowSeconds");
  const windowPath = fldPath.child("stabilizationWindowSeconds");
  if (window !== undefined && window < 0) errors.push(invalid(windowPath, window, "must be greater than or equal to zero"));
  if (window !== undefined && window > MAX_STABILIZATION_WINDOW_SECONDS) errors.push(invalid(windowPath, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  if (isSet(rules, "selectPolicy")) {
    const selectPolicy = str(rules, "selectPolicy");
    if (!SELECT_POLICY_TYPES.includes(selectPolicy)) errors.push(notSupported(fldPath.child("selectPolicy"), selectPolicy, SELECT_POLICY_TYPES));
  }
  const policies = list(rules, "policies");
  const policiesPath = fldPath.child("policies");
  if (policies.length === 0) errors.push(required(policiesPath, "must specify at least one Policy"));
  policies.forEach((policy, index) => appendAll(errors, validateScalingPolicy(policy, policiesPath.index(index))));
  const tolerance = quantityOf(rules, "tolerance");
  if (featureEnabled("HPAConfigurableTolerance", kubernetesVersion) && tolerance && compareQuantities(tolerance, ZERO_QUANTITY) < 0) {
    errors.push(invalid(fldPath.child("tolerance"), quantityValue(tolerance, kubernetesVersion), "must be greater than or equal to 0"));
  }
  return errors;
}

/** validateBehavior. */
function validateBehavior(behavior: JsonRecord | undefined, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (!behavior) return [];
  return ["scaleUp", "scaleDown"].flatMap((direction) => {
    const rules = obj(behavior, direction);
    return rules ? validateScalingRules(rules, fldPath.child(direction), kubernetesVersion) : [];
  });
}

/** validateHorizontalPodAutoscalerSpec. */
export function validateHorizontalPodAutoscalerSpec(spec: JsonRecord, fldPath: FieldPath, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const minReplicas = int(spec, "minReplicas");
  const maxReplicas = int(spec, "maxReplicas") ?? 0;
  if (minReplicas !== undefined && minReplicas < opts.minReplicasLowerBound) {
    errors.push({ ...invalid(fldPath.child("minReplicas"), minReplicas, `must be greater than or equal to ${opts.minReplicasLowerBound}`), suggestion: String(opts.minReplicasLowerBound) });
  }
  if (maxReplicas < 1) errors.push(invalid(fldPath.child("maxReplicas"), maxReplicas, "must be greater than 0"));
  if (minReplicas !== undefined && maxReplicas < minReplicas) {
    errors.push({ ...invalid(fldPath.child("maxReplicas"), maxReplicas, "must be greater than or equal to `minReplicas`"), suggestion: String(minReplicas) });
  }
  appendAll(errors, validateCrossVersionObjectReference(obj(spec, "scaleTargetRef") ?? {}, fldPath.child("scaleTargetRef"), opts.scaleTargetRef, opts.kubernetesVersion));
  appendAll(errors, validateMetrics(list(spec, "metrics"), fldPath.child("metrics"), minReplicas, opts));
  appendAll(errors, validateBehavior(obj(spec, "behavior"), fldPath.child("behavior"), opts.kubernetesVersion));
  return errors;
}

/** ValidateHorizontalPodAutoscaler. */
export function validateHorizontalPodAutoscaler(autoscaler: JsonRecord, opts: HorizontalPodAutoscalerSpecValidationOptions): ErrorList {
  // ValidateHorizontalPodAutoscalerName = NameIsDNSSubdomain.
  const errors = validateObjectMeta(autoscaler.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateHorizontalPodAutoscalerSpec(obj(autoscaler, "spec") ?? {}, FieldPath.root("spec"), opts)];
}
