// Secret validation on create (pkg/apis/core/validation/validation.go:
// ValidateSecret): metadata, keys, total size and what each built-in type
// requires; and the Secret strategy's warning about a TLS pair that does not
// load (pkg/registry/core/secret/strategy.go).
import { invalid, PrintedValue, required, tooLong, type ErrorList, type FieldError } from "../../field/errors.js";
import { goQuote } from "../../field/values.js";
import { goUnmarshalMapError } from "../../field/go-json.js";
import { FieldPath } from "../../field/path.js";
import { configMapKeyErrors, MAX_SECRET_SIZE } from "./config-map.js";
import { obj, str, stringMap } from "./fields.js";
import { validateObjectMeta, validateSecretName } from "./object-meta.js";
import { x509KeyPairError } from "./tls-key-pair.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export const SERVICE_ACCOUNT_NAME_KEY = "kubernetes.io/service-account.name";

/** What upstream prints instead of a Secret's content. */
const REDACTED = new PrintedValue(goQuote("<secret contents redacted>"));

/** A Secret's data as the API server holds it: `data` decoded from base64, then `stringData` merged over it. */
export interface SecretData {
  bytes: Map<string, Buffer>;
  /** Where each key came from, for findings: `data` or `stringData`. */
  source: Map<string, "data" | "stringData">;
}

export function secretData(secret: JsonRecord): SecretData {
  const bytes = new Map<string, Buffer>();
  const source = new Map<string, "data" | "stringData">();
  for (const field of ["data", "stringData"] as const) {
    const map = isRecord(secret[field]) ? secret[field] : {};
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== "string") continue;
      bytes.set(key, Buffer.from(value, field === "data" ? "base64" : "utf8"));
      source.set(key, field);
    }
  }
  return { bytes, source };
}

/** An error about `data[key]`, shown where the key is written (data or stringData). */
function atKey(error: FieldError, data: SecretData, key: string): FieldError {
  const field = data.source.get(key);
  return field ? { ...error, at: { field: FieldPath.root(field).key(key), key: true } } : error;
}

/**
 * A key the Secret's type requires: shown where it is written when it is there
 * (empty), else at the map it belongs in, else at the type that requires it.
 */
function missing(secret: JsonRecord, data: SecretData, key: string): FieldError {
  const error = required(FieldPath.root("data").key(key));
  if (data.source.has(key)) return atKey(error, data, key);
  const map = (["data", "stringData"] as const).find((field) => isRecord(secret[field]));
  return { ...error, at: { field: FieldPath.root(map ?? "type"), key: true } };
}

/** The JSON a dockercfg or dockerconfigjson Secret carries: present, and an object. */
function validateDockerConfig(secret: JsonRecord, data: SecretData, key: string, dataPath: FieldPath): ErrorList {
  const content = data.bytes.get(key);
  if (content === undefined) return [missing(secret, data, key)];
  const error = goUnmarshalMapError(content);
  return error ? [atKey(invalid(dataPath.key(key), REDACTED, error), data, key)] : [];
}

/** ValidateSecret. */
export function validateSecret(secret: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(secret.metadata, true, validateSecretName, FieldPath.root("metadata"), kubernetesVersion);
  const dataPath = FieldPath.root("data");
  const data = secretData(secret);
  let totalSize = 0;
  for (const [key, value] of data.bytes) {
    for (const error of configMapKeyErrors(dataPath.key(key), key)) errors.push(atKey(error, data, key));
    totalSize += value.length;
  }
  if (totalSize > MAX_SECRET_SIZE) errors.push(tooLong(dataPath, "", MAX_SECRET_SIZE));
  switch (str(secret, "type")) {
    case "kubernetes.io/service-account-token":
      // The token and the account's uid are filled in later by a controller.
      if (!stringMap(obj(secret, "metadata"), "annotations")[SERVICE_ACCOUNT_NAME_KEY]) {
        errors.push(required(FieldPath.root("metadata", "annotations").key(SERVICE_ACCOUNT_NAME_KEY)));
      }
      break;
    case "kubernetes.io/dockercfg":
      appendAll(errors, validateDockerConfig(secret, data, ".dockercfg", dataPath));
      break;
    case "kubernetes.io/dockerconfigjson":
      appendAll(errors, validateDockerConfig(secret, data, ".dockerconfigjson", dataPath));
      break;
    case "kubernetes.io/basic-auth":
      // Either may be empty, but one of them must be there.
      if (!data.bytes.has("username") && !data.bytes.has("password")) errors.push(missing(secret, data, "username"), missing(secret, data, "password"));
      break;
    case "kubernetes.io/ssh-auth":
      if ((data.bytes.get("ssh-privatekey")?.length ?? 0) === 0) errors.push(missing(secret, data, "ssh-privatekey"));
      break;
    case "kubernetes.io/tls":
      if (!data.bytes.has("tls.crt")) errors.push(missing(secret, data, "tls.crt"));
      if (!data.bytes.has("tls.key")) errors.push(missing(secret, data, "tls.key"));
      break;
  }
  return errors;
}

/** warningsForSecret: a kubernetes.io/tls Secret whose certificate and key do not load as a pair. */
export function warningsForSecret(secret: JsonRecord): string[] {
  if (str(secret, "type") !== "kubernetes.io/tls") return [];
  const data = secretData(secret);
  const error = x509KeyPairError(data.bytes.get("tls.crt") ?? Buffer.alloc(0), data.bytes.get("tls.key") ?? Buffer.alloc(0));
  return error ? [error] : [];
}
