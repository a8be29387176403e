// Registry strategies of storage.k8s.io (pkg/registry/storage/<resource>/strategy.go).
import { featureEnabled } from "../features.js";
import { validateCSIDriver } from "../validation/storage/csi-driver.js";
import { validateCSINode } from "../validation/storage/csi-node.js";
import { validateCSIStorageCapacity } from "../validation/storage/csi-storage-capacity.js";
import { validateStorageClass } from "../validation/storage/storage-class.js";
import { validateVolumeAttachment } from "../validation/storage/volume-attachment.js";
import { validateVolumeAttributesClass } from "../validation/storage/volume-attributes-class.js";
import { isRecord } from "../../util/object-access.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const STORAGE_STRATEGIES: GroupStrategies = {
  StorageClass: withObjectMeta(false, { validate: (object) => validateStorageClass(object) }),
  CSIDriver: withObjectMeta(false, {
    // PrepareForCreate drops the fields of gates that are off.
    prepareForCreate: (object, context) => {
      if (isRecord(object.spec) && !featureEnabled("MutableCSINodeAllocatableCount", context.kubernetesVersion)) delete object.spec.nodeAllocatableUpdatePeriodSeconds;
    },
    validate: (object) => validateCSIDriver(object),
  }),
  // A CSINode is named after its node (ValidateNodeName, a DNS subdomain).
  CSINode: withObjectMeta(false, { validate: (object) => validateCSINode(object) }),
  CSIStorageCapacity: withObjectMeta(true, { validate: (object) => validateCSIStorageCapacity(object) }),
  VolumeAttachment: withObjectMeta(false, {
    // PrepareForCreate: a create cannot set the status.
    prepareForCreate: (object) => {
      delete object.status;
    },
    validate: (object, context) => validateVolumeAttachment(object, context.kubernetesVersion),
  }),
  VolumeAttributesClass: withObjectMeta(false, { validate: (object) => validateVolumeAttributesClass(object) }),
};
