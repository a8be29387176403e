// ValidateVolumeAttachment and ValidateVolumeAttachmentV1
// (pkg/apis/storage/validation/validation.go): the attacher (a CSI driver name
// in v1), one source, the node name. The status is cleared on create.
import { isDNS1123Subdomain } from "../../apimachinery/validation.js";
import { forbidden, invalid, required, tooLong, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { byteLength } from "../../../util/api-values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, obj, str } from "../core/fields.js";
import { appendAll } from "../../../util/append.js";

/** ValidateCSIDriverName (pkg/apis/core/validation): required, at most 63 bytes, a DNS subdomain once lower-cased. */
export function validateCSIDriverName(driverName: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (driverName.length === 0) errors.push(required(fldPath));
  if (byteLength(driverName) > 63) errors.push(tooLong(fldPath, driverName, 63));
  for (const detail of isDNS1123Subdomain(driverName.toLowerCase())) errors.push(invalid(fldPath, driverName, detail));
  return errors;
}

/** validateVolumeAttachmentSource: exactly one of inlineVolumeSpec and persistentVolumeName. */
function validateVolumeAttachmentSource(source: JsonRecord, fldPath: FieldPath): ErrorList {
  const hasInline = isSet(source, "inlineVolumeSpec");
  const hasName = isSet(source, "persistentVolumeName");
  if (!hasInline && !hasName) return [required(fldPath, "must specify exactly one of inlineVolumeSpec and persistentVolumeName")];
  if (hasInline && hasName) return [forbidden(fldPath, "must specify exactly one of inlineVolumeSpec and persistentVolumeName")];
  if (hasName && str(source, "persistentVolumeName") === "") return [required(fldPath.child("persistentVolumeName"), "must specify non empty persistentVolumeName")];
  return [];
}

/** validateVolumeAttachmentSpec: attacher required, one source, a node name that is a DNS subdomain. */
function validateVolumeAttachmentSpec(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (str(spec, "attacher") === "") errors.push(required(fldPath.child("attacher")));
  appendAll(errors, validateVolumeAttachmentSource(obj(spec, "source") ?? {}, fldPath.child("source")));
  // validateNodeName: ValidateNodeName, a DNS subdomain.
  const nodeName = str(spec, "nodeName");
  for (const detail of isDNS1123Subdomain(nodeName)) errors.push(invalid(fldPath.child("nodeName"), nodeName, detail));
  return errors;
}

/**
 * ValidateVolumeAttachment (after ObjectMeta; the status is empty on create),
 * then ValidateVolumeAttachmentV1, as for every version served since 1.22.
 */
export function validateVolumeAttachment(volumeAttachment: JsonRecord): ErrorList {
  const spec = obj(volumeAttachment, "spec") ?? {};
  const errors = validateVolumeAttachmentSpec(spec, FieldPath.root("spec"));
  appendAll(errors, validateCSIDriverName(str(spec, "attacher"), FieldPath.root("spec", "attacher")));
  const source = obj(spec, "source") ?? {};
  const persistentVolumeName = source.persistentVolumeName;
  if (typeof persistentVolumeName === "string") {
    // ValidatePersistentVolumeName: a DNS subdomain.
    for (const detail of isDNS1123Subdomain(persistentVolumeName)) errors.push(invalid(FieldPath.root("spec", "source", "persistentVolumeName"), persistentVolumeName, detail));
  }
  return errors;
}
