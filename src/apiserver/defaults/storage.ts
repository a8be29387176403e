// API defaulting of storage.k8s.io/v1 (pkg/apis/storage/v1/defaults.go).
import { setDefault } from "./fields.js";
import type { JsonRecord } from "../../util/object-access.js";

export function setDefaultsStorageClass(body: JsonRecord): void {
  setDefault(body, "reclaimPolicy", "Delete");
  setDefault(body, "volumeBindingMode", "Immediate");
}
