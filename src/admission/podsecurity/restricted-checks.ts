// The Restricted level of the Pod Security Standards (on top of Baseline).
import { arrayOf, isRecord, recordsOf, type JsonRecord } from "../../util/object-access.js";
import { procMountDefaultOnly, validSeccompType } from "./baseline-checks.js";
import {
  containersPhrase, isWindowsPod, joinQuote, pluralize, podSecurityContext, securityContextOf, setters,
  relaxPolicyForUserNamespacePod, sortedUnique, visitContainers, type CheckResult, type PodView,
} from "./helpers.js";

/** From policy v1.25, Windows pods are exempt from the Linux-only restricted checks. */
function exemptWindows({ spec, minor }: PodView): boolean {
  return minor >= 25 && isWindowsPod(spec);
}

export function allowPrivilegeEscalation(pod: PodView): CheckResult {
  if (exemptWindows(pod)) return undefined;
  const bad: string[] = [];
  visitContainers(pod.spec, (container, name) => {
    if (securityContextOf(container)?.allowPrivilegeEscalation !== false) bad.push(name);
  });
  if (bad.length === 0) return undefined;
  return { reason: "allowPrivilegeEscalation != false", detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false` };
}

export function capabilitiesRestricted(pod: PodView): CheckResult {
  if (exemptWindows(pod)) return undefined;
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden = new Set<string>();
  visitContainers(pod.spec, (container, name) => {
    const capabilities = securityContextOf(container)?.capabilities;
    if (!isRecord(capabilities)) {
      missingDropAll.push(name);
      return;
    }
    if (!arrayOf(capabilities.drop).includes("ALL")) missingDropAll.push(name);
    const extra = arrayOf(capabilities.add).map(String).filter((cap) => cap !== "NET_BIND_SERVICE");
    if (extra.length > 0) {
      addingForbidden.push(name);
      extra.forEach((cap) => forbidden.add(cap));
    }
  });
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) {
    details.push(`${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`);
  }
  return details.length > 0 ? { reason: "unrestricted capabilities", detail: details.join("; ") } : undefined;
}

/** Volume sources the restricted level allows. */
const ALLOWED_VOLUME_SOURCES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

/** The restricted sources, in the order upstream names the first one found. */
const RESTRICTED_VOLUME_SOURCES = [
  "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
  "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
  "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
];

function present(volume: JsonRecord, source: string): boolean {
  return volume[source] !== undefined && volume[source] !== null;
}

export function restrictedVolumes({ spec }: PodView): CheckResult {
  const badVolumes: string[] = [];
  const types = new Set<string>();
  for (const volume of recordsOf(spec.volumes)) {
    if (ALLOWED_VOLUME_SOURCES.some((source) => present(volume, source))) continue;
    badVolumes.push(String(volume.name ?? ""));
    types.add(RESTRICTED_VOLUME_SOURCES.find((source) => present(volume, source)) ?? "unknown");
  }
  if (badVolumes.length === 0) return undefined;
  return {
    reason: "restricted volume types",
    detail: `${pluralize("volume", "volumes", badVolumes.length)} ${joinQuote(badVolumes)} ${pluralize("uses", "use", badVolumes.length)} ` +
      `${pluralize("restricted volume type", "restricted volume types", types.size)} ${joinQuote(sortedUnique(types))}`,
  };
}

/** procMount_restricted (policy 1.35): restricted keeps /proc masked even for user-namespace pods. */
export const procMountRestricted = procMountDefaultOnly;

/** runAsNonRoot: from policy 1.35 not checked for a pod with its own user namespace. */
export function runAsNonRoot(pod: PodView): CheckResult {
  if (pod.minor >= 35 && relaxPolicyForUserNamespacePod(pod.spec)) return undefined;
  const { spec } = pod;
  const podValue = podSecurityContext(spec)?.runAsNonRoot;
  const podBad = podValue === false;
  const podSet = podValue === true;
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (container, name) => {
    const value = securityContextOf(container)?.runAsNonRoot;
    if (value !== undefined && value !== null) {
      if (value === false) explicitlyBad.push(name);
    } else if (!podSet) {
      implicitlyBad.push(name);
    }
  });
  const badSetters = setters(podBad, explicitlyBad);
  if (badSetters.length > 0) {
    return { reason: "runAsNonRoot != true", detail: `${badSetters.join(" and ")} must not set securityContext.runAsNonRoot=false` };
  }
  if (implicitlyBad.length > 0) {
    return { reason: "runAsNonRoot != true", detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true` };
  }
  return undefined;
}

/** runAsUser: from policy 1.35 not checked for a pod with its own user namespace. */
export function runAsUser(pod: PodView): CheckResult {
  if (pod.minor >= 35 && relaxPolicyForUserNamespacePod(pod.spec)) return undefined;
  const { spec } = pod;
  const podBad = podSecurityContext(spec)?.runAsUser === 0;
  const bad: string[] = [];
  visitContainers(spec, (container, name) => {
    if (securityContextOf(container)?.runAsUser === 0) bad.push(name);
  });
  const badSetters = setters(podBad, bad);
  if (badSetters.length === 0) return undefined;
  return { reason: "runAsUser=0", detail: `${badSetters.join(" and ")} must not set runAsUser=0` };
}

export function seccompProfileRestricted(pod: PodView): CheckResult {
  if (exemptWindows(pod)) return undefined;
  const { spec } = pod;
  const badValues = new Set<string>();
  const podProfile = podSecurityContext(spec)?.seccompProfile;
  let podBad = false;
  let podSet = false;
  if (isRecord(podProfile)) {
    if (validSeccompType(podProfile.type)) podSet = true;
    else {
      podBad = true;
      badValues.add(String(podProfile.type ?? ""));
    }
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  visitContainers(spec, (container, name) => {
    const profile = securityContextOf(container)?.seccompProfile;
    if (isRecord(profile)) {
      if (!validSeccompType(profile.type)) {
        explicitlyBad.push(name);
        badValues.add(String(profile.type ?? ""));
      }
    } else if (!podSet) {
      implicitlyBad.push(name);
    }
  });
  const badSetters = setters(podBad, explicitlyBad);
  if (badSetters.length > 0) {
    return { reason: "seccompProfile", detail: `${badSetters.join(" and ")} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}` };
  }
  if (implicitlyBad.length > 0) {
    return {
      reason: "seccompProfile",
      detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  }
  return undefined;
}
