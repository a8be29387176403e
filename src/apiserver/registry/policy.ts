// Registry strategy of the policy group (pkg/registry/policy/poddisruptionbudget/strategy.go).
import { validatePodDisruptionBudget } from "../validation/policy/pod-disruption-budget.js";
import type { GroupStrategies } from "./types.js";

export const POLICY_STRATEGIES: GroupStrategies = {
  PodDisruptionBudget: { namespaceScoped: true, validate: (object, context) => validatePodDisruptionBudget(object, context.kubernetesVersion) },
};
