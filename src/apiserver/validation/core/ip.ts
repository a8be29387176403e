// The core group's IP checks (pkg/apis/core/validation): the legacy-field
// wrappers that follow the StrictIPCIDRValidation gate of the release, and the
// special addresses an endpoint may not have.
import { isValidCIDRForLegacyField as isValidCIDRForLegacyFieldStrictOrNot } from "../../apimachinery/ip.js";
import { parseIPSloppy, to4 } from "../../apimachinery/net.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { featureEnabled } from "../../features.js";

/** IsValidCIDRForLegacyField: strict (no leading zeros, no bits past the prefix) when StrictIPCIDRValidation is on. */
export function isValidCIDRForLegacyField(field: FieldPath, value: string, kubernetesVersion: string, validOldCIDRs: readonly string[] = []): ErrorList {
  return isValidCIDRForLegacyFieldStrictOrNot(field, value, featureEnabled("StrictIPCIDRValidation", kubernetesVersion), validOldCIDRs);
}

/**
 * ValidateNonSpecialIP (ValidateEndpointIP before 1.34, with the same words): an
 * endpoint may not be unspecified, loopback or link-local.
 */
export function validateNonSpecialIP(ipAddress: string, fldPath: FieldPath): ErrorList {
  const ip = parseIPSloppy(ipAddress);
  if (!ip) return [invalid(fldPath, ipAddress, "must be a valid IP address")];
  const v4 = to4(ip);
  const errors: ErrorList = [];
  const bytes = v4 ?? ip;
  if (bytes.every((byte) => byte === 0)) errors.push(invalid(fldPath, ipAddress, `may not be unspecified (${ipAddress})`));
  const loopback = v4 ? v4[0] === 127 : ip.slice(0, 15).every((byte) => byte === 0) && ip[15] === 1;
  if (loopback) errors.push(invalid(fldPath, ipAddress, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  const linkLocalUnicast = v4 ? v4[0] === 169 && v4[1] === 254 : ip[0] === 0xfe && (ip[1]! & 0xc0) === 0x80;
  if (linkLocalUnicast) errors.push(invalid(fldPath, ipAddress, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  const linkLocalMulticast = v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : ip[0] === 0xff && (ip[1]! & 0x0f) === 0x02;
  if (linkLocalMulticast) errors.push(invalid(fldPath, ipAddress, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errors;
}
