// ValidateVolumeAttachment and ValidateVolumeAttachmentV1
// (pkg/apis/storage/validation/validation.go): the attacher (a CSI driver name
// in v1), one source, the node name. The status is cleared on create.
import { isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { forbidden, invalid, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, obj, str } from "../core/fields.js";
import { validateCSIDriverName } from "../core/volume-sources.js";
import { validatePersistentVolumeSpec } from "../core/persistent-volume.js";
import { appendAll } from "../../../util/append.js";

/**
 * validateVolumeAttachmentSource: exactly one of inlineVolumeSpec and
 * persistentVolumeName; an inline volume is checked as a PersistentVolume's spec
 * in the context of inline volumes, with empty options (so no volume attributes class check).
 */
function validateVolumeAttachmentSource(source: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const hasInline = isSet(source, "inlineVolumeSpec");
  const hasName = isSet(source, "persistentVolumeName");
  if (!hasInline && !hasName) return [required(fldPath, "must specify exactly one of inlineVolumeSpec and persistentVolumeName")];
  if (hasInline && hasName) return [forbidden(fldPath, "must specify exactly one of inlineVolumeSpec and persistentVolumeName")];
  if (hasName) return str(source, "persistentVolumeName") === "" ? [required(fldPath.child("persistentVolumeName"), "must specify non empty persistentVolumeName")] : [];
  const opts = { enableVolumeAttributesClass: false };
  return validatePersistentVolumeSpec(obj(source, "inlineVolumeSpec") ?? {}, "", true, fldPath.child("inlineVolumeSpec"), opts, kubernetesVersion);
}

/** validateVolumeAttachmentSpec: attacher required, one source, a node name that is a DNS subdomain. */
function validateVolumeAttachmentSpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (str(spec, "attacher") === "") errors.push(required(fldPath.child("attacher")));
  appendAll(errors, validateVolumeAttachmentSource(obj(spec, "source") ?? {}, fldPath.child("source"), kubernetesVersion));
  // validateNodeName: ValidateNodeName, a DNS subdomain.
  const nodeName = str(spec, "nodeName");
  for (const detail of isDNS1123Subdomain(nodeName)) errors.push(invalid(fldPath.child("nodeName"), nodeName, detail));
  return errors;
}

/**
 * ValidateVolumeAttachment (after ObjectMeta; the status is empty on create),
 * then ValidateVolumeAttachmentV1, as for every version served since 1.22.
 */
export function validateVolumeAttachment(volumeAttachment: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(volumeAttachment, "spec") ?? {};
  const errors = validateVolumeAttachmentSpec(spec, FieldPath.root("spec"), kubernetesVersion);
  appendAll(errors, validateCSIDriverName(str(spec, "attacher"), FieldPath.root("spec", "attacher")));
  const source = obj(spec, "source") ?? {};
  const persistentVolumeName = source.persistentVolumeName;
  if (typeof persistentVolumeName === "string") {
    // ValidatePersistentVolumeName: a DNS subdomain.
    for (const detail of isDNS1123Subdomain(persistentVolumeName)) errors.push(invalid(FieldPath.root("spec", "source", "persistentVolumeName"), persistentVolumeName, detail));
  }
  return errors;
}
