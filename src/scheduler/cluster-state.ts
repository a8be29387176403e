// The scheduler's view of the cluster: nodes in kube-scheduler's order and the
// pods bound to them, indexed so that inter-pod affinity and topology spread
// count pods per topology domain without scanning every pod.
//
// Pods with identical namespace and labels form one PodSet (the replicas of a
// workload); a selector is matched once per set, and each set keeps its pod
// counts per node and, on demand, per topology value.
import type { Labels, CompiledSelector } from "./label-selector.js";
import { matchesRequiredNodeAffinity } from "./node-affinity.js";
import { addPodToNode, type NodeInfo } from "./node-info.js";
import { stableJson } from "../util/object-access.js";
import { compareStrings } from "../util/order.js";
import type { PodInfo } from "./pod-info.js";
import { claimKey, StorageObjects } from "./storage.js";

export class PodSet {
  readonly nodeCounts = new Map<NodeInfo, number>();
  private readonly byTopology = new Map<string, Map<string, number>>();
  /** Counts per topology value of the nodes a mask selects (NodeInfo.index), by topology key and mask name. */
  private readonly byTopologyWithin = new Map<string, { key: string; mask: Uint8Array; counts: Map<string, number> }>();
  size = 0;

  constructor(
    /** A pod of the set: namespace, labels (and, for affinity sets, terms) are the same for all. */
    readonly sample: PodInfo,
  ) {}

  add(node: NodeInfo): void {
    this.size++;
    this.nodeCounts.set(node, (this.nodeCounts.get(node) ?? 0) + 1);
    for (const [key, counts] of this.byTopology) {
      const value = node.labels[key];
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const { key, mask, counts } of this.byTopologyWithin.values()) {
      const value = node.labels[key];
      if (value !== undefined && mask[node.index]) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }

  /** Pods of the set per value of a node label, on the nodes `mask` selects (named `maskName`: the same name, the same mask). */
  countsWithin(topologyKey: string, maskName: string, mask: Uint8Array): ReadonlyMap<string, number> {
    const name = `${topologyKey}\u0000${maskName}`;
    let entry = this.byTopologyWithin.get(name);
    if (!entry) {
      const counts = new Map<string, number>();
      for (const [node, count] of this.nodeCounts) {
        const value = node.labels[topologyKey];
        if (value !== undefined && mask[node.index]) counts.set(value, (counts.get(value) ?? 0) + count);
      }
      this.byTopologyWithin.set(name, (entry = { key: topologyKey, mask, counts }));
    }
    return entry.counts;
  }

  /** Pods of the set per value of a node label (only nodes carrying the label count). */
  countsBy(topologyKey: string): ReadonlyMap<string, number> {
    let counts = this.byTopology.get(topologyKey);
    if (!counts) {
      counts = new Map();
      for (const [node, count] of this.nodeCounts) {
        const value = node.labels[topologyKey];
        if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + count);
      }
      this.byTopology.set(topologyKey, counts);
    }
    return counts;
  }
}

/** Namespaces a term or constraint applies to: a set, or all of them. */
export type NamespaceScope = ReadonlySet<string> | "all";

export class ClusterState {
  readonly nodeByName = new Map<string, NodeInfo>();
  /** How many nodes report each image (ImageStateSummary.NumNodes). */
  readonly imageNodeCounts = new Map<string, number>();
  /** Each node's place in name order (compareStrings), by NodeInfo.index: ties between scores are broken by name for hundreds of nodes per pod. */
  readonly nameRanks: Int32Array;
  private readonly labelSets = new Map<string, PodSet>();
  private readonly setsByPair = new Map<string, Set<PodSet>>();
  private readonly setsByNamespace = new Map<string, Set<PodSet>>();
  /** Pods with pod affinity or anti-affinity, grouped by identical terms. */
  readonly affinitySets = new Map<string, PodSet>();
  /** Pods with required anti-affinity, by a label pair their terms require, or unanchored. */
  private readonly antiAffinityByPair = new Map<string, Set<PodSet>>();
  private readonly antiAffinityUnanchored = new Set<PodSet>();
  /** Pods with terms that score incoming pods (required affinity, preferred affinity and anti-affinity), likewise. */
  private readonly scoringByPair = new Map<string, Set<PodSet>>();
  private readonly scoringUnanchored = new Set<PodSet>();
  private readonly requiredAffinityCache = new Map<string, Uint8Array>();
  private readonly everyNodeAffinityCache = new Map<string, boolean>();
  /** Bound pods per namespace/claim they mount (StorageInfos.IsPVCUsedByPods). */
  private readonly claimUsers = new Map<string, number>();

