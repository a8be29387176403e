// An Ingress as networking validation checks it (ValidateIngressSpec,
// validateIngressRules, validateHTTPIngressPath, validateIngressBackend,
// validateIngressTLS): lowercase DNS hosts (a leading `*.` allowed), absolute
// paths for Prefix and Exact, and backends naming one service port or one resource.
import { isIPv6 } from "node:net";
import type { KubeObject, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid, rendersCompositeAsJson, required, scalarValue } from "../support/field-errors.js";
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, regexError } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { toDnsName } from "../support/suggestions.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, type JsonRecord } from "../../util/object-access.js";

const EMPTY = scalarValue("");
const INVALID_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_SUFFIXES = ["/..", "/."];
const WILDCARD_FMT = "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const WILDCARD = new RegExp(`^${WILDCARD_FMT}$`);

/** netutils.ParseIPSloppy: IPv4 (leading zeros allowed) or IPv6. */
function isIP(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255);
  return isIPv6(text);
}

/** validation.IsWildcardDNS1123Subdomain. */
function wildcardErrors(host: string): string[] {
  const errors: string[] = [];
  if (Buffer.byteLength(host) > 253) errors.push("must be no more than 253 characters");
  if (!WILDCARD.test(host)) {
    errors.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        WILDCARD_FMT,
        "*.example.com",
      ),
    );
  }
  return errors;
}

function hostSuggestion(host: string): string | undefined {
  if (host.startsWith("*.")) {
    const rest = toDnsName(host.slice(2), "subdomain") ?? host.slice(2);
    const fixed = `*.${rest}`;
    return fixed !== host && wildcardErrors(fixed).length === 0 ? fixed : undefined;
  }
  return toDnsName(host, "subdomain");
}

