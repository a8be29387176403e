// The garbage collector's cascade (k8s.io/kubernetes/pkg/controller/garbagecollector).
// The API server deletes an object with a propagation policy; the collector
// then handles each dependent (an object whose ownerReferences name it) as
// attemptToDeleteItem does: its references are classified (solid: the owner
// is there; dangling: it is gone; waiting: it is being deleted in the
// foreground); a dependent with a solid owner is kept and loses its other
// references; one without is deleted, in the foreground when an owner waits
// for it and it has dependents of its own, else as its own finalizers say
// (background by default). Orphan removes the owner from its dependents'
// references instead (orphanDependents); foreground keeps the owner, with the
// foregroundDeletion finalizer, until its blocking dependents are gone
// (processDeletingDependentsItem).
import type { KubeObject } from "../../types.js";
import { appendAll } from "../../util/append.js";
import { arrayOf, cloneJson, type JsonRecord } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";
import { FINALIZER_DELETE_DEPENDENTS, FINALIZER_ORPHAN_DEPENDENTS, isForeignFinalizer } from "./finalizers.js";
import { objectPath, ownerKey, ownerReferencesOf, refersTo, resolveOwner } from "./owner.js";

/** metav1.DeletionPropagation. */
export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

/** An object's owner references as the collector sees them: its own, and those a controller keeps on it (a StatefulSet's claims). */
export type OwnerReferencesLookup = (object: KubeObject) => JsonRecord[];

function hasFinalizer(object: KubeObject, finalizer: string): boolean {
  return arrayOf<unknown>(object.metadata?.finalizers).includes(finalizer);
}

/** The object without the references that `drop` picks (GenerateDeleteOwnerRefStrategicMergeBytes); undefined when none is. */
function withoutReferences(object: KubeObject, drop: (ref: JsonRecord) => boolean): KubeObject | undefined {
  const refs = ownerReferencesOf(object);
  const kept = refs.filter((ref) => !drop(ref));
  if (kept.length === refs.length) return undefined;
  const patched = cloneJson(object);
  // An empty list, not none: the plan shows the references that go.
  patched.metadata!.ownerReferences = kept;
  return patched;
}

interface Attempt {
  item: KubeObject;
  owner: KubeObject;
  policy: PropagationPolicy;
}

export class GarbageCollector {
  /** Dependents' keys by their owners' keys (the GraphBuilder's graph). */
  private readonly dependents = new Map<string, string[]>();
  /** Owners deleted in the foreground, in order: they go once their dependents are handled. */
  private readonly waiting = new Map<string, KubeObject>();
  private readonly attemptToDelete: Attempt[] = [];
  /** Why each owner waiting in the foreground goes, for when it does. */
  private readonly reasons = new Map<KubeObject, string>();
  private readonly deletedKeys = new Set<string>();
  /** What the collector did besides deleting: orphaned and kept dependents, foreground waits. */
  readonly notes: string[] = [];
  /** Every object deleted, directly or by the cascade, in order. */
  readonly deleted: KubeObject[] = [];

  constructor(
    private readonly cluster: WorkingCluster,
    private readonly command: number,
    private readonly referencesOf: OwnerReferencesLookup = ownerReferencesOf,
  ) {
    for (const object of cluster.all()) {
      for (const ref of referencesOf(object)) {
        const key = ownerKey(cluster, object, ref);
        const list = this.dependents.get(key);
        if (list) list.push(cluster.keyOf(object));
        else this.dependents.set(key, [cluster.keyOf(object)]);
      }
    }
  }

  /** The dependents of an owner still in the cluster, in their current state. */
  dependentsOf(owner: KubeObject): KubeObject[] {
    return (this.dependents.get(this.cluster.keyOf(owner)) ?? [])
      .map((key) => this.cluster.byKey(key))
      .filter((d): d is KubeObject => d !== undefined && this.referencesOf(d).some((ref) => refersTo(this.cluster, d, ref, owner)));
  }

  private isWaiting(object: KubeObject): boolean {
    return this.waiting.has(this.cluster.keyOf(object));
  }

  private remove(object: KubeObject, reason: string, orphansDependents = false): void {
    this.cluster.delete(object, { command: this.command, reason, ...(orphansDependents ? { orphansDependents } : {}) });
    this.deletedKeys.add(this.cluster.keyOf(object));
    this.deleted.push(object);
  }

