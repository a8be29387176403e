// Every object the run knows of, indexed by identity: the inputs, and later
// the objects of the cluster snapshot. Rules and admission look things up here.
import type { KubeObject, ManifestDocument } from "./types.js";

/** Kinds that live outside namespaces (built-in ones; CRDs declare their own scope). */
const CLUSTER_SCOPED_KINDS = new Set([
  "APIService",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterTrustBundle",
  "ComponentStatus",
  "CSIDriver",
  "CSINode",
  "CustomResourceDefinition",
  "DeviceClass",
  "FlowSchema",
  "IngressClass",
  "IPAddress",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PodSecurityPolicy",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "ResourceSlice",
  "RuntimeClass",
  "SelfSubjectAccessReview",
  "SelfSubjectReview",
  "SelfSubjectRulesReview",
  "ServiceCIDR",
  "StorageClass",
  "StorageVersion",
  "StorageVersionMigration",
  "SubjectAccessReview",
  "TokenReview",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeAttributesClass",
]);

/** Whether a built-in kind lives outside namespaces. */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

export interface InventoryEntry {
  object: KubeObject;
  /** The manifest it came from; absent for objects of the cluster snapshot. */
  document?: ManifestDocument;
  source: "input" | "cluster";
}

/** API group of an apiVersion: "" for the core group (`v1`). */
export function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== "string" || !apiVersion.includes("/")) return "";
  return apiVersion.slice(0, apiVersion.indexOf("/"));
}

/**
 * The entries of one kind, with their indexes by identity, name and namespace
 * made when the kind is first looked up: a cluster snapshot brings tens of
 * thousands of objects, mostly of kinds a run never looks up.
 */
interface KindIndex {
  entries: InventoryEntry[];
  byKey?: Map<string, InventoryEntry[]>;
  byName?: Map<string, InventoryEntry[]>;
  byNamespace?: Map<string, InventoryEntry[]>;
}

export class Inventory {
  private readonly entries: InventoryEntry[] = [];
  private readonly byKind = new Map<string, InventoryEntry[]>();
  private readonly kindIndexes = new Map<string, KindIndex>();
  private readonly memos = new Map<string, unknown>();
  private readonly clusterScoped = new Set(CLUSTER_SCOPED_KINDS);

  constructor(readonly defaultNamespace = "default") {}

  /** Declares a kind cluster-scoped (from a CRD's `spec.scope`). */
  markClusterScoped(kind: string): void {
    if (this.clusterScoped.has(kind)) return;
    this.clusterScoped.add(kind);
    // Namespaces of that kind's objects change: index everything again.
    const entries = this.entries.splice(0);
    this.byKind.clear();
    this.kindIndexes.clear();
    for (const entry of entries) this.add(entry);
  }

  isNamespaced(kind: string | undefined): boolean {
    return kind !== undefined && !this.clusterScoped.has(kind);
  }

  /** The namespace an object lives in: its own, the default one, or "" when cluster-scoped. */
  namespaceOf(object: KubeObject): string {
    if (!this.isNamespaced(object.kind)) return "";
    return object.metadata?.namespace || this.defaultNamespace;
  }

  /** Identity across API versions: group, kind, namespace, name. */
  keyOf(object: KubeObject): string {
    return `${groupOf(object.apiVersion)}|${object.kind ?? ""}|${this.namespaceOf(object)}|${object.metadata?.name ?? ""}`;
  }

  add(entry: InventoryEntry): void {
    this.entries.push(entry);
    this.memos.clear();
    const { kind = "" } = entry.object;
    push(this.byKind, kind, entry);
    const index = this.kindIndex(String(entry.object.kind ?? ""));
    index.entries.push(entry);
    if (index.byKey) this.indexEntry(index, entry);
  }

  private kindIndex(kind: string): KindIndex {
    let index = this.kindIndexes.get(kind);
    if (!index) this.kindIndexes.set(kind, (index = { entries: [] }));
    return index;
  }

  /** The indexes of a kind, made on its first lookup. */
  private indexed(kind: string): Required<KindIndex> {
    const index = this.kindIndex(kind);
    if (!index.byKey) {
      index.byKey = new Map();
      index.byName = new Map();
      index.byNamespace = new Map();
      for (const entry of index.entries) this.indexEntry(index, entry);
    }
    return index as Required<KindIndex>;
  }

  private indexEntry(index: KindIndex, entry: InventoryEntry): void {
    const { kind = "" } = entry.object;
    const namespace = this.namespaceOf(entry.object);
    push(index.byKey!, this.keyOf(entry.object), entry);
    push(index.byName!, `${kind}|${namespace}|${entry.object.metadata?.name ?? ""}`, entry);
    push(index.byNamespace!, `${kind}|${namespace}`, entry);
  }

  /**
   * A value derived from the whole inventory (an index a rule needs for every
   * document), built once and kept until the inventory changes.
   */
  memo<T>(key: string, build: (inventory: Inventory) => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build(this));
    return this.memos.get(key) as T;
  }

  addDocuments(documents: readonly ManifestDocument[]): void {
    for (const document of documents) this.add({ object: document.object, document, source: "input" });
  }

  all(): readonly InventoryEntry[] {
    return this.entries;
  }

  ofKind(kind: string): readonly InventoryEntry[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Objects of a kind in one namespace ("" for cluster-scoped kinds). */
  inNamespace(kind: string, namespace: string): readonly InventoryEntry[] {
    return this.indexed(kind).byNamespace.get(`${kind}|${this.isNamespaced(kind) ? namespace : ""}`) ?? [];
  }

  /** Objects with this identity; the group is matched when given. */
  find(kind: string, namespace: string, name: string, group?: string): InventoryEntry[] {
    const candidates = this.indexed(kind).byName.get(`${kind}|${this.isNamespaced(kind) ? namespace : ""}|${name}`) ?? [];
    return group === undefined ? [...candidates] : candidates.filter((e) => groupOf(e.object.apiVersion) === group);
  }

  has(kind: string, namespace: string, name: string): boolean {
    return this.find(kind, namespace, name).length > 0;
  }

  /** Entries sharing this object's identity, in the order they were added. */
  sameIdentity(object: KubeObject): readonly InventoryEntry[] {
    return this.indexed(String(object.kind ?? "")).byKey.get(this.keyOf(object)) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
