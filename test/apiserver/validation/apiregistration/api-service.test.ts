import { describe, expect, it } from "vitest";
import { createPathMessages, yaml } from "../../helpers.js";

const apiService = (name: string, ...spec: string[]) =>
  yaml("apiVersion: apiregistration.k8s.io/v1", "kind: APIService", `metadata: {name: ${name}}`, "spec:", ...spec.map((l) => "  " + l));
const SERVICE = "service: {name: metrics-server, namespace: kube-system}";
const PRIORITIES = ["groupPriorityMinimum: 100", "versionPriority: 100"];

describe("validateAPIService", () => {
  it.each([
    ["an aggregated API behind a Service", apiService("v1beta1.metrics.k8s.io", "group: metrics.k8s.io", "version: v1beta1", SERVICE, "insecureSkipTLSVerify: true", ...PRIORITIES)],
    ["a Service with a CA bundle", apiService("v1beta1.metrics.k8s.io", "group: metrics.k8s.io", "version: v1beta1", SERVICE, "caBundle: Y2E=", ...PRIORITIES)],
    ["the local legacy API", apiService("v1.", "version: v1", ...PRIORITIES)],
  ])("accepts %s", (_name, text) => {
    expect(createPathMessages(text)).toEqual([]);
  });

  it.each([
    [
      "a name other than version.group, priorities out of range",
      apiService("metrics", "group: metrics.k8s.io", "version: v1beta1", SERVICE, "groupPriorityMinimum: 0", "versionPriority: 1001"),
      [
        'metadata.name: Invalid value: "metrics": must be `spec.version+"."+spec.group`: "v1beta1.metrics.k8s.io"',
        "spec.groupPriorityMinimum: Invalid value: 0: must be positive and less than 20000",
        "spec.versionPriority: Invalid value: 1001: must be positive and less than 1000",
      ],
    ],
    [
      "an empty group for another version, a bad version",
      apiService("V2.", "version: V2", ...PRIORITIES),
      [
        "spec.group: Required value: only v1 may have an empty group and it better be legacy kube",
        "spec.version: Invalid value: \"V2\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      "a local API with TLS settings",
      apiService("v1.example.com", "group: example.com", "version: v1", "caBundle: Y2E=", "insecureSkipTLSVerify: true", ...PRIORITIES),
      ['spec.caBundle: Invalid value: "2 bytes": local APIServices may not have a caBundle', "spec.insecureSkipTLSVerify: Invalid value: true: local APIServices may not have insecureSkipTLSVerify"],
    ],
    [
      "a Service without name or namespace, skipping verification with a CA bundle",
      apiService("v1.example.com", "group: example.com", "version: v1", "service: {port: 8443}", "caBundle: Y2E=", "insecureSkipTLSVerify: true", ...PRIORITIES),
      ["spec.service.namespace: Required value", "spec.service.name: Required value", "spec.insecureSkipTLSVerify: Invalid value: true: may not be true if caBundle is present"],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPathMessages(text).sort()).toEqual([...expected].sort());
  });
});
