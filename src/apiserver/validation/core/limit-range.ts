// LimitRange validation on create (pkg/apis/core/validation/validation.go:
// ValidateLimitRange, validateLimitRangeTypeName, validateLimitRangeResourceName):
// item types once each, resource names, min <= default request <= default <= max,
// ratios, PVC items with a storage bound.
import { isLabelKey } from "../../apimachinery/validation.js";
import { duplicate, forbidden, invalid, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { list, obj, str } from "./fields.js";
import { validateLimitRangeName, validateObjectMeta } from "./object-meta.js";
import { containerResourceNameDetails, isOvercommitAllowed, resourceNameDetails, resourceNameValue } from "./resource-names.js";
import { quantityValue, resourceList } from "./resources.js";
import { compareQuantities, formatQuantity, milliValue, wholeValue, type Quantity } from "../../../util/quantity.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** helper.standardLimitRangeTypes. */
const STANDARD_LIMIT_RANGE_TYPES = ["Pod", "Container", "PersistentVolumeClaim"];
const ONE: Quantity = { nanos: 1_000_000_000n, format: "DecimalSI" };
/** resource.MaxMilliValue: past it, ratios compare whole values. */
const MAX_MILLI_VALUE = 9223372036854775807n / 1000n;

function validateLimitRangeTypeName(value: string, fldPath: FieldPath): ErrorList {
  const errors = isLabelKey(value).map((message) => withLabelContentWords(invalid(fldPath, value, message)));
  if (errors.length > 0) return errors;
  if (!value.includes("/") && !STANDARD_LIMIT_RANGE_TYPES.includes(value)) return [invalid(fldPath, value, "must be a standard limit type or fully qualified")];
  return [];
}

/** Pod and Container items name container resources; the others any resource. */
function validateLimitRangeResourceName(limitType: string, name: string, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const details = limitType === "Pod" || limitType === "Container" ? containerResourceNameDetails(name) : resourceNameDetails(name);
  const shown = new PrintedValue(resourceNameValue(name, kubernetesVersion));
  return details.map((detail) => withLabelContentWords(invalid(fldPath, shown, detail)));
}

/** Go's %f of a float64. */
function goFloat(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return value.toFixed(6);
}

/** The max/min bound of maxLimitRequestRatio: milli-units while they fit, whole units beyond. */
function maxRatioCheck(maxRatio: Quantity, min: Quantity, max: Quantity): { ratio: number; limit: number } {
  const inMillis = wholeValue(maxRatio) < MAX_MILLI_VALUE && wholeValue(min) < MAX_MILLI_VALUE && wholeValue(max) < MAX_MILLI_VALUE;
  const ratio = inMillis ? Number(milliValue(maxRatio)) / 1000 : Number(wholeValue(maxRatio));
  const limit = inMillis ? Number(milliValue(max)) / Number(milliValue(min)) : Number(wholeValue(max)) / Number(wholeValue(min));
  return { ratio, limit };
}

function validateLimitRangeItem(limit: JsonRecord, idxPath: FieldPath, kubernetesVersion: string): ErrorList {
  const type = str(limit, "type");
  const errors: ErrorList = [];
  const keys = new Set<string>();
  const read = (field: string): Map<string, Quantity> => {
    const quantities = resourceList(limit[field]);
    for (const name of quantities.keys()) {
      appendAll(errors, validateLimitRangeResourceName(type, name, idxPath.child(field).key(name), kubernetesVersion));
      keys.add(name);
    }
    return quantities;
  };
  const max = read("max");
  const min = read("min");
  let defaults = new Map<string, Quantity>();
  let defaultRequests = new Map<string, Quantity>();
  if (type === "Pod") {
    if (resourceList(limit.default).size > 0) errors.push(forbidden(idxPath.child("default"), "may not be specified when `type` is 'Pod'"));
    if (resourceList(limit.defaultRequest).size > 0) errors.push(forbidden(idxPath.child("defaultRequest"), "may not be specified when `type` is 'Pod'"));
  } else {
    defaults = read("default");
    defaultRequests = read("defaultRequest");
  }
  if (type === "PersistentVolumeClaim" && !min.has("storage") && !max.has("storage")) {
    errors.push(required(idxPath.child("limits"), "either minimum or maximum storage value is required, but neither was provided"));
  }
  const ratios = read("maxLimitRequestRatio");
  const shown = (quantity: Quantity) => quantityValue(quantity, kubernetesVersion);
  for (const k of keys) {
    const minQ = min.get(k);
    const maxQ = max.get(k);
    const defaultQ = defaults.get(k);
    const requestQ = defaultRequests.get(k);
    const ratioQ = ratios.get(k);
    const text = formatQuantity;
    if (minQ && maxQ && compareQuantities(minQ, maxQ) > 0) {
      errors.push(invalid(idxPath.child("min").key(k), shown(minQ), `min value ${text(minQ)} is greater than max value ${text(maxQ)}`));
    }
    if (requestQ && minQ && compareQuantities(minQ, requestQ) > 0) {
      errors.push(invalid(idxPath.child("defaultRequest").key(k), shown(requestQ), `min value ${text(minQ)} is greater than default request value ${text(requestQ)}`));
    }
    if (requestQ && maxQ && compareQuantities(requestQ, maxQ) > 0) {
      errors.push(invalid(idxPath.child("defaultRequest").key(k), shown(requestQ), `default request value ${text(requestQ)} is greater than max value ${text(maxQ)}`));
    }
    if (requestQ && defaultQ && compareQuantities(requestQ, defaultQ) > 0) {
      errors.push(invalid(idxPath.child("defaultRequest").key(k), shown(requestQ), `default request value ${text(requestQ)} is greater than default limit value ${text(defaultQ)}`));
    }
    if (defaultQ && minQ && compareQuantities(minQ, defaultQ) > 0) {
      errors.push(invalid(idxPath.child("default").key(k), shown(minQ), `min value ${text(minQ)} is greater than default value ${text(defaultQ)}`));
    }
    if (defaultQ && maxQ && compareQuantities(defaultQ, maxQ) > 0) {
      errors.push(invalid(idxPath.child("default").key(k), shown(maxQ), `default value ${text(defaultQ)} is greater than max value ${text(maxQ)}`));
    }
    if (ratioQ && compareQuantities(ratioQ, ONE) < 0) {
      errors.push(invalid(idxPath.child("maxLimitRequestRatio").key(k), shown(ratioQ), `ratio ${text(ratioQ)} is less than 1`));
    }
    if (ratioQ && minQ && maxQ) {
      const { ratio, limit: bound } = maxRatioCheck(ratioQ, minQ, maxQ);
      if (ratio > bound) errors.push(invalid(idxPath.child("maxLimitRequestRatio").key(k), shown(ratioQ), `ratio ${text(ratioQ)} is greater than max/min = ${goFloat(bound)}`));
    }
    // Huge pages and extended resources cannot be overcommitted: default and default request are one value.
    if (!isOvercommitAllowed(k) && defaultQ && requestQ && compareQuantities(defaultQ, requestQ) !== 0) {
      errors.push(invalid(idxPath.child("defaultRequest").key(k), shown(requestQ), `default value ${text(defaultQ)} must equal to defaultRequest value ${text(requestQ)} in ${k}`));
    }
  }
  return errors;
}

/** ValidateLimitRange. */
export function validateLimitRange(limitRange: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(limitRange.metadata, true, validateLimitRangeName, FieldPath.root("metadata"), kubernetesVersion);
  const fldPath = FieldPath.root("spec", "limits");
  const types = new Set<string>();
  list(obj(limitRange, "spec"), "limits").forEach((limit, i) => {
    const idxPath = fldPath.index(i);
    const type = str(limit, "type");
    appendAll(errors, validateLimitRangeTypeName(type, idxPath.child("type")));
    if (types.has(type)) errors.push(duplicate(idxPath.child("type"), type));
    types.add(type);
    appendAll(errors, validateLimitRangeItem(limit, idxPath, kubernetesVersion));
  });
  return errors;
}