  constructor(
    /** Nodes in the scheduler's order. */
    readonly nodes: readonly NodeInfo[],
    readonly namespaceLabels: ReadonlyMap<string, Labels>,
    /** PersistentVolumeClaims and PersistentVolumes, for the volume plugins. */
    readonly storage: StorageObjects = new StorageObjects(),
  ) {
    this.nameRanks = new Int32Array(nodes.length);
    [...nodes].sort((a, b) => compareStrings(a.name, b.name)).forEach((node, rank) => (this.nameRanks[node.index] = rank));
    for (const node of nodes) {
      this.nodeByName.set(node.name, node);
      for (const image of node.images.keys()) this.imageNodeCounts.set(image, (this.imageNodeCounts.get(image) ?? 0) + 1);
    }
  }

  /**
   * Which nodes satisfy the pod's nodeSelector and required node affinity,
   * indexed by NodeInfo.index; shared by all pods with the same requirements.
   */
  requiredNodeAffinity(pod: PodInfo): Uint8Array {
    const key = pod.nodeAffinityKey;
    let matches = this.requiredAffinityCache.get(key);
    if (!matches) {
      matches = new Uint8Array(this.nodes.length);
      for (const node of this.nodes) matches[node.index] = matchesRequiredNodeAffinity(pod, node) ? 1 : 0;
      this.requiredAffinityCache.set(key, matches);
    }
    return matches;
  }

  /** Whether every node satisfies the pod's nodeSelector and required node affinity (as most pods set none). */
  satisfiedByEveryNode(pod: PodInfo): boolean {
    let every = this.everyNodeAffinityCache.get(pod.nodeAffinityKey);
    if (every === undefined) {
      every = this.requiredNodeAffinity(pod).every((match) => match === 1);
      this.everyNodeAffinityCache.set(pod.nodeAffinityKey, every);
    }
    return every;
  }

  /** Whether a pod bound to a node (running, or placed earlier in the plan) mounts the claim. */
  isClaimUsed(namespace: string, claim: string): boolean {
    return (this.claimUsers.get(claimKey(namespace, claim)) ?? 0) > 0;
  }

  namespaceLabelsOf(namespace: string): Labels {
    return this.namespaceLabels.get(namespace) ?? {};
  }

  /** Binds a pod to a node (the scheduler cache's AddPod / AssumePod). */
  addPod(pod: PodInfo, node: NodeInfo): void {
    addPodToNode(node, pod);
    for (const claim of pod.claimNames) {
      const key = claimKey(pod.namespace, claim);
      this.claimUsers.set(key, (this.claimUsers.get(key) ?? 0) + 1);
    }
    this.labelSetOf(pod).add(node);
    if (pod.hasPodAffinity) {
      let set = this.affinitySets.get(pod.affinityKey);
      if (!set) this.affinitySets.set(pod.affinityKey, (set = new PodSet(pod)));
      set.add(node);
      if (set.size === 1) {
        this.indexAntiAffinity(set);
        this.indexScoringTerms(set);
      }
    }
  }

