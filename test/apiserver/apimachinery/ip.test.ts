import { describe, expect, it } from "vitest";
import {
  getWarningsForCIDR, getWarningsForIP, isValidCIDR, isValidCIDRForLegacyField, isValidIP, isValidIPForLegacyField, isValidIPv4Address, isValidIPv6Address,
} from "../../../src/apiserver/apimachinery/ip.js";
import {
  ipString, isDualStackIPStrings, isIPv6String, isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, netContains, parseCIDRSloppy, parseIPSloppy,
} from "../../../src/apiserver/apimachinery/net.js";
import { errorBody } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";

const at = FieldPath.root("ip");
const bodies = (errors: ReturnType<typeof isValidIP>) => errors.map((error) => errorBody(error, "1.36"));

describe("Go's IP parsing", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    ["010.001.002.003", "10.1.2.3"],
    ["::", "::"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:0:0:1:0:0", "2001:db8::1:0:0"],
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["fe80::1:2", "fe80::1:2"],
  ])("reads %s as %s", (text, printed) => {
    const ip = parseIPSloppy(text);
    expect(ip && ipString(ip)).toBe(printed);
  });

  it.each(["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "1::2::3", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "::1.2.3", "12345::", "abc"])("rejects %j", (text) => {
    expect(parseIPSloppy(text)).toBeUndefined();
  });

  it.each([
    ["10.0.0.0/8", "10.1.2.3", true],
    ["10.0.0.0/8", "11.0.0.0", false],
    ["10.0.0.0/8", "::ffff:10.1.1.1", true],
    ["fd00::/8", "fd12::1", true],
    ["fd00::/8", "10.0.0.1", false],
  ])("%s contains %s: %s", (cidr, ip, contained) => {
    expect(netContains(parseCIDRSloppy(cidr)!, parseIPSloppy(ip)!)).toBe(contained);
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/a", "/8"])("rejects the CIDR %j", (text) => {
    expect(parseCIDRSloppy(text)).toBeUndefined();
  });
});

