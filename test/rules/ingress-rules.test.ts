import { describe, expect, it } from "vitest";
import { ingressRules } from "../../src/rules/ingress/rules.js";
import { SUBDOMAIN } from "./messages.js";
import { brief, runRule, yaml } from "./helpers.js";

const ingress = (...spec: string[]) => yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata: {name: i}", "spec:", ...spec.map((l) => "  " + l));

const path = (...lines: string[]) => ingress("rules:", "- host: shop.example.com", "  http:", "    paths:", ...lines.map((l) => "    " + l));

const BACKEND = "backend: {service: {name: web, port: {number: 80}}}";

const WILDCARD =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("ingress/rules", () => {
  it.each([
    ["a host with Prefix and Exact paths", path(`- {path: /, pathType: Prefix, ${BACKEND}}`, `- {path: /api/v1, pathType: Exact, ${BACKEND}}`)],
    ["a wildcard host", ingress("rules:", "- host: '*.example.com'", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`)],
    ["an implementation-specific path without a path", path(`- {pathType: ImplementationSpecific, ${BACKEND}}`)],
    ["a default backend by port name", ingress("defaultBackend: {service: {name: web, port: {name: http}}}")],
    ["a resource backend", ingress("defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}")],
    ["a port number of the wrong type (a schema error)", ingress("defaultBackend: {service: {name: web, port: {number: '80'}}}")],
    ["TLS hosts and secret", ingress("tls: [{hosts: ['*.example.com', shop.example.com], secretName: shop-tls}]", `defaultBackend: {service: {name: web, port: {number: 443}}}`)],
  ])("accepts %s", (_name, text) => {
    expect(runRule(ingressRules, text)).toEqual([]);
  });

  it.each([
    [
      "an upper-case host",
      ingress("rules:", "- host: Shop.Example.com", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`),
      "1.36",
      [{ severity: "error", line: 6, column: 11, suggestion: "shop.example.com", message: `spec.rules[0].host: Invalid value: "Shop.Example.com": ${SUBDOMAIN}` }],
    ],
    [
      "a bare wildcard host",
      ingress("rules:", "- host: '*'", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`),
      "1.36",
      [{ severity: "error", line: 6, column: 11, message: `spec.rules[0].host: Invalid value: "*": ${WILDCARD}` }],
    ],
    [
      "an IP address as host",
      ingress("rules:", "- host: 10.0.0.1", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`),
      "1.36",
      [{ severity: "error", line: 6, column: 11, message: 'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address' }],
    ],
    [
      "a relative Prefix path",
      path(`- {path: api, pathType: Prefix, ${BACKEND}}`),
      "1.36",
      [{ severity: "error", line: 9, column: 16, suggestion: "/api", message: 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path' }],
    ],
    [
      "an Exact path with a double slash and a trailing dot segment",
      path(`- {path: '/a//b/.', pathType: Exact, ${BACKEND}}`),
      "1.36",
      [
        { severity: "error", line: 9, column: 16, message: "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/.\": cannot end with '/.'" },
        { severity: "error", line: 9, column: 16, message: "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/.\": must not contain '//'" },
      ],
    ],
    [
      "a backend with both a service and a resource",
      path("- path: /", "  pathType: Prefix", "  backend:", "    service: {name: web, port: {number: 80}}", "    resource: {kind: Bucket, name: b}"),
      "1.36",
      [{ severity: "error", line: 12, column: 11, message: 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends' }],
    ],
    [
      "a backend service without port, and one with both a port name and number",
      ingress("defaultBackend: {service: {name: web}}", "rules:", "- http:", "    paths:", "    - path: /", "      pathType: Prefix", "      backend: {service: {name: web, port: {name: http, number: 80}}}"),
      "1.36",
      [
        { severity: "error", line: 5, column: 19, message: "spec.defaultBackend: Required value: port name or number is required" },
        { severity: "error", line: 11, column: 18, message: 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number' },
      ],
    ],
    [
      "an empty backend and a service name that is not a DNS-1035 label",
      ingress("defaultBackend: {service: {name: 1web, port: {number: 80}}}", "rules:", "- host: a.example.com", "  http:", "    paths:", "    - path: /", "      pathType: Prefix", "      backend: {}"),
      "1.36",
      [
        {
          severity: "error",
          line: 5,
          column: 36,
          message:
            "spec.defaultBackend.service.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        },
        { severity: "error", line: 12, column: 9, message: 'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required' },
      ],
    ],
    [
      "an Ingress without rules or default backend, printed as JSON from 1.34",
      ingress("ingressClassName: nginx", "rules: []"),
      "1.36",
      [{ severity: "error", line: 4, column: 1, message: "spec: Invalid value: []: either `defaultBackend` or `rules` must be specified" }],
    ],
    [
      "an Ingress without rules, printed with Go syntax before 1.34",
      ingress("ingressClassName: nginx"),
      "1.31",
      [{ severity: "error", line: 4, column: 1, message: "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified" }],
    ],
    [
      "an empty list of paths",
      ingress("rules:", "- host: a.example.com", "  http: {paths: []}"),
      "1.36",
      [{ severity: "error", line: 7, column: 19, message: "spec.rules[0].http.paths: Required value" }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(brief(runRule(ingressRules, text, { kubernetesVersion: version }))).toEqual(expected);
  });
});
