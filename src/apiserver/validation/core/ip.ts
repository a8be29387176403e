// The core group's IP checks (pkg/apis/core/validation): the legacy-field
// wrappers that follow the StrictIPCIDRValidation gate of the release, and the
// special addresses an endpoint may not have.
import {
  isValidCIDRForLegacyField as isValidCIDRForLegacyFieldStrictOrNot,
  isValidIPForLegacyField as isValidIPForLegacyFieldStrictOrNot,
} from "../../apimachinery/ip.js";
import { isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, parseIPSloppy } from "../../apimachinery/net.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { featureEnabled } from "../../features.js";

/** IsValidIPForLegacyField: strict (no leading zeros, no IPv4-mapped IPv6) when StrictIPCIDRValidation is on. */
export function isValidIPForLegacyField(field: FieldPath, value: string, kubernetesVersion: string, validOldIPs: readonly string[] = []): ErrorList {
  return isValidIPForLegacyFieldStrictOrNot(field, value, featureEnabled("StrictIPCIDRValidation", kubernetesVersion), validOldIPs);
}

/** IsValidCIDRForLegacyField: strict (no leading zeros, no bits past the prefix) when StrictIPCIDRValidation is on. */
export function isValidCIDRForLegacyField(field: FieldPath, value: string, kubernetesVersion: string, validOldCIDRs: readonly string[] = []): ErrorList {
  return isValidCIDRForLegacyFieldStrictOrNot(field, value, featureEnabled("StrictIPCIDRValidation", kubernetesVersion), validOldCIDRs);
}

/**
 * ValidateNonSpecialIP (named ValidateEndpointIP since 1.33, with the same
 * words): an endpoint may not be unspecified, loopback or link-local.
 */
export function validateNonSpecialIP(ipAddress: string, fldPath: FieldPath): ErrorList {
  const ip = parseIPSloppy(ipAddress);
  if (!ip) return [invalid(fldPath, ipAddress, "must be a valid IP address")];
  const errors: ErrorList = [];
  if (isUnspecified(ip)) errors.push(invalid(fldPath, ipAddress, `may not be unspecified (${ipAddress})`));
  if (isLoopback(ip)) errors.push(invalid(fldPath, ipAddress, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (isLinkLocalUnicast(ip)) errors.push(invalid(fldPath, ipAddress, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (isLinkLocalMulticast(ip)) errors.push(invalid(fldPath, ipAddress, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errors;
}
