import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { DNS1035, LABEL, SUBDOMAIN } from "../../../rules/messages.js";

const ingress = (...spec: string[]) => yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata: {name: i}", "spec:", ...spec.map((l) => "  " + l));

const path = (...lines: string[]) => ingress("rules:", "- host: shop.example.com", "  http:", "    paths:", ...lines.map((l) => "    " + l));

const BACKEND = "backend: {service: {name: web, port: {number: 80}}}";

const WILDCARD =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("validateIngressCreate", () => {
  it.each([
    ["a host with Prefix and Exact paths", path(`- {path: /, pathType: Prefix, ${BACKEND}}`, `- {path: /api/v1, pathType: Exact, ${BACKEND}}`)],
    ["a wildcard host", ingress("rules:", "- host: '*.example.com'", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`)],
    ["an implementation-specific path without a path", path(`- {pathType: ImplementationSpecific, ${BACKEND}}`)],
    ["a default backend by port name", ingress("defaultBackend: {service: {name: web, port: {name: http}}}")],
    ["a resource backend", ingress("defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}")],
    ["a port number of the wrong type (a schema error)", ingress("defaultBackend: {service: {name: web, port: {number: '80'}}}")],
    ["a service of the wrong type (a schema error)", ingress("defaultBackend: {service: web}")],
    ["rules of the wrong type (a schema error)", ingress("rules: web")],
    ["TLS hosts and secret", ingress("tls: [{hosts: ['*.example.com', shop.example.com], secretName: shop-tls}]", `defaultBackend: {service: {name: web, port: {number: 443}}}`)],
    ["a rule without http", ingress("rules: [{host: a.example.com}]")],
    [
      "the class annotation equal to ingressClassName",
      yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata: {name: i, annotations: {kubernetes.io/ingress.class: nginx}}", "spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}"),
    ],
    ["a service name starting with a digit, with RelaxedServiceNameValidation (1.36)", ingress("defaultBackend: {service: {name: 1web, port: {number: 80}}}")],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
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
      "an IPv6 address as host, which is no DNS name either",
      ingress("rules:", "- host: '::1'", `  http: {paths: [{path: /, pathType: Prefix, ${BACKEND}}]}`),
      "1.36",
      [
        { severity: "error", line: 6, column: 11, message: 'spec.rules[0].host: Invalid value: "::1": must be a DNS name, not an IP address' },
        { severity: "error", line: 6, column: 11, message: `spec.rules[0].host: Invalid value: "::1": ${SUBDOMAIN}` },
      ],
    ],
    [
      "a relative Prefix path",
      path(`- {path: api, pathType: Prefix, ${BACKEND}}`),
      "1.36",
      [{ severity: "error", line: 9, column: 16, suggestion: "/api", message: 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path' }],
    ],
    [
      "a relative implementation-specific path",
      path(`- {path: api, pathType: ImplementationSpecific, ${BACKEND}}`),
      "1.36",
      [{ severity: "error", line: 9, column: 16, suggestion: "/api", message: 'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path' }],
    ],
    [
      "an Exact path with a double slash and a trailing dot segment",
      path(`- {path: '/a//b/.', pathType: Exact, ${BACKEND}}`),
      "1.36",
      [
        { severity: "error", line: 9, column: 16, message: "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/.\": must not contain '//'" },
        { severity: "error", line: 9, column: 16, message: "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/.\": cannot end with '/.'" },
      ],
    ],
    [
      "a path without pathType",
      path(`- {path: /, ${BACKEND}}`),
      "1.36",
      [{ severity: "error", line: 9, column: 9, message: "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified" }],
    ],
    [
      "a backend with both a service and a resource",
      path("- path: /", "  pathType: Prefix", "  backend:", "    service: {name: web, port: {number: 80}}", "    resource: {kind: Bucket, name: b}"),
      "1.36",
      [{ severity: "error", line: 12, column: 11, message: 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both resource and service backends' }],
    ],
    [
      "a resource backend without kind and with a name holding a slash",
      ingress("defaultBackend: {resource: {apiGroup: Example.com, name: a/b}}"),
      "1.36",
      [
        { severity: "error", line: 5, column: 20, message: "spec.defaultBackend.resource.kind: Required value" },
        { severity: "error", line: 5, column: 41, message: `spec.defaultBackend.resource.apiGroup: Invalid value: "Example.com": ${SUBDOMAIN}` },
        { severity: "error", line: 5, column: 60, message: "spec.defaultBackend.resource.name: Invalid value: \"a/b\": may not contain '/'" },
      ],
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
      "a bad port name and a port number out of range",
      ingress("defaultBackend: {service: {name: web, port: {name: HTTP}}}", "rules:", "- http:", "    paths:", "    - path: /", "      pathType: Prefix", "      backend: {service: {name: web, port: {number: 70000}}}"),
      "1.36",
      [
        { severity: "error", line: 5, column: 54, message: 'spec.defaultBackend.service.port.name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
        { severity: "error", line: 5, column: 54, message: 'spec.defaultBackend.service.port.name: Invalid value: "HTTP": must contain at least one letter (a-z)' },
        { severity: "error", line: 11, column: 55, message: "spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive" },
      ],
    ],
    [
      "an empty backend and a service name that is not a DNS-1035 label, before RelaxedServiceNameValidation",
      ingress("defaultBackend: {service: {name: 1web, port: {number: 80}}}", "rules:", "- host: a.example.com", "  http:", "    paths:", "    - path: /", "      pathType: Prefix", "      backend: {}"),
      "1.35",
      [
        { severity: "error", line: 5, column: 36, suggestion: "web", message: `spec.defaultBackend.service.name: Invalid value: "1web": ${DNS1035}` },
        { severity: "error", line: 12, column: 18, message: 'spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required' },
      ],
    ],
    [
      "a service name that is not a DNS label, with RelaxedServiceNameValidation",
      ingress("defaultBackend: {service: {name: Web, port: {number: 80}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 36, suggestion: "web", message: `spec.defaultBackend.service.name: Invalid value: "Web": ${LABEL}` }],
    ],
    [
      "an Ingress without rules or default backend, printed as JSON from 1.34",
      ingress("ingressClassName: nginx", "rules: []"),
      "1.36",
      [{ severity: "error", line: 5, column: 3, message: "spec: Invalid value: []: either `defaultBackend` or `rules` must be specified" }],
    ],
    [
      "an Ingress without rules, printed with Go syntax before 1.34",
      ingress("ingressClassName: nginx"),
      "1.31",
      [{ severity: "error", line: 5, column: 3, message: "spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified" }],
    ],
    [
      "an empty list of paths",
      ingress("rules:", "- host: a.example.com", "  http: {paths: []}"),
      "1.36",
      [{ severity: "error", line: 7, column: 19, message: "spec.rules[0].http.paths: Required value" }],
    ],
    [
      "a TLS host and secret name that are not DNS names",
      ingress("defaultBackend: {service: {name: web, port: {number: 80}}}", "tls: [{hosts: [Shop.example.com], secretName: My_Secret}]"),
      "1.36",
      [
        { severity: "error", line: 6, column: 18, suggestion: "shop.example.com", message: `spec.tls[0].hosts[0]: Invalid value: "Shop.example.com": ${SUBDOMAIN}` },
        { severity: "error", line: 6, column: 49, message: `spec.tls[0].secretName: Invalid value: "My_Secret": ${SUBDOMAIN}` },
      ],
    ],
    [
      "an ingressClassName that is not a DNS subdomain",
      ingress("ingressClassName: Nginx", "defaultBackend: {service: {name: web, port: {number: 80}}}"),
      "1.36",
      [{ severity: "error", line: 5, column: 21, message: `spec.ingressClassName: Invalid value: "Nginx": ${SUBDOMAIN}` }],
    ],
    [
      "the class annotation different from ingressClassName",
      yaml("apiVersion: networking.k8s.io/v1", "kind: Ingress", "metadata:", "  name: i", "  annotations: {kubernetes.io/ingress.class: traefik}", "spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}"),
      "1.36",
      [{ severity: "error", line: 1, column: 1, message: 'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified' }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(createPath(text, version)).toEqual(expected);
  });
});
