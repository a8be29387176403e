// API defaulting of rbac.authorization.k8s.io/v1 (pkg/apis/rbac/v1/defaults.go).
import { setDefault } from "./fields.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_RoleBinding / _ClusterRoleBinding and SetDefaults_Subject. */
export function setDefaultsRoleBinding(body: JsonRecord): void {
  setDefault(objectAt(body, "roleRef"), "apiGroup", "rbac.authorization.k8s.io");
  for (const subject of recordsOf(body.subjects)) {
    if (subject.apiGroup !== undefined) continue;
    if (subject.kind === "User" || subject.kind === "Group") subject.apiGroup = "rbac.authorization.k8s.io";
  }
}
