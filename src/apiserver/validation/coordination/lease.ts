// Lease validation (pkg/apis/coordination/validation/validation.go: ValidateLease,
// ValidateLeaseSpec), after ObjectMeta. The strategy and preferred holder are
// dropped on create while CoordinatedLeaderElection is off, as it is by default.
import { invalid, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, obj } from "../core/fields.js";
import type { JsonRecord } from "../../../util/object-access.js";

/** ValidateLeaseSpec: a positive duration, transitions not negative. */
export function validateLeaseSpec(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const duration = int(spec, "leaseDurationSeconds");
  if (duration !== undefined && duration <= 0) errors.push(invalid(fldPath.child("leaseDurationSeconds"), duration, "must be greater than 0"));
  const transitions = int(spec, "leaseTransitions");
  if (transitions !== undefined && transitions < 0) errors.push(invalid(fldPath.child("leaseTransitions"), transitions, "must be greater than or equal to 0"));
  return errors;
}

/** ValidateLease, after ObjectMeta. */
export function validateLease(lease: JsonRecord): ErrorList {
  return validateLeaseSpec(obj(lease, "spec") ?? {}, FieldPath.root("spec"));
}
