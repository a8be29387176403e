// IPAddress validation (pkg/apis/networking/validation/validation.go:
// ValidateIPAddressName, ValidateIPAddress, validateIPAddressParentReference).
import { isValidIP } from "../../apimachinery/ip.js";
import type { ValidateNameFunc } from "../../apimachinery/generic.js";
import { isDNS1123Subdomain, isPathSegmentName } from "../../apimachinery/validation.js";
import { invalid, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { obj, str } from "../core/fields.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ValidateIPAddressName: the name is an IP address in canonical form (IsValidIP's details). */
export const validateIPAddressName: ValidateNameFunc = (name) => isValidIP(FieldPath.root("metadata", "name"), name).map((error) => error.detail);

/** A required path segment of the parent reference. */
function requiredPathSegment(value: string, fldPath: FieldPath): ErrorList {
  if (value === "") return [required(fldPath)];
  return isPathSegmentName(value).map((message) => invalid(fldPath, value, message));
}

/** validateIPAddressParentReference: a resource and a name (path segments), a group that is a DNS subdomain when set. */
function validateIPAddressParentReference(parentRef: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!parentRef) return [required(fldPath.child("parentRef"))];
  const path = fldPath.child("parentRef");
  const errors: ErrorList = [];
  const group = str(parentRef, "group");
  // The core group of Services is the empty one: a group cannot be required.
  if (group !== "") for (const message of isDNS1123Subdomain(group)) errors.push(invalid(path.child("group"), group, message));
  appendAll(errors, requiredPathSegment(str(parentRef, "resource"), path.child("resource")));
  appendAll(errors, requiredPathSegment(str(parentRef, "name"), path.child("name")));
  const namespace = str(parentRef, "namespace");
  if (namespace !== "") for (const message of isPathSegmentName(namespace)) errors.push(invalid(path.child("namespace"), namespace, message));
  return errors;
}

/** ValidateIPAddress, after ObjectMeta. */
export function validateIPAddress(ipAddress: JsonRecord): ErrorList {
  return validateIPAddressParentReference(obj(obj(ipAddress, "spec"), "parentRef"), FieldPath.root("spec"));
}
