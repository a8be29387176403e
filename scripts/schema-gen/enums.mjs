// Closed sets of values that Kubernetes validation enforces but the OpenAPI
// spec does not list. Each entry says where upstream enforces it (files of
// kubernetes/kubernetes) and how it words the rejection:
//   - default: field.NotSupported → `Unsupported value: "x": supported values: "A", "B"`,
//     with `values` in the order upstream lists them (sets.List sorts them);
//   - `invalid`: field.Invalid with that detail (e.g. selector operators).
// `empty: true` when upstream accepts "" (defaulting fills it in); `required:
// true` when upstream answers "" with `Required value`; otherwise "" is one
// more unsupported value.
// `items: true` puts the set on the items of a list. `since`/`until` bound the
// releases where the set applies.

const core = "io.k8s.api.core.v1.";
const meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const apps = "io.k8s.api.apps.v1.";
const batch = "io.k8s.api.batch.v1.";
const networking = "io.k8s.api.networking.v1.";
const discovery = "io.k8s.api.discovery.v1.";
const storage = "io.k8s.api.storage.v1.";
const policy = "io.k8s.api.policy.v1.";
const rbac = "io.k8s.api.rbac.v1.";
const autoscaling = "io.k8s.api.autoscaling.v2.";
const apiextensions = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.";
const admission = "io.k8s.api.admissionregistration.v1.";

const CONTAINERS = [core + "Container", core + "EphemeralContainer"];
const PROTOCOLS_SORTED = ["SCTP", "TCP", "UDP"];
const SELECTOR_OPERATOR = "not a valid selector operator";

