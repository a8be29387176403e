import { describe, expect, it } from "vitest";
import { featureEnabled } from "../../src/apiserver/features.js";

// Each gate's default per release, as the versioned specs of pkg/features/kube_features.go
// of 1.30-1.36 give it (1.35 counts its latest patch).
const RELEASES = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"] as const;
const DEFAULTS: Record<string, string> = {
  //                                           1.30 .. 1.36
  ContainerRestartRules: "0000011",
  CoordinatedLeaderElection: "0000000",
  DRAConsumableCapacity: "0000001",
  DRADeviceBindingConditions: "0000001",
  DRADeviceTaints: "0000001",
  DRAExtendedResource: "0000001",
  DRAPartitionableDevices: "0000001",
  DRAResourceClaimDeviceStatus: "0001111",
  DynamicResourceAllocation: "0000111",
  EnvFiles: "0000011",
  HPAConfigurableTolerance: "0000011",
  HPAScaleToZero: "0000000",
  HostnameOverride: "0000011",
  ImageVolume: "0000011",
  InPlacePodVerticalScaling: "0001111",
  JobManagedBy: "0011111",
  JobSuccessPolicy: "0111111",
  MatchLabelKeysInPodAffinity: "0111111",
  MatchLabelKeysInPodTopologySpread: "1111111",
  MatchLabelKeysInPodTopologySpreadSelectorMerge: "0000111",
  MaxUnavailableStatefulSet: "0000000",
  MutableCSINodeAllocatableCount: "0000011",
  PodDeletionCost: "1111111",
  PodLevelResources: "0000111",
  PodLifecycleSleepActionAllowZero: "0001111",
  PreferSameTrafficDistribution: "0000111",
  ProcMountType: "0001111",
  RecursiveReadOnlyMounts: "0111111",
  RelaxedDNSSearchValidation: "0001111",
  RelaxedEnvironmentVariableValidation: "0011111",
  RelaxedServiceNameValidation: "0000001",
  SELinuxChangePolicy: "0001111",
  SELinuxMount: "0000000",
  ServiceTrafficDistribution: "0111111",
  StrictIPCIDRValidation: "0000001",
  SupplementalGroupsPolicy: "0001111",
  UserNamespacesSupport: "0001111",
  VolumeAttributesClass: "0000111",
};

describe("featureEnabled", () => {
  const cases = Object.entries(DEFAULTS).flatMap(([gate, row]) => RELEASES.map((release, i) => [gate, release, row[i] === "1"] as const));
  it.each(cases)("%s in %s: %s", (gate, release, on) => {
    expect(featureEnabled(gate, release)).toBe(on);
  });

  it("takes an unknown gate as off, and a patch release as its minor", () => {
    expect(featureEnabled("NoSuchGate", "1.36")).toBe(false);
    expect(featureEnabled("MutableCSINodeAllocatableCount", "1.34.7")).toBe(false);
    expect(featureEnabled("MutableCSINodeAllocatableCount", "v1.35.4")).toBe(true);
  });
});
