// API defaulting of storage.k8s.io/v1 (pkg/apis/storage/v1/defaults.go).
import { ensureObject, setDefault } from "./fields.js";
import type { JsonRecord } from "../../util/object-access.js";

export function setDefaultsStorageClass(body: JsonRecord): void {
  setDefault(body, "reclaimPolicy", "Delete");
  setDefault(body, "volumeBindingMode", "Immediate");
}

/** SetDefaults_CSIDriver (SELinuxMountReadWriteOncePod is on in every supported release). */
export function setDefaultsCSIDriver(body: JsonRecord): void {
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefault(spec, "attachRequired", true);
  setDefault(spec, "podInfoOnMount", false);
  setDefault(spec, "storageCapacity", false);
  setDefault(spec, "fsGroupPolicy", "ReadWriteOnceWithFSType");
  const modes = spec.volumeLifecycleModes;
  if (modes === undefined || (Array.isArray(modes) && modes.length === 0)) spec.volumeLifecycleModes = ["Persistent"];
  setDefault(spec, "requiresRepublish", false);
  setDefault(spec, "seLinuxMount", false);
}
