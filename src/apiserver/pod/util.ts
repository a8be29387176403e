// Dropping fields whose feature is off in the target release, before
// validation (pkg/api/pod/util.go: DropDisabledPodFields, DropDisabledTemplateFields).
import { featureEnabled } from "../features.js";
import { atLeast } from "../../util/release.js";
import { containersWithPath } from "../validation/core/security-context.js";
import { list } from "../validation/core/fields.js";
import { FieldPath } from "../field/path.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** dropDisabledFields: what a create request of `kubernetesVersion` loses. */
function dropDisabledFields(spec: JsonRecord | undefined, kubernetesVersion: string): void {
  if (!spec) return;
  if (!featureEnabled("UserNamespacesSupport", kubernetesVersion)) delete spec.hostUsers;
  if (!featureEnabled("SupplementalGroupsPolicy", kubernetesVersion) && isRecord(spec.securityContext)) delete spec.securityContext.supplementalGroupsPolicy;
  if (!featureEnabled("PodLevelResources", kubernetesVersion)) delete spec.resources;
  if (!featureEnabled("ProcMountType", kubernetesVersion)) {
    for (const { container } of containersWithPath(spec, FieldPath.root("spec"))) {
      if (isRecord(container.securityContext)) delete container.securityContext.procMount;
    }
  }
  if (!featureEnabled("ContainerRestartRules", kubernetesVersion)) dropContainerRestartRules(spec, kubernetesVersion);
  if (!featureEnabled("EnvFiles", kubernetesVersion)) dropFileKeyRef(spec);
  if (!featureEnabled("HostnameOverride", kubernetesVersion)) delete spec.hostnameOverride;
  if (!featureEnabled("DynamicResourceAllocation", kubernetesVersion)) dropDisabledDynamicResourceAllocationFields(spec);
}

/** dropDisabledDynamicResourceAllocationFields: the pod's claims and the containers' references to them. */
function dropDisabledDynamicResourceAllocationFields(spec: JsonRecord): void {
  delete spec.resourceClaims;
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of list(spec, key)) {
      if (isRecord(container.resources)) delete container.resources.claims;
    }
  }
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
