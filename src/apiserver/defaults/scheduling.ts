// API defaulting of scheduling.k8s.io/v1 (pkg/apis/scheduling/v1/defaults.go).
import { setDefault } from "./fields.js";
import type { JsonRecord } from "../../util/object-access.js";

export function setDefaultsPriorityClass(body: JsonRecord): void {
  setDefault(body, "preemptionPolicy", "PreemptLowerPriority");
}
