// Environment variables of a container (ValidateEnv, validateEnvVarValueFrom,
// ValidateEnvFrom); the downward API selectors they share with volumes are in
// downward-api.ts.
import { isConfigMapKey, isDNS1123Subdomain, isEnvVarName, isRelaxedEnvVarName } from "../../apimachinery/validation.js";
import { invalid, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { obj, str } from "./fields.js";
import { validateDNS1123Label } from "./names.js";
import { validatePathNoBacksteps } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import {
  validateContainerResourceFieldSelector,
  validateObjectFieldSelector,
  VALID_CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS,
  VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES,
  VALID_ENV_DOWNWARD_API_FIELD_PATH_EXPRESSIONS,
} from "./downward-api.js";

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
    appendAll(errors, validateObjectFieldSelector(fieldRef, VALID_ENV_DOWNWARD_API_FIELD_PATH_EXPRESSIONS, fldPath.child("fieldRef")));
  }
  const resourceFieldRef = obj(valueFrom, "resourceFieldRef");
  if (resourceFieldRef) {
    numSources++;
    errors.push(
      ...validateContainerResourceFieldSelector(resourceFieldRef, VALID_CONTAINER_RESOURCE_FIELD_PATH_EXPRESSIONS, VALID_CONTAINER_RESOURCE_FIELD_PATH_PREFIXES, fldPath.child("resourceFieldRef"), false),
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
