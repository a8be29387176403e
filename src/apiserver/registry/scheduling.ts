// Registry strategies of scheduling.k8s.io (pkg/registry/scheduling/priorityclass/strategy.go).
import { validatePriorityClass } from "../validation/scheduling/priority-class.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const SCHEDULING_STRATEGIES: GroupStrategies = {
  PriorityClass: withObjectMeta(false, { validate: (object) => validatePriorityClass(object) }),
};
