// A Namespace's deletion (pkg/controller/namespace/deletion/
// namespaced_resources_deleter.go): the API server marks it Terminating; the
// namespace controller deletes every namespaced object in it
// (deleteAllContent, with background propagation), and removes the
// `kubernetes` entry of its spec.finalizers once the content is gone. Content
// that finalizers hold keeps it Terminating, with the conditions the
// controller writes (NamespaceContentRemaining, NamespaceFinalizersRemaining).
import type { KubeObject } from "../../types.js";
import { groupOf } from "../../inventory.js";
import { nameOf } from "../../util/object-access.js";
import { compareStrings } from "../../util/order.js";
import type { WorkingCluster } from "../working-cluster.js";
import type { ResourceTypes } from "../kubectl/resources.js";
import type { GarbageCollector } from "./garbage-collector.js";
import type { HoldingFinalizer } from "./finalizers.js";

/** deleteAllContent: every namespaced object of the namespace, deleted in the background. */
export function deleteAllContent(cluster: WorkingCluster, collector: GarbageCollector, namespace: KubeObject): KubeObject[] {
  const name = nameOf(namespace);
  const content = cluster.all().filter((o) => cluster.isNamespaced(o.kind ?? "") && cluster.namespaceOf(o) === name);
  for (const object of content) collector.delete(object, "Background", `deleted with Namespace ${name}: the namespace controller deletes its content`);
  return content;
}

/** Counts as the conditions' messages list them: `<key> has <n> resource instances`, sorted. */
function counted(counts: ReadonlyMap<string, number>, verb: string): string {
  return [...counts]
    .map(([key, n]) => `${key} ${verb} ${n} resource instances`)
    .sort(compareStrings)
    .join(", ");
}

/**
 * The namespace's state once the controllers are done: gone, or Terminating
 * with the messages of its conditions, from the content that finalizers hold.
 */
export function namespaceDeletionNote(namespace: KubeObject, held: ReadonlyArray<{ object: KubeObject; finalizers: readonly HoldingFinalizer[] }>, deletedCount: number, types: ResourceTypes): string {
  const name = nameOf(namespace);
  if (held.length === 0) return `Namespace ${name}: Terminating until the namespace controller has deleted the ${deletedCount} object(s) in it, then gone (spec.finalizers: kubernetes)`;
  const resources = new Map<string, number>();
  const finalizers = new Map<string, number>();
  for (const { object, finalizers: holding } of held) {
    const group = groupOf(object.apiVersion);
    const resource = `${types.ofKind(object.kind ?? "", group)?.resource ?? (object.kind ?? "").toLowerCase()}.${group}`;
    resources.set(resource, (resources.get(resource) ?? 0) + 1);
    for (const { finalizer } of holding) finalizers.set(finalizer, (finalizers.get(finalizer) ?? 0) + 1);
  }
  return `Namespace ${name} stays Terminating: Some resources are remaining: ${counted(resources, "has")}; Some content in the namespace has finalizers remaining: ${counted(finalizers, "in")}`;
}
