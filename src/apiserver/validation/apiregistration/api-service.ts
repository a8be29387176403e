// ValidateAPIService (k8s.io/kube-aggregator's pkg/apis/apiregistration/validation),
// as on create: the name `<version>.<group>`, the group and version, the two
// priorities, and a service or a local APIService without TLS settings.
import type { ValidateNameFunc } from "../../apimachinery/generic.js";
import { isDNS1035Label, isDNS1123Subdomain, isPathSegmentName } from "../../apimachinery/validation.js";
import { invalid, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goQuote } from "../../field/values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { bool, int, obj, str } from "../core/fields.js";

/** The name rule of an APIService: a path segment, and exactly `spec.version + "." + spec.group`. */
export function apiServiceNameFunc(apiService: JsonRecord): ValidateNameFunc {
  const spec = obj(apiService, "spec");
  const requiredName = `${str(spec, "version")}.${str(spec, "group")}`;
  return (name) => {
    const failures = isPathSegmentName(name);
    if (failures.length > 0) return failures;
    return name === requiredName ? [] : [`must be \`spec.version+"."+spec.group\`: ${goQuote(requiredName)}`];
  };
}

/** The decoded length of a base64 `[]byte` field. */
function byteCount(value: unknown): number {
  return typeof value === "string" ? Buffer.from(value, "base64").length : 0;
}

/** ValidateAPIService, after ObjectMeta. */
export function validateAPIService(apiService: JsonRecord): ErrorList {
  const spec = obj(apiService, "spec") ?? {};
  const fldPath = FieldPath.root("spec");
  const errors: ErrorList = [];
  const group = str(spec, "group");
  const version = str(spec, "version");
  if (group.length === 0 && version !== "v1") errors.push(required(fldPath.child("group"), "only v1 may have an empty group and it better be legacy kube"));
  for (const message of group.length > 0 ? isDNS1123Subdomain(group) : []) errors.push(invalid(fldPath.child("group"), group, message));
  for (const message of isDNS1035Label(version)) errors.push(invalid(fldPath.child("version"), version, message));
  const groupPriorityMinimum = int(spec, "groupPriorityMinimum") ?? 0;
  if (groupPriorityMinimum <= 0 || groupPriorityMinimum > 20000) errors.push(invalid(fldPath.child("groupPriorityMinimum"), groupPriorityMinimum, "must be positive and less than 20000"));
  const versionPriority = int(spec, "versionPriority") ?? 0;
  if (versionPriority <= 0 || versionPriority > 1000) errors.push(invalid(fldPath.child("versionPriority"), versionPriority, "must be positive and less than 1000"));
  const caBundleBytes = byteCount(spec.caBundle);
  const insecureSkipTLSVerify = bool(spec, "insecureSkipTLSVerify") === true;
  const service = obj(spec, "service");
  if (!service) {
    if (caBundleBytes !== 0) errors.push(invalid(fldPath.child("caBundle"), `${caBundleBytes} bytes`, "local APIServices may not have a caBundle"));
    if (insecureSkipTLSVerify) errors.push(invalid(fldPath.child("insecureSkipTLSVerify"), true, "local APIServices may not have insecureSkipTLSVerify"));
    return errors;
  }
  if (str(service, "namespace").length === 0) errors.push(required(fldPath.child("service", "namespace")));
  if (str(service, "name").length === 0) errors.push(required(fldPath.child("service", "name")));
  if (insecureSkipTLSVerify && caBundleBytes > 0) errors.push(invalid(fldPath.child("insecureSkipTLSVerify"), true, "may not be true if caBundle is present"));
  return errors;
}
