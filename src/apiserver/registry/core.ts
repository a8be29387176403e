// Registry strategies of the core group (pkg/registry/core/<resource>/strategy.go).
import { validateConfigMap } from "../validation/core/config-map.js";
import type { GroupStrategies } from "./types.js";

export const CORE_STRATEGIES: GroupStrategies = {
  ConfigMap: { validate: (object) => validateConfigMap(object) },
};
