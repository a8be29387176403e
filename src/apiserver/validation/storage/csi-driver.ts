// ValidateCSIDriver (pkg/apis/storage/validation/validation.go): the spec's
// switches (defaulted), the fsGroup policy, token requests, lifecycle modes and
// the allocatable update period.
import { duplicate, invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { int, isSet, list, obj, str, strings } from "../core/fields.js";

const SUPPORTED_FS_GROUP_POLICIES = ["File", "None", "ReadWriteOnceWithFSType"];
const VOLUME_LIFECYCLE_MODES = ["Persistent", "Ephemeral"];
const MIN_TOKEN_EXPIRATION_SECONDS = 10 * 60;
const MAX_TOKEN_EXPIRATION_SECONDS = 2 ** 32;

/** validateAttachRequired, validatePodInfoOnMount, validateStorageCapacity, validateSELinuxMount: set (by defaulting). */
function validateSet(spec: JsonRecord, key: string, fldPath: FieldPath): ErrorList {
  return isSet(spec, key) ? [] : [required(fldPath)];
}

function validateFSGroupPolicy(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(spec, "fsGroupPolicy")) return [];
  const policy = str(spec, "fsGroupPolicy");
  return SUPPORTED_FS_GROUP_POLICIES.includes(policy) ? [] : [notSupported(fldPath, policy, SUPPORTED_FS_GROUP_POLICIES)];
}

/** validateTokenRequests: one request per audience, each lasting 10 minutes to 2^32 seconds. */
function validateTokenRequests(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const audiences = new Set<string>();
  list(spec, "tokenRequests").forEach((request, i) => {
    const path = fldPath.index(i);
    const audience = str(request, "audience");
    if (audiences.has(audience)) {
      errors.push(duplicate(path.child("audience"), audience));
      return;
    }
    audiences.add(audience);
    const seconds = int(request, "expirationSeconds");
    if (seconds === undefined) return;
    if (seconds < MIN_TOKEN_EXPIRATION_SECONDS) errors.push(invalid(path.child("expirationSeconds"), seconds, "may not specify a duration less than 10 minutes"));
    if (seconds > MAX_TOKEN_EXPIRATION_SECONDS) errors.push(invalid(path.child("expirationSeconds"), seconds, "may not specify a duration larger than 2^32 seconds"));
  });
  return errors;
}

function validateVolumeLifecycleModes(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  return strings(spec, "volumeLifecycleModes")
    .filter((mode) => !VOLUME_LIFECYCLE_MODES.includes(mode))
    .map((mode) => notSupported(fldPath, mode, VOLUME_LIFECYCLE_MODES));
}

function validateNodeAllocatableUpdatePeriodSeconds(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const period = int(spec, "nodeAllocatableUpdatePeriodSeconds");
  return period !== undefined && period < 10 ? [invalid(fldPath, period, "must be greater than or equal to 10 seconds")] : [];
}

/** validateCSIDriverSpec (upstream names the first path `attachedRequired`). */
function validateCSIDriverSpec(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  return [
    ...validateSet(spec, "attachRequired", fldPath.child("attachedRequired")),
    ...validateSet(spec, "podInfoOnMount", fldPath.child("podInfoOnMount")),
    ...validateSet(spec, "storageCapacity", fldPath.child("storageCapacity")),
    ...validateFSGroupPolicy(spec, fldPath.child("fsGroupPolicy")),
    ...validateTokenRequests(spec, fldPath.child("tokenRequests")),
    ...validateVolumeLifecycleModes(spec, fldPath.child("volumeLifecycleModes")),
    ...validateSet(spec, "seLinuxMount", fldPath.child("seLinuxMount")),
    ...validateNodeAllocatableUpdatePeriodSeconds(spec, fldPath.child("nodeAllocatableUpdatePeriodSeconds")),
  ];
}

/** ValidateCSIDriver, after ObjectMeta. */
export function validateCSIDriver(csiDriver: JsonRecord): ErrorList {
  return validateCSIDriverSpec(obj(csiDriver, "spec") ?? {}, FieldPath.root("spec"));
}
