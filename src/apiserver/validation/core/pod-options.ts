// PodValidationOptions (pkg/apis/core/validation) as GetValidationOptionsFromPodSpecAndMeta
// (pkg/api/pod/util.go) sets them on create: feature gates of the release, and
// none of the allowances an update of an already stored object gets.
import { featureEnabled } from "../../features.js";

export interface PodValidationOptions {
  /** Target release ("1.36"): checks and wording that changed follow it. */
  kubernetesVersion: string;
  /** The object validated is a Pod, not a template embedded in another kind. */
  resourceIsPod: boolean;
  allowInvalidPodDeletionCost: boolean;
  allowIndivisibleHugePagesValues: boolean;
  allowInvalidLabelValueInSelector: boolean;
  allowInvalidTopologySpreadConstraintLabelSelector: boolean;
  allowMatchLabelKeysInPodTopologySpread: boolean;
  /** matchLabelKeys merged into topology spread selectors on create, and validated as merged. */
  allowMatchLabelKeysInPodTopologySpreadSelectorMerge: boolean;
  allowInvalidLabelValueInRequiredNodeAffinity: boolean;
  allowNonLocalProjectedTokenPath: boolean;
  allowNamespacedSysctlsForHostNetAndHostIPC: boolean;
  allowRelaxedEnvironmentVariableValidation: boolean;
  allowRelaxedDNSSearchValidation: boolean;
  allowPodLifecycleSleepActionZeroValue: boolean;
  allowOnlyRecursiveSELinuxChangePolicy: boolean;
  podLevelResourcesEnabled: boolean;
  allowSidecarResizePolicy: boolean;
  /** Container-level restartPolicy and restartPolicyRules (ContainerRestartRules). */
  allowContainerRestartPolicyRules: boolean;
  /** Environment variables read from files (EnvFiles): the wording of an empty valueFrom. */
  allowEnvFilesValidation: boolean;
}

/** The options of a create request in `kubernetesVersion`. */
export function podValidationOptions(kubernetesVersion: string, resourceIsPod: boolean): PodValidationOptions {
  const enabled = (gate: string) => featureEnabled(gate, kubernetesVersion);
  return {
    kubernetesVersion,
    resourceIsPod,
    allowInvalidPodDeletionCost: !enabled("PodDeletionCost"),
    allowIndivisibleHugePagesValues: false,
    allowInvalidLabelValueInSelector: false,
    allowInvalidTopologySpreadConstraintLabelSelector: false,
    allowMatchLabelKeysInPodTopologySpread: enabled("MatchLabelKeysInPodTopologySpread"),
    allowMatchLabelKeysInPodTopologySpreadSelectorMerge: enabled("MatchLabelKeysInPodTopologySpreadSelectorMerge"),
    allowInvalidLabelValueInRequiredNodeAffinity: false,
    allowNonLocalProjectedTokenPath: false,
    allowNamespacedSysctlsForHostNetAndHostIPC: false,
    allowRelaxedEnvironmentVariableValidation: enabled("RelaxedEnvironmentVariableValidation"),
    allowRelaxedDNSSearchValidation: enabled("RelaxedDNSSearchValidation"),
    allowPodLifecycleSleepActionZeroValue: enabled("PodLifecycleSleepActionAllowZero"),
    // useOnlyRecursiveSELinuxChangePolicy: MountOption needs SELinuxMount.
    allowOnlyRecursiveSELinuxChangePolicy: !enabled("SELinuxMount"),
    podLevelResourcesEnabled: enabled("PodLevelResources"),
    allowSidecarResizePolicy: enabled("InPlacePodVerticalScaling"),
    allowContainerRestartPolicyRules: enabled("ContainerRestartRules"),
    allowEnvFilesValidation: enabled("EnvFiles"),
  };
}
