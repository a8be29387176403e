// ValidateResourceSlice (pkg/apis/resource/validation/validation.go), as on
// create from 1.34, when resource.k8s.io/v1 is served by default: driver, pool,
// exactly one node selection, devices (names, attributes, capacity, taints,
// counter consumption, per-device node selection, binding conditions) and the
// shared counter sets. Fields of gates that are off in the target release are
// dropped before (the strategy's dropDisabledFields), so they are never checked.
import { duplicate, forbidden, invalid, PrintedValue, required, tooLong, tooMany, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { internalValue, internalValueField, type InternalType } from "../../field/internal-type.js";
import { printedFor } from "../../field/values.js";
import { validateLabelName } from "../../apimachinery/meta-v1-validation.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { compareQuantities, formatQuantity, parseQuantity, wholeValue, addQuantities, type Quantity } from "../../../util/quantity.js";
import { bool, isSet, list, obj, str, strings } from "../core/fields.js";
import { validateNodeSelector } from "../core/affinity.js";
import { validateDNS1123Label, validateDNS1123Subdomain } from "../core/names.js";
import { validateNodeName as nodeNameErrors } from "../core/object-meta.js";
import { validateCSIDriverName } from "../core/volume-sources.js";
import { validateDeviceTaint } from "./device-taints.js";
import { validateAttributeQualifiedName, validateSet, validateSlice } from "./validation.js";
import { appendAll } from "../../../util/append.js";
import { atLeast } from "../../../util/release.js";

/** PoolNameMaxLength: a node name's limit. */
const POOL_NAME_MAX_LENGTH = 253;
const RESOURCE_SLICE_MAX_DEVICES = 128;
/** ResourceSliceMaxDevicesWithAdvancedFeatures: when a device has taints or consumes counters. */
const RESOURCE_SLICE_MAX_DEVICES_WITH_ADVANCED_FEATURES = 64;
const RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE = 32;
/** attributeAndCapacityMaxKeyLength: DeviceMaxDomainLength + 1 + DeviceMaxIDLength, where map keys in paths get truncated. */
const ATTRIBUTE_AND_CAPACITY_MAX_KEY_LENGTH = 63 + 1 + 32;
const DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH = 64;
const DEVICE_TAINTS_MAX_LENGTH = 16;
const RESOURCE_SLICE_MAX_COUNTER_SETS = 8;
const RESOURCE_SLICE_MAX_COUNTERS_PER_COUNTER_SET = 32;
const RESOURCE_SLICE_MAX_DEVICE_COUNTER_CONSUMPTIONS_PER_DEVICE = 2;
const RESOURCE_SLICE_MAX_COUNTERS_PER_DEVICE_COUNTER_CONSUMPTION = 32;
/** DNS1123LabelMaxLength: where counter names in paths get truncated. */
const COUNTER_NAME_MAX_KEY_LENGTH = 63;
/** BindingConditionsMaxSize and BindingFailureConditionsMaxSize. */
const BINDING_CONDITIONS_MAX_SIZE = 4;
/** CapacityRequestPolicyDiscreteMaxOptions. */
const CAPACITY_REQUEST_POLICY_DISCRETE_MAX_OPTIONS = 10;

/** semverRe: semver.org 2.0.0. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$/;

const NODE_SELECTION = "exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required";
const PER_DEVICE_NODE_SELECTION = "exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec";

/** truncateIfTooLong: a long map key shown in a path, cut in the middle. */
function truncateIfTooLong(text: string, maxLength: number): string {
  const limit = Math.max(maxLength, 16);
  if (text.length <= limit) return text;
  const remaining = limit - 3;
  return text.slice(0, Math.floor((remaining + 1) / 2)) + "..." + text.slice(text.length - Math.floor(remaining / 2));
}

/** validateMap: at most `maxSize` entries (the limit alone is reported), each key checked at the map's path and each value at its key. */
function validateMap(
  map: JsonRecord,
  maxSize: number,
  truncateKeyLength: number,
  validateKey: (key: string, fldPath: FieldPath) => ErrorList,
  validateItem: (item: unknown, fldPath: FieldPath) => ErrorList,
  fldPath: FieldPath,
): ErrorList {
  const entries = Object.entries(map);
  if (maxSize >= 0 && entries.length > maxSize) return [tooMany(fldPath, entries.length, maxSize)];
  return entries.flatMap(([key, item]) => [...validateKey(key, fldPath), ...validateItem(item, fldPath.key(truncateIfTooLong(key, truncateKeyLength)))]);
}

function mapOf(record: JsonRecord, key: string): JsonRecord {
  const value = record[key];
  return isRecord(value) ? value : {};
}

function validateNodeName(name: string, fldPath: FieldPath): ErrorList {
  return nodeNameErrors(name, false).map((message) => invalid(fldPath, name, message));
}

/** validatePoolName: required, at most 253 bytes, DNS subdomains separated by slashes. */
function validatePoolName(name: string, fldPath: FieldPath): ErrorList {
  if (name === "") return [required(fldPath)];
  const errors: ErrorList = [];
  if (Buffer.byteLength(name) > POOL_NAME_MAX_LENGTH) errors.push(tooLong(fldPath, "", POOL_NAME_MAX_LENGTH));
  for (const part of name.split("/")) appendAll(errors, validateDNS1123Subdomain(part, fldPath));
  return errors;
}

/** validateResourcePool: its name, a slice count above zero, a generation not below zero. */
function validateResourcePool(pool: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validatePoolName(str(pool, "name"), fldPath.child("name"));
  const resourceSliceCount = typeof pool.resourceSliceCount === "number" ? pool.resourceSliceCount : 0;
  if (resourceSliceCount <= 0) errors.push(invalid(fldPath.child("resourceSliceCount"), resourceSliceCount, "must be greater than zero"));
  const generation = typeof pool.generation === "number" ? pool.generation : 0;
  if (generation < 0) errors.push(invalid(fldPath.child("generation"), generation, "must be greater than or equal to zero"));
  return errors;
}

/** A node selector as upstream prints its terms: the internal types' Go field names. */
function nodeSelectorTermsValue(terms: unknown): unknown {
  if (!Array.isArray(terms)) return null;
  const requirements = (value: unknown) =>
    Array.isArray(value) ? value.map((r: unknown) => (isRecord(r) ? { Key: r.key ?? "", Operator: r.operator ?? "", Values: r.values ?? null } : r)) : null;
  return terms.map((term: unknown) => (isRecord(term) ? { MatchExpressions: requirements(term.matchExpressions), MatchFields: requirements(term.matchFields) } : term));
}

/** The node selection of a slice (validateResourceSliceSpec's part before the devices). */
function validateSliceNodeSelection(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const setFields: string[] = [];
  if (isSet(spec, "nodeName")) {
    const nodeName = str(spec, "nodeName");
    if (nodeName !== "") {
      setFields.push("`nodeName`");
      appendAll(errors, validateNodeName(nodeName, fldPath.child("nodeName")));
    } else errors.push(invalid(fldPath.child("nodeName"), "", "must be either unset or set to a non-empty string"));
  }
  const nodeSelector = obj(spec, "nodeSelector");
  if (nodeSelector) {
    setFields.push("`nodeSelector`");
    appendAll(errors, validateNodeSelector(nodeSelector, false, fldPath.child("nodeSelector")));
    const terms = list(nodeSelector, "nodeSelectorTerms");
    if (terms.length !== 1) errors.push(invalid(fldPath.child("nodeSelector", "nodeSelectorTerms"), nodeSelectorTermsValue(nodeSelector.nodeSelectorTerms), "must have exactly one node selector term"));
  }
  for (const key of ["allNodes", "perDeviceNodeSelection"]) {
    if (!isSet(spec, key)) continue;
    if (bool(spec, key) === true) setFields.push(`\`${key}\``);
    else errors.push(invalid(fldPath.child(key), false, "must be either unset or set to true"));
  }
  if (setFields.length === 0) errors.push(required(fldPath, NODE_SELECTION));
  else if (setFields.length > 1) errors.push(invalid(fldPath, `{${setFields.join(", ")}}`, `${NODE_SELECTION}, but multiple fields are set`));
  return errors;
}

/** A device's own node selection, only with the slice's perDeviceNodeSelection. */
function validateDeviceNodeSelection(device: JsonRecord, perDeviceNodeSelection: boolean, fldPath: FieldPath): ErrorList {
  const hasAny = isSet(device, "nodeName") || isSet(device, "nodeSelector") || isSet(device, "allNodes");
  if (!perDeviceNodeSelection) {
    return hasAny ? [invalid(fldPath, null, "`nodeName`, `nodeSelector` and `allNodes` can only be set if `perDeviceNodeSelection` is set to true in the ResourceSlice spec")] : [];
  }
  const errors: ErrorList = [];
  const setFields: string[] = [];
  if (isSet(device, "nodeName")) {
    const nodeName = str(device, "nodeName");
    if (nodeName !== "") {
      setFields.push("`nodeName`");
      appendAll(errors, validateNodeName(nodeName, fldPath.child("nodeName")));
    } else errors.push(invalid(fldPath.child("nodeName"), "", "must not be empty"));
  }
  const nodeSelector = obj(device, "nodeSelector");
  if (nodeSelector) {
    setFields.push("`nodeSelector`");
    appendAll(errors, validateNodeSelector(nodeSelector, false, fldPath.child("nodeSelector")));
  }
  if (isSet(device, "allNodes")) {
    if (bool(device, "allNodes") === true) setFields.push("`allNodes`");
    else errors.push(invalid(fldPath.child("allNodes"), false, "must be either unset or set to true"));
  }
  if (setFields.length === 0) errors.push(required(fldPath, PER_DEVICE_NODE_SELECTION));
  else if (setFields.length > 1) errors.push(invalid(fldPath, `{${setFields.join(", ")}}`, PER_DEVICE_NODE_SELECTION));
  return errors;
}

function validateDeviceAttributeStringValue(value: string, fldPath: FieldPath): ErrorList {
  return Buffer.byteLength(value) > DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH ? [tooLong(fldPath, "", DEVICE_ATTRIBUTE_MAX_VALUE_LENGTH)] : [];
}

function validateDeviceAttributeVersionValue(value: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = SEMVER.test(value) ? [] : [invalid(fldPath, value, "must be a string compatible with semver.org spec 2.0.0")];
  return [...errors, ...validateDeviceAttributeStringValue(value, fldPath)];
}

/** The internal resource.DeviceAttribute: four values, and from 1.36 the lists of DRAListTypeAttributes after them. */
function deviceAttributeType(kubernetesVersion: string): InternalType {
  const values: Array<[string, string, InternalType]> = [
    ["IntValue", "int", { pointer: "int64" }],
    ["BoolValue", "bool", { pointer: "bool" }],
    ["StringValue", "string", { pointer: "string" }],
    ["VersionValue", "version", { pointer: "string" }],
  ];
  if (!atLeast(kubernetesVersion, "1.36")) return { struct: "resource.DeviceAttribute", fields: values };
  const lists: Array<[string, string, InternalType]> = [
    ["IntValues", "ints", { slice: "int64" }],
    ["BoolValues", "bools", { slice: "bool" }],
    ["StringValues", "strings", { slice: "string" }],
    ["VersionValues", "versions", { slice: "string" }],
  ];
  return { struct: "resource.DeviceAttribute", fields: [...values, ...lists] };
}

/** validateDeviceAttribute: exactly one of its values (lists are dropped while DRAListTypeAttributes is off); the bad value is the internal attribute. */
function validateDeviceAttribute(attribute: unknown, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const record = isRecord(attribute) ? attribute : {};
  const errors: ErrorList = [];
  let numFields = 0;
  if (isSet(record, "bool")) numFields++;
  if (isSet(record, "int")) numFields++;
  if (isSet(record, "string")) {
    numFields++;
    appendAll(errors, validateDeviceAttributeStringValue(str(record, "string"), fldPath.child("string")));
  }
  if (isSet(record, "version")) {
    numFields++;
    appendAll(errors, validateDeviceAttributeVersionValue(str(record, "version"), fldPath.child("version")));
  }
  if (numFields === 0) errors.push(invalid(fldPath, "", "exactly one value must be specified"));
  else if (numFields > 1) {
    const type = deviceAttributeType(kubernetesVersion);
    const value = new PrintedValue(printedFor(internalValueField(type, internalValue(type, record)), kubernetesVersion));
    errors.push(invalid(fldPath, value, "exactly one value must be specified"));
  }
  return errors;
}

function quantityAt(record: JsonRecord | undefined, key: string): Quantity | undefined {
  const value = record?.[key];
  return typeof value === "string" || typeof value === "number" ? parseQuantity(value) : undefined;
}

/** validateRequestPolicyValidValues: sorted, at most 10 unique options within the capacity, the default among them. */
function validateRequestPolicyValidValues(defaultValue: Quantity, maxCapacity: Quantity, values: Quantity[], fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (let i = 0; i + 1 < values.length; i++) {
    if (compareQuantities(values[i]!, values[i + 1]!) > 0) errors.push(invalid(fldPath.index(i + 1), formatQuantity(values[i + 1]!), "values must be sorted in ascending order"));
  }
  let foundDefault = false;
  appendAll(
    errors,
    validateSet(
      values,
      CAPACITY_REQUEST_POLICY_DISCRETE_MAX_OPTIONS,
      (option, path) => {
        if (compareQuantities(option, defaultValue) === 0) foundDefault = true;
        return compareQuantities(option, maxCapacity) > 0 ? [invalid(path, formatQuantity(option), `option is larger than capacity value: ${formatQuantity(maxCapacity)}`)] : [];
      },
      // quantityKeyInt: options are the same when their whole values are.
      (option) => wholeValue(option).toString(),
      fldPath,
    ),
  );
  if (!foundDefault) errors.push(invalid(fldPath, formatQuantity(defaultValue), "default value is not valid according to the requestPolicy"));
  return errors;
}

/** validateRequestPolicyRangeStep: `value - min` a multiple of the step, in whole units. */
function validateRequestPolicyRangeStep(value: Quantity, min: Quantity, step: Quantity, fldPath: FieldPath): ErrorList {
  if ((wholeValue(value) - wholeValue(min)) % wholeValue(step) === 0n) return [];
  return [invalid(fldPath, formatQuantity(value), `value is not a multiple of a given step (${formatQuantity(step)}) from (${formatQuantity(min)})`)];
}

/** validateRequestPolicyRange: a minimum within the capacity, a default and maximum within the range, a step that fits. */
function validateRequestPolicyRange(defaultValue: Quantity, maxCapacity: Quantity, range: JsonRecord, fldPath: FieldPath): ErrorList {
  const min = quantityAt(range, "min");
  if (!min) return [required(fldPath.child("min"), "required when validRange is defined")];
  const errors: ErrorList = [];
  const capacityText = formatQuantity(maxCapacity);
  if (compareQuantities(min, maxCapacity) > 0) errors.push(invalid(fldPath.child("min"), formatQuantity(min), `min is larger than capacity value: ${capacityText}`));
  if (compareQuantities(defaultValue, min) < 0) errors.push(invalid(fldPath.child("default"), formatQuantity(defaultValue), `default is less than min: ${formatQuantity(min)}`));
  const max = quantityAt(range, "max");
  if (max) {
    if (compareQuantities(min, max) > 0) errors.push(invalid(fldPath.child("max"), formatQuantity(min), `min is larger than max: ${formatQuantity(max)}`));
    if (compareQuantities(max, maxCapacity) > 0) errors.push(invalid(fldPath.child("max"), formatQuantity(max), `max is larger than capacity value: ${capacityText}`));
    if (compareQuantities(defaultValue, max) > 0) errors.push(invalid(fldPath.child("default"), formatQuantity(defaultValue), `default is more than max: ${formatQuantity(max)}`));
  }
  const step = quantityAt(range, "step");
  if (!step) return errors;
  if (step.nanos <= 0n) return [...errors, invalid(fldPath.child("step"), formatQuantity(step), "must be greater than zero")];
  const added = addQuantities(min, step);
  if (compareQuantities(added, maxCapacity) > 0) errors.push(invalid(fldPath.child("step"), formatQuantity(step), `one step ${formatQuantity(added)} is larger than capacity value: ${capacityText}`));
  // Whole units below one cannot be a step (upstream divides by zero there); such a range is left alone.
  if (wholeValue(step) === 0n) return errors;
  appendAll(errors, validateRequestPolicyRangeStep(defaultValue, min, step, fldPath.child("step")));
  if (max) appendAll(errors, validateRequestPolicyRangeStep(max, min, step, fldPath.child("step")));
  return errors;
}

/** validateRequestPolicy: valid values or a range, not both; either needs a default. */
function validateRequestPolicy(maxCapacity: Quantity, policy: JsonRecord, fldPath: FieldPath): ErrorList {
  const values = Array.isArray(policy.validValues) ? policy.validValues.map((value: unknown) => (typeof value === "string" || typeof value === "number" ? parseQuantity(value) : undefined)) : [];
  const range = obj(policy, "validRange");
  if (values.length > 0 && range) return [forbidden(fldPath, 'exactly one policy can be specified, cannot specify "validValues" and "validRange" at the same time')];
  const defaultValue = quantityAt(policy, "default");
  if (values.length > 0) {
    if (!defaultValue) return [required(fldPath.child("default"), "required when validValues is defined")];
    // A value that is no quantity is the schema's finding.
    if (values.some((value) => value === undefined)) return [];
    return validateRequestPolicyValidValues(defaultValue, maxCapacity, values as Quantity[], fldPath.child("validValues"));
  }
  if (range) {
    if (!defaultValue) return [required(fldPath.child("default"), "required when validRange is defined")];
    return validateRequestPolicyRange(defaultValue, maxCapacity, range, fldPath.child("validRange"));
  }
  return [];
}

/** validateMultiAllocatableDeviceCapacity / validateSingleAllocatableDeviceCapacity: a request policy only on a shareable device. */
function validateDeviceCapacity(capacity: unknown, allowMultipleAllocations: boolean, fldPath: FieldPath): ErrorList {
  const policy = isRecord(capacity) ? obj(capacity, "requestPolicy") : undefined;
  if (!policy) return [];
  if (!allowMultipleAllocations) return [forbidden(fldPath.child("requestPolicy"), "allowMultipleAllocations must be true")];
  const value = quantityAt(capacity as JsonRecord, "value");
  return value ? validateRequestPolicy(value, policy, fldPath.child("requestPolicy")) : [];
}

/** validateDeviceCounterConsumption and validateCounterSet's common shape: a counter set name and its counters. */
function validateCounters(record: JsonRecord, nameKey: string, maxCounters: number, fldPath: FieldPath): ErrorList {
  const name = str(record, nameKey);
  const errors = name === "" ? [required(fldPath.child(nameKey))] : validateDNS1123Label(name, fldPath.child(nameKey));
  const counters = mapOf(record, "counters");
  if (Object.keys(counters).length === 0) errors.push(required(fldPath.child("counters")));
  else appendAll(errors, validateMap(counters, maxCounters, COUNTER_NAME_MAX_KEY_LENGTH, validateDNS1123Label, () => [], fldPath.child("counters")));
  return errors;
}

/** validateDeviceBindingParameters: at most 4 of each, label names, unique, not overlapping, never one kind alone. */
function validateDeviceBindingParameters(device: JsonRecord, fldPath: FieldPath): ErrorList {
  const conditions = strings(device, "bindingConditions");
  const failureConditions = strings(device, "bindingFailureConditions");
  const conditionsPath = fldPath.child("bindingConditions");
  const failurePath = fldPath.child("bindingFailureConditions");
  const errors = [
    ...validateSlice(conditions, BINDING_CONDITIONS_MAX_SIZE, validateLabelName, conditionsPath),
    ...validateSlice(failureConditions, BINDING_CONDITIONS_MAX_SIZE, validateLabelName, failurePath),
  ];
  const seen = new Set<string>();
  conditions.forEach((condition, i) => {
    if (seen.has(condition)) errors.push(duplicate(conditionsPath.index(i), condition));
    seen.add(condition);
  });
  const seenFailures = new Set<string>();
  failureConditions.forEach((condition, i) => {
    if (seenFailures.has(condition)) errors.push(duplicate(failurePath.index(i), condition));
    seenFailures.add(condition);
    if (seen.has(condition)) errors.push(invalid(failurePath.index(i), condition, "bindingFailureConditions must not overlap with bindingConditions"));
  });
  if (conditions.length === 0 && failureConditions.length > 0) errors.push(invalid(conditionsPath, device.bindingConditions ?? null, "bindingConditions are required to use bindingFailureConditions"));
  if (failureConditions.length === 0 && conditions.length > 0) errors.push(invalid(failurePath, device.bindingFailureConditions ?? null, "bindingFailureConditions are required to use bindingConditions"));
  return errors;
}

/** validateDevice on create. */
function validateDevice(device: JsonRecord, perDeviceNodeSelection: boolean, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateDNS1123Label(str(device, "name"), fldPath.child("name"));
  const attributes = mapOf(device, "attributes");
  const capacity = mapOf(device, "capacity");
  const attributeAndCapacityLength = Object.keys(attributes).length + Object.keys(capacity).length;
  if (attributeAndCapacityLength > RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE) {
    errors.push(invalid(fldPath, attributeAndCapacityLength, `the total number of attributes and capacities must not exceed ${RESOURCE_SLICE_MAX_ATTRIBUTES_AND_CAPACITIES_PER_DEVICE}`));
  }
  appendAll(errors, validateMap(attributes, -1, ATTRIBUTE_AND_CAPACITY_MAX_KEY_LENGTH, validateAttributeQualifiedName, (item, path) => validateDeviceAttribute(item, path, kubernetesVersion), fldPath.child("attributes")));
  const allowMultipleAllocations = bool(device, "allowMultipleAllocations") === true;
  appendAll(
    errors,
    validateMap(capacity, -1, ATTRIBUTE_AND_CAPACITY_MAX_KEY_LENGTH, validateAttributeQualifiedName, (item, path) => validateDeviceCapacity(item, allowMultipleAllocations, path), fldPath.child("capacity")),
  );
  appendAll(errors, validateSlice(list(device, "taints"), DEVICE_TAINTS_MAX_LENGTH, validateDeviceTaint, fldPath.child("taints")));
  appendAll(
    errors,
    validateSet(
      list(device, "consumesCounters"),
      RESOURCE_SLICE_MAX_DEVICE_COUNTER_CONSUMPTIONS_PER_DEVICE,
      (consumption, path) => validateCounters(consumption, "counterSet", RESOURCE_SLICE_MAX_COUNTERS_PER_DEVICE_COUNTER_CONSUMPTION, path),
      (consumption) => str(consumption, "counterSet"),
      fldPath.child("consumesCounters"),
    ),
  );
  appendAll(errors, validateDeviceNodeSelection(device, perDeviceNodeSelection, fldPath));
  appendAll(errors, validateDeviceBindingParameters(device, fldPath));
  return errors;
}

/** validateResourceSliceSpec on create. */
function validateResourceSliceSpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = [
    ...validateCSIDriverName(str(spec, "driver"), fldPath.child("driver")),
    ...validateResourcePool(obj(spec, "pool") ?? {}, fldPath.child("pool")),
    ...validateSliceNodeSelection(spec, fldPath),
  ];
  if (isSet(spec, "sharedCounters") && isSet(spec, "devices")) errors.push(invalid(fldPath, "", "only one of `sharedCounters` or `devices` is allowed"));
  const devices = list(spec, "devices");
  const advanced = devices.some((device) => list(device, "taints").length > 0 || list(device, "consumesCounters").length > 0);
  const perDeviceNodeSelection = bool(spec, "perDeviceNodeSelection") === true;
  appendAll(
    errors,
    validateSet(
      devices,
      advanced ? RESOURCE_SLICE_MAX_DEVICES_WITH_ADVANCED_FEATURES : RESOURCE_SLICE_MAX_DEVICES,
      (device, path) => validateDevice(device, perDeviceNodeSelection, path, kubernetesVersion),
      (device) => str(device, "name"),
      fldPath.child("devices"),
    ),
  );
  appendAll(
    errors,
    validateSet(
      list(spec, "sharedCounters"),
      RESOURCE_SLICE_MAX_COUNTER_SETS,
      (counterSet, path) => validateCounters(counterSet, "name", RESOURCE_SLICE_MAX_COUNTERS_PER_COUNTER_SET, path),
      (counterSet) => str(counterSet, "name"),
      fldPath.child("sharedCounters"),
    ),
  );
  return errors;
}

/** ValidateResourceSlice, after ObjectMeta. */
export function validateResourceSlice(slice: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateResourceSliceSpec(obj(slice, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}
