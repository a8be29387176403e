// ControllerRevision validation (pkg/apis/apps/validation/validation.go:
// ValidateControllerRevisionCreate): its data is required, its revision not negative.
import { required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, isSet } from "../core/fields.js";
import { validateNonnegativeField } from "../core/probes.js";
import { nameIsDNSSubdomain } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** ValidateControllerRevisionCreate. */
export function validateControllerRevisionCreate(revision: JsonRecord, kubernetesVersion: string): ErrorList {
  // ValidateControllerRevisionName = NameIsDNSSubdomain.
  const errors = validateObjectMeta(revision.metadata, true, nameIsDNSSubdomain, FieldPath.root("metadata"), kubernetesVersion);
  if (!isSet(revision, "data")) errors.push(required(FieldPath.root("data"), "data is mandatory"));
  appendAll(errors, validateNonnegativeField(int(revision, "revision") ?? 0, FieldPath.root("revision")));
  return errors;
}
