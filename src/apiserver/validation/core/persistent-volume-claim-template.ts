// ValidatePersistentVolumeClaimTemplate and ValidateTemplateObjectMeta: the
// claim template of an ephemeral volume may only carry labels and annotations.
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { validateAnnotations } from "../../apimachinery/objectmeta.js";
import { forbidden, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { obj } from "./fields.js";
import { validatePersistentVolumeClaimSpec } from "./persistent-volume-claim.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ObjectMeta's fields other than labels and annotations, named as validateFieldAllowList names them (Go's field name, first letter lowered). */
const DISALLOWED_TEMPLATE_METADATA_FIELDS: ReadonlyArray<[json: string, shown: string]> = [
  ["name", "name"],
  ["generateName", "generateName"],
  ["namespace", "namespace"],
  ["selfLink", "selfLink"],
  ["uid", "uID"],
  ["resourceVersion", "resourceVersion"],
  ["generation", "generation"],
  ["creationTimestamp", "creationTimestamp"],
  ["deletionTimestamp", "deletionTimestamp"],
  ["deletionGracePeriodSeconds", "deletionGracePeriodSeconds"],
  ["ownerReferences", "ownerReferences"],
  ["finalizers", "finalizers"],
  ["managedFields", "managedFields"],
];

/** Whether a decoded value differs from Go's zero value. */
function isNonZero(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === 0 || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** ValidateTemplateObjectMeta: annotations as object metadata's (ValidateAnnotations), labels, no other field. */
export function validateTemplateObjectMeta(metadata: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateAnnotations(metadata.annotations, fldPath.child("annotations"));
  appendAll(errors, validateLabels(metadata.labels, fldPath.child("labels")));
  for (const [json, shown] of DISALLOWED_TEMPLATE_METADATA_FIELDS) {
    if (isNonZero(metadata[json])) errors.push(forbidden(fldPath.child(shown), "cannot be set"));
  }
  return errors;
}

/** ValidatePersistentVolumeClaimTemplate: its metadata, and the claim spec as a PersistentVolumeClaim's. */
export function validatePersistentVolumeClaimTemplate(template: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  return [
    ...validateTemplateObjectMeta(obj(template, "metadata") ?? {}, fldPath.child("metadata")),
    ...validatePersistentVolumeClaimSpec(obj(template, "spec") ?? {}, fldPath.child("spec"), { kubernetesVersion, allowInvalidLabelValueInSelector: false }),
  ];
}
