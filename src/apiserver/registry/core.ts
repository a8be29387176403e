// Registry strategies of the core group (pkg/registry/core/<resource>/strategy.go).
import { validateConfigMap } from "../validation/core/config-map.js";
import { POD_STRATEGY, POD_TEMPLATE_STRATEGY } from "./pod.js";
import type { GroupStrategies } from "./types.js";

export const CORE_STRATEGIES: GroupStrategies = {
  ConfigMap: { validate: (object) => validateConfigMap(object) },
  Pod: POD_STRATEGY,
  PodTemplate: POD_TEMPLATE_STRATEGY,
};
