// CSIStorageCapacity validation (pkg/apis/storage/validation/validation.go:
// ValidateCSIStorageCapacity), after ObjectMeta.
import { IS_NEGATIVE_ERROR_MSG, nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { str } from "../core/fields.js";
import { formatQuantity, parseQuantity } from "../../../util/quantity.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ValidateCSIStorageCapacity, after ObjectMeta: the node topology selector, the class name, a capacity not negative. */
export function validateCSIStorageCapacity(capacity: JsonRecord): ErrorList {
  const errors = validateLabelSelector(capacity.nodeTopology, { allowInvalidLabelValueInSelector: false }, FieldPath.root("nodeTopology"));
  const className = str(capacity, "storageClassName");
  appendAll(errors, nameIsDNSSubdomain(className, false).map((message) => invalid(FieldPath.root("storageClassName"), className, message)));
  // ValidateNonnegativeQuantity; maximumVolumeSize is not checked.
  const value = capacity.capacity;
  const quantity = typeof value === "string" || typeof value === "number" ? parseQuantity(value) : undefined;
  if (quantity && quantity.nanos < 0n) errors.push(invalid(FieldPath.root("capacity"), formatQuantity(quantity), IS_NEGATIVE_ERROR_MSG));
  return errors;
}
