// When built-in apiVersions stopped being served, and what replaces them.
//
// Releases 1.28 and later come from ../shared/k8s-openapi/served-kinds.json
// (the release after the last spec that lists an apiVersion+kind removed it).
// Earlier removals are not in those specs: they are listed here from the
// Kubernetes deprecation guide,
// https://kubernetes.io/docs/reference/using-api/deprecation-guide/ ("Removed APIs by release"),
// and the 1.16 announcement, https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/.

const GUIDE = "https://kubernetes.io/docs/reference/using-api/deprecation-guide/";
const BLOG_1_16 = "https://kubernetes.io/blog/2019/07/18/api-deprecations-in-1-16/";

function removals(removedIn, source, apiVersions, kinds, replacement, note) {
  const out = [];
  for (const apiVersion of apiVersions) {
    for (const kind of kinds) out.push({ apiVersion, kind, removedIn, replacement, ...(note ? { note } : {}), source });
  }
  return out;
}

/** Removals before 1.28 (a null replacement means the API is gone, not moved). */
export const CURATED_REMOVALS = [
  // v1.27
  ...removals("1.27", GUIDE + "#v1-27", ["storage.k8s.io/v1beta1"], ["CSIStorageCapacity"], "storage.k8s.io/v1"),
  // v1.26
  ...removals("1.26", GUIDE + "#v1-26", ["flowcontrol.apiserver.k8s.io/v1beta1"], ["FlowSchema", "PriorityLevelConfiguration"], "flowcontrol.apiserver.k8s.io/v1"),
  ...removals("1.26", GUIDE + "#v1-26", ["autoscaling/v2beta2"], ["HorizontalPodAutoscaler"], "autoscaling/v2"),
  // v1.25
  ...removals("1.25", GUIDE + "#v1-25", ["batch/v1beta1"], ["CronJob"], "batch/v1"),
  ...removals("1.25", GUIDE + "#v1-25", ["discovery.k8s.io/v1beta1"], ["EndpointSlice"], "discovery.k8s.io/v1"),
  ...removals("1.25", GUIDE + "#v1-25", ["events.k8s.io/v1beta1"], ["Event"], "events.k8s.io/v1"),
  ...removals("1.25", GUIDE + "#v1-25", ["autoscaling/v2beta1"], ["HorizontalPodAutoscaler"], "autoscaling/v2"),
  ...removals("1.25", GUIDE + "#v1-25", ["policy/v1beta1"], ["PodDisruptionBudget"], "policy/v1"),
  ...removals("1.25", GUIDE + "#v1-25", ["policy/v1beta1"], ["PodSecurityPolicy"], null, "Pod Security Admission replaces it"),
  ...removals("1.25", GUIDE + "#v1-25", ["node.k8s.io/v1beta1"], ["RuntimeClass"], "node.k8s.io/v1"),
  // v1.22
  ...removals("1.22", GUIDE + "#v1-22", ["admissionregistration.k8s.io/v1beta1"], ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], "admissionregistration.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["apiextensions.k8s.io/v1beta1"], ["CustomResourceDefinition"], "apiextensions.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["apiregistration.k8s.io/v1beta1"], ["APIService"], "apiregistration.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["authentication.k8s.io/v1beta1"], ["TokenReview"], "authentication.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["authorization.k8s.io/v1beta1"], ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"], "authorization.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["certificates.k8s.io/v1beta1"], ["CertificateSigningRequest"], "certificates.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["coordination.k8s.io/v1beta1"], ["Lease"], "coordination.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["extensions/v1beta1", "networking.k8s.io/v1beta1"], ["Ingress"], "networking.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["networking.k8s.io/v1beta1"], ["IngressClass"], "networking.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["rbac.authorization.k8s.io/v1beta1"], ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], "rbac.authorization.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["scheduling.k8s.io/v1beta1"], ["PriorityClass"], "scheduling.k8s.io/v1"),
  ...removals("1.22", GUIDE + "#v1-22", ["storage.k8s.io/v1beta1"], ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], "storage.k8s.io/v1"),
  // v1.16
  ...removals("1.16", BLOG_1_16, ["extensions/v1beta1"], ["NetworkPolicy"], "networking.k8s.io/v1"),
  ...removals("1.16", BLOG_1_16, ["extensions/v1beta1"], ["PodSecurityPolicy"], "policy/v1beta1"),
  ...removals("1.16", BLOG_1_16, ["extensions/v1beta1", "apps/v1beta2"], ["DaemonSet"], "apps/v1"),
  ...removals("1.16", BLOG_1_16, ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "ReplicaSet"], "apps/v1"),
  ...removals("1.16", BLOG_1_16, ["apps/v1beta1", "apps/v1beta2"], ["StatefulSet", "ControllerRevision"], "apps/v1"),
];

function releaseNumber(version) {
  const [major, minor] = version.split(".").map(Number);
  return major * 1000 + minor;
}

const isAlpha = (apiVersion) => /\/v\d+alpha\d+$/.test(apiVersion);
const stability = (apiVersion) => (/\/v\d+$/.test(apiVersion) || /^v\d+$/.test(apiVersion) ? 2 : /beta/.test(apiVersion) ? 1 : 0);

/**
 * Removals and introductions derived from served-kinds.json for the releases
 * it covers contiguously (from 1.28).
 * @param {{versions: string[], served: Record<string, string[]>}} servedKinds
 * @param {string} firstContiguous first release of the contiguous range
 */
export function deriveLifecycle(servedKinds, firstContiguous) {
  const range = servedKinds.versions.filter((v) => releaseNumber(v) >= releaseNumber(firstContiguous));
  const latest = range[range.length - 1];
  const removed = [];
  const introduced = [];
  const entries = Object.entries(servedKinds.served).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, versions] of entries) {
    const [apiVersion, kind] = key.split(" ");
    const inRange = versions.filter((v) => range.includes(v));
    if (inRange.length === 0) continue;
    const first = inRange[0];
    const last = inRange[inRange.length - 1];
    if (first !== range[0]) introduced.push({ apiVersion, kind, servedFrom: first });
    if (last !== latest) {
      const removedIn = range[range.indexOf(last) + 1];
      removed.push({ apiVersion, kind, removedIn, replacement: successor(entries, apiVersion, kind, removedIn), source: "served-kinds.json" });
    }
  }
  return { removed, introduced };
}

/** The most stable apiVersion serving the same kind (same group first) in a release. */
function successor(entries, apiVersion, kind, release) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const candidates = entries
    .filter(([key, versions]) => key.endsWith(" " + kind) && versions.includes(release))
    .map(([key]) => key.split(" ")[0])
    .filter((candidate) => !isAlpha(candidate) || isAlpha(apiVersion));
  candidates.sort((a, b) => {
    const sameGroup = (x) => ((x.includes("/") ? x.split("/")[0] : "") === group ? 0 : 1);
    return sameGroup(a) - sameGroup(b) || stability(b) - stability(a) || (a < b ? -1 : 1);
  });
  return candidates[0] ?? null;
}