  /** The API server's delete with a propagation policy, then the collector's work on the dependents. */
  delete(object: KubeObject, policy: PropagationPolicy, reason: string): void {
    if (this.deletedKeys.has(this.cluster.keyOf(object)) || this.isWaiting(object)) return;
    const dependents = this.dependentsOf(object);
    if (policy === "Orphan") {
      this.orphanDependents(object, dependents);
      this.remove(object, reason, true);
      return;
    }
    if (policy === "Foreground") {
      this.waiting.set(this.cluster.keyOf(object), object);
      this.foregroundNote(object, dependents);
      this.reasons.set(object, reason);
    } else {
      this.remove(object, reason);
      // Still there, Terminating: a solid owner to its dependents until its finalizers go.
      if (dependents.length > 0 && arrayOf<string>(object.metadata?.finalizers).some(isForeignFinalizer)) {
        this.notes.push(`${objectPath(this.cluster, object)}: its dependents stay while its finalizers hold it, and go once it is gone: ${dependents.map((d) => objectPath(this.cluster, d)).join(", ")}`);
        return;
      }
    }
    appendAll(this.attemptToDelete, dependents.map((item) => ({ item, owner: object, policy })));
  }

  /** Runs the queued attempts until none is left; the owners that waited in the foreground go last. */
  run(): void {
    // The queue grows while it is worked through: read it by index.
    for (let i = 0; i < this.attemptToDelete.length; i++) this.attemptToDeleteItem(this.attemptToDelete[i]!);
    this.attemptToDelete.length = 0;
    const owners = [...this.waiting.values()].reverse();
    this.waiting.clear();
    for (const owner of owners) this.remove(owner, this.reasons.get(owner)!);
  }

  private orphanDependents(owner: KubeObject, dependents: readonly KubeObject[]): void {
    for (const dependent of dependents) {
      const patched = withoutReferences(dependent, (ref) => refersTo(this.cluster, dependent, ref, owner));
      if (!patched) continue;
      this.cluster.update(patched, this.command);
      this.notes.push(`${objectPath(this.cluster, dependent)}: kept (orphan cascade); its ownerReference to ${objectPath(this.cluster, owner)} is removed`);
    }
  }

  private foregroundNote(owner: KubeObject, dependents: readonly KubeObject[]): void {
    const blocking = dependents.filter((d) => ownerReferencesOf(d).some((ref) => ref.blockOwnerDeletion === true && refersTo(this.cluster, d, ref, owner)));
    const path = objectPath(this.cluster, owner);
    if (blocking.length === 0) {
      this.notes.push(`${path}: deleted in the foreground: it gets the ${FINALIZER_DELETE_DEPENDENTS} finalizer, and with no dependent that blocks it (blockOwnerDeletion), it goes as soon as the garbage collector sees it`);
      return;
    }
    const names = blocking.map((d) => objectPath(this.cluster, d)).join(", ");
    this.notes.push(`${path}: deleted in the foreground: it stays, with a deletionTimestamp and the ${FINALIZER_DELETE_DEPENDENTS} finalizer, until its blocking dependents are gone: ${names}`);
  }

  /** classifyReferences: solid, dangling and waitingForDependentsDeletion owners. */
  private classifyReferences(item: KubeObject): { solid: KubeObject[]; gone: number; waiting: KubeObject[] } {
    const solid: KubeObject[] = [];
    const waiting: KubeObject[] = [];
    let gone = 0;
    for (const ref of this.referencesOf(item)) {
      const owner = resolveOwner(this.cluster, item, ref);
      if (!owner) gone++;
      else if (this.isWaiting(owner)) waiting.push(owner);
      else solid.push(owner);
    }
    return { solid, gone, waiting };
  }

  private attemptToDeleteItem({ item, owner, policy: ownerPolicy }: Attempt): void {
    const latest = this.cluster.byKey(this.cluster.keyOf(item));
    if (!latest || this.isWaiting(latest)) return;
    const { solid, gone, waiting } = this.classifyReferences(latest);
    if (solid.length > 0) {
      if (gone === 0 && waiting.length === 0) return;
      // Kept: the references to the owners that go are removed, so a foreground owner is not held by it.
      const patched = withoutReferences(latest, (ref) => {
        const resolved = resolveOwner(this.cluster, latest, ref);
        return resolved === undefined || this.isWaiting(resolved);
      });
      if (patched) this.cluster.update(patched, this.command);
      const others = solid.map((o) => objectPath(this.cluster, o)).join(", ");
      this.notes.push(`${objectPath(this.cluster, latest)}: kept, as ${others} still owns it; its ownerReference to ${objectPath(this.cluster, owner)} is removed`);
      return;
    }
    let policy: PropagationPolicy = "Background";
    if (waiting.length > 0 && this.dependentsOf(latest).length > 0) policy = "Foreground";
    else if (hasFinalizer(latest, FINALIZER_ORPHAN_DEPENDENTS)) policy = "Orphan";
    else if (hasFinalizer(latest, FINALIZER_DELETE_DEPENDENTS)) policy = "Foreground";
    this.delete(latest, policy, `garbage-collected: owned by ${objectPath(this.cluster, owner)} (${ownerPolicy.toLowerCase()} cascade)`);
  }
}
