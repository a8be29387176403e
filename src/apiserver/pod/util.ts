// Dropping fields whose feature is off in the target release, before
// validation (pkg/api/pod/util.go: DropDisabledPodFields, DropDisabledTemplateFields).
import { featureEnabled } from "../features.js";
import { atLeast } from "../../util/release.js";
import { containersWithPath } from "../validation/core/security-context.js";
import { list } from "../validation/core/fields.js";
import { FieldPath } from "../field/path.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** dropDisabledFields: what a create request of `kubernetesVersion` loses, in upstream's order. */
function dropDisabledFields(spec: JsonRecord | undefined, kubernetesVersion: string): void {
  if (!spec) return;
  const enabled = (gate: string) => featureEnabled(gate, kubernetesVersion);
  if (!enabled("UserNamespacesSupport")) delete spec.hostUsers;
  if (!enabled("SupplementalGroupsPolicy") && isRecord(spec.securityContext)) delete spec.securityContext.supplementalGroupsPolicy;
  if (!enabled("PodLevelResources")) delete spec.resources;
  if (!enabled("ProcMountType")) {
    for (const { container } of containersWithPath(spec, FieldPath.root("spec"))) {
      if (isRecord(container.securityContext)) delete container.securityContext.procMount;
    }
  }
  if (!enabled("MatchLabelKeysInPodAffinity")) dropDisabledMatchLabelKeysFieldInPodAffinity(spec);
  if (!enabled("DynamicResourceAllocation")) dropDisabledDynamicResourceAllocationFields(spec);
  if (!enabled("InPlacePodVerticalScaling")) forEachContainer(spec, (container) => delete container.resizePolicy);
  if (!enabled("ContainerRestartRules")) dropContainerRestartRules(spec, kubernetesVersion);
  if (!enabled("RecursiveReadOnlyMounts")) {
    forEachContainer(spec, (container) => list(container, "volumeMounts").forEach((mount) => delete mount.recursiveReadOnly));
  }
  if (!enabled("HostnameOverride")) delete spec.hostnameOverride;
  if (!enabled("EnvFiles")) dropFileKeyRef(spec);
  if (!enabled("ImageVolume")) dropImageVolumes(spec);
  if (!enabled("SELinuxChangePolicy") && isRecord(spec.securityContext)) delete spec.securityContext.seLinuxChangePolicy;
  // Off by default in every supported release (beta from 1.33 and 1.35): the
  // source's field goes, the source stays, empty (and from 1.33 warned about).
  if (!enabled("ClusterTrustBundleProjection")) dropProjectionSource(spec, "clusterTrustBundle");
  if (!enabled("PodCertificateRequest")) dropProjectionSource(spec, "podCertificate");
}

/** dropDisabledClusterTrustBundleProjection, dropDisabledPodCertificateProjection: one kind of projected source. */
function dropProjectionSource(spec: JsonRecord, field: string): void {
  for (const volume of list(spec, "volumes")) {
    const projected = isRecord(volume.projected) ? volume.projected : undefined;
    for (const source of list(projected, "sources")) delete source[field];
  }
}

/** Every container of the spec: regular, init and ephemeral. */
function forEachContainer(spec: JsonRecord, visit: (container: JsonRecord) => void): void {
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) list(spec, key).forEach(visit);
}

/** dropDisabledMatchLabelKeysFieldInPodAffinity: matchLabelKeys and mismatchLabelKeys of every pod (anti-)affinity term. */
function dropDisabledMatchLabelKeysFieldInPodAffinity(spec: JsonRecord): void {
  const affinity = isRecord(spec.affinity) ? spec.affinity : undefined;
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const terms = isRecord(affinity?.[kind]) ? (affinity[kind] as JsonRecord) : undefined;
    const weighted = list(terms, "preferredDuringSchedulingIgnoredDuringExecution").map((term) => term.podAffinityTerm);
    for (const term of [...list(terms, "requiredDuringSchedulingIgnoredDuringExecution"), ...weighted]) {
      if (!isRecord(term)) continue;
      delete term.matchLabelKeys;
      delete term.mismatchLabelKeys;
    }
  }
}

/** dropImageVolumes: image volumes, and the mounts of them, leave the pod. */
function dropImageVolumes(spec: JsonRecord): void {
  if (!Array.isArray(spec.volumes)) return;
  const imageVolumes = new Set(list(spec, "volumes").filter((volume) => volume.image !== undefined && volume.image !== null).map((volume) => volume.name));
  if (imageVolumes.size === 0) return;
  spec.volumes = spec.volumes.filter((volume) => !isRecord(volume) || !imageVolumes.has(volume.name));
  forEachContainer(spec, (container) => {
    if (Array.isArray(container.volumeMounts)) container.volumeMounts = container.volumeMounts.filter((mount) => !isRecord(mount) || !imageVolumes.has(mount.name));
  });
}

/** dropDisabledDynamicResourceAllocationFields: the pod's claims and the containers' references to them. */
function dropDisabledDynamicResourceAllocationFields(spec: JsonRecord): void {
  delete spec.resourceClaims;
  forEachContainer(spec, (container) => {
    if (isRecord(container.resources)) delete container.resources.claims;
  });
}

/**
 * dropContainerRestartRules: what a container may only set with
 * ContainerRestartRules (1.34 drops it; before 1.34 a container's own
 * restartPolicy, then only for sidecars, was the only field and stays).
 */
function dropContainerRestartRules(spec: JsonRecord, kubernetesVersion: string): void {
  const fieldExists = atLeast(kubernetesVersion, "1.34");
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of list(spec, key)) {
      delete container.restartPolicyRules;
      if (fieldExists && (key !== "initContainers" || container.restartPolicy !== "Always")) delete container.restartPolicy;
    }
  }
}

/** dropFileKeyRefInUse: environment variables read from files need EnvFiles. */
function dropFileKeyRef(spec: JsonRecord): void {
  for (const { container } of containersWithPath(spec, FieldPath.root("spec"))) {
    for (const variable of Array.isArray(container.env) ? container.env : []) {
      if (isRecord(variable) && isRecord(variable.valueFrom)) delete variable.valueFrom.fileKeyRef;
    }
  }
}

/** DropDisabledPodFields. */
export function dropDisabledPodFields(pod: JsonRecord, kubernetesVersion: string): void {
  dropDisabledFields(isRecord(pod.spec) ? pod.spec : undefined, kubernetesVersion);
}

/** DropDisabledTemplateFields: every kind with a pod template calls it in PrepareForCreate. */
export function dropDisabledTemplateFields(template: unknown, kubernetesVersion: string): void {
  dropDisabledFields(isRecord(template) && isRecord(template.spec) ? template.spec : undefined, kubernetesVersion);
}
