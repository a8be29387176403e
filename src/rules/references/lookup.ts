// Finding referenced objects in the inventory, counting the objects every
// cluster has without anyone applying them.
import type { Inventory, InventoryEntry } from "../../inventory.js";
import { apiGroup } from "../../util/api-values.js";

/** ClusterRoles every cluster has: the user-facing ones and the `system:` ones of the bootstrap policy. */
const BUILT_IN_CLUSTER_ROLES = new Set(["cluster-admin", "admin", "edit", "view"]);

/** Objects created by the control plane (namespace "" means: in every namespace). */
function isBuiltIn(kind: string, namespace: string, name: string): boolean {
  switch (kind) {
    case "ServiceAccount":
      return name === "default";
    case "ConfigMap":
      // Published in every namespace by the root CA publisher.
      return name === "kube-root-ca.crt";
    case "Service":
      return namespace === "default" && name === "kubernetes";
    case "ClusterRole":
      return BUILT_IN_CLUSTER_ROLES.has(name) || name.startsWith("system:");
    case "Role":
      return (namespace === "kube-system" || namespace === "kube-public") && (name.startsWith("system:") || name === "extension-apiserver-authentication-reader");
    default:
      return false;
  }
}

/** Objects of that kind and name (in that API group when given) in the namespace. */
export function findObjects(inventory: Inventory, kind: string, namespace: string, name: string, group?: string): InventoryEntry[] {
  return inventory.find(kind, namespace, name).filter((e) => group === undefined || apiGroup(e.object.apiVersion) === group);
}

export function exists(inventory: Inventory, kind: string, namespace: string, name: string, group?: string): boolean {
  return isBuiltIn(kind, namespace, name) || findObjects(inventory, kind, namespace, name, group).length > 0;
}

/** Names of the objects of a kind in a namespace, for "did you mean". */
export function namesOf(inventory: Inventory, kind: string, namespace: string): string[] {
  const scoped = inventory.isNamespaced(kind);
  return inventory
    .ofKind(kind)
    .filter((e) => !scoped || inventory.namespaceOf(e.object) === namespace)
    .map((e) => e.object.metadata?.name)
    .filter((n): n is string => typeof n === "string");
}

/** Where the lookup went, for messages: the inputs, and the cluster snapshot when there is one. */
export function searchedIn(inventory: Inventory): string {
  return inventory.all().some((e) => e.source === "cluster") ? "in neither the inputs nor the cluster" : "in the inputs";
}

/** `configmap "x" not found in namespace "y"`, the kubelet's and API server's way of saying it. */
export function notFoundText(kind: string, name: string, namespace: string, group = ""): string {
  const resource = group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
  return namespace ? `${resource} "${name}" not found in namespace "${namespace}"` : `${resource} "${name}" not found`;
}
