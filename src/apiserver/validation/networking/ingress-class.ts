// ValidateIngressClass (pkg/apis/networking/validation/validation.go): the
// controller (a domain-prefixed path of at most 250 bytes) and the parameters
// reference, whose namespace goes with a Namespace scope only.
import { isDNS1123Label, isDNS1123Subdomain, isDomainPrefixedPath, isPathSegmentName } from "../../apimachinery/validation.js";
import { forbidden, invalid, notSupported, required, tooLong, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { byteLength } from "../../../util/api-values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, obj, str } from "../core/fields.js";
import { appendAll } from "../../../util/append.js";

const MAX_LEN_INGRESS_CLASS_CONTROLLER = 250;
const SUPPORTED_SCOPES = ["Cluster", "Namespace"];

/** validateIngressClassParametersReference. */
function validateIngressClassParametersReference(params: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!params) return [];
  const errors: ErrorList = [];
  if (typeof params.apiGroup === "string") for (const detail of isDNS1123Subdomain(params.apiGroup)) errors.push(invalid(fldPath.child("apiGroup"), params.apiGroup, detail));
  for (const key of ["kind", "name"]) {
    const value = str(params, key);
    if (value === "") errors.push(required(fldPath.child(key)));
    else for (const detail of isPathSegmentName(value)) errors.push(invalid(fldPath.child(key), value, detail));
  }
  if (!isSet(params, "scope")) return [...errors, required(fldPath.child("scope"))];
  const scope = str(params, "scope");
  if (!SUPPORTED_SCOPES.includes(scope)) return [...errors, notSupported(fldPath.child("scope"), scope, SUPPORTED_SCOPES)];
  const namespace = params.namespace;
  if (scope === "Namespace") {
    if (namespace === undefined) errors.push(required(fldPath.child("namespace"), "`parameters.scope` is set to 'Namespace'"));
    // ValidateNamespaceName: a DNS label.
    else if (typeof namespace === "string") for (const detail of isDNS1123Label(namespace)) errors.push(invalid(fldPath.child("namespace"), namespace, detail));
  }
  if (scope === "Cluster" && namespace !== undefined) errors.push(forbidden(fldPath.child("namespace"), "`parameters.scope` is set to 'Cluster'"));
  return errors;
}

/** validateIngressClassSpec. */
function validateIngressClassSpec(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const controller = str(spec, "controller");
  if (controller === "") errors.push(required(fldPath.child("controller")));
  else {
    if (byteLength(controller) > MAX_LEN_INGRESS_CLASS_CONTROLLER) errors.push(tooLong(fldPath.child("controller"), "", MAX_LEN_INGRESS_CLASS_CONTROLLER));
    appendAll(errors, isDomainPrefixedPath(fldPath.child("controller"), controller));
  }
  return [...errors, ...validateIngressClassParametersReference(obj(spec, "parameters"), fldPath.child("parameters"))];
}

/** ValidateIngressClass. */
export function validateIngressClass(ingressClass: JsonRecord): ErrorList {
  return validateIngressClassSpec(obj(ingressClass, "spec") ?? {}, FieldPath.root("spec"));
}
