// IP addresses and CIDR values parsed as Go parses them: the lenient parser the
// API server keeps for legacy fields (k8s.io/utils/net ParseIPSloppy and
// ParseCIDRSloppy: IPv4 octets may have leading zeros), the strict one of
// net/netip (ParseAddr, ParsePrefix), and the text Go prints back (net.IP.String).
import { appendAll } from "../../util/append.js";
import { goQuote } from "../field/values.js";

/** An address: 4 bytes when written as IPv4, 16 when written as IPv6 (an IPv4-mapped one included). */
export type IP = readonly number[];

export interface IPNet {
  /** The network address (the bits beyond the prefix cleared). */
  ip: IP;
  /** The address as written, before masking. */
  address: IP;
  prefixLength: number;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
/** Go's parsers give up on a number this big (net.big). */
const BIG = 0xffffff;

/** The four bytes of an IPv4 or IPv4-mapped IPv6 address (net.IP.To4), else undefined. */
export function to4(ip: IP): IP | undefined {
  if (ip.length === 4) return ip;
  return V4_MAPPED_PREFIX.every((byte, i) => ip[i] === byte) ? ip.slice(12) : undefined;
}

/** Dotted IPv4, each octet decimal; leading zeros only when `sloppy`. */
function parseIPv4(text: string, sloppy: boolean): IP | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return undefined;
    if (!sloppy && (part.length > 3 || (part.length > 1 && part.startsWith("0")))) return undefined;
    // Go stops reading digits once the number passes `big`.
    if (part.length > 8) return undefined;
    const value = Number(part);
    if (value > 0xff) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/** IPv6 groups, one `::`, an IPv4 tail; groups of at most four hex digits unless `sloppy`. */
function parseIPv6(text: string, sloppy: boolean): IP | undefined {
  const bytes: number[] = [];
  let ellipsis = -1;
  let rest = text;
  if (rest.startsWith("::")) {
    ellipsis = 0;
    rest = rest.slice(2);
  }
  while (rest.length > 0 && bytes.length < 16) {
    const hex = /^[0-9a-fA-F]+/.exec(rest)?.[0];
    if (hex === undefined || (!sloppy && hex.length > 4) || hex.length > 6) return undefined;
    const value = parseInt(hex, 16);
    if (value > 0xffff || value >= BIG) return undefined;
    if (rest[hex.length] === ".") {
      // An IPv4 tail: only at the end, in the last four bytes.
      if ((ellipsis < 0 && bytes.length !== 12) || bytes.length + 4 > 16) return undefined;
      const v4 = parseIPv4(rest, sloppy);
      if (!v4) return undefined;
      appendAll(bytes, v4);
      rest = "";
      break;
    }
    bytes.push(value >> 8, value & 0xff);
    rest = rest.slice(hex.length);
    if (rest.length === 0) break;
    if (rest[0] !== ":" || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ":") {
      if (ellipsis >= 0) return undefined;
      ellipsis = bytes.length;
      rest = rest.slice(1);
    }
  }
  if (rest.length > 0) return undefined;
  if (bytes.length < 16) {
    if (ellipsis < 0) return undefined;
    const zeros = new Array<number>(16 - bytes.length).fill(0);
    bytes.splice(ellipsis, 0, ...zeros);
  } else if (ellipsis >= 0) {
    // An ellipsis must stand for at least one group.
    return undefined;
  }
  return bytes;
}

function parse(text: string, sloppy: boolean): IP | undefined {
  if (text.includes(":")) return parseIPv6(text, sloppy);
  return parseIPv4(text, sloppy);
}

/** netutils.ParseIPSloppy: net.ParseIP as it was before Go 1.17 (IPv4 octets may have leading zeros). */
export function parseIPSloppy(text: string): IP | undefined {
  return parse(text, true);
}

/** Whether net/netip.ParseAddr accepts the text (no leading zeros; a zone is allowed on IPv6). */
export function parsesAsNetipAddr(text: string): boolean {
  const zone = text.indexOf("%");
  if (zone >= 0) return text.includes(":") && zone < text.length - 1 && parse(text.slice(0, zone), false) !== undefined;
  return parse(text, false) !== undefined;
}

/** netip.Addr.Is4In6: written as IPv6, holding an IPv4-mapped address ("::ffff:1.2.3.4"). */
export function is4In6(ip: IP): boolean {
  return ip.length === 16 && to4(ip) !== undefined;
}

/** net.IP.String: dotted IPv4 (also for IPv4-mapped IPv6), RFC 5952 IPv6 otherwise. */
export function ipString(ip: IP): string {
  const v4 = to4(ip);
  if (v4) return v4.join(".");
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip[i]! << 8) | ip[i + 1]!);
  // The longest run of two or more zero groups (the first of equal runs) becomes "::".
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return hex.slice(0, bestStart).join(":") + "::" + hex.slice(bestStart + bestLength).join(":");
}

