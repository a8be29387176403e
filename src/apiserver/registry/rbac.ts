// Registry strategies of rbac.authorization.k8s.io (pkg/registry/rbac/<resource>/strategy.go).
import { validateClusterRole, validateRole, validateRoleBinding } from "../validation/rbac/validation.js";
import { isPathSegmentName } from "../apimachinery/validation.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

/** ValidateRBACName (minimalNameRequirements): any name that fits in a REST path (`system:controller:x`). */
const validateRBACName = (name: string) => isPathSegmentName(name);

export const RBAC_STRATEGIES: GroupStrategies = {
  Role: withObjectMeta(true, { validate: (object, context) => validateRole(object, context.kubernetesVersion) }, validateRBACName),
  ClusterRole: withObjectMeta(false, { validate: (object, context) => validateClusterRole(object, context.kubernetesVersion) }, validateRBACName),
  RoleBinding: withObjectMeta(true, { validate: (object) => validateRoleBinding(object, true) }, validateRBACName),
  ClusterRoleBinding: withObjectMeta(false, { validate: (object) => validateRoleBinding(object, false) }, validateRBACName),
};
