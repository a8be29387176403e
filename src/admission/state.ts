// The cluster as admission sees it while the plan goes on: the snapshot,
// overlaid with what the inputs have created so far.
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import { groupOf, Inventory } from "../inventory.js";
import type { KubeObject, ManifestDocument } from "../types.js";
import { dig, nameOf, stringOf } from "../util/object-access.js";
import { defaultLimitRange } from "./plugins/limit-range-defaults.js";
import { QuotaLedger } from "./quota/ledger.js";
import { crdPluralKey, resourceOfObject, type CrdPlurals, type ResourceName } from "./resource-names.js";
import { compareStrings } from "../util/order.js";

function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export class PlanState {
  readonly inventory = new Inventory();
  readonly crdPlurals = new Map<string, string>();
  /** Namespace objects by name: the snapshot's, replaced by the inputs' once admitted. */
  readonly namespaces = new Map<string, KubeObject>();
  /** Namespace objects the inputs create, by name, wherever they appear in the plan. */
  readonly inputNamespaces = new Map<string, KubeObject>();
  /** Service accounts and priority classes the inputs create, wherever they appear (like namespaces). */
  private readonly inputServiceAccounts = new Set<string>();
  readonly inputPriorityClasses = new Map<string, KubeObject>();
  readonly serviceAccounts = new Set<string>();
  readonly limitRanges = new Map<string, Map<string, KubeObject>>();
  readonly priorityClasses = new Map<string, KubeObject>();
  readonly storageClasses = new Map<string, KubeObject>();
  readonly claims = new Map<string, KubeObject>();
  readonly volumes: KubeObject[];
  readonly quotas: QuotaLedger;

  constructor(readonly snapshot: ClusterSnapshot, documents: readonly ManifestDocument[], readonly serverMinor: number) {
    this.learnCustomResources(documents);
    for (const ns of snapshot.namespaces) this.namespaces.set(nameOf(ns), ns);
    for (const { object } of documents) {
      if (object.kind === "Namespace") this.inputNamespaces.set(nameOf(object), object);
      if (object.kind === "ServiceAccount") this.inputServiceAccounts.add(keyOf(this.namespaceOf(object), nameOf(object)));
      if (object.kind === "PriorityClass") this.inputPriorityClasses.set(nameOf(object), object);
    }
    for (const sa of snapshot.serviceAccounts) this.serviceAccounts.add(keyOf(this.namespaceOf(sa), nameOf(sa)));
    for (const lr of snapshot.limitRanges) this.addLimitRange(lr);
    for (const pc of snapshot.priorityClasses) this.priorityClasses.set(nameOf(pc), pc);
    for (const sc of snapshot.storageClasses) this.storageClasses.set(nameOf(sc), sc);
    for (const claim of snapshot.pvcs) this.claims.set(keyOf(this.namespaceOf(claim), nameOf(claim)), claim);
    this.volumes = [...snapshot.pvs];
    this.quotas = new QuotaLedger(snapshot, (object) => this.resourceOf(object));
  }

  /** CRDs of the inputs declare their scope and plural. */
  private learnCustomResources(documents: readonly ManifestDocument[]): void {
    for (const object of [...this.snapshot.list("CustomResourceDefinition"), ...documents.map((d) => d.object)]) {
      if (object.kind !== "CustomResourceDefinition") continue;
      const kind = stringOf(dig(object, "spec", "names", "kind"));
      const group = stringOf(dig(object, "spec", "group")) ?? "";
      if (!kind) continue;
      if (dig(object, "spec", "scope") === "Cluster") this.inventory.markClusterScoped(kind);
      const plural = stringOf(dig(object, "spec", "names", "plural"));
      if (plural) this.crdPlurals.set(crdPluralKey(group, kind), plural);
    }
  }

  /** The namespace of an object ("" when cluster-scoped). */
  namespaceOf(object: KubeObject): string {
    return this.inventory.namespaceOf(object);
  }

  resourceOf(object: KubeObject): ResourceName {
    return resourceOfObject(object, this.crdPlurals as CrdPlurals);
  }

  /** The cluster's copy of an object of the inputs (same group, kind, namespace, name). */
  existing(object: KubeObject): KubeObject | undefined {
    const found = this.snapshot.get(object.kind ?? "", this.namespaceOf(object), nameOf(object));
    return found && groupOf(found.apiVersion) === groupOf(object.apiVersion) ? found : undefined;
  }

  limitRangesIn(namespace: string): KubeObject[] {
    const ranges = this.limitRanges.get(namespace);
    if (!ranges) return [];
    return [...ranges.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, lr]) => lr);
  }

  addLimitRange(limitRange: KubeObject): void {
    const namespace = this.namespaceOf(limitRange);
    let ranges = this.limitRanges.get(namespace);
    if (!ranges) this.limitRanges.set(namespace, (ranges = new Map()));
    ranges.set(nameOf(limitRange), defaultLimitRange(limitRange));
  }

  /** Records an admitted object of the inputs, so that later requests see it. */
  record(object: KubeObject): void {
    const namespace = this.namespaceOf(object);
    const name = nameOf(object);
    switch (object.kind) {
      case "Namespace":
        this.namespaces.set(name, object);
        break;
      case "ServiceAccount":
        this.serviceAccounts.add(keyOf(namespace, name));
        break;
      case "LimitRange":
        this.addLimitRange(object);
        break;
      case "PriorityClass":
        this.priorityClasses.set(name, object);
        break;
      case "StorageClass":
        this.storageClasses.set(name, object);
        break;
      case "PersistentVolumeClaim":
        this.claims.set(keyOf(namespace, name), object);
        break;
      case "PersistentVolume":
        this.volumes.push(object);
        break;
    }
  }

  hasServiceAccount(namespace: string, name: string): boolean {
    const key = keyOf(namespace, name);
    return this.serviceAccounts.has(key) || this.inputServiceAccounts.has(key);
  }

  /** A PriorityClass of the cluster or of the inputs (wherever it appears in the plan). */
  priorityClass(name: string): KubeObject | undefined {
    return this.priorityClasses.get(name) ?? this.inputPriorityClasses.get(name);
  }

  claim(namespace: string, name: string): KubeObject | undefined {
    return this.claims.get(keyOf(namespace, name));
  }

  /**
   * Labels of a namespace (for PodSecurity): as admitted so far, else as the
   * inputs will create it, else as the cluster has it.
   */
  namespaceLabels(namespace: string): Record<string, unknown> {
    const current = this.namespaces.get(namespace);
    const admittedFromInputs = current !== undefined && current !== this.snapshot.get("Namespace", "", namespace);
    const chosen = admittedFromInputs ? current : this.inputNamespaces.get(namespace) ?? current;
    return (chosen?.metadata?.labels ?? {}) as Record<string, unknown>;
  }

  defaultStorageClasses(): KubeObject[] {
    return [...this.storageClasses.values()].filter(
      (sc) => sc.metadata?.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true" ||
        sc.metadata?.annotations?.["storageclass.beta.kubernetes.io/is-default-class"] === "true",
    );
  }

  /** Pods of the snapshot in a namespace (for PodSecurity's check of a new enforce level). */
  podsIn(namespace: string): readonly KubeObject[] {
    return this.snapshot.list("Pod", namespace);
  }
}
