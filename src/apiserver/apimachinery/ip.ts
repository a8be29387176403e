// The IP and CIDR checks of k8s.io/apimachinery/pkg/util/validation/ip.go.
// Legacy fields accept what Go's old parser accepted unless strict validation
// is on; new fields must also be in canonical form.
import { invalid, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { goQuote } from "../field/values.js";
import { ipNetString, ipString, is4In6, to4, parseCIDRSloppy, parseIPSloppy, parsesAsNetipAddr, parsesAsNetipPrefix, type IP, type IPNet } from "./net.js";
import { atLeast } from "../../util/release.js";

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

/** The first octet with a leading zero in the IPv4 part of `text`, which net/netip refuses. */
function leadingZeroError(text: string): string | undefined {
  const v4 = /(?:^|:)([0-9.]+)$/.exec(text)?.[1];
  if (v4 === undefined || !v4.split(".").some((octet) => octet.length > 1 && octet.startsWith("0"))) return undefined;
  return `ParseAddr(${goQuote(text)}): IPv4 field has octet with leading zero`;
}

/** netip.Addr.String of an address netip accepts: dotted IPv4, "::ffff:" before a mapped IPv4, RFC 5952 IPv6. */
function netipString(text: string, ip: IP): string {
  const v4 = to4(ip);
  if (!text.includes(":")) return ipString(ip);
  return v4 ? `::ffff:${v4.join(".")}` : ipString(ip);
}

/** What GetWarningsForIP/CIDR say of a non-standard form: invalid from 1.36, where StrictIPCIDRValidation is on. */
function nonStandardVerdict(kubernetesVersion: string): string {
  return atLeast(kubernetesVersion, "1.36") ? "is invalid" : "will be considered invalid in a future Kubernetes release";
}

/**
 * Warnings for an address a legacy field accepted: GetWarningsForIP since
 * 1.33; before, the Service's own getWarningsForIP (netip's error, RFC 5952 form).
 */
export function getWarningsForIP(field: FieldPath, value: string, kubernetesVersion: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const refused = leadingZeroError(value);
  const is6 = value.includes(":");
  if (!atLeast(kubernetesVersion, "1.33")) {
    if (refused) return [`${field.toString()}: IP address was accepted, but will be invalid in a future Kubernetes release: ${refused}`];
    const canonical = netipString(value, ip);
    if (is6 && canonical !== value) return [`${field.toString()}: IPv6 address ${goQuote(value)} is not in RFC 5952 canonical format (${goQuote(canonical)}), which may cause controller apply-loops`];
    return [];
  }
  if (refused || is4In6(ip)) return [`${field.toString()}: non-standard IP address ${goQuote(value)} ${nonStandardVerdict(kubernetesVersion)}: use ${goQuote(ipString(ip))}`];
  const canonical = netipString(value, ip);
  if (is6 && canonical !== value) return [`${field.toString()}: IPv6 address ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`];
  return [];
}

/**
 * Warnings for a CIDR a legacy field accepted: GetWarningsForCIDR since 1.33
 * (ambiguous host bits, non-standard forms, RFC 5952); before, the Service's
 * own getWarningsForCIDR.
 */
export function getWarningsForCIDR(field: FieldPath, value: string, kubernetesVersion: string): string[] {
  const net = parseCIDRSloppy(value);
  if (!net) return [];
  const slash = value.indexOf("/");
  const addressText = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  const refused = leadingZeroError(addressText) ?? (prefixText.length > 1 && prefixText.startsWith("0") ? `bad bits after slash: ${goQuote(prefixText)}` : undefined);
  const is6 = addressText.includes(":");
  const canonical = `${netipString(addressText, net.address)}/${net.prefixLength}`;
  const path = field.toString();
  if (!atLeast(kubernetesVersion, "1.33")) {
    if (refused) return [`${path}: IP prefix was accepted, but will be invalid in a future Kubernetes release: netip.ParsePrefix(${goQuote(value)}): ${refused}`];
    if (is6 && canonical !== value) return [`${path}: IPv6 prefix ${goQuote(value)} is not in RFC 5952 canonical format (${goQuote(canonical)}), which may cause controller apply-loops`];
    return [];
  }
  const warnings: string[] = [];
  if (net.address.some((byte, i) => byte !== net.ip[i])) {
    const bits = to4(net.address) ? 32 : 128;
    warnings.push(`${path}: CIDR value ${goQuote(value)} is ambiguous in this context (should be ${goQuote(ipNetString(net))} or ${goQuote(`${ipString(net.address)}/${bits}`)}?)`);
  }
  if (refused || is4In6(net.address)) warnings.push(`${path}: non-standard CIDR value ${goQuote(value)} ${nonStandardVerdict(kubernetesVersion)}: use ${goQuote(ipNetString(net))}`);
  if (warnings.length === 0 && is6 && canonical !== value) warnings.push(`${path}: IPv6 CIDR value ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`);
  return warnings;
}
