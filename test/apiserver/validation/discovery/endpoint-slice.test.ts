import { describe, expect, it } from "vitest";
import { validateEndpointSlice } from "../../../../src/apiserver/validation/discovery/endpoint-slice.js";
import { errorMessage } from "../../../../src/apiserver/field/errors.js";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { LABEL } from "../../../rules/messages.js";

const slice = (addressType: string, ...lines: string[]) =>
  yaml("apiVersion: discovery.k8s.io/v1", "kind: EndpointSlice", "metadata: {name: s, namespace: ns}", `addressType: ${addressType}`, ...lines);

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("validateEndpointSlice", () => {
  it.each([
    [
      "IPv4 endpoints with every field",
      slice("IPv4", "endpoints:", "- addresses: [10.1.2.3]", "  conditions: {ready: true}", "  hostname: pod-1", "  nodeName: node-1", "  zone: a", "  hints: {forZones: [{name: a}]}", "ports: [{name: http, port: 80, appProtocol: kubernetes.io/h2c}, {port: 81}]"),
    ],
    ["IPv6 endpoints", slice("IPv6", "endpoints: [{addresses: ['2001:db8::1']}]")],
    ["no endpoints and no ports", slice("IPv4")],
    ["node hints (PreferSameTrafficDistribution, 1.34 on)", slice("IPv4", "endpoints: [{addresses: [10.0.0.1], hints: {forZones: [{name: a}], forNodes: [{name: node-1}, {name: node-2.example}]}}]")],
    ["node hints that would be invalid, dropped before 1.34", slice("IPv4", "endpoints: [{addresses: [10.0.0.1], hints: {forNodes: [{name: Node_1}, {name: Node_1}]}}]"), "1.33"],
    [
      "a deprecatedTopology written through v1, dropped before validation",
      slice("IPv4", "endpoints: [{addresses: [10.0.0.1], deprecatedTopology: {topology.kubernetes.io/zone: a, '--bad': x}}]"),
    ],
  ])("accepts %s", (_name, text, version = "1.36") => {
    expect(createPathMessages(text, version)).toEqual([]);
  });

  it.each([
    ["an unsupported address type", slice("IP"), ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"'], "1.36"],
    ["an endpoint without addresses", slice("IPv4", "endpoints: [{addresses: []}]"), ["endpoints[0].addresses: Required value: must contain at least 1 address"], "1.36"],
    [
      "an IPv6 address in an IPv4 slice, and special addresses (1.33 and later)",
      slice("IPv4", "endpoints: [{addresses: ['2001:db8::1', 127.0.0.1, 169.254.1.1, 0.0.0.0, 224.0.0.5]}]"),
      [
        'endpoints[0].addresses: Invalid value: "2001:db8::1": must be an IPv4 address',
        'endpoints[0].addresses[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'endpoints[0].addresses[2]: Invalid value: "169.254.1.1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
        'endpoints[0].addresses[3]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
        'endpoints[0].addresses[4]: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ],
      "1.36",
    ],
    [
      "addresses that are not canonical (1.33 and later)",
      slice("IPv6", "endpoints: [{addresses: ['2001:DB8::1', 'fe80::1', 10.0.0.1]}]"),
      [
        'endpoints[0].addresses[0]: Invalid value: "2001:DB8::1": must be in canonical form ("2001:db8::1")',
        'endpoints[0].addresses[1]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
        'endpoints[0].addresses: Invalid value: "10.0.0.1": must be an IPv6 address',
      ],
      "1.36",
    ],
    [
      "addresses of the other family, before 1.33",
      slice("IPv4", "endpoints: [{addresses: ['2001:db8::1', 010.0.0.1]}]"),
      ['endpoints[0].addresses[0]: Invalid value: "2001:db8::1": must be a valid IPv4 address'],
      "1.32",
    ],
    [
      "FQDN addresses that are not domain names",
      slice("FQDN", "endpoints: [{addresses: [localhost, Example.com]}]"),
      [
        'endpoints[0].addresses[0]: Invalid value: "localhost": should be a domain with at least two segments separated by dots',
        "endpoints[0].addresses[1]: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
      "1.36",
    ],
    [
      "a bad hostname and node name",
      slice("IPv4", "endpoints: [{addresses: [10.0.0.1], hostname: Pod_1, nodeName: Node_1}]"),
      [
        `endpoints[0].hostname: Invalid value: "Pod_1": ${LABEL}`,
        "endpoints[0].nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
      "1.36",
    ],
    [
      "zone hints repeated and not label values",
      slice("IPv4", "endpoints: [{addresses: [10.0.0.1], hints: {forZones: [{name: a}, {name: a}, {name: 'b c'}]}}]"),
      ['endpoints[0].hints.forZones[1].name: Duplicate value: "a"', `endpoints[0].hints.forZones[2].name: Invalid value: "b c": ${LABEL_VALUE}`],
      "1.36",
    ],
    [
      "more than 8 zone hints",
      slice("IPv4", `endpoints: [{addresses: [10.0.0.1], hints: {forZones: [${"abcdefghi".split("").map((z) => `{name: ${z}}`).join(", ")}]}}]`),
      ["endpoints[0].hints.forZones: Too many: 9: must have at most 8 items"],
      "1.36",
    ],
    [
      "node hints repeated and not node names (1.34 on)",
      slice("IPv4", "endpoints: [{addresses: [10.0.0.1], hints: {forNodes: [{name: node-1}, {name: node-1}, {name: Node_2}]}}]"),
      ['endpoints[0].hints.forNodes[1].name: Duplicate value: "node-1"', `endpoints[0].hints.forNodes[2].name: Invalid value: "Node_2": ${SUBDOMAIN}`],
      "1.34",
    ],
    [
      "more than 8 node hints, after the zones' own errors",
      slice("IPv4", `endpoints: [{addresses: [10.0.0.1], hints: {forZones: [{name: 'b c'}], forNodes: [${"abcdefghi".split("").map((n) => `{name: ${n}}`).join(", ")}]}}]`),
      [`endpoints[0].hints.forZones[0].name: Invalid value: "b c": ${LABEL_VALUE}`, "endpoints[0].hints.forNodes: Too many: 9: must have at most 8 items"],
      "1.36",
    ],
    [
      "more than 8 zone hints: node hints not checked",
      slice("IPv4", `endpoints: [{addresses: [10.0.0.1], hints: {forZones: [${"abcdefghi".split("").map((z) => `{name: ${z}}`).join(", ")}], forNodes: [{name: N}]}}]`),
      ["endpoints[0].hints.forZones: Too many: 9: must have at most 8 items"],
      "1.36",
    ],
    [
      "ports with a repeated name, a bad name, an unsupported protocol and app protocol",
      slice("IPv4", "ports: [{name: http, port: 80}, {name: http, port: 81}, {name: HTTP, port: 82, protocol: ICMP, appProtocol: 'a b'}, {port: 83}, {port: 84}]"),
      [
        'ports[1].name: Duplicate value: "http"',
        `ports[2].name: Invalid value: "HTTP": ${LABEL}`,
        'ports[2].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
        "ports[2].appProtocol: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'ports[4].name: Duplicate value: ""',
      ],
      "1.36",
    ],
  ])("reports %s", (_name, text, expected, version) => {
    expect(createPathMessages(text, version).sort()).toEqual([...expected].sort());
  });
});

// Unreachable through discovery.k8s.io/v1, whose creates drop deprecatedTopology:
// upstream's validateEndpoints still checks it, as the internal form carries it.
describe("validateEndpointSlice: deprecatedTopology", () => {
  const endpointSlice = (deprecatedTopology: Record<string, string>) => ({ addressType: "IPv4", endpoints: [{ addresses: ["10.0.0.1"], deprecatedTopology }] });
  it.each([
    ["the zone label", { "topology.kubernetes.io/zone": "a" }, ["endpoints[0].deprecatedTopology[topology.kubernetes.io/zone]: Internal error: reserved key was not removed in conversion"]],
    ["more than 16 labels", Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"])), ["endpoints[0].deprecatedTopology: Too many: 17: must have at most 16 items"]],
    ["a label key that is not a qualified name", { "--bad": "x" }, ["endpoints[0].deprecatedTopology: Invalid value: \"--bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
    ["a valid label", { "kubernetes.io/hostname": "node-1" }, []],
  ])("%s", (_name, topology, expected) => {
    expect(validateEndpointSlice(endpointSlice(topology), "1.36").map((error) => errorMessage(error, "1.36"))).toEqual(expected);
  });
});

describe("EndpointSlice warnings on create", () => {
  it.each([
    ["an FQDN slice", slice("FQDN", "endpoints: [{addresses: [example.com, 'db.example.com.']}]"), "1.36", [{ severity: "warning", line: 4, column: 14, message: "spec.addressType: FQDN endpoints are deprecated" }]],
    ["a canonical address", slice("IPv4", "endpoints: [{addresses: [10.0.0.1]}]"), "1.36", []],
  ])("%s", (_name, text, version, expected) => {
    expect(createPath(text, version).map(({ severity, line, column, message }) => ({ severity, line, column, message }))).toEqual(expected);
  });
});
