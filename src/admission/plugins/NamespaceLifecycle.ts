// NamespaceLifecycle (k8s.io/apiserver/.../plugin/namespace/lifecycle): objects
// go only into namespaces that exist and are not being deleted.
import { dig } from "../../util/object-access.js";
import { forbidden, notFound } from "../api-errors.js";
import type { PlanState } from "../state.js";

/**
 * The refusal for an object in `namespace`, or undefined. A namespace the inputs
 * create counts as existing wherever it appears in the plan; without a snapshot
 * that lists namespaces, nothing is known and nothing is refused.
 */
export function checkNamespace(state: PlanState, namespace: string, operation: "create" | "update", resource: string, name: string): string | undefined {
  if (state.inputNamespaces.has(namespace)) return undefined;
  const live = state.namespaces.get(namespace);
  if (!live) {
    if (!state.snapshot.knowsNamespaces || state.snapshot.hasNamespace(namespace)) return undefined;
    return notFound("namespaces", namespace);
  }
  const terminating = dig(live, "status", "phase") === "Terminating" || dig(live, "metadata", "deletionTimestamp") !== undefined;
  if (operation === "create" && terminating) {
    return forbidden(resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}
