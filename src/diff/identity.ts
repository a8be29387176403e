// Which stored object a manifest describes: API group (across the group
// renames of the removed beta APIs), kind, namespace and name.
import { groupOf, Inventory } from "../inventory.js";
import type { KubeObject } from "../types.js";
import { lookupTable } from "../util/lookup-table.js";

/**
 * Kinds that moved between groups: the old group served the same objects, so
 * an `extensions/v1beta1` Deployment and an `apps/v1` one are the same object.
 */
const MOVED_KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = lookupTable({
  extensions: lookupTable({
    Deployment: "apps",
    DaemonSet: "apps",
    ReplicaSet: "apps",
    Ingress: "networking.k8s.io",
    NetworkPolicy: "networking.k8s.io",
    PodSecurityPolicy: "policy",
  }),
  "events.k8s.io": lookupTable({ Event: "" }),
});

export function canonicalGroup(apiVersion: unknown, kind: unknown): string {
  const group = typeof apiVersion === "string" ? groupOf(apiVersion) : "";
  return MOVED_KINDS[group]?.[typeof kind === "string" ? kind : ""] ?? group;
}


/** Namespacing of kinds: built-in cluster-scoped kinds plus CRDs with `scope: Cluster`. */
export class Scope {
  private readonly inventory: Inventory;

  constructor(defaultNamespace: string, objects: readonly KubeObject[]) {
    this.inventory = new Inventory(defaultNamespace);
    for (const object of objects) {
      if (object.kind !== "CustomResourceDefinition") continue;
      const spec = object.spec as { scope?: unknown; names?: { kind?: unknown } } | undefined;
      if (spec?.scope === "Cluster" && typeof spec.names?.kind === "string") this.inventory.markClusterScoped(spec.names.kind);
    }
  }

  isNamespaced(kind: unknown): boolean {
    return typeof kind === "string" && this.inventory.isNamespaced(kind);
  }

  /** Its namespace, the default one when the manifest leaves it out, or "" when cluster-scoped. */
  namespaceOf(object: KubeObject): string {
    if (!this.isNamespaced(object.kind)) return "";
    const metadata: unknown = object.metadata;
    const namespace = metadata !== null && typeof metadata === "object" ? (metadata as { namespace?: unknown }).namespace : undefined;
    return typeof namespace === "string" && namespace !== "" ? namespace : this.inventory.defaultNamespace;
  }

  keyOf(object: KubeObject): string {
    const metadata: unknown = object.metadata;
    const name = metadata !== null && typeof metadata === "object" ? (metadata as { name?: unknown }).name : undefined;
    return `${canonicalGroup(object.apiVersion, object.kind)}|${String(object.kind ?? "")}|${this.namespaceOf(object)}|${typeof name === "string" ? name : ""}`;
  }
}
