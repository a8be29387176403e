// Registry strategies of flowcontrol.apiserver.k8s.io
// (pkg/registry/flowcontrol/flowschema and prioritylevelconfiguration strategy.go).
import { validateFlowSchema, validatePriorityLevelConfiguration } from "../validation/flowcontrol/validation.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const FLOWCONTROL_STRATEGIES: GroupStrategies = {
  FlowSchema: withObjectMeta(false, { validate: (object, context) => validateFlowSchema(object, context.kubernetesVersion) }),
  PriorityLevelConfiguration: withObjectMeta(false, { validate: (object, context) => validatePriorityLevelConfiguration(object, context.kubernetesVersion) }),
};