describe("IP and CIDR validation", () => {
  it.each([
    ["1.2.3.4", []],
    ["2001:db8::1", []],
    ["2001:DB8::1", ['Invalid value: "2001:DB8::1": must be in canonical form ("2001:db8::1")']],
    ["01.2.3.4", ['Invalid value: "01.2.3.4": must not have leading 0s']],
    ["::ffff:1.2.3.4", ['Invalid value: "::ffff:1.2.3.4": must not be an IPv4-mapped IPv6 address']],
    ["1.2.3", ['Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
  ])("IsValidIP(%j)", (value, expected) => {
    expect(bodies(isValidIP(at, value))).toEqual(expected);
  });

  it.each([
    ["01.2.3.4", false, []],
    ["01.2.3.4", true, ['Invalid value: "01.2.3.4": must not have leading 0s']],
    ["2001:DB8::1", true, []],
  ])("IsValidIPForLegacyField(%j, strict %s)", (value, strict, expected) => {
    expect(bodies(isValidIPForLegacyField(at, value, strict))).toEqual(expected);
  });

  it.each([
    ["10.0.0.0/8", []],
    ["10.0.0.1/8", ['Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length']],
    ["10.0.0.0/08", ['Invalid value: "10.0.0.0/08": must not have leading 0s in IP or prefix length']],
    ["::ffff:10.0.0.0/104", ['Invalid value: "::ffff:10.0.0.0/104": must not have an IPv4-mapped IPv6 address']],
    ["2001:DB8::/32", ['Invalid value: "2001:DB8::/32": must be in canonical form ("2001:db8::/32")']],
    ["10.0.0.0", ['Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
  ])("IsValidCIDR(%j)", (value, expected) => {
    expect(bodies(isValidCIDR(at, value))).toEqual(expected);
  });

  it.each([
    ["10.0.0.1/8", false, []],
    ["010.0.0.0/08", false, []],
    ["10.0.0.1/8", true, ['Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length']],
    ["10.0.0.1/8", true, [], ["10.0.0.1/8"]],
  ])("IsValidCIDRForLegacyField(%j, strict %s)", (value, strict, expected, validOld: string[] = []) => {
    expect(bodies(isValidCIDRForLegacyField(at, value, strict, validOld))).toEqual(expected);
  });

  it.each([
    ["010.1.2.3", isValidIPv4Address, []],
    ["::ffff:1.2.3.4", isValidIPv4Address, []],
    ["::1", isValidIPv4Address, ['Invalid value: "::1": must be a valid IPv4 address']],
    ["::1", isValidIPv6Address, []],
    ["1.2.3.4", isValidIPv6Address, ['Invalid value: "1.2.3.4": must be a valid IPv6 address']],
  ])("the address families of releases before 1.33: %j", (value, check, expected) => {
    expect(bodies(check(at, value))).toEqual(expected);
  });
});

describe("net.IP's classes of addresses", () => {
  const ip = (text: string) => parseIPSloppy(text)!;
  it.each([
    [isUnspecified, ["0.0.0.0", "::", "::ffff:0.0.0.0"], ["::1", "0.0.0.1"]],
    [isLoopback, ["127.8.0.1", "::1", "::ffff:127.0.0.1"], ["128.0.0.1", "::2"]],
    [isLinkLocalUnicast, ["169.254.1.1", "fe80::1", "febf::1"], ["169.253.1.1", "fec0::1"]],
    [isLinkLocalMulticast, ["224.0.0.5", "ff02::1", "ff12::1"], ["224.0.1.5", "ff05::1"]],
  ] as const)("%o", (test, yes, no) => {
    expect(yes.map((text) => test(ip(text)))).toEqual(yes.map(() => true));
    expect(no.map((text) => test(ip(text)))).toEqual(no.map(() => false));
  });

  it("tells families apart as netutils does", () => {
    expect([isIPv6String("fd00::1"), isIPv6String("::ffff:1.2.3.4"), isIPv6String("1.2.3.4"), isIPv6String("x")]).toEqual([true, false, false, false]);
    expect([isDualStackIPStrings(["10.0.0.1", "fd00::1"]), isDualStackIPStrings(["10.0.0.1", "10.0.0.2"]), isDualStackIPStrings(["fd00::1"])]).toEqual([true, false, false]);
  });
});

describe("warnings for IPs and CIDRs of legacy fields", () => {
  const field = FieldPath.root("spec", "externalIPs").index(0);
  it.each([
    ["1.36", "10.0.0.1", []],
    ["1.36", "010.0.0.1", ['spec.externalIPs[0]: non-standard IP address "010.0.0.1" is invalid: use "10.0.0.1"']],
    ["1.36", "::ffff:1.2.3.4", ['spec.externalIPs[0]: non-standard IP address "::ffff:1.2.3.4" is invalid: use "1.2.3.4"']],
    ["1.36", "2001:DB8::1", ['spec.externalIPs[0]: IPv6 address "2001:DB8::1" should be in RFC 5952 canonical format ("2001:db8::1")']],
    ["1.35", "010.0.0.1", ['spec.externalIPs[0]: non-standard IP address "010.0.0.1" will be considered invalid in a future Kubernetes release: use "10.0.0.1"']],
    ["1.33", "::ffff:1.2.3.4", ['spec.externalIPs[0]: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future Kubernetes release: use "1.2.3.4"']],
    ["1.32", "010.0.0.1", ['spec.externalIPs[0]: IP address was accepted, but will be invalid in a future Kubernetes release: ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero']],
    ["1.32", "2001:db8:0::1", ['spec.externalIPs[0]: IPv6 address "2001:db8:0::1" is not in RFC 5952 canonical format ("2001:db8::1"), which may cause controller apply-loops']],
    ["1.32", "::ffff:1.2.3.4", []],
  ])("in %s for the IP %j", (version, value, warnings) => {
    expect(getWarningsForIP(field, value, version)).toEqual(warnings);
  });

  it.each([
    ["1.36", "10.0.0.0/8", []],
    ["1.36", "10.0.0.1/8", ['spec.externalIPs[0]: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)']],
    ["1.36", "10.0.0.0/08", ['spec.externalIPs[0]: non-standard CIDR value "10.0.0.0/08" is invalid: use "10.0.0.0/8"']],
    ["1.36", "2001:DB8::/32", ['spec.externalIPs[0]: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")']],
    ["1.34", "10.0.0.0/08", ['spec.externalIPs[0]: non-standard CIDR value "10.0.0.0/08" will be considered invalid in a future Kubernetes release: use "10.0.0.0/8"']],
    ["1.32", "10.0.0.0/08", ['spec.externalIPs[0]: IP prefix was accepted, but will be invalid in a future Kubernetes release: netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08"']],
    ["1.32", "010.0.0.0/8", ['spec.externalIPs[0]: IP prefix was accepted, but will be invalid in a future Kubernetes release: netip.ParsePrefix("010.0.0.0/8"): ParseAddr("010.0.0.0"): IPv4 field has octet with leading zero']],
    ["1.32", "10.0.0.1/8", []],
  ])("in %s for the CIDR %j", (version, value, warnings) => {
    expect(getWarningsForCIDR(field, value, version)).toEqual(warnings);
  });
});
