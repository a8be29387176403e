import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { SUBDOMAIN } from "../../../rules/messages.js";

const ingressClass = (...spec: string[]) => yaml("apiVersion: networking.k8s.io/v1", "kind: IngressClass", "metadata: {name: nginx}", "spec:", ...spec.map((l) => "  " + l));

describe("validateIngressClass", () => {
  it.each([
    ["a controller", ingressClass("controller: k8s.io/ingress-nginx")],
    ["cluster-scoped parameters (the default scope)", ingressClass("controller: example.com/ingress", "parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external}")],
    ["namespaced parameters", ingressClass("controller: example.com/ingress", "parameters: {kind: ConfigMap, name: params, scope: Namespace, namespace: ingress}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["no controller", ingressClass("parameters: {kind: K, name: params}"), [{ severity: "error", line: 4, column: 1, message: "spec.controller: Required value" }]],
    [
      "a controller without a path",
      ingressClass("controller: nginx"),
      [{ severity: "error", line: 5, column: 15, message: 'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")' }],
    ],
    [
      "a controller with a bad domain and path",
      ingressClass("controller: Example.com/a b"),
      [
        { severity: "error", line: 5, column: 15, message: `spec.controller: Invalid value: "Example.com": ${SUBDOMAIN}` },
        { severity: "error", line: 5, column: 15, message: "spec.controller: Invalid value: \"a b\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')" },
      ],
    ],
    [
      "a controller longer than 250 bytes",
      ingressClass(`controller: example.com/${"a".repeat(240)}`),
      [{ severity: "error", line: 5, column: 15, message: "spec.controller: Too long: must have at most 250 bytes" }],
    ],
    [
      "parameters without kind and name",
      ingressClass("controller: example.com/x", "parameters: {apiGroup: Example}"),
      [
        { severity: "error", line: 6, column: 3, message: "spec.parameters.kind: Required value" },
        { severity: "error", line: 6, column: 3, message: "spec.parameters.name: Required value" },
        { severity: "error", line: 6, column: 26, message: `spec.parameters.apiGroup: Invalid value: "Example": ${SUBDOMAIN}` },
      ],
    ],
    [
      "a Namespace scope without namespace",
      ingressClass("controller: example.com/x", "parameters: {kind: K, name: params, scope: Namespace}"),
      [{ severity: "error", line: 6, column: 3, message: "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'" }],
    ],
    [
      "a namespace that is not a DNS label",
      ingressClass("controller: example.com/x", "parameters: {kind: K, name: params, scope: Namespace, namespace: my.ns}"),
      [{ severity: "error", line: 6, column: 68, message: 'spec.parameters.namespace: Invalid value: "my.ns": must not contain dots' }],
    ],
    [
      "a Cluster scope with a namespace",
      ingressClass("controller: example.com/x", "parameters: {kind: K, name: params, scope: Cluster, namespace: ns}"),
      [{ severity: "error", line: 6, column: 55, message: "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'" }],
    ],
    [
      "an unsupported scope",
      ingressClass("controller: example.com/x", "parameters: {kind: K, name: params, scope: Global}"),
      [{ severity: "error", line: 6, column: 46, message: 'spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text, "1.31")).toEqual(expected);
  });
});
