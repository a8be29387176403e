// validateDNSPolicy, validatePodDNSConfig and ValidateHostAliases
// (pkg/apis/core/validation/validation.go).
import { isValidIPForLegacyField } from "../../apimachinery/ip.js";
import { invalid, PrintedValue, notSupported, required, type ErrorList } from "../../field/errors.js";
import { featureEnabled } from "../../features.js";
import type { FieldPath } from "../../field/path.js";
import { stringListValue } from "../../field/values.js";
import { list, str, strings } from "./fields.js";
import { validateDNS1123Subdomain, validateDNS1123SubdomainWithUnderScore } from "./names.js";
import type { PodValidationOptions } from "./pod-options.js";
import { isRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** Limits of libc's resolver. */
export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;

const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

export function validateDNSPolicy(dnsPolicy: string, fldPath: FieldPath): ErrorList {
  if (DNS_POLICIES.includes(dnsPolicy)) return [];
  return dnsPolicy === "" ? [required(fldPath)] : [notSupported(fldPath, dnsPolicy, DNS_POLICIES)];
}


export function validatePodDNSConfig(dnsConfig: unknown, dnsPolicy: string, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const config = isRecord(dnsConfig) ? dnsConfig : undefined;
  const nameservers = strings(config, "nameservers");
  // dnsPolicy None takes every setting from dnsConfig: it needs a nameserver.
  if (dnsPolicy === "None") {
    if (!config) return [required(fldPath, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (nameservers.length === 0) return [required(fldPath.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None")];
  }
  if (!config) return [];
  const errors: ErrorList = [];
  if (nameservers.length > MAX_DNS_NAMESERVERS) {
    errors.push(invalid(fldPath.child("nameservers"), new PrintedValue(stringListValue(nameservers, "string", opts.kubernetesVersion)), `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
  }
  const strict = featureEnabled("StrictIPCIDRValidation", opts.kubernetesVersion);
  nameservers.forEach((nameserver, index) => appendAll(errors, isValidIPForLegacyField(fldPath.child("nameservers").index(index), nameserver, strict)));
  const searches = strings(config, "searches");
  if (searches.length > MAX_DNS_SEARCH_PATHS) {
    errors.push(invalid(fldPath.child("searches"), new PrintedValue(stringListValue(searches, "string", opts.kubernetesVersion)), `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`));
  }
  // The spaces between search paths count.
  if (Buffer.byteLength(searches.join(" ")) > MAX_DNS_SEARCH_LIST_CHARS) {
    errors.push(
      invalid(fldPath.child("searches"), new PrintedValue(stringListValue(searches, "string", opts.kubernetesVersion)), `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`),
    );
  }
  searches.forEach((search, index) => {
    const path = fldPath.child("searches").index(index);
    const trimmed = search.endsWith(".") ? search.slice(0, -1) : search;
    // Since RelaxedDNSSearchValidation, `.` alone and underscores are accepted.
    if (opts.allowRelaxedDNSSearchValidation) {
      if (search !== ".") appendAll(errors, validateDNS1123SubdomainWithUnderScore(trimmed, path));
    } else {
      appendAll(errors, validateDNS1123Subdomain(trimmed, path));
    }
  });
  list(config, "options").forEach((option, index) => {
    if (str(option, "name") === "") errors.push(required(fldPath.child("options").index(index), "must not be empty"));
  });
  return errors;
}

/** ValidateHostAliases: an IP (strictly parsed with StrictIPCIDRValidation) and DNS subdomain host names. */
export function validateHostAliases(hostAliases: unknown, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const strict = featureEnabled("StrictIPCIDRValidation", opts.kubernetesVersion);
  list({ hostAliases }, "hostAliases").forEach((alias, index) => {
    appendAll(errors, isValidIPForLegacyField(fldPath.index(index).child("ip"), str(alias, "ip"), strict));
    strings(alias, "hostnames").forEach((hostname, hostIndex) => {
      appendAll(errors, validateDNS1123Subdomain(hostname, fldPath.index(index).child("hostnames").index(hostIndex)));
    });
  });
  return errors;
}
