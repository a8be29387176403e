// Which stored object a manifest describes: API group (across the group
// renames of the removed beta APIs), kind, namespace and name.
import { groupOf, Inventory } from "../inventory.js";
import type { KubeObject } from "../types.js";

/**
 * Kinds that moved between groups: the old group served the same objects, so
 * an `extensions/v1beta1` Deployment and an `apps/v1` one are the same object.
 */
const MOVED_KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  extensions: {
    Deployment: "apps",
    DaemonSet: "apps",
    ReplicaSet: "apps",
    Ingress: "networking.k8s.io",
    NetworkPolicy: "networking.k8s.io",
    PodSecurityPolicy: "policy",
  },
  "events.k8s.io": { Event: "" },
};

export function canonicalGroup(apiVersion: string | undefined, kind: string | undefined): string {
  const group = groupOf(apiVersion);
  return MOVED_KINDS[group]?.[kind ?? ""] ?? group;
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

  isNamespaced(kind: string | undefined): boolean {
    return this.inventory.isNamespaced(kind);
  }

  /** Its namespace, the default one when the manifest leaves it out, or "" when cluster-scoped. */
  namespaceOf(object: KubeObject): string {
    if (!this.isNamespaced(object.kind)) return "";
    const namespace = object.metadata?.namespace;
    return typeof namespace === "string" && namespace !== "" ? namespace : this.inventory.defaultNamespace;
  }

  keyOf(object: KubeObject): string {
    const name = typeof object.metadata?.name === "string" ? object.metadata.name : "";
    return [canonicalGroup(object.apiVersion, object.kind), object.kind ?? "", this.namespaceOf(object), name].join("|");
  }
}