export const CLOSED_SETS = [
  // --- pkg/apis/core/validation/validation.go ---
  // validatePullPolicy (supportedPullPolicies); "" is defaulted by SetDefaults_Container.
  { on: CONTAINERS, property: "imagePullPolicy", values: ["Always", "IfNotPresent", "Never"], empty: true },
  // validateContainerCommon: terminationMessagePolicy; "" is defaulted to File.
  { on: CONTAINERS, property: "terminationMessagePolicy", values: ["File", "FallbackToLogsOnError"], empty: true },
  // validateInitContainerRestartPolicy: only Always (sidecars) until container restart rules (1.34).
  { on: CONTAINERS, property: "restartPolicy", values: ["Always"], until: "1.33" },
  { on: CONTAINERS, property: "restartPolicy", values: ["Always", "OnFailure", "Never"], since: "1.34" },
  // validateContainerPorts / validateServicePort / endpoints ports (supportedPortProtocols); "" defaults to TCP.
  { on: [core + "ContainerPort", core + "ServicePort", core + "EndpointPort"], property: "protocol", values: PROTOCOLS_SORTED, empty: true },
  // validateRestartPolicy; "" is defaulted to Always.
  { on: [core + "PodSpec"], property: "restartPolicy", values: ["Always", "OnFailure", "Never"], empty: true },
  // validateDNSPolicy; "" is defaulted to ClusterFirst.
  { on: [core + "PodSpec"], property: "dnsPolicy", values: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"], empty: true },
  // ValidatePreemptionPolicy (also used by PriorityClass validation).
  { on: [core + "PodSpec", "io.k8s.api.scheduling.v1.PriorityClass"], property: "preemptionPolicy", values: ["PreemptLowerPriority", "Never"] , required: true },
  // validOS (sets.List).
  { on: [core + "PodOS"], property: "name", values: ["linux", "windows"] , required: true },
  // validFSGroupChangePolicies, validSELinuxChangePolicies, supplemental groups policies (sets.List).
  { on: [core + "PodSecurityContext"], property: "fsGroupChangePolicy", values: ["Always", "OnRootMismatch"] },
  { on: [core + "PodSecurityContext"], property: "seLinuxChangePolicy", values: ["MountOption", "Recursive"] },
  { on: [core + "PodSecurityContext"], property: "supplementalGroupsPolicy", values: ["Merge", "Strict"] },
  // validateSeccompProfileType, ValidateAppArmorProfileField.
  { on: [core + "SeccompProfile", core + "AppArmorProfile"], property: "type", values: ["Localhost", "RuntimeDefault", "Unconfined"] , required: true },
  // ValidateTolerations: "" operator means Equal, "" effect matches all effects.
  { on: [core + "Toleration"], property: "operator", values: ["Equal", "Exists"], empty: true, until: "1.34" },
  // 1.35 adds Lt and Gt (numeric comparisons, feature gate TaintTolerationComparisonOperators).
  { on: [core + "Toleration"], property: "operator", values: ["Equal", "Exists", "Lt", "Gt"], empty: true, since: "1.35" },
  { on: [core + "Toleration"], property: "effect", values: ["NoSchedule", "PreferNoSchedule", "NoExecute"], empty: true },
  // validateTaintEffect (node taints: the effect is required).
  { on: [core + "Taint"], property: "effect", values: ["NoSchedule", "PreferNoSchedule", "NoExecute"] , required: true },
  // ValidateNodeSelectorRequirement.
  { on: [core + "NodeSelectorRequirement"], property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"], invalid: SELECTOR_OPERATOR },
  // validateScopedResourceSelectorRequirement.
  { on: [core + "ScopedResourceSelectorRequirement"], property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist"], invalid: SELECTOR_OPERATOR },
  // validateTopologySpreadConstraints: supportedScheduleActions, supportedPodTopologySpreadNodePolicies (sets.List).
  { on: [core + "TopologySpreadConstraint"], property: "whenUnsatisfiable", values: ["DoNotSchedule", "ScheduleAnyway"] , required: true },
  { on: [core + "TopologySpreadConstraint"], property: "nodeAffinityPolicy", values: ["Honor", "Ignore"] },
  { on: [core + "TopologySpreadConstraint"], property: "nodeTaintsPolicy", values: ["Honor", "Ignore"] },
  // validateMountPropagation, validateMountRecursiveReadOnly (sets.List).
  { on: [core + "VolumeMount"], property: "mountPropagation", values: ["Bidirectional", "HostToContainer", "None"] },
  { on: [core + "VolumeMount"], property: "recursiveReadOnly", values: ["Disabled", "Enabled", "IfPossible"] },
  // supportedHostPathTypes (sets.List; includes the unset "").
  {
    on: [core + "HostPathVolumeSource"],
    property: "type",
    values: ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"],
    empty: true,
  },
  // validateHTTPGetAction: supportedHTTPSchemes; "" is defaulted to HTTP.
  { on: [core + "HTTPGetAction"], property: "scheme", values: ["HTTP", "HTTPS"], empty: true },
  // validateResizePolicy: supportedResizePolicies.
  { on: [core + "ContainerResizePolicy"], property: "restartPolicy", values: ["NotRequired", "RestartContainer"] },
  // supportedAccessModes, supportedReclaimPolicy, supportedVolumeModes (sets.List).
  {
    on: [core + "PersistentVolumeSpec", core + "PersistentVolumeClaimSpec"],
    property: "accessModes",
    items: true,
    values: ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"],
  },
  { on: [core + "PersistentVolumeSpec"], property: "persistentVolumeReclaimPolicy", values: ["Delete", "Recycle", "Retain"], empty: true },
  { on: [core + "PersistentVolumeSpec", core + "PersistentVolumeClaimSpec"], property: "volumeMode", values: ["Block", "Filesystem"] },
  // ValidateService: supportedServiceType, supportedSessionAffinityType, validExternalTrafficPolicies,
  // supportedServiceInternalTrafficPolicy, supportedServiceIPFamilyPolicy, supportedServiceIPFamily (sets.List).
  // type, sessionAffinity and externalTrafficPolicy "" are defaulted.
  { on: [core + "ServiceSpec"], property: "type", values: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"], empty: true },
  { on: [core + "ServiceSpec"], property: "sessionAffinity", values: ["ClientIP", "None"], empty: true },
  { on: [core + "ServiceSpec"], property: "externalTrafficPolicy", values: ["Cluster", "Local"], empty: true },
  { on: [core + "ServiceSpec"], property: "internalTrafficPolicy", values: ["Cluster", "Local"] },
  { on: [core + "ServiceSpec"], property: "ipFamilyPolicy", values: ["PreferDualStack", "RequireDualStack", "SingleStack"] },
  { on: [core + "ServiceSpec"], property: "ipFamilies", items: true, values: ["IPv4", "IPv6"] },
  // validateLimitRangeTypeName: a standard type, or any qualified name with a "/".
  {
    on: [core + "LimitRangeItem"],
    property: "type",
    values: ["Container", "PersistentVolumeClaim", "Pod"],
    qualified: true,
    invalid: "must be a standard limit type or fully qualified",
    required: true,
  },

  // --- staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go ---
  // ValidateLabelSelectorRequirement.
  { on: [meta + "LabelSelectorRequirement"], property: "operator", values: ["In", "NotIn", "Exists", "DoesNotExist"], invalid: SELECTOR_OPERATOR },

  // --- pkg/apis/apps/validation/validation.go (all "" are defaulted) ---
  // ValidateDeploymentStrategy.
  { on: [apps + "DeploymentStrategy"], property: "type", values: ["Recreate", "RollingUpdate"], empty: true },
  // ValidateDaemonSetUpdateStrategy.
  { on: [apps + "DaemonSetUpdateStrategy"], property: "type", values: ["RollingUpdate", "OnDelete"], empty: true },
  // ValidateStatefulSetSpec.
  { on: [apps + "StatefulSetUpdateStrategy"], property: "type", values: ["RollingUpdate", "OnDelete"], empty: true, invalid: "must be 'RollingUpdate' or 'OnDelete'" },
  { on: [apps + "StatefulSetSpec"], property: "podManagementPolicy", values: ["OrderedReady", "Parallel"], empty: true, invalid: "must be 'OrderedReady' or 'Parallel'" },
  // ValidatePersistentVolumeClaimRetentionPolicyType.
  { on: [apps + "StatefulSetPersistentVolumeClaimRetentionPolicy"], property: "whenDeleted", values: ["Retain", "Delete"], empty: true },
  { on: [apps + "StatefulSetPersistentVolumeClaimRetentionPolicy"], property: "whenScaled", values: ["Retain", "Delete"], empty: true },

  // --- pkg/apis/batch/validation/validation.go ---
  // validateConcurrencyPolicy; "" is defaulted to Allow.
  { on: [batch + "CronJobSpec"], property: "concurrencyPolicy", values: ["Allow", "Forbid", "Replace"], empty: true },
  // validateJobSpec: completionMode, podReplacementPolicy.
  { on: [batch + "JobSpec"], property: "completionMode", values: ["NonIndexed", "Indexed"] },
  { on: [batch + "JobSpec"], property: "podReplacementPolicy", values: ["Failed", "TerminatingOrFailed"] },
  // validatePodFailurePolicyRule: supportedPodFailurePolicyActions, supportedPodFailurePolicyOnExitCodesOperator (sets.List).
  { on: [batch + "PodFailurePolicyRule"], property: "action", values: ["Count", "FailIndex", "FailJob", "Ignore"] },
  { on: [batch + "PodFailurePolicyOnExitCodesRequirement"], property: "operator", values: ["In", "NotIn"] },

  // --- pkg/apis/networking/validation/validation.go ---
  // validateHTTPIngressRuleValue: supportedPathTypes (sets.List).
  { on: [networking + "HTTPIngressPath"], property: "pathType", values: ["Exact", "ImplementationSpecific", "Prefix"] },
  // ValidateNetworkPolicySpec: policyTypes; ValidateNetworkPolicyPort: protocol.
  { on: [networking + "NetworkPolicySpec"], property: "policyTypes", items: true, values: ["Egress", "Ingress"] },
  { on: [networking + "NetworkPolicyPort"], property: "protocol", values: ["TCP", "UDP", "SCTP"] },

  // --- pkg/apis/discovery/validation/validation.go: supportedAddressTypes, supportedPortProtocols (sets.List) ---
  { on: [discovery + "EndpointSlice"], property: "addressType", values: ["FQDN", "IPv4", "IPv6"] },
  { on: [discovery + "EndpointPort"], property: "protocol", values: PROTOCOLS_SORTED },

  // --- pkg/apis/storage/validation/validation.go: supportedReclaimPolicy, supportedVolumeBindingModes ---
  { on: [storage + "StorageClass"], property: "reclaimPolicy", values: ["Delete", "Retain"] },
  { on: [storage + "StorageClass"], property: "volumeBindingMode", values: ["Immediate", "WaitForFirstConsumer"] },

  // --- pkg/apis/policy/validation/validation.go: supportedUnhealthyPodEvictionPolicies (sets.List) ---
  { on: [policy + "PodDisruptionBudgetSpec"], property: "unhealthyPodEvictionPolicy", values: ["AlwaysAllow", "IfHealthyBudget"] },

  // --- pkg/apis/rbac/validation/validation.go: ValidateRoleBindingSubject, ValidateRoleBinding ---
  { on: [rbac + "Subject"], property: "kind", values: ["ServiceAccount", "User", "Group"] },
  { on: [rbac + "RoleRef"], property: "kind", values: ["Role", "ClusterRole"] },

  // --- pkg/apis/autoscaling/validation/validation.go ---
  // validateMetricSpec: validMetricSourceTypes (sorted list).
  { on: [autoscaling + "MetricSpec"], property: "type", values: ["ContainerResource", "External", "Object", "Pods", "Resource"] , required: true },
  // validateMetricTarget.
  { on: [autoscaling + "MetricTarget"], property: "type", values: ["Utilization", "Value", "AverageValue"], invalid: "must be either Utilization, Value, or AverageValue" },
  // validateScalingRules / validateScalingPolicy: validSelectPolicyTypes, validPolicyTypes (sorted lists).
  { on: [autoscaling + "HPAScalingRules"], property: "selectPolicy", values: ["Disabled", "Max", "Min"] },
  { on: [autoscaling + "HPAScalingPolicy"], property: "type", values: ["Percent", "Pods"] },

  // --- staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go ---
  { on: [apiextensions + "CustomResourceDefinitionSpec"], property: "scope", values: ["Cluster", "Namespaced"] },

  // --- pkg/apis/admissionregistration/validation/validation.go (sorted sets; "" is defaulted) ---
  { on: [admission + "ValidatingWebhook", admission + "MutatingWebhook"], property: "failurePolicy", values: ["Fail", "Ignore"], empty: true },
  { on: [admission + "ValidatingWebhook", admission + "MutatingWebhook"], property: "matchPolicy", values: ["Equivalent", "Exact"], empty: true },
  { on: [admission + "ValidatingWebhook", admission + "MutatingWebhook"], property: "sideEffects", values: ["None", "NoneOnDryRun"] },
  { on: [admission + "MutatingWebhook"], property: "reinvocationPolicy", values: ["IfNeeded", "Never"], empty: true },
  { on: [admission + "RuleWithOperations"], property: "operations", items: true, values: ["*", "CONNECT", "CREATE", "DELETE", "UPDATE"] },
  { on: [admission + "RuleWithOperations"], property: "scope", values: ["*", "Cluster", "Namespaced"], empty: true },
];

function releaseNumber(version) {
  const [major, minor] = version.split(".").map(Number);
  return major * 1000 + minor;
}

function appliesTo(entry, version) {
  const release = releaseNumber(version);
  if (entry.since && release < releaseNumber(entry.since)) return false;
  if (entry.until && release > releaseNumber(entry.until)) return false;
  return true;
}

/** Lookup of the closed set of a definition's property for one release. */
export function closedSetsFor(version) {
  const table = new Map();
  for (const entry of CLOSED_SETS) {
    if (!appliesTo(entry, version)) continue;
    const spec = { values: entry.values };
    if (entry.empty) spec.empty = true;
    if (entry.qualified) spec.qualified = true;
    if (entry.required) spec.required = true;
    if (entry.invalid) spec.invalid = entry.invalid;
    if (entry.items) spec.items = true;
    for (const definition of entry.on) table.set(`${definition}#${entry.property}`, spec);
  }
  return (definition, property) => table.get(`${definition}#${property}`);
}