function maskBytes(ip: IP, prefixLength: number): number[] {
  return ip.map((byte, i) => {
    const bits = Math.max(0, Math.min(8, prefixLength - i * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
}

/** netutils.ParseCIDRSloppy: `address/prefix`, the address as ParseIPSloppy reads it, the prefix decimal. */
export function parseCIDRSloppy(text: string): IPNet | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const address = parse(addressText, true);
  if (!address || !/^[0-9]{1,8}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  if (prefixLength > address.length * 8) return undefined;
  return { ip: maskBytes(address, prefixLength), address, prefixLength };
}

/** Whether net/netip.ParsePrefix accepts the text (strict address, no zone, prefix without leading zeros). */
export function parsesAsNetipPrefix(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return false;
  const address = parse(text.slice(0, slash), false);
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return false;
  return Number(prefixText) <= address.length * 8;
}

/** net.IPNet.String: the network address and prefix length; an IPv4-mapped network prints as IPv4. */
export function ipNetString(net: IPNet): string {
  const v4 = to4(net.ip);
  if (v4 && net.ip.length === 16) return `${v4.join(".")}/${Math.max(0, net.prefixLength - 96)}`;
  return `${ipString(net.ip)}/${net.prefixLength}`;
}

/** The family of an address: 4 for IPv4 (and IPv4-mapped IPv6, as net.IP.To4 sees it), else 6. */
export function ipFamily(ip: IP): 4 | 6 {
  return to4(ip) ? 4 : 6;
}

/** net.IPNet.Contains: an IPv4-mapped network and address compare as IPv4; other families never match. */
export function netContains(net: IPNet, ip: IP): boolean {
  const network = to4(net.ip) ?? net.ip;
  const prefixLength = network.length < net.ip.length ? net.prefixLength - 96 : net.prefixLength;
  const candidate = to4(ip) ?? ip;
  if (candidate.length !== network.length) return false;
  return maskBytes(candidate, prefixLength).every((byte, i) => byte === network[i]);
}

/** net.IP.IsUnspecified: 0.0.0.0 or ::. */
export function isUnspecified(ip: IP): boolean {
  return ip.every((byte) => byte === 0) || (to4(ip)?.every((byte) => byte === 0) ?? false);
}

/** net.IP.IsLoopback: 127.0.0.0/8 (also IPv4-mapped) or ::1. */
export function isLoopback(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 127;
  return ip.slice(0, 15).every((byte) => byte === 0) && ip[15] === 1;
}

/** net.IP.IsLinkLocalUnicast: 169.254.0.0/16 or fe80::/10. */
export function isLinkLocalUnicast(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 169 && v4[1] === 254;
  return ip[0] === 0xfe && (ip[1]! & 0xc0) === 0x80;
}

/** net.IP.IsLinkLocalMulticast: 224.0.0.0/24 or ff02::/16. */
export function isLinkLocalMulticast(ip: IP): boolean {
  const v4 = to4(ip);
  if (v4) return v4[0] === 224 && v4[1] === 0 && v4[2] === 0;
  return ip[0] === 0xff && (ip[1]! & 0x0f) === 0x02;
}

/** netutils.IsIPv6String: an address ParseIPSloppy reads, of the IPv6 family. */
export function isIPv6String(text: string): boolean {
  const ip = parseIPSloppy(text);
  return ip !== undefined && ipFamily(ip) === 6;
}

/** netutils.IsDualStackIPStrings: at least one IPv4 and one IPv6 address. */
export function isDualStackIPStrings(texts: readonly string[]): boolean {
  const families = texts.map((text) => {
    const ip = parseIPSloppy(text);
    return ip && ipFamily(ip);
  });
  return families.includes(4) && families.includes(6);
}

/**
 * netutils.IsDualStackCIDRStrings: at least one IPv4 and one IPv6 network;
 * the error of netutils.ParseCIDRs when a text is not a CIDR.
 */
export function isDualStackCIDRStrings(texts: readonly string[]): { dualStack: boolean; error?: string } {
  const families: Array<4 | 6> = [];
  for (const text of texts) {
    const net = parseCIDRSloppy(text);
    if (!net) return { dualStack: false, error: `failed to parse cidr value:${goQuote(text)} with error:invalid CIDR address: ${text}` };
    families.push(ipFamily(net.ip));
  }
  return { dualStack: families.includes(4) && families.includes(6) };
}
