// ValidateVolumeAttributesClass (pkg/apis/storage/validation/validation.go): a
// driver name like a provisioner, and at least one parameter.
import { FieldPath } from "../../field/path.js";
import type { ErrorList } from "../../field/errors.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { str } from "../core/fields.js";
import { validateParameters, validateProvisioner } from "./storage-class.js";

/** ValidateVolumeAttributesClass, after ObjectMeta. */
export function validateVolumeAttributesClass(volumeAttributesClass: JsonRecord): ErrorList {
  return [
    ...validateProvisioner(str(volumeAttributesClass, "driverName"), FieldPath.root("driverName")),
    ...validateParameters(volumeAttributesClass.parameters, false, FieldPath.root("parameters")),
  ];
}
