// ControllerRevision validation (pkg/apis/apps/validation/validation.go:
// ValidateControllerRevisionCreate): its data is required, its revision not negative.
import { required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet } from "../core/fields.js";
import { validateNonnegativeField } from "../core/probes.js";
import type { JsonRecord } from "../../../util/object-access.js";

/** ValidateControllerRevisionCreate. */
export function validateControllerRevisionCreate(revision: JsonRecord): ErrorList {
  const errors: ErrorList = [];
  if (!isSet(revision, "data")) errors.push(required(FieldPath.root("data"), "data is mandatory"));
  errors.push(...validateNonnegativeField(int(revision, "revision") ?? 0, FieldPath.root("revision")));
  return errors;
}
