// API defaulting of rbac.authorization.k8s.io/v1 (pkg/apis/rbac/v1/defaults.go).
import { ensureObject } from "./fields.js";
import { recordsOf, type JsonRecord } from "../../util/object-access.js";

const GROUP_NAME = "rbac.authorization.k8s.io";

/** An absent or empty string field (Go's `len(x) == 0`). */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === "";
}

/**
 * SetDefaults_RoleBinding / _ClusterRoleBinding and SetDefaults_Subject: an empty
 * API group is RBAC's for roles, users and groups (a service account's stays
 * empty, which the stored object omits).
 */
export function setDefaultsRoleBinding(body: JsonRecord): void {
  // roleRef is a struct, not a pointer: it is defaulted even when absent.
  const roleRef = ensureObject(body, "roleRef");
  if (roleRef && isEmpty(roleRef.apiGroup)) roleRef.apiGroup = GROUP_NAME;
  for (const subject of recordsOf(body.subjects)) {
    if (isEmpty(subject.apiGroup) && (subject.kind === "User" || subject.kind === "Group")) subject.apiGroup = GROUP_NAME;
  }
}
