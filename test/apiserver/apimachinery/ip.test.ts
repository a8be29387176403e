import { describe, expect, it } from "vitest";
import { isValidCIDR, isValidCIDRForLegacyField, isValidIP, isValidIPForLegacyField, isValidIPv4Address, isValidIPv6Address } from "../../../src/apiserver/apimachinery/ip.js";
import { ipString, netContains, parseCIDRSloppy, parseIPSloppy } from "../../../src/apiserver/apimachinery/net.js";
import { errorBody } from "../../../src/apiserver/field/errors.js";
import { FieldPath } from "../../../src/apiserver/field/path.js";

const at = FieldPath.root("ip");
const bodies = (errors: ReturnType<typeof isValidIP>) => errors.map((error) => errorBody(error));

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
