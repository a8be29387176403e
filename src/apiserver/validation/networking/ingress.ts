// ValidateIngressCreate (pkg/apis/networking/validation/validation.go): rules
// and their hosts (DNS names, a leading `*.` allowed, no IP), paths by path
// type, backends (one Service port or one resource), TLS hosts and secret
// names, the class name, and the class annotation beside ingressClassName.
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isPathSegmentName, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from "../../apimachinery/validation.js";
import { parseIPSloppy } from "../../apimachinery/net.js";
import { invalid, notSupported, PrintedValue, required, type ErrorList, type FieldError } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { rendersCompositeAsJson } from "../../field/values.js";
import { featureEnabled } from "../../features.js";
import { toDnsName } from "../../apimachinery/suggestions.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { int, isSet, list, obj, str, stringMap, strings } from "../core/fields.js";
import { appendAll } from "../../../util/append.js";

const ANNOTATION_INGRESS_CLASS = "kubernetes.io/ingress.class";
const SUPPORTED_PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];
const INVALID_PATH_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_PATH_SUFFIXES = ["/..", "/."];

interface IngressValidationOptions {
  /** RelaxedServiceNameValidation: backend Service names need only be DNS labels. */
  allowRelaxedServiceNameValidation: boolean;
}

function withSuggestion(error: FieldError, suggestion: string | undefined): FieldError {
  return suggestion === undefined ? error : { ...error, suggestion };
}

/** The nearest valid host: lower case, forbidden characters replaced, a leading `*.` kept. */
function hostSuggestion(host: string): string | undefined {
  if (parseIPSloppy(host)) return undefined;
  if (!host.startsWith("*.")) return toDnsName(host, "subdomain");
  const fixed = `*.${toDnsName(host.slice(2), "subdomain") ?? host.slice(2)}`;
  return fixed !== host && isWildcardDNS1123Subdomain(fixed).length === 0 ? fixed : undefined;
}

/** A host's DNS checks: a wildcard subdomain when it has a `*`, else a subdomain. */
function hostErrors(host: string, field: FieldPath): ErrorList {
  const details = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  const suggestion = details.length > 0 ? hostSuggestion(host) : undefined;
  return details.map((detail) => withSuggestion(invalid(field, host, detail), suggestion));
}

/** validateIngressTLS: hosts, and secret names when set. */
function validateIngressTLS(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  list(spec, "tls").forEach((tls, i) => {
    strings(tls, "hosts").forEach((host, j) => appendAll(errors, hostErrors(host, fldPath.index(i).child("hosts").index(j))));
    const secretName = str(tls, "secretName");
    // validateTLSSecretName: ValidateSecretName, a DNS subdomain.
    if (secretName !== "") for (const detail of isDNS1123Subdomain(secretName)) errors.push(invalid(fldPath.index(i).child("secretName"), secretName, detail));
  });
  return errors;
}

/** validateIngressTypedLocalObjectReference: a resource backend. */
function validateIngressTypedLocalObjectReference(params: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (typeof params.apiGroup === "string") for (const detail of isDNS1123Subdomain(params.apiGroup)) errors.push(invalid(fldPath.child("apiGroup"), params.apiGroup, detail));
  for (const key of ["kind", "name"]) {
    const value = str(params, key);
    if (value === "") errors.push(required(fldPath.child(key)));
    else for (const detail of isPathSegmentName(value)) errors.push(invalid(fldPath.child(key), value, detail));
  }
  return errors;
}

/** validateIngressBackend: one service (a name and one port) or one resource. */
function validateIngressBackend(backend: JsonRecord, fldPath: FieldPath, opts: IngressValidationOptions): ErrorList {
  const resource = obj(backend, "resource");
  const service = obj(backend, "service");
  if (isSet(backend, "resource") && isSet(backend, "service")) return [invalid(fldPath, "", "cannot set both resource and service backends")];
  if (resource) return validateIngressTypedLocalObjectReference(resource, fldPath.child("resource"));
  if (!isSet(backend, "resource") && !isSet(backend, "service")) return [invalid(fldPath, "", "resource or service backend is required")];
  // A backend of the wrong type is the schema layer's error.
  if (!service) return [];
  const errors: ErrorList = [];
  const name = str(service, "name");
  if (name === "") errors.push(required(fldPath.child("service", "name")));
  else {
    // ValidateServiceName (a DNS-1035 label), or a DNS label with RelaxedServiceNameValidation.
    const details = opts.allowRelaxedServiceNameValidation ? isDNS1123Label(name) : isDNS1035Label(name);
    const suggestion = details.length > 0 ? toDnsName(name, opts.allowRelaxedServiceNameValidation ? "label" : "dns1035") : undefined;
    for (const detail of details) errors.push(withSuggestion(invalid(fldPath.child("service", "name"), name, detail), suggestion));
  }
  const port = obj(service, "port") ?? {};
  // A port name or number of the wrong type is the schema layer's error.
  if ((isSet(port, "name") && typeof port.name !== "string") || (isSet(port, "number") && int(port, "number") === undefined)) return errors;
  const portName = str(port, "name");
  const portNumber = int(port, "number") ?? 0;
  if (portName !== "" && portNumber !== 0) errors.push(invalid(fldPath, "", "cannot set both port name & port number"));
  else if (portName !== "") for (const detail of isValidPortName(portName)) errors.push(invalid(fldPath.child("service", "port", "name"), portName, detail));
  else if (portNumber !== 0) for (const detail of isValidPortNum(portNumber)) errors.push(invalid(fldPath.child("service", "port", "number"), portNumber, detail));
  else errors.push(required(fldPath, "port name or number is required"));
  return errors;
}