  private indexAntiAffinity(set: PodSet): void {
    for (const term of set.sample.requiredAntiAffinityTerms) {
      const anchor = term.selector.anchor;
      if (term.selector.nothing) continue;
      if (!anchor) this.antiAffinityUnanchored.add(set);
      else for (const value of anchor.values) addToIndex(this.antiAffinityByPair, pairKey("", anchor.key, value), set);
    }
  }

  /**
   * A set whose every scoring term requires a label pair (an `In` requirement)
   * is indexed under those pairs; one with a term that does not is looked at
   * for every pod.
   */
  private indexScoringTerms(set: PodSet): void {
    const sample = set.sample;
    const terms = [...sample.requiredAffinityTerms, ...sample.preferredAffinityTerms, ...sample.preferredAntiAffinityTerms];
    if (terms.length === 0) return;
    if (terms.some((term) => !term.selector.nothing && !term.selector.anchor)) {
      this.scoringUnanchored.add(set);
      return;
    }
    for (const term of terms) {
      const anchor = term.selector.anchor;
      if (anchor) for (const value of anchor.values) addToIndex(this.scoringByPair, pairKey("", anchor.key, value), set);
    }
  }

  /** Sets of pods whose scoring terms could select a pod with these labels. */
  scoringCandidates(labels: Labels): Set<PodSet> {
    const out = new Set(this.scoringUnanchored);
    if (this.scoringByPair.size === 0) return out;
    for (const [key, value] of Object.entries(labels)) {
      for (const set of this.scoringByPair.get(pairKey("", key, value)) ?? []) out.add(set);
    }
    return out;
  }

  /** Sets of pods with required anti-affinity whose terms could select a pod with these labels. */
  antiAffinityCandidates(labels: Labels): Set<PodSet> {
    const out = new Set(this.antiAffinityUnanchored);
    for (const [key, value] of Object.entries(labels)) {
      for (const set of this.antiAffinityByPair.get(pairKey("", key, value)) ?? []) out.add(set);
    }
    return out;
  }

  private labelSetOf(pod: PodInfo): PodSet {
    const key = `${pod.namespace}\u0000${pod.terminating ? "T" : ""}\u0000${stableJson(pod.labels)}`;
    let set = this.labelSets.get(key);
    if (set) return set;
    set = new PodSet(pod);
    this.labelSets.set(key, set);
    addToIndex(this.setsByNamespace, pod.namespace, set);
    for (const [label, value] of Object.entries(pod.labels)) {
      addToIndex(this.setsByPair, pairKey(pod.namespace, label, value), set);
      addToIndex(this.setsByPair, pairKey("", label, value), set);
    }
    return set;
  }

  /**
   * The sets of pods, in the given namespaces, whose labels match the selector.
   * Uses the label index when the selector has an `In` requirement.
   */
  matchingSets(scope: NamespaceScope, selector: CompiledSelector): PodSet[] {
    if (selector.nothing) return [];
    const candidates = new Set<PodSet>();
    if (selector.anchor) {
      const namespaces = scope === "all" ? [""] : [...scope];
      for (const namespace of namespaces) {
        for (const value of selector.anchor.values) {
          for (const set of this.setsByPair.get(pairKey(namespace, selector.anchor.key, value)) ?? []) candidates.add(set);
        }
      }
    } else if (scope === "all") {
      for (const set of this.labelSets.values()) candidates.add(set);
    } else {
      for (const namespace of scope) for (const set of this.setsByNamespace.get(namespace) ?? []) candidates.add(set);
    }
    const out: PodSet[] = [];
    for (const set of candidates) {
      const inScope = scope === "all" || scope.has(set.sample.namespace);
      if (inScope && selector.matches(set.sample.labels)) out.push(set);
    }
    return out;
  }
}

function pairKey(namespace: string, label: string, value: string): string {
  return `${namespace}\u0000${label}\u0000${value}`;
}

function addToIndex<K>(index: Map<K, Set<PodSet>>, key: K, set: PodSet): void {
  let sets = index.get(key);
  if (!sets) index.set(key, (sets = new Set()));
  sets.add(set);
}
