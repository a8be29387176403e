// ValidateNamespace (pkg/apis/core/validation/validation.go): metadata with a
// DNS label for a name, and spec.finalizers.
import type { ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { arrayOf, dig, type JsonRecord } from "../../../util/object-access.js";
import { validateFinalizerName, validateNamespaceName, validateObjectMeta } from "./object-meta.js";

export function validateNamespace(namespace: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(namespace.metadata, false, validateNamespaceName, FieldPath.root("metadata"), kubernetesVersion);
  // Upstream names the list, not the item.
  const finalizers = FieldPath.root("spec", "finalizers");
  arrayOf(dig(namespace, "spec", "finalizers")).forEach((finalizer, index) => {
    if (typeof finalizer !== "string") return;
    for (const error of validateFinalizerName(finalizer, finalizers)) errors.push({ ...error, at: { field: finalizers.index(index), key: false } });
  });
  return errors;
}
