// The IP and CIDR checks of k8s.io/apimachinery/pkg/util/validation/ip.go.
// Legacy fields accept what Go's old parser accepted unless strict validation
// is on; new fields must also be in canonical form.
import { invalid, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { goQuote } from "../field/values.js";
import { ipNetString, ipString, is4In6, to4, parseCIDRSloppy, parseIPSloppy, parsesAsNetipAddr, parsesAsNetipPrefix, type IP, type IPNet } from "./net.js";

function parseIP(field: FieldPath, value: string, strictValidation: boolean): { ip?: IP; errors: ErrorList } {
  const ip = parseIPSloppy(value);
  if (!ip) return { errors: [invalid(field, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")] };
  const errors: ErrorList = [];
  if (strictValidation) {
    // What the old parser accepts and netip does not has leading zeros.
    if (!parsesAsNetipAddr(value)) errors.push(invalid(field, value, "must not have leading 0s"));
    if (is4In6(ip)) errors.push(invalid(field, value, "must not be an IPv4-mapped IPv6 address"));
  }
  return { ip, errors };
}

/** IsValidIPForLegacyField: an IP of a field that predates strict validation. */
export function isValidIPForLegacyField(field: FieldPath, value: string, strictValidation: boolean, validOldIPs: readonly string[] = []): ErrorList {
  if (validOldIPs.includes(value)) return [];
  return parseIP(field, value, strictValidation).errors;
}

/** IsValidIP: a valid IP in canonical form. */
export function isValidIP(field: FieldPath, value: string): ErrorList {
  const { ip, errors } = parseIP(field, value, true);
  if (errors.length > 0 || !ip) return errors;
  const canonical = ipString(ip);
  return value === canonical ? [] : [invalid(field, value, `must be in canonical form (${goQuote(canonical)})`)];
}

function parseCIDR(field: FieldPath, value: string, strictValidation: boolean): { net?: IPNet; errors: ErrorList } {
  const net = parseCIDRSloppy(value);
  if (!net) return { errors: [invalid(field, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")] };
  const errors: ErrorList = [];
  if (strictValidation) {
    if (!parsesAsNetipPrefix(value)) errors.push(invalid(field, value, "must not have leading 0s in IP or prefix length"));
    else if (is4In6(net.address)) errors.push(invalid(field, value, "must not have an IPv4-mapped IPv6 address"));
    else if (net.address.some((byte, i) => byte !== net.ip[i])) errors.push(invalid(field, value, "must not have bits set beyond the prefix length"));
  }
  return { net, errors };
}

/** IsValidCIDRForLegacyField: a CIDR of a field that predates strict validation. */
export function isValidCIDRForLegacyField(field: FieldPath, value: string, strictValidation: boolean, validOldCIDRs: readonly string[] = []): ErrorList {
  if (validOldCIDRs.includes(value)) return [];
  return parseCIDR(field, value, strictValidation).errors;
}

/** IsValidCIDR: a valid "subnet" CIDR in canonical form. */
export function isValidCIDR(field: FieldPath, value: string): ErrorList {
  const { net, errors } = parseCIDR(field, value, true);
  if (errors.length > 0 || !net) return errors;
  const canonical = ipNetString(net);
  return value === canonical ? [] : [invalid(field, value, `must be in canonical form (${goQuote(canonical)})`)];
}

/** IsValidIPv4Address (releases before 1.33): any IP the old parser reads as IPv4. */
export function isValidIPv4Address(field: FieldPath, value: string): ErrorList {
  const ip = parseIPSloppy(value);
  return ip && to4(ip) ? [] : [invalid(field, value, "must be a valid IPv4 address")];
}

/** IsValidIPv6Address (releases before 1.33): any IP the old parser reads as IPv6. */
export function isValidIPv6Address(field: FieldPath, value: string): ErrorList {
  const ip = parseIPSloppy(value);
  return ip && !to4(ip) ? [] : [invalid(field, value, "must be a valid IPv6 address")];
}
