// How kube-apiserver validates an object's metadata.name, per kind: each
// kind's strategy passes its own name function to ValidateObjectMeta, and
// every kind is then checked as a REST path segment (rest.BeforeCreate).
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isPathSegmentName } from "../../apiserver/apimachinery/validation.js";
import type { DnsNameKind } from "./suggestions.js";
import { lookupTable } from "../../util/lookup-table.js";

export type NameFormat = "dns1123-subdomain" | "dns1123-label" | "dns1035-label" | "path-segment";

/** Kinds whose names are not DNS-1123 subdomains, keyed by `group/Kind` ("" for core). */
const NAME_FORMATS: Readonly<Record<string, NameFormat>> = lookupTable({
  // ValidateNamespaceName = NameIsDNSLabel
  "/Namespace": "dns1123-label",
  // ValidateServiceName = NameIsDNS1035Label
  "/Service": "dns1035-label",
  // ValidateStatefulSetName = NameIsDNSLabel since 1.27: pods take it as their hostname
  "apps/StatefulSet": "dns1123-label",
  // RBAC's minimalNameRequirements: only the path segment rules (e.g. `system:controller:x`)
  "rbac.authorization.k8s.io/Role": "path-segment",
  "rbac.authorization.k8s.io/ClusterRole": "path-segment",
  "rbac.authorization.k8s.io/RoleBinding": "path-segment",
  "rbac.authorization.k8s.io/ClusterRoleBinding": "path-segment",
  // CSR names such as `csr-node:abc` are allowed
  "certificates.k8s.io/CertificateSigningRequest": "path-segment",
});

/**
 * The name format of a kind. Built-in kinds not listed, and custom resources
 * (the apiextensions server uses NameIsDNSSubdomain), are DNS-1123 subdomains.
 */
export function nameFormatOf(group: string, kind: string): NameFormat {
  return NAME_FORMATS[`${group}/${kind}`] ?? "dns1123-subdomain";
}

/** apimachinery's maskTrailingDash: a generateName may end with '-'. */
function maskTrailingDash(name: string): string {
  return name.endsWith("-") ? name.slice(0, Math.max(0, name.length - 2)) + "a" : name;
}

function formatErrors(format: NameFormat, name: string): string[] {
  switch (format) {
    case "dns1123-label":
      return isDNS1123Label(name);
    case "dns1035-label":
      return isDNS1035Label(name);
    case "path-segment":
      return [];
    default:
      return isDNS1123Subdomain(name);
  }
}

/**
 * The messages kube-apiserver gives for this name. The kind's own check runs
 * first; the path segment check only runs (and reports) when that one passed.
 */
export function nameErrors(format: NameFormat, name: string, isGenerateName = false): string[] {
  const own = formatErrors(format, isGenerateName ? maskTrailingDash(name) : name);
  if (own.length > 0) return own;
  if (isGenerateName) return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
  return isPathSegmentName(name);
}

export function dnsKindOf(format: NameFormat): DnsNameKind | undefined {
  switch (format) {
    case "dns1123-label":
      return "label";
    case "dns1035-label":
      return "dns1035";
    case "dns1123-subdomain":
      return "subdomain";
    default:
      return undefined;
  }
}
