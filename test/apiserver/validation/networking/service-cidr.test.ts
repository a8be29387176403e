import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const serviceCIDR = (...spec: string[]) => yaml("apiVersion: networking.k8s.io/v1", "kind: ServiceCIDR", "metadata: {name: extra}", "spec:", ...spec.map((l) => "  " + l));

describe("validateServiceCIDR", () => {
  it.each([
    ["one CIDR", serviceCIDR("cidrs: [10.96.0.0/12]")],
    ["one CIDR per family", serviceCIDR("cidrs: [10.96.0.0/12, 'fd00:10:96::/112']")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["no CIDR", serviceCIDR("cidrs: []"), "1.36", ["spec.cidrs: Required value: at least one CIDR required"]],
    [
      "three CIDRs, printed as JSON from 1.34",
      serviceCIDR("cidrs: [10.0.0.0/8, 10.1.0.0/16, 'fd00::/64']"),
      "1.36",
      ['spec.cidrs: Invalid value: {"cidrs":["10.0.0.0/8","10.1.0.0/16","fd00::/64"]}: may only hold up to 2 values'],
    ],
    [
      "three CIDRs, printed with Go syntax before 1.34",
      serviceCIDR("cidrs: [10.0.0.0/8, 10.1.0.0/16, 'fd00::/64']"),
      "1.33",
      ['spec.cidrs: Invalid value: networking.ServiceCIDRSpec{CIDRs:[]string{"10.0.0.0/8", "10.1.0.0/16", "fd00::/64"}}: may only hold up to 2 values'],
    ],
    [
      "two CIDRs of one family, one not canonical",
      serviceCIDR("cidrs: [10.0.0.1/8, 192.168.0.0/16]"),
      "1.36",
      ['spec.cidrs[0]: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length', 'spec.cidrs: Invalid value: ["10.0.0.1/8","192.168.0.0/16"]: may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64'],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPathMessages(text, version).sort()).toEqual([...expected].sort());
  });
});
