// Environment variables of a container (ValidateEnv, validateEnvVarValueFrom,
// ValidateEnvFrom) and the selectors they share with downwardAPI volumes
// (validateObjectFieldSelector, validateContainerResourceFieldSelector).
import { isConfigMapKey, isDNS1123Subdomain, isEnvVarName, isRelaxedEnvVarName } from "../../apimachinery/validation.js";
import { invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { obj, str } from "./fields.js";
import { validateDNS1123Label, validateQualifiedName } from "./names.js";
import { validatePathNoBacksteps } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { formatQuantity, parseQuantity } from "../../../util/quantity.js";
import { appendAll } from "../../../util/append.js";

/** validEnvDownwardAPIFieldPathExpressions, sorted as sets.List prints them. */
export const VALID_ENV_DOWNWARD_API_FIELD_PATHS: readonly string[] = [
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

/** validContainerResourceFieldPathExpressions, sorted. */
export const VALID_CONTAINER_RESOURCE_FIELD_PATHS: readonly string[] = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];

/** validContainerResourceFieldPathPrefixesWithDownwardAPIHugePages. */
export const HUGE_PAGES_FIELD_PATH_PREFIXES: readonly string[] = ["limits.hugepages-", "requests.hugepages-"];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → path and subscript. */
function splitMaybeSubscriptedPath(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const trimmed = fieldPath.slice(0, -2);
  const at = trimmed.indexOf("['");
  if (at <= 0) return undefined;
  return { path: trimmed.slice(0, at), subscript: trimmed.slice(at + 2) };
}

/** The field labels podshelper.ConvertDownwardAPIFieldLabel accepts for v1. */
const CONVERTIBLE_FIELD_LABELS = new Set([
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

/** podshelper.ConvertDownwardAPIFieldLabel: the internal field path, or the error's text. */
function convertDownwardAPIFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== "v1") return { error: `unsupported pod version: ${version}` };
  const subscripted = splitMaybeSubscriptedPath(label);
  if (subscripted) {
    return subscripted.path === "metadata.annotations" || subscripted.path === "metadata.labels"
      ? { path: label }
      : { error: `field label does not support subscript: ${label}` };
  }
  if (CONVERTIBLE_FIELD_LABELS.has(label)) return { path: label };
  // Old v1 clients send spec.host.
  if (label === "spec.host") return { path: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector: a supported field path, or a label or annotation by key. */
export function validateObjectFieldSelector(selector: JsonRecord, expressions: readonly string[], fldPath: FieldPath): ErrorList {
  const apiVersion = str(selector, "apiVersion");
  const fieldPath = str(selector, "fieldPath");
  if (apiVersion.length === 0) return [required(fldPath.child("apiVersion"))];
  if (fieldPath.length === 0) return [required(fldPath.child("fieldPath"))];
  const converted = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if ("error" in converted) return [invalid(fldPath.child("fieldPath"), fieldPath, `error converting fieldPath: ${converted.error}`)];
  const subscripted = splitMaybeSubscriptedPath(converted.path);
  if (subscripted) {
    if (subscripted.path === "metadata.annotations") return validateQualifiedName(subscripted.subscript.toLowerCase(), fldPath);
    if (subscripted.path === "metadata.labels") return validateQualifiedName(subscripted.subscript, fldPath);
    return [invalid(fldPath, subscripted.path, "does not support subscript")];
  }
  if (!expressions.includes(converted.path)) return [notSupported(fldPath.child("fieldPath"), converted.path, expressions)];
  return [];
}

const DECIMAL_AND_BINARY_DIVISORS = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];
const DIVISOR_LIST = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

/** validateContainerResourceDivisor: the bad value upstream prints is the resource's name. */
function validateContainerResourceDivisor(resourceName: string, divisor: unknown, fldPath: FieldPath): ErrorList {
  const parsed = typeof divisor === "string" || typeof divisor === "number" ? parseQuantity(divisor) : undefined;
  if (!parsed || parsed.nanos === 0n) return [];
  const canonical = formatQuantity(parsed);
  const path = fldPath.child("divisor");
  const errors: ErrorList = [];
  if (resourceName === "limits.cpu" || resourceName === "requests.cpu") {
    if (canonical !== "1m" && canonical !== "1") errors.push(invalid(path, resourceName, "only divisor's values 1m and 1 are supported with the cpu resource"));
  } else if (resourceName === "limits.memory" || resourceName === "requests.memory") {
    if (!DECIMAL_AND_BINARY_DIVISORS.includes(canonical)) {
      errors.push(invalid(path, resourceName, `only divisor's values ${DIVISOR_LIST} are supported with the memory resource`));
    }
  } else if (resourceName === "limits.ephemeral-storage" || resourceName === "requests.ephemeral-storage") {
    if (!DECIMAL_AND_BINARY_DIVISORS.includes(canonical)) {
      errors.push(invalid(path, resourceName, `only divisor's values ${DIVISOR_LIST} are supported with the local ephemeral storage resource`));
    }
  }
  if (HUGE_PAGES_FIELD_PATH_PREFIXES.some((prefix) => resourceName.startsWith(prefix)) && !DECIMAL_AND_BINARY_DIVISORS.includes(canonical)) {
    errors.push(invalid(path, resourceName, `only divisor's values ${DIVISOR_LIST} are supported with the hugepages resource`));
  }
  return errors;
}

/** validateContainerResourceFieldSelector: `volume` selectors must name their container. */
export function validateContainerResourceFieldSelector(
  selector: JsonRecord,
  expressions: readonly string[],
  prefixes: readonly string[],
  fldPath: FieldPath,
  volume: boolean,
): ErrorList {
  const errors: ErrorList = [];
  const resource = str(selector, "resource");
  if (volume && str(selector, "containerName").length === 0) errors.push(required(fldPath.child("containerName")));
  else if (resource.length === 0) errors.push(required(fldPath.child("resource")));
  else if (!expressions.includes(resource) && !prefixes.some((prefix) => resource.startsWith(prefix))) {
    errors.push(notSupported(fldPath.child("resource"), resource, expressions));
  }
  appendAll(errors, validateContainerResourceDivisor(resource, selector.divisor, fldPath));
  return errors;
}

/** ValidateSecretName / ValidateConfigMapName: a DNS subdomain; as a prefix a trailing `-` is allowed. */
function validateObjectName(name: string, prefix: boolean): string[] {
  const masked = prefix && name.length > 1 && name.endsWith("-") ? name.slice(0, -2) + "a" : name;
  return isDNS1123Subdomain(masked);
}

/** validateConfigMapKeySelector and validateSecretKeySelector: a name (even empty is checked) and a key. */
function validateKeySelector(selector: JsonRecord, fldPath: FieldPath): ErrorList {
  const name = str(selector, "name");
  const key = str(selector, "key");
  const errors: ErrorList = validateObjectName(name, false).map((message) => invalid(fldPath.child("name"), name, message));
  if (key.length === 0) errors.push(required(fldPath.child("key")));
  else appendAll(errors, isConfigMapKey(key).map((message) => invalid(fldPath.child("key"), key, message)));
  return errors;
}

/** validateFileKeySelector: a key that is an environment variable name, a volume name, a path without `..`. */
function validateFileKeySelector(selector: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const key = str(selector, "key");
  if (key.length === 0) errors.push(required(fldPath.child("key")));
  else appendAll(errors, isRelaxedEnvVarName(key).map((message) => invalid(fldPath.child("key"), key, message)));
  const volumeName = str(selector, "volumeName");
  if (volumeName.length === 0) errors.push(required(fldPath.child("volumeName")));
  else appendAll(errors, validateDNS1123Label(volumeName, fldPath.child("volumeName")));
  const path = str(selector, "path");
  if (path.length === 0) errors.push(required(fldPath.child("path")));
  else appendAll(errors, validatePathNoBacksteps(path, fldPath.child("path")));
  return errors;
}

/** validateEnvVarValueFrom: exactly one source, and no `value` beside it. */
function validateEnvVarValueFrom(variable: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const valueFrom = obj(variable, "valueFrom");
  if (!valueFrom) return [];
  const errors: ErrorList = [];
  let numSources = 0;
  const fieldRef = obj(valueFrom, "fieldRef");
  if (fieldRef) {
    numSources++;
    appendAll(errors, validateObjectFieldSelector(fieldRef, VALID_ENV_DOWNWARD_API_FIELD_PATHS, fldPath.child("fieldRef")));
  }
  const resourceFieldRef = obj(valueFrom, "resourceFieldRef");
  if (resourceFieldRef) {
    numSources++;
    errors.push(
      ...validateContainerResourceFieldSelector(resourceFieldRef, VALID_CONTAINER_RESOURCE_FIELD_PATHS, HUGE_PAGES_FIELD_PATH_PREFIXES, fldPath.child("resourceFieldRef"), false),
    );
  }
  for (const source of ["configMapKeyRef", "secretKeyRef"]) {
    const selector = obj(valueFrom, source);
    if (!selector) continue;
    numSources++;
    appendAll(errors, validateKeySelector(selector, fldPath.child(source)));
  }
  const fileKeyRef = obj(valueFrom, "fileKeyRef");
  if (fileKeyRef) {
    numSources++;
    appendAll(errors, validateFileKeySelector(fileKeyRef, fldPath.child("fileKeyRef")));
  }
  if (numSources === 0) {
    const sources = opts.allowEnvFilesValidation ? "`fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`" : "`fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
    errors.push(invalid(fldPath, "", `must specify one of: ${sources}`));
  }
  else if (str(variable, "value").length !== 0) errors.push(invalid(fldPath, "", "may not be specified when `value` is not empty"));
  else if (numSources > 1) errors.push(invalid(fldPath, "", "may not have more than one field specified at a time"));
  return errors;
}

function envVarNameMessages(name: string, opts: PodValidationOptions): string[] {
  return opts.allowRelaxedEnvironmentVariableValidation ? isRelaxedEnvVarName(name) : isEnvVarName(name);
}

/** ValidateEnv. */
export function validateEnv(vars: JsonRecord[], fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  vars.forEach((variable, i) => {
    const idxPath = fldPath.index(i);
    const name = str(variable, "name");
    if (name.length === 0) errors.push(required(idxPath.child("name")));
    else appendAll(errors, envVarNameMessages(name, opts).map((message) => invalid(idxPath.child("name"), name, message)));
    appendAll(errors, validateEnvVarValueFrom(variable, idxPath.child("valueFrom"), opts));
  });
  return errors;
}

/** validateConfigMapEnvSource and validateSecretEnvSource. */
function validateEnvSource(source: JsonRecord, fldPath: FieldPath): ErrorList {
  const name = str(source, "name");
  if (name.length === 0) return [required(fldPath.child("name"))];
  return validateObjectName(name, true).map((message) => invalid(fldPath.child("name"), name, message));
}

/** ValidateEnvFrom: the count errors name the list, as upstream's do. */
export function validateEnvFrom(sources: JsonRecord[], fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  sources.forEach((source, i) => {
    const idxPath = fldPath.index(i);
    const prefix = str(source, "prefix");
    if (prefix.length > 0) appendAll(errors, envVarNameMessages(prefix, opts).map((message) => invalid(idxPath.child("prefix"), prefix, message)));
    let numSources = 0;
    for (const kind of ["configMapRef", "secretRef"]) {
      const ref = obj(source, kind);
      if (!ref) continue;
      numSources++;
      appendAll(errors, validateEnvSource(ref, idxPath.child(kind)));
    }
    if (numSources === 0) errors.push(invalid(fldPath, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (numSources > 1) errors.push(invalid(fldPath, "", "may not have more than one field specified at a time"));
  });
  return errors;
}
