import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const ipAddress = (name: string, spec: string) => yaml("apiVersion: networking.k8s.io/v1", "kind: IPAddress", `metadata: {name: '${name}'}`, `spec: ${spec}`);
const SERVICE = "{parentRef: {resource: services, name: web, namespace: shop}}";
const PATH_SEGMENT = "may not contain '/'";

describe("ValidateIPAddress", () => {
  it.each([
    ["an IPv4 address of a Service", ipAddress("10.96.0.10", SERVICE)],
    ["an IPv6 address with a group", ipAddress("2001:db8::a", "{parentRef: {group: gateway.networking.k8s.io, resource: gateways, name: gw}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    ["a name that is not an IP", ipAddress("web", SERVICE), ['metadata.name: Invalid value: "web": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ["a name with leading zeros", ipAddress("10.96.0.010", SERVICE), ['metadata.name: Invalid value: "10.96.0.010": must not have leading 0s']],
    ["a name not in canonical form", ipAddress("2001:DB8::A", SERVICE), ['metadata.name: Invalid value: "2001:DB8::A": must be in canonical form ("2001:db8::a")']],
    ["no parent reference", ipAddress("10.96.0.10", "{}"), ["spec.parentRef: Required value"]],
    ["a parent reference without resource or name", ipAddress("10.96.0.10", "{parentRef: {namespace: shop}}"), ["spec.parentRef.resource: Required value", "spec.parentRef.name: Required value"]],
    [
      "bad parts of the parent reference",
      ipAddress("10.96.0.10", "{parentRef: {group: Bad_Group, resource: a/b, name: c/d, namespace: e/f}}"),
      [
        "spec.parentRef.group: Invalid value: \"Bad_Group\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        `spec.parentRef.resource: Invalid value: "a/b": ${PATH_SEGMENT}`,
        `spec.parentRef.name: Invalid value: "c/d": ${PATH_SEGMENT}`,
        `spec.parentRef.namespace: Invalid value: "e/f": ${PATH_SEGMENT}`,
      ],
    ],
  ])("rejects %s", (_name, text, messages) => {
    expect(createPathMessages(text)).toEqual(messages);
  });
});
