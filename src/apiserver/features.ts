// Feature gates by release, at their default values: which API-server behaviour
// (defaulting, validation) a release has turned on. A gate absent from the table
// is off; `since` is the first release where it is on by default.
import { atLeast } from "../util/release.js";

const ON_BY_DEFAULT_SINCE: Readonly<Record<string, string>> = {
  // Add gates as checks need them, with the release whose default turned them on
  // (the versioned specs of pkg/features/kube_features.go: the last spec at or
  // below a release gives its default; 1.30 and 1.31 list plain defaults).
  ContainerRestartRules: "1.35",
  // apiextensions-apiserver's gate: alpha in 1.30, beta (on) in 1.31, GA in 1.32.
  CustomResourceFieldSelectors: "1.31",
  DRAConsumableCapacity: "1.36",
  DRADeviceBindingConditions: "1.36",
  DRADeviceTaints: "1.36",
  DRAExtendedResource: "1.36",
  DRAPartitionableDevices: "1.36",
  DRAResourceClaimDeviceStatus: "1.33",
  DynamicResourceAllocation: "1.34",
  EnvFiles: "1.35",
  HPAConfigurableTolerance: "1.35",
  HostnameOverride: "1.35",
  ImageVolume: "1.35",
  InPlacePodVerticalScaling: "1.33",
  JobManagedBy: "1.32",
  JobSuccessPolicy: "1.31",
  MatchLabelKeysInPodAffinity: "1.31",
  MatchLabelKeysInPodTopologySpread: "1.27",
  MatchLabelKeysInPodTopologySpreadSelectorMerge: "1.34",
  // On in 1.35.0-1.35.3 only: 1.35.4 and 1.36 turned it off again (the latest patch counts).
  MaxUnavailableStatefulSet: "1.37",
  // Beta but off in 1.34; on from 1.35.
  MutableCSINodeAllocatableCount: "1.35",
  PodDeletionCost: "1.22",
  PodLevelResources: "1.34",
  PodLifecycleSleepActionAllowZero: "1.33",
  PreferSameTrafficDistribution: "1.34",
  RecursiveReadOnlyMounts: "1.31",
  ProcMountType: "1.33",
  RelaxedDNSSearchValidation: "1.33",
  RelaxedEnvironmentVariableValidation: "1.32",
  RelaxedServiceNameValidation: "1.36",
  SELinuxChangePolicy: "1.33",
  SELinuxMount: "1.37",
  ServiceTrafficDistribution: "1.31",
  StrictIPCIDRValidation: "1.36",
  SupplementalGroupsPolicy: "1.33",
  UserNamespacesSupport: "1.33",
  VolumeAttributesClass: "1.34",
};

/** Whether `gate` is on by default in `kubernetesVersion`. */
export function featureEnabled(gate: string, kubernetesVersion: string): boolean {
  const since = ON_BY_DEFAULT_SINCE[gate];
  return since !== undefined && atLeast(kubernetesVersion, since);
}
