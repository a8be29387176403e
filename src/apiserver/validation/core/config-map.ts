// ValidateConfigMap (pkg/apis/core/validation/validation.go): metadata, keys of
// `data` and `binaryData`, a key in both, and the total size.
import { isConfigMapKey } from "../../apimachinery/validation.js";
import { invalid, tooLong, OMIT_VALUE, type ErrorList, type FieldError } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { validateConfigMapName, validateObjectMeta } from "./object-meta.js";
import { byteLength } from "../../../util/api-values.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** core.MaxSecretSize: the limit of a ConfigMap's or a Secret's data, 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;

/** A key with its forbidden characters replaced, when that makes a valid key. */
export function configKeySuggestion(key: string): string | undefined {
  const fixed = key.replace(/[^-._a-zA-Z0-9]/g, "_").replace(/^\.\.+/, "");
  return fixed !== "" && fixed !== key && isConfigMapKey(fixed).length === 0 ? fixed : undefined;
}

/** Every message of IsConfigMapKey as an error at `field`, with a suggested key. */
export function configMapKeyErrors(field: FieldPath, key: string): ErrorList {
  const suggestion = configKeySuggestion(key);
  return isConfigMapKey(key).map((detail) => ({ ...invalid(field, key, detail), ...(suggestion ? { suggestion } : {}) }));
}

function sizeOf(value: unknown): number {
  return typeof value === "string" ? byteLength(value) : 0;
}

export function validateConfigMap(configMap: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors: FieldError[] = validateObjectMeta(configMap.metadata, true, validateConfigMapName, FieldPath.root("metadata"), kubernetesVersion);
  const data = isRecord(configMap.data) ? configMap.data : {};
  const binaryData = isRecord(configMap.binaryData) ? configMap.binaryData : {};
  let totalSize = 0;
  for (const [key, value] of Object.entries(data)) {
    const field = FieldPath.root("data").key(key);
    appendAll(errors, configMapKeyErrors(field, key));
    if (Object.hasOwn(binaryData, key)) errors.push(invalid(field, key, "duplicate of key present in binaryData"));
    totalSize += sizeOf(value);
  }
  for (const [key, value] of Object.entries(binaryData)) {
    appendAll(errors, configMapKeyErrors(FieldPath.root("binaryData").key(key), key));
    // binaryData holds base64: the limit counts the decoded bytes.
    totalSize += typeof value === "string" ? Buffer.byteLength(value, "base64") : 0;
  }
  // The error names the whole object (an empty path), and prints no value.
  if (totalSize > MAX_SECRET_SIZE) errors.push(tooLong(FieldPath.root(""), OMIT_VALUE, MAX_SECRET_SIZE));
  return errors;
}
