// The core group's IP checks (pkg/apis/core/validation): the legacy-field
// wrappers that follow the StrictIPCIDRValidation gate of the release.
import { isValidCIDRForLegacyField as isValidCIDRForLegacyFieldStrictOrNot } from "../../apimachinery/ip.js";
import type { ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { featureEnabled } from "../../features.js";

/** IsValidCIDRForLegacyField: strict (no leading zeros, no bits past the prefix) when StrictIPCIDRValidation is on. */
export function isValidCIDRForLegacyField(field: FieldPath, value: string, kubernetesVersion: string, validOldCIDRs: readonly string[] = []): ErrorList {
  return isValidCIDRForLegacyFieldStrictOrNot(field, value, featureEnabled("StrictIPCIDRValidation", kubernetesVersion), validOldCIDRs);
}
