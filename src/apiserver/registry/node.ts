// Registry strategy of node.k8s.io (pkg/registry/node/runtimeclass/strategy.go).
import { validateRuntimeClass } from "../validation/node/runtime-class.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const NODE_STRATEGIES: GroupStrategies = {
  RuntimeClass: withObjectMeta(false, { validate: (object, context) => validateRuntimeClass(object, context.kubernetesVersion) }),
};