/** validateHTTPIngressPath: a path type, a path that suits it, a backend. */
function validateHTTPIngressPath(path: JsonRecord, fldPath: FieldPath, opts: IngressValidationOptions): ErrorList {
  if (!isSet(path, "pathType")) return [required(fldPath.child("pathType"), "pathType must be specified")];
  const errors: ErrorList = [];
  const pathType = str(path, "pathType");
  const value = str(path, "path");
  const absolute = withSuggestion(invalid(fldPath.child("path"), value, "must be an absolute path"), "/" + value.replace(/^\/*/, ""));
  if (pathType === "Exact" || pathType === "Prefix") {
    if (!value.startsWith("/")) errors.push(absolute);
    if (value.length > 0) {
      for (const sequence of INVALID_PATH_SEQUENCES) if (value.includes(sequence)) errors.push(invalid(fldPath.child("path"), value, `must not contain '${sequence}'`));
      for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errors.push(invalid(fldPath.child("path"), value, `cannot end with '${suffix}'`));
    }
  } else if (pathType === "ImplementationSpecific") {
    if (value.length > 0 && !value.startsWith("/")) errors.push(absolute);
  } else {
    errors.push(notSupported(fldPath.child("pathType"), pathType, SUPPORTED_PATH_TYPES));
  }
  return [...errors, ...validateIngressBackend(obj(path, "backend") ?? {}, fldPath.child("backend"), opts)];
}

/** validateIngressRules: hosts (not IPs), and each HTTP rule's paths. */
function validateIngressRules(spec: JsonRecord, fldPath: FieldPath, opts: IngressValidationOptions): ErrorList {
  const errors: ErrorList = [];
  list(spec, "rules").forEach((rule, i) => {
    const host = str(rule, "host");
    if (host.length > 0) {
      if (parseIPSloppy(host)) errors.push(invalid(fldPath.index(i).child("host"), host, "must be a DNS name, not an IP address"));
      appendAll(errors, hostErrors(host, fldPath.index(i).child("host")));
    }
    // validateIngressRuleValue / validateHTTPIngressRuleValue.
    const http = obj(rule, "http");
    if (!http) return;
    const httpPath = fldPath.index(i).child("http");
    const paths = list(http, "paths");
    if (paths.length === 0) errors.push(required(httpPath.child("paths")));
    paths.forEach((path, j) => appendAll(errors, validateHTTPIngressPath(path, httpPath.child("paths").index(j), opts)));
  });
  return errors;
}

/** The `rules` bad value of "either ... or": a nil or an empty slice, in the release's printing. */
function rulesValue(spec: JsonRecord, kubernetesVersion: string): PrintedValue {
  const empty = Array.isArray(spec.rules);
  if (rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue(empty ? "[]" : "null");
  return new PrintedValue(empty ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)");
}

/** ValidateIngressSpec. */
export function validateIngressSpec(spec: JsonRecord, fldPath: FieldPath, opts: IngressValidationOptions, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const defaultBackend = obj(spec, "defaultBackend");
  // Rules of the wrong type are the schema layer's error.
  if (list(spec, "rules").length === 0 && !isSet(spec, "defaultBackend") && (!isSet(spec, "rules") || Array.isArray(spec.rules))) {
    errors.push(invalid(fldPath, rulesValue(spec, kubernetesVersion), "either `defaultBackend` or `rules` must be specified"));
  }
  if (defaultBackend) appendAll(errors, validateIngressBackend(defaultBackend, fldPath.child("defaultBackend"), opts));
  appendAll(errors, validateIngressRules(spec, fldPath.child("rules"), opts));
  appendAll(errors, validateIngressTLS(spec, fldPath.child("tls")));
  if (typeof spec.ingressClassName === "string") {
    // ValidateIngressClassName: NameIsDNSSubdomain.
    for (const detail of isDNS1123Subdomain(spec.ingressClassName)) errors.push(invalid(fldPath.child("ingressClassName"), spec.ingressClassName, detail));
  }
  return errors;
}

/** ValidateIngressCreate: the spec, then the class annotation against ingressClassName. */
export function validateIngressCreate(ingress: JsonRecord, kubernetesVersion: string): ErrorList {
  const opts = { allowRelaxedServiceNameValidation: featureEnabled("RelaxedServiceNameValidation", kubernetesVersion) };
  const spec = obj(ingress, "spec") ?? {};
  const errors = validateIngressSpec(spec, FieldPath.root("spec"), opts, kubernetesVersion);
  const annotations = stringMap(obj(ingress, "metadata"), "annotations");
  const className = spec.ingressClassName;
  if (Object.hasOwn(annotations, ANNOTATION_INGRESS_CLASS) && typeof className === "string" && annotations[ANNOTATION_INGRESS_CLASS] !== className) {
    // Upstream names the annotation without `metadata`.
    const annotationPath = FieldPath.root("annotations", ANNOTATION_INGRESS_CLASS);
    errors.push(invalid(annotationPath, annotations[ANNOTATION_INGRESS_CLASS], "must match `ingressClassName` when both are specified"));
  }
  return errors;
}
