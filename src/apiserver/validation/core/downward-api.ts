// The downward API selectors (validateObjectFieldSelector,
// validateContainerResourceFieldSelector) shared by env values and downwardAPI
// volume items, and the field labels pods.ConvertDownwardAPIFieldLabel knows.
import { validateQualifiedName } from "./names.js";
import { str } from "./fields.js";
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { formatQuantity, parseQuantity } from "../../../util/quantity.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

// The path sets are sorted, as sets.List prints them in a NotSupported error.

/** validVolumeDownwardAPIFieldPathExpressions: what a downwardAPI volume item may project. */
export const VALID_VOLUME_DOWNWARD_API_FIELD_PATH_EXPRESSIONS: readonly string[] = [
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
];

/** validEnvDownwardAPIFieldPathExpressions: what an environment variable's fieldRef may name. */
export const VALID_ENV_DOWNWARD_API_FIELD_PATH_EXPRESSIONS: readonly string[] = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];

/** validContainerResourceFieldPathExpressions: the container resources the downward API exposes. */
export const VALID_CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS: readonly string[] = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];

/** Hugepages are exposed by prefix (`requests.hugepages-2Mi`). */
export const VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES: readonly string[] = ["limits.hugepages-", "requests.hugepages-"];

/** Labels ConvertDownwardAPIFieldLabel passes through unchanged (`spec.host` becomes `spec.nodeName`). */
const CONVERTIBLE_FIELD_LABELS: ReadonlySet<string> = new Set([
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → [`metadata.labels`, `app`]. */
export function splitMaybeSubscriptedPath(fieldPath: string): [path: string, subscript: string, ok: boolean] {
  if (!fieldPath.endsWith("']")) return [fieldPath, "", false];
  const trimmed = fieldPath.slice(0, -2);
  const open = trimmed.indexOf("['");
  if (open <= 0) return [fieldPath, "", false];
  return [trimmed.slice(0, open), trimmed.slice(open + 2), true];
}

/** pods.ConvertDownwardAPIFieldLabel: the internal field path, or the conversion error's text. */
export function convertDownwardAPIFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== "v1") return { error: `unsupported pod version: ${version}` };
  const [path, , subscripted] = splitMaybeSubscriptedPath(label);
  if (subscripted) {
    return path === "metadata.annotations" || path === "metadata.labels" ? { path: label } : { error: `field label does not support subscript: ${label}` };
  }
  if (CONVERTIBLE_FIELD_LABELS.has(label)) return { path: label };
  if (label === "spec.host") return { path: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector: a supported field path of API version v1; label and annotation subscripts are qualified names. */
export function validateObjectFieldSelector(selector: JsonRecord, expressions: readonly string[], fldPath: FieldPath): ErrorList {
  const apiVersion = str(selector, "apiVersion");
  const fieldPath = str(selector, "fieldPath");
  if (apiVersion === "") return [required(fldPath.child("apiVersion"))];
  if (fieldPath === "") return [required(fldPath.child("fieldPath"))];
  const converted = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if ("error" in converted) return [invalid(fldPath.child("fieldPath"), fieldPath, `error converting fieldPath: ${converted.error}`)];
  const [path, subscript, subscripted] = splitMaybeSubscriptedPath(converted.path);
  if (subscripted) {
    if (path === "metadata.annotations") return validateQualifiedName(subscript.toLowerCase(), fldPath);
    if (path === "metadata.labels") return validateQualifiedName(subscript, fldPath);
    return [invalid(fldPath, path, "does not support subscript")];
  }
  if (!expressions.includes(path)) return [notSupported(fldPath.child("fieldPath"), path, expressions)];
  return [];
}

const SI_DIVISORS = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];
const DIVISOR_LIST = SI_DIVISORS.join(", ");

/** validateContainerResourceDivisor: the divisors each resource supports, compared in canonical form. */
function validateContainerResourceDivisor(resource: string, divisor: unknown, fldPath: FieldPath): ErrorList {
  const parsed = typeof divisor === "string" || typeof divisor === "number" ? parseQuantity(divisor) : undefined;
  // An unset divisor is the zero quantity.
  if (!parsed || parsed.nanos === 0n) return [];
  const canonical = formatQuantity(parsed);
  const errors: ErrorList = [];
  const check = (supported: readonly string[], message: string) => {
    if (!supported.includes(canonical)) errors.push(invalid(fldPath.child("divisor"), resource, message));
  };
  switch (resource) {
    case "limits.cpu":
    case "requests.cpu":
      check(["1m", "1"], "only divisor's values 1m and 1 are supported with the cpu resource");
      break;
    case "limits.memory":
    case "requests.memory":
      check(SI_DIVISORS, `only divisor's values ${DIVISOR_LIST} are supported with the memory resource`);
      break;
    case "limits.ephemeral-storage":
    case "requests.ephemeral-storage":
      check(SI_DIVISORS, `only divisor's values ${DIVISOR_LIST} are supported with the local ephemeral storage resource`);
      break;
  }
  if (VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES.some((prefix) => resource.startsWith(prefix))) {
    check(SI_DIVISORS, `only divisor's values ${DIVISOR_LIST} are supported with the hugepages resource`);
  }
  return errors;
}

/** validateContainerResourceFieldSelector: `volume` items must name their container. */
export function validateContainerResourceFieldSelector(
  selector: JsonRecord,
  expressions: readonly string[],
  prefixes: readonly string[],
  fldPath: FieldPath,
  volume: boolean,
): ErrorList {
  const errors: ErrorList = [];
  const resource = str(selector, "resource");
  if (volume && str(selector, "containerName") === "") errors.push(required(fldPath.child("containerName")));
  else if (resource === "") errors.push(required(fldPath.child("resource")));
  else if (!expressions.includes(resource) && !prefixes.some((prefix) => resource.startsWith(prefix))) {
    errors.push(notSupported(fldPath.child("resource"), resource, expressions));
  }
  appendAll(errors, validateContainerResourceDivisor(resource, selector.divisor, fldPath));
  return errors;
}
