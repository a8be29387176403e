// What the PersistentVolume strategy drops before validation, and the warnings
// it returns on create (pkg/api/persistentvolume/util.go).
import { featureEnabled } from "../features.js";
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { BETA_STORAGE_CLASS_ANNOTATION } from "../persistentvolumeclaim/util.js";
import { list, obj, str, stringMap } from "../validation/core/fields.js";
import { MOUNT_OPTION_ANNOTATION } from "../validation/core/persistent-volume.js";
import { warningsForNodeSelectorTerm } from "../validation/core/scheduling-warnings.js";
import { atLeast } from "../../util/release.js";
import type { JsonRecord } from "../../util/object-access.js";
import { appendAll } from "../../util/append.js";

/** DropDisabledSpecFields on create. */
export function dropDisabledSpecFields(spec: JsonRecord, kubernetesVersion: string): void {
  if (!featureEnabled("VolumeAttributesClass", kubernetesVersion)) delete spec.volumeAttributesClassName;
}

/** Deprecated volume plugins of persistent volumes, in upstream's order: the field, its name in the warning, the message. */
const DEPRECATED_VOLUME_PLUGINS: ReadonlyArray<[field: string, shownAs: string, message: string]> = [
  ["cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"],
  ["photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"],
  ["scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"],
  ["storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"],
  ["glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"],
  ["rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"],
];

/** GetWarningsForPersistentVolume: deprecated annotations, the Recycle policy, deprecated node labels and volume plugins. */
export function getWarningsForPersistentVolume(pv: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const annotations = stringMap(obj(pv, "metadata"), "annotations");
  const annotationsPath = FieldPath.root("metadata", "annotations");
  if (Object.hasOwn(annotations, BETA_STORAGE_CLASS_ANNOTATION)) {
    warnings.push({ field: annotationsPath.key(BETA_STORAGE_CLASS_ANNOTATION), message: 'deprecated since v1.8; use "storageClassName" attribute instead' });
  }
  if (atLeast(kubernetesVersion, "1.31") && Object.hasOwn(annotations, MOUNT_OPTION_ANNOTATION)) {
    warnings.push({ field: annotationsPath.key(MOUNT_OPTION_ANNOTATION), message: 'deprecated since v1.31; use "mountOptions" attribute instead' });
  }
  const spec = obj(pv, "spec") ?? {};
  const specPath = FieldPath.root("spec");
  if (str(spec, "persistentVolumeReclaimPolicy") === "Recycle") {
    warnings.push({ field: specPath.child("persistentVolumeReclaimPolicy"), message: "The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning." });
  }
  const termsPath = specPath.child("nodeAffinity", "required", "nodeSelectorTerms");
  list(obj(obj(spec, "nodeAffinity"), "required"), "nodeSelectorTerms").forEach((term, index) => {
    appendAll(warnings, warningsForNodeSelectorTerm(term, false, termsPath.index(index), kubernetesVersion));
  });
  for (const [field, shownAs, message] of DEPRECATED_VOLUME_PLUGINS) {
    if (obj(spec, field)) warnings.push({ field: specPath.child(shownAs), message });
  }
  return warnings;
}
