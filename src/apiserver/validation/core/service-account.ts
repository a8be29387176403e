// ServiceAccount validation on create (ValidateServiceAccount: its metadata),
// and the strategy's warning about the deprecated mountable-secrets annotation
// (pkg/registry/core/serviceaccount/strategy.go, since 1.32).
import type { ErrorList, FieldWarning } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { obj, stringMap } from "./fields.js";
import { validateObjectMeta, validateServiceAccountName } from "./object-meta.js";
import { atLeast } from "../../../util/release.js";
import type { JsonRecord } from "../../../util/object-access.js";

export const ENFORCE_MOUNTABLE_SECRETS_ANNOTATION = "kubernetes.io/enforce-mountable-secrets";

export function validateServiceAccount(serviceAccount: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateObjectMeta(serviceAccount.metadata, true, validateServiceAccountName, FieldPath.root("metadata"), kubernetesVersion);
}

export function warningsForServiceAccount(serviceAccount: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  if (!atLeast(kubernetesVersion, "1.32")) return [];
  if (!Object.hasOwn(stringMap(obj(serviceAccount, "metadata"), "annotations"), ENFORCE_MOUNTABLE_SECRETS_ANNOTATION)) return [];
  const field = FieldPath.root("metadata", "annotations").key(ENFORCE_MOUNTABLE_SECRETS_ANNOTATION);
  return [{ field, message: "deprecated in v1.32+; prefer separate namespaces to isolate access to mounted secrets" }];
}
