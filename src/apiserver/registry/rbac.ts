// Registry strategies of rbac.authorization.k8s.io (pkg/registry/rbac/<resource>/strategy.go).
import { validateClusterRole, validateRole, validateRoleBinding } from "../validation/rbac/validation.js";
import type { GroupStrategies } from "./types.js";

export const RBAC_STRATEGIES: GroupStrategies = {
  Role: { validate: (object, context) => validateRole(object, context.kubernetesVersion) },
  ClusterRole: { validate: (object, context) => validateClusterRole(object, context.kubernetesVersion) },
  RoleBinding: { validate: (object) => validateRoleBinding(object, true) },
  ClusterRoleBinding: { validate: (object) => validateRoleBinding(object, false) },
};
