import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";

const policy = (...spec: string[]) => yaml("apiVersion: networking.k8s.io/v1", "kind: NetworkPolicy", "metadata: {name: p}", "spec:", ...spec.map((l) => "  " + l));

const PORT_RANGE = "must be between 1 and 65535, inclusive";

describe("validateNetworkPolicy", () => {
  it.each([
    ["an empty spec (all ingress denied)", policy("podSelector: {}")],
    ["ports by number, range and name", policy("podSelector: {}", "ingress:", "- ports: [{port: 80}, {port: 8000, endPort: 8080, protocol: UDP}, {port: http, protocol: SCTP}]")],
    ["a port range of one port", policy("podSelector: {}", "egress:", "- ports: [{port: 53, endPort: 53}]")],
    ["peers of each kind", policy("podSelector: {}", "ingress:", "- from: [{podSelector: {}}, {namespaceSelector: {}}, {podSelector: {}, namespaceSelector: {}}, {ipBlock: {cidr: 10.0.0.0/8}}]")],
    ["an ipBlock with exceptions inside it", policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.3.0/24]}}]")],
    ["an IPv6 ipBlock", policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 'fd00::/8', except: ['fd00:1::/32']}}]")],
    ["a CIDR with host bits, before strict validation (1.35)", policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.1/8}}]")],
    ["both policy types", policy("podSelector: {}", "policyTypes: [Ingress, Egress]")],
    ["an ipBlock of the wrong type (a schema error)", policy("podSelector: {}", "egress:", "- to: [{ipBlock: 10.0.0.0/8}]")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text, "1.35")).toEqual([]);
  });

  it.each([
    [
      "a port out of range and an endPort below the port",
      policy("podSelector: {}", "ingress:", "- ports: [{port: 0}, {port: 9000, endPort: 8000}]"),
      "1.36",
      [
        { severity: "error", line: 7, column: 20, message: `spec.ingress[0].ports[0].port: Invalid value: 0: ${PORT_RANGE}` },
        { severity: "error", line: 7, column: 46, message: "spec.ingress[0].ports[1].endPort: Invalid value: 8000: must be greater than or equal to `port`" },
      ],
    ],
    [
      "an endPort out of range",
      policy("podSelector: {}", "ingress:", "- ports: [{port: 80, endPort: 70000}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 33, message: `spec.ingress[0].ports[0].endPort: Invalid value: 70000: ${PORT_RANGE}` }],
    ],
    [
      "an endPort with a named port, and one without a port",
      policy("podSelector: {}", "egress:", "- ports: [{port: http, endPort: 90}, {endPort: 90}]"),
      "1.36",
      [
        { severity: "error", line: 7, column: 35, message: "spec.egress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric" },
        { severity: "error", line: 7, column: 50, message: "spec.egress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is not specified" },
      ],
    ],
    [
      "a port name that is not an IANA service name",
      policy("podSelector: {}", "ingress:", "- ports: [{port: my--port}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 20, message: 'spec.ingress[0].ports[0].port: Invalid value: "my--port": must not contain consecutive hyphens' }],
    ],
    [
      "an empty peer",
      policy("podSelector: {}", "ingress:", "- from: [{}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 12, message: "spec.ingress[0].from[0]: Required value: must specify a peer" }],
    ],
    [
      "an ipBlock together with a selector",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 10, message: "spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer" }],
    ],
    [
      "an ipBlock without a CIDR",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {except: [10.0.0.0/8]}}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 11, message: "spec.egress[0].to[0].ipBlock.cidr: Required value" }],
    ],
    [
      "a CIDR and an exception that do not parse (1.33 and later)",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/33, 10.1.0.0/16]}}]"),
      "1.35",
      [{ severity: "error", line: 7, column: 48, message: "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)" }],
    ],
    [
      "an exception outside the CIDR, and one as wide as it",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24, 10.0.0.0/16, 10.0.0.0/8]}}]"),
      "1.36",
      [
        { severity: "error", line: 7, column: 49, message: "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"192.168.0.0/24\": must be a strict subset of `cidr`" },
        { severity: "error", line: 7, column: 65, message: "spec.egress[0].to[0].ipBlock.except[1]: Invalid value: \"10.0.0.0/16\": must be a strict subset of `cidr`" },
        { severity: "error", line: 7, column: 78, message: "spec.egress[0].to[0].ipBlock.except[2]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`" },
      ],
    ],
    [
      "an exception of another IP family",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: ['fd00::/16']}}]"),
      "1.36",
      [{ severity: "error", line: 7, column: 48, message: "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"fd00::/16\": must be a strict subset of `cidr`" }],
    ],
    [
      "a CIDR with host bits and leading zeros, with StrictIPCIDRValidation (1.36)",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.1/8, except: [010.1.0.0/16]}}]"),
      "1.36",
      [
        { severity: "error", line: 7, column: 27, message: 'spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length' },
        { severity: "error", line: 7, column: 48, message: 'spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "010.1.0.0/16": must not have leading 0s in IP or prefix length' },
      ],
    ],
    [
      "a CIDR that does not parse, before 1.33",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0, except: [10.1.0.0/16]}}]"),
      "1.32",
      [{ severity: "error", line: 7, column: 27, message: 'spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0": not a valid CIDR' }],
    ],
    [
      "a bad exception ends the checks, before 1.33",
      policy("podSelector: {}", "egress:", "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16, x, 172.16.0.0/12]}}]"),
      "1.32",
      [
        { severity: "error", line: 7, column: 48, message: "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"192.168.0.0/16\": must be a strict subset of `cidr`" },
        { severity: "error", line: 7, column: 64, message: 'spec.egress[0].to[0].ipBlock.except[1]: Invalid value: "x": not a valid CIDR' },
      ],
    ],
    [
      "more than two policy types, printed as JSON from 1.34",
      policy("podSelector: {}", "policyTypes: [Ingress, Egress, Ingress]"),
      "1.36",
      [{ severity: "error", line: 6, column: 16, message: 'spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes' }],
    ],
    [
      "more than two policy types, printed with Go syntax before 1.34",
      policy("podSelector: {}", "policyTypes: [Ingress, Egress, Ingress]"),
      "1.33",
      [{ severity: "error", line: 6, column: 16, message: 'spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes' }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPath(text, version)).toEqual(expected);
  });
});
