// The cluster as the commands leave it, one after the other: the snapshot's
// objects, what each command creates, changes and deletes. A later command
// sees what an earlier one made (`kubectl run`, then `kubectl expose pod`).
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import { groupOf, Inventory } from "../inventory.js";
import type { KubeObject } from "../types.js";
import { nameOf } from "../util/object-access.js";
import { compareStrings } from "../util/order.js";

/** Why an object of the snapshot goes, in the words the plan shows. */
export interface DeletionReason {
  /** The command (1-based) that deletes it. */
  command: number;
  /** `deleted by kubectl`, `garbage-collected: owned by ReplicaSet shop/web-5d9 (background cascade)`... */
  reason: string;
  /** Deleted with the orphan policy: its dependents stay. */
  orphansDependents?: boolean;
}

export class WorkingCluster {
  private readonly inventory = new Inventory();
  private readonly objects = new Map<string, KubeObject>();
  /** Objects the commands made, by key, with the command that made each. */
  private readonly createdBy = new Map<string, number>();
  /** Snapshot objects the commands changed in place. */
  private readonly updatedBy = new Map<string, number>();
  /** Snapshot objects the commands deleted. */
  private readonly deletedWhy = new Map<string, DeletionReason>();
  /** What the API server or a controller did to an object besides the change itself (`node port 30086 for port 80/TCP`). */
  private readonly notes = new Map<string, string[]>();

  constructor(readonly snapshot: ClusterSnapshot) {
    for (const object of snapshot.objects) this.objects.set(this.keyOf(object), object);
  }

  namespaceOf(object: KubeObject): string {
    return this.inventory.namespaceOf(object);
  }

  isNamespaced(kind: string): boolean {
    return this.inventory.isNamespaced(kind);
  }

  keyOf(object: KubeObject): string {
    return this.inventory.keyOf(object);
  }

  /** The key of an object of this identity (the namespace is dropped for cluster-scoped kinds). */
  keyFor(group: string, kind: string, namespace: string, name: string): string {
    return [group, kind, this.isNamespaced(kind) ? namespace : "", name].join("|");
  }

  get(group: string, kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(this.keyFor(group, kind, namespace, name));
  }

  /** The object stored under a key, in its current state. */
  byKey(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  /** Objects of a kind (in one namespace, or everywhere), sorted by namespace and name as the API server lists them. */
  list(group: string, kind: string, namespace?: string): KubeObject[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === kind && groupOf(o.apiVersion) === group && (namespace === undefined || this.namespaceOf(o) === namespace))
      .sort((a, b) => compareStrings(this.namespaceOf(a), this.namespaceOf(b)) || compareStrings(nameOf(a), nameOf(b)));
  }

  /** Every object, in the order they were read or made. */
  all(): KubeObject[] {
    return [...this.objects.values()];
  }

  /** An object a command makes (it replaces nothing: the caller checks that the name is free). */
  create(object: KubeObject, command: number): void {
    const key = this.keyOf(object);
    this.objects.set(key, object);
    this.createdBy.set(key, command);
  }

  /** The new state of an object a command changes. */
  update(object: KubeObject, command: number): void {
    const key = this.keyOf(object);
    this.objects.set(key, object);
    if (!this.createdBy.has(key) && !this.updatedBy.has(key)) this.updatedBy.set(key, command);
  }

  delete(object: KubeObject, reason: DeletionReason): void {
    const key = this.keyOf(object);
    if (!this.objects.delete(key)) return;
    if (this.createdBy.delete(key)) return;
    this.updatedBy.delete(key);
    this.deletedWhy.set(key, reason);
  }

  note(object: KubeObject, text: string): void {
    const key = this.keyOf(object);
    this.notes.set(key, [...(this.notes.get(key) ?? []), text]);
  }

  notesOf(object: KubeObject): string[] {
    return this.notes.get(this.keyOf(object)) ?? [];
  }

  isDeleted(object: KubeObject): boolean {
    return this.deletedWhy.has(this.keyOf(object));
  }

  /** Objects the commands made and that are still there, with the command that made each. */
  created(): Array<{ object: KubeObject; command: number }> {
    return [...this.createdBy].map(([key, command]) => ({ object: this.objects.get(key)!, command }));
  }

  /** Snapshot objects changed in place, in their new state. */
  updated(): Array<{ object: KubeObject; command: number }> {
    return [...this.updatedBy].map(([key, command]) => ({ object: this.objects.get(key)!, command }));
  }

  /** Snapshot objects deleted, as they were stored, with why. */
  deleted(): Array<{ object: KubeObject; why: DeletionReason }> {
    return this.snapshot.objects.filter((o) => this.deletedWhy.has(this.keyOf(o))).map((object) => ({ object, why: this.deletedWhy.get(this.keyOf(object))! }));
  }
}
