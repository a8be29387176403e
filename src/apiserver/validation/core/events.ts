// Event validation on create (pkg/apis/core/validation/events.go:
// ValidateEventCreate, legacyValidateEvent, validateV1EventSeries). An Event
// sent as v1 gets the legacy checks only; one sent as events.k8s.io/v1 (already
// in the internal type's shape) gets the strict ones too.
import { invalid, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { int, obj, str } from "./fields.js";
import { validateDNS1123Subdomain, validateQualifiedName } from "./names.js";
import { validateObjectMeta } from "./object-meta.js";
import { byteLength } from "../../../util/api-values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const REPORTING_INSTANCE_LENGTH_LIMIT = 128;
const ACTION_LENGTH_LIMIT = 128;
const REASON_LENGTH_LIMIT = 128;
const NOTE_LENGTH_LIMIT = 1024;
/** time.Time{} (January 1, year 1, 00:00:00 UTC) in milliseconds since 1970. */
const GO_ZERO_TIME = -62135596800000;

/** Whether a timestamp field is Go's zero time: absent, or written as year 1. */
function isZeroTime(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  return typeof value === "string" && Date.parse(value) === GO_ZERO_TIME;
}

/** A string field that must be set and short enough. */
function requiredWithLimit(event: JsonRecord, key: string, limit: number): ErrorList {
  const value = str(event, key);
  const errors: ErrorList = value.length === 0 ? [required(FieldPath.root(key))] : [];
  if (byteLength(value) > limit) errors.push(invalid(FieldPath.root(key), "", `can have at most ${limit} characters`));
  return errors;
}

/** legacyValidateEvent: namespaces that agree; a new-style event (with eventTime) names its reporter, action and reason. */
function legacyValidateEvent(event: JsonRecord): ErrorList {
  const errors: ErrorList = [];
  const namespace = str(obj(event, "metadata"), "namespace");
  const involvedNamespace = str(obj(event, "involvedObject"), "namespace");
  const namespaceMismatch = () => invalid(FieldPath.root("involvedObject", "namespace"), involvedNamespace, "does not match event.namespace");
  if (isZeroTime(event.eventTime)) {
    // An old-style event: the namespaces agree ("default" stands for none, for old clients).
    if (involvedNamespace.length === 0 ? namespace !== "" && namespace !== "default" : namespace !== involvedNamespace) errors.push(namespaceMismatch());
  } else {
    if (involvedNamespace.length === 0 && namespace !== "default" && namespace !== "kube-system") errors.push(namespaceMismatch());
    const reportingController = str(event, "reportingController");
    if (reportingController.length === 0) errors.push(required(FieldPath.root("reportingController")));
    appendAll(errors, validateQualifiedName(reportingController, FieldPath.root("reportingController")));
    appendAll(errors, requiredWithLimit(event, "reportingInstance", REPORTING_INSTANCE_LENGTH_LIMIT));
    appendAll(errors, requiredWithLimit(event, "action", ACTION_LENGTH_LIMIT));
    appendAll(errors, requiredWithLimit(event, "reason", REASON_LENGTH_LIMIT));
    if (byteLength(str(event, "message")) > NOTE_LENGTH_LIMIT) errors.push(invalid(FieldPath.root("message"), "", `can have at most ${NOTE_LENGTH_LIMIT} characters`));
  }
  appendAll(errors, validateDNS1123Subdomain(namespace, FieldPath.root("namespace")));
  return errors;
}

/** validateV1EventSeries: upstream names the paths with a dot inside one segment. */
function validateV1EventSeries(event: JsonRecord): ErrorList {
  const series = obj(event, "series");
  if (!series) return [];
  const errors: ErrorList = [];
  if ((int(series, "count") ?? 0) < 2) errors.push({ ...invalid(FieldPath.root("series.count"), "", "should be at least 2"), at: { field: FieldPath.root("series", "count"), key: false } });
  if (isZeroTime(series.lastObservedTime)) errors.push({ ...required(FieldPath.root("series.lastObservedTime")), at: { field: FieldPath.root("series", "lastObservedTime"), key: false } });
  return errors;
}

/** The strict checks of an events.k8s.io/v1 create: what the old API's clients set is left unset. */
function validateStrictEvent(event: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(event.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), kubernetesVersion);
  appendAll(errors, validateV1EventSeries(event));
  if (isZeroTime(event.eventTime)) errors.push(required(FieldPath.root("eventTime")));
  const type = str(event, "type");
  if (type !== "Normal" && type !== "Warning") errors.push(invalid(FieldPath.root("type"), "", `has invalid value: ${type}`));
  for (const key of ["firstTimestamp", "lastTimestamp"]) {
    if (!isZeroTime(event[key])) errors.push(invalid(FieldPath.root(key), "", "needs to be unset"));
  }
  if ((int(event, "count") ?? 0) !== 0) errors.push(invalid(FieldPath.root("count"), "", "needs to be unset"));
  const source = obj(event, "source");
  if (str(source, "component") !== "" || str(source, "host") !== "") errors.push(invalid(FieldPath.root("source"), "", "needs to be unset"));
  return errors;
}

/**
 * ValidateEventCreate. `event` has the internal type's field names; `strict`
 * when it was sent as events.k8s.io/v1.
 */
export function validateEventCreate(event: JsonRecord, strict: boolean, kubernetesVersion: string): ErrorList {
  const errors = legacyValidateEvent(event);
  if (strict) appendAll(errors, validateStrictEvent(event, kubernetesVersion));
  return errors;
}