/** A rule or TLS host: a DNS subdomain, a wildcard one when it has a `*`; a rule's host not an IP. */
function hostReports(host: unknown, at: PathSegment[], rejectIP: boolean): Report[] {
  if (typeof host !== "string" || host === "") return [];
  const shown = scalarValue(host);
  const reports: Report[] = [];
  if (rejectIP && isIP(host)) reports.push(reportAt(at, invalid(fieldPath(at), shown, "must be a DNS name, not an IP address")));
  const details = host.includes("*") ? wildcardErrors(host) : isDNS1123Subdomain(host);
  const suggestion = details.length > 0 ? hostSuggestion(host) : undefined;
  for (const detail of details) reports.push(reportAt(at, invalid(fieldPath(at), shown, detail), suggestion ? { suggestion } : {}));
  return reports;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function servicePortReports(service: JsonRecord, at: PathSegment[]): Report[] {
  const port = isRecord(service.port) ? service.port : {};
  // A name or number of the wrong type is the schema layer's error.
  if ((isSet(port.name) && typeof port.name !== "string") || (isSet(port.number) && !Number.isInteger(port.number))) return [];
  const name = typeof port.name === "string" ? port.name : "";
  const number = typeof port.number === "number" ? port.number : 0;
  if (name !== "" && number !== 0) return [reportAt(at, invalid(fieldPath(at), EMPTY, "cannot set both port name & port number"))];
  if (name !== "") {
    const nameAt = [...at, "service", "port", "name"];
    return isValidPortName(name).map((detail) => reportAt(nameAt, invalid(fieldPath(nameAt), scalarValue(name), detail)));
  }
  if (number !== 0) {
    const numberAt = [...at, "service", "port", "number"];
    return isValidPortNum(number).map((detail) => reportAt(numberAt, invalid(fieldPath(numberAt), String(number), detail)));
  }
  return [reportAt(at, required(fieldPath(at), "port name or number is required"))];
}

/** validateIngressBackend: one service (with a name and one port) or one resource. */
function backendReports(backend: unknown, at: PathSegment[]): Report[] {
  if (!isRecord(backend)) return [];
  const hasResource = isSet(backend.resource);
  const service = backend.service;
  if (hasResource && isSet(service)) return [reportAt(at, invalid(fieldPath(at), EMPTY, "cannot set both resource and service backends"))];
  if (hasResource) return [];
  if (!isSet(service)) return [reportAt(at, invalid(fieldPath(at), EMPTY, "resource or service backend is required"), { atKey: true })];
  if (!isRecord(service)) return [];
  const reports: Report[] = [];
  const nameAt = [...at, "service", "name"];
  if (service.name === "") reports.push(reportAt(nameAt, required(fieldPath(nameAt))));
  else if (typeof service.name === "string") {
    for (const detail of isDNS1035Label(service.name)) reports.push(reportAt(nameAt, invalid(fieldPath(nameAt), scalarValue(service.name), detail)));
  }
  return [...reports, ...servicePortReports(service, at)];
}

/** validateHTTPIngressPath, for the path types the schema accepts. */
function pathReports(path: JsonRecord, at: PathSegment[]): Report[] {
  const reports: Report[] = [];
  const type = path.pathType;
  const value = typeof path.path === "string" ? path.path : path.path === undefined || path.path === null ? "" : undefined;
  const valueAt = [...at, "path"];
  if (value !== undefined && (type === "Exact" || type === "Prefix")) {
    const shown = scalarValue(value);
    const fix = { suggestion: "/" + value.replace(/^\/*/, "") };
    if (!value.startsWith("/")) reports.push(reportAt(valueAt, invalid(fieldPath(valueAt), shown, "must be an absolute path"), fix));
    for (const sequence of value === "" ? [] : INVALID_SEQUENCES) {
      if (value.includes(sequence)) reports.push(reportAt(valueAt, invalid(fieldPath(valueAt), shown, `must not contain '${sequence}'`)));
    }
    for (const suffix of value === "" ? [] : INVALID_SUFFIXES) {
      if (value.endsWith(suffix)) reports.push(reportAt(valueAt, invalid(fieldPath(valueAt), shown, `cannot end with '${suffix}'`)));
    }
  } else if (value !== undefined && value !== "" && type === "ImplementationSpecific" && !value.startsWith("/")) {
    reports.push(reportAt(valueAt, invalid(fieldPath(valueAt), scalarValue(value), "must be an absolute path"), { suggestion: "/" + value }));
  }
  return [...reports, ...backendReports(path.backend, [...at, "backend"])];
}

function ruleReports(rule: JsonRecord, at: PathSegment[]): Report[] {
  const reports = hostReports(rule.host, [...at, "host"], true);
  const http = rule.http;
  if (!isRecord(http)) return reports;
  const pathsAt = [...at, "http", "paths"];
  if (Array.isArray(http.paths) && http.paths.length === 0) reports.push(reportAt(pathsAt, required(fieldPath(pathsAt))));
  arrayOf(http.paths).forEach((path, index) => {
    if (isRecord(path)) reports.push(...pathReports(path, [...pathsAt, index]));
  });
  return reports;
}

function tlsReports(tls: unknown): Report[] {
  return arrayOf(tls).flatMap((entry, index) => {
    if (!isRecord(entry)) return [];
    const at = ["spec", "tls", index];
    const reports = arrayOf(entry.hosts).flatMap((host, hostIndex) => hostReports(host, [...at, "hosts", hostIndex], false));
    const secretName = entry.secretName;
    if (typeof secretName === "string" && secretName !== "") {
      const secretAt = [...at, "secretName"];
      for (const detail of isDNS1123Subdomain(secretName)) reports.push(reportAt(secretAt, invalid(fieldPath(secretAt), scalarValue(secretName), detail)));
    }
    return reports;
  });
}

/** The `rules` bad value of the "either ... or" error: a nil or an empty slice. */
function rulesValue(rules: unknown, context: RuleContext): string {
  const empty = Array.isArray(rules);
  if (rendersCompositeAsJson(context.kubernetesVersion)) return empty ? "[]" : "null";
  return empty ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)";
}

function ingressReports(object: KubeObject, context: RuleContext): Report[] {
  if (!isRecord(object.spec)) return [];
  const spec = object.spec;
  const reports: Report[] = [];
  const rules = spec.rules;
  if (arrayOf(rules).length === 0 && !isSet(spec.defaultBackend) && (rules === undefined || rules === null || Array.isArray(rules))) {
    reports.push(reportAt(["spec"], invalid("spec", rulesValue(rules, context), "either `defaultBackend` or `rules` must be specified"), { atKey: true }));
  }
  if (isSet(spec.defaultBackend)) reports.push(...backendReports(spec.defaultBackend, ["spec", "defaultBackend"]));
  arrayOf(rules).forEach((rule, index) => {
    if (isRecord(rule)) reports.push(...ruleReports(rule, ["spec", "rules", index]));
  });
  reports.push(...tlsReports(spec.tls));
  const className = spec.ingressClassName;
  if (typeof className === "string") {
    const classAt = ["spec", "ingressClassName"];
    for (const detail of isDNS1123Subdomain(className)) reports.push(reportAt(classAt, invalid(fieldPath(classAt), scalarValue(className), detail)));
  }
  return reports;
}

export const ingressRules: Rule = {
  id: "ingress/rules",
  severity: "error",
  description: "Ingress hosts must be lowercase DNS names (a leading `*.` allowed), Prefix and Exact paths absolute, and each backend one Service with one port, or one resource.",
  check(document, context) {
    const object = document.object;
    if (object.kind !== "Ingress" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    return ingressReports(object, context);
  },
};
