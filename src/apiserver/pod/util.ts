// Dropping fields whose feature is off in the target release, before
// validation (pkg/api/pod/util.go: DropDisabledPodFields, DropDisabledTemplateFields).
import { featureEnabled } from "../features.js";
import { containersWithPath } from "../validation/core/security-context.js";
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
}

/** DropDisabledPodFields. */
export function dropDisabledPodFields(pod: JsonRecord, kubernetesVersion: string): void {
  dropDisabledFields(isRecord(pod.spec) ? pod.spec : undefined, kubernetesVersion);
}

/** DropDisabledTemplateFields: every kind with a pod template calls it in PrepareForCreate. */
export function dropDisabledTemplateFields(template: unknown, kubernetesVersion: string): void {
  dropDisabledFields(isRecord(template) && isRecord(template.spec) ? template.spec : undefined, kubernetesVersion);
}
