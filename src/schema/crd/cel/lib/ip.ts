// Kubernetes' ip and cidr libraries: addresses as Go's net/netip parses them
// (no leading zeros in IPv4, no zones, no IPv4-mapped IPv6), prefixes with
// containment, masking and the canonical text form.
import { net } from "../../../../util/on-demand-modules.js";
import type { Environment } from "@marcbachmann/cel-js";
import { CelEvaluationError } from "./macros.js";
import { namespace } from "./namespace.js";

class IPAddress {
  constructor(
    /** 4 or 6 */
    readonly family: 4 | 6,
    readonly value: bigint,
  ) {}

  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }
}

class CIDR {
  constructor(
    readonly address: IPAddress,
    readonly prefixLength: number,
  ) {}
}

function parseIPv6(text: string): bigint {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const [a, b, c, d] = text.slice(lastColon + 1).split(".").map(BigInt) as [bigint, bigint, bigint, bigint];
    tailV4 = (a << 24n) | (b << 16n) | (c << 8n) | d;
    head = text.slice(0, lastColon + 1) + "0:0";
  }
  const [left, right] = head.includes("::") ? (head.split("::") as [string, string]) : [head, undefined];
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((g) => BigInt(`0x${g}`)));
  const leftGroups = groups(left);
  const rightGroups = right === undefined ? [] : groups(right);
  const all = [...leftGroups, ...Array(8 - leftGroups.length - rightGroups.length).fill(0n), ...rightGroups] as bigint[];
  let value = all.reduce((acc, g) => (acc << 16n) | g, 0n);
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

function parseAddress(raw: string): IPAddress {
  if (raw.includes("%")) throw new CelEvaluationError("invalid_argument", `IP address ${JSON.stringify(raw)} with zone value is not allowed`);
  if (net().isIPv4(raw)) {
    const value = raw.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
    return new IPAddress(4, value);
  }
  if (net().isIPv6(raw)) {
    const value = parseIPv6(raw);
    if (value >> 32n === 0xffffn) throw new CelEvaluationError("invalid_argument", `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`);
    return new IPAddress(6, value);
  }
  throw new CelEvaluationError("invalid_argument", `IP Address ${JSON.stringify(raw)} parse error during conversion from string: ParseAddr(${JSON.stringify(raw)}): unable to parse IP`);
}

function parseCIDR(raw: string): CIDR {
  const slash = raw.indexOf("/");
  const bits = raw.slice(slash + 1);
  let address: IPAddress | undefined;
  try {
    address = slash > 0 && !raw.slice(0, slash).includes("%") ? parseAddress(raw.slice(0, slash)) : undefined;
  } catch (error) {
    if (error instanceof CelEvaluationError && error.message.includes("IPv4-mapped")) throw new CelEvaluationError("invalid_argument", `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`);
  }
  if (!address || !/^(0|[1-9]\d*)$/.test(bits) || Number(bits) > address.bits) {
    throw new CelEvaluationError("invalid_argument", `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): bad prefix`);
  }
  return new CIDR(address, Number(bits));
}

function formatAddress(ip: IPAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_v, i) => (ip.value >> BigInt((7 - i) * 16)) & 0xffffn);
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

const mask = (ip: IPAddress, length: number): bigint => ((1n << BigInt(ip.bits)) - 1n) ^ ((1n << BigInt(ip.bits - length)) - 1n);
const masked = (cidr: CIDR): IPAddress => new IPAddress(cidr.address.family, cidr.address.value & mask(cidr.address, cidr.prefixLength));

function containsIP(cidr: CIDR, ip: IPAddress): boolean {
  return ip.family === cidr.address.family && (ip.value & mask(ip, cidr.prefixLength)) === masked(cidr).value;
}

function containsCIDR(outer: CIDR, inner: CIDR): boolean {
  return inner.address.family === outer.address.family && inner.prefixLength >= outer.prefixLength && containsIP(outer, inner.address);
}

const succeeds = (parse: () => unknown) => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

function isInRange(ip: IPAddress, cidr: string): boolean {
  return containsIP(parseCIDR(cidr), ip);
}

export function registerIP(env: Environment): void {
  env.registerType("net.IP", IPAddress);
  env.registerType("net.CIDR", CIDR);
  env.registerFunction("ip(string): net.IP", parseAddress);
  env.registerFunction("isIP(string): bool", (raw: string) => succeeds(() => parseAddress(raw)));
  const ipNamespace = namespace(env, "ip");
  env.registerFunction(`${ipNamespace}.isCanonical(string): bool`, (_ns: unknown, raw: string) => formatAddress(parseAddress(raw)) === raw);
  env.registerFunction("string(net.IP): string", formatAddress);
  env.registerFunction("net.IP.family(): int", (ip: IPAddress) => BigInt(ip.family));
  env.registerFunction("net.IP.isUnspecified(): bool", (ip: IPAddress) => ip.value === 0n);
  env.registerFunction("net.IP.isLoopback(): bool", (ip: IPAddress) => (ip.family === 4 ? isInRange(ip, "127.0.0.0/8") : ip.value === 1n));
  env.registerFunction("net.IP.isLinkLocalMulticast(): bool", (ip: IPAddress) => (ip.family === 4 ? isInRange(ip, "224.0.0.0/24") : isInRange(ip, "ff02::/16")));
  env.registerFunction("net.IP.isLinkLocalUnicast(): bool", (ip: IPAddress) => (ip.family === 4 ? isInRange(ip, "169.254.0.0/16") : isInRange(ip, "fe80::/10")));
  env.registerFunction("net.IP.isGlobalUnicast(): bool", (ip: IPAddress) => {
    if (ip.value === 0n || (ip.family === 4 && ip.value === 0xffffffffn)) return false;
    const special = ip.family === 4 ? ["127.0.0.0/8", "224.0.0.0/4", "169.254.0.0/16"] : ["::1/128", "ff00::/8", "fe80::/10"];
    return !special.some((range) => isInRange(ip, range));
  });
  env.registerOperator("net.IP == net.IP", (a: IPAddress, b: IPAddress) => a.family === b.family && a.value === b.value);
  env.registerFunction("cidr(string): net.CIDR", parseCIDR);
  env.registerFunction("isCIDR(string): bool", (raw: string) => succeeds(() => parseCIDR(raw)));
  env.registerFunction("string(net.CIDR): string", (c: CIDR) => `${formatAddress(c.address)}/${c.prefixLength}`);
  env.registerFunction("net.CIDR.containsIP(net.IP): bool", containsIP);
  env.registerFunction("net.CIDR.containsIP(string): bool", (c: CIDR, raw: string) => containsIP(c, parseAddress(raw)));
  env.registerFunction("net.CIDR.containsCIDR(net.CIDR): bool", containsCIDR);
  env.registerFunction("net.CIDR.containsCIDR(string): bool", (c: CIDR, raw: string) => containsCIDR(c, parseCIDR(raw)));
  env.registerFunction("net.CIDR.ip(): net.IP", (c: CIDR) => c.address);
  env.registerFunction("net.CIDR.masked(): net.CIDR", (c: CIDR) => new CIDR(masked(c), c.prefixLength));
  env.registerFunction("net.CIDR.prefixLength(): int", (c: CIDR) => BigInt(c.prefixLength));
  env.registerOperator("net.CIDR == net.CIDR", (a: CIDR, b: CIDR) => a.address.value === b.address.value && a.address.family === b.address.family && a.prefixLength === b.prefixLength);
}
