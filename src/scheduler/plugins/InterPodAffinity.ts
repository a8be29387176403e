// InterPodAffinity: required pod affinity and anti-affinity of the incoming
// pod, and the required anti-affinity of pods already placed (Filter); the
// preferred terms of both sides and existing pods' required affinity (Score).
// Pods are counted per topology domain through the cluster's pod sets.
import { mergeTermNamespaces, termMatches, type AffinityTerm, type WeightedAffinityTerm } from "../affinity-term.js";
import type { NamespaceScope, PodSet } from "../cluster-state.js";
import { unresolvable, unschedulable, MAX_NODE_SCORE, type CycleContext, type FilterPlugin, type ScorePlugin } from "../framework.js";
import type { Labels } from "../label-selector.js";
import type { NodeInfo } from "../node-info.js";
import type { PodInfo } from "../pod-info.js";
import { appendAll } from "../../util/append.js";

export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

const NAME = "InterPodAffinity";
/** preScoreStateKey: a constant, so that each Score call finds its state without building the key. */
const PRE_SCORE_STATE_KEY = "PreScore" + NAME;
/** InterPodAffinityArgs.hardPodAffinityWeight default. */
const HARD_POD_AFFINITY_WEIGHT = 1;
const NO_LABELS: Labels = {};

function scopeOf(term: AffinityTerm): NamespaceScope {
  return term.namespaceSelector.everything ? "all" : term.namespaces;
}

/** Pod sets matching the incoming pod's (namespace-merged) term. */
function setsMatching(ctx: CycleContext, term: AffinityTerm): PodSet[] {
  return ctx.cluster.matchingSets(scopeOf(term), term.selector);
}

function pairKey(key: string, value: string): string {
  return key + "\u0000" + value;
}

/** Topology pair counts kept as pod sets per key, plus corrections for removed pods. */
class TopologyCounts {
  readonly setsByKey = new Map<string, PodSet[]>();
  readonly delta = new Map<string, number>();

  addSet(key: string, set: PodSet): void {
    const sets = this.setsByKey.get(key);
    if (sets) sets.push(set);
    else this.setsByKey.set(key, [set]);
  }

  count(key: string, value: string): number {
    let total = this.delta.get(pairKey(key, value)) ?? 0;
    for (const set of this.setsByKey.get(key) ?? []) total += set.countsBy(key).get(value) ?? 0;
    return total;
  }

  private empty: boolean | undefined;

  /** No pair has a positive count (the upstream map is empty). */
  isEmpty(): boolean {
    if (this.empty === undefined) this.empty = this.computeEmpty();
    return this.empty;
  }

  private computeEmpty(): boolean {
    for (const [key, sets] of this.setsByKey) {
      const totals = new Map<string, number>();
      for (const set of sets) for (const [value, count] of set.countsBy(key)) totals.set(value, (totals.get(value) ?? 0) + count);
      const prefix = key + "\u0000";
      for (const [pair, d] of this.delta) {
        if (pair.startsWith(prefix)) totals.set(pair.slice(prefix.length), (totals.get(pair.slice(prefix.length)) ?? 0) + d);
      }
      for (const total of totals.values()) if (total > 0) return false;
    }
    return true;
  }

  without(removals: Iterable<[string, string]>): TopologyCounts {
    const copy = new TopologyCounts();
    for (const [key, sets] of this.setsByKey) copy.setsByKey.set(key, sets);
    for (const [pair, d] of this.delta) copy.delta.set(pair, d);
    for (const [key, value] of removals) copy.delta.set(pairKey(key, value), (copy.delta.get(pairKey(key, value)) ?? 0) - 1);
    return copy;
  }
}

interface FilterState {
  affinityTerms: AffinityTerm[];
  antiAffinityTerms: AffinityTerm[];
  /** Pods matching all the affinity terms, counted once per term's topology key. */
  affinity: TopologyCounts;
  /** Pods matching an anti-affinity term, per term topology key. */
  antiAffinity: TopologyCounts;
  /** Existing pods whose required anti-affinity terms match the incoming pod. */
  existingAntiAffinity: TopologyCounts;
  selfMatchesAffinity: boolean;
  namespaceLabels: Labels;
}

function incomingTerms<T extends AffinityTerm>(ctx: CycleContext, terms: readonly T[]): T[] {
  return terms.map((t) => mergeTermNamespaces(t, ctx.cluster.namespaceLabels));
}

function matchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, NO_LABELS));
}

export const InterPodAffinityFilter: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const pod = ctx.pod;
    const namespaceLabels = ctx.cluster.namespaceLabelsOf(pod.namespace);
    const existingAntiAffinity = new TopologyCounts();
    for (const set of ctx.cluster.antiAffinityCandidates(pod.labels)) {
      for (const term of set.sample.requiredAntiAffinityTerms) {
        if (termMatches(term, pod, namespaceLabels)) existingAntiAffinity.addSet(term.topologyKey, set);
      }
    }
    const affinityTerms = incomingTerms(ctx, pod.requiredAffinityTerms);
    const antiAffinityTerms = incomingTerms(ctx, pod.requiredAntiAffinityTerms);
    if (existingAntiAffinity.setsByKey.size === 0 && affinityTerms.length === 0 && antiAffinityTerms.length === 0) {
      return { skip: true };
    }
    const affinity = new TopologyCounts();
    if (affinityTerms.length > 0) {
      const candidates = setsMatching(ctx, affinityTerms[0]!).filter((set) => matchesAllTerms(affinityTerms, set.sample));
      for (const term of affinityTerms) for (const set of candidates) affinity.addSet(term.topologyKey, set);
    }
    const antiAffinity = new TopologyCounts();
    for (const term of antiAffinityTerms) for (const set of setsMatching(ctx, term)) antiAffinity.addSet(term.topologyKey, set);
    ctx.state.set(NAME, {
      affinityTerms,
      antiAffinityTerms,
      affinity,
      antiAffinity,
      existingAntiAffinity,
      selfMatchesAffinity: matchesAllTerms(affinityTerms, pod),
      namespaceLabels,
    } satisfies FilterState);
    return undefined;
  },
  filter(ctx, node) {
    const state = ctx.state.get(NAME) as FilterState;
    if (!satisfiesPodAffinity(state, node)) return unresolvable(NAME, ERR_REASON_AFFINITY);
    if (!satisfiesPodAntiAffinity(state, node)) return unschedulable(NAME, ERR_REASON_ANTI_AFFINITY);
    if (!satisfiesExistingPodsAntiAffinity(state, node)) return unschedulable(NAME, ERR_REASON_EXISTING_ANTI_AFFINITY);
    return null;
  },
  withoutPods(ctx, victims, node) {
    const state = ctx.state.get(NAME) as FilterState;
    const pairs = (terms: readonly AffinityTerm[], applies: (t: AffinityTerm) => boolean): [string, string][] =>
      terms.filter((t) => applies(t) && t.topologyKey in node.labels).map((t) => [t.topologyKey, node.labels[t.topologyKey]!]);
    const existing: [string, string][] = [];
    const affinity: [string, string][] = [];
    const anti: [string, string][] = [];
    for (const victim of victims) {
      appendAll(existing, pairs(victim.requiredAntiAffinityTerms, (t) => termMatches(t, ctx.pod, state.namespaceLabels)));
      if (matchesAllTerms(state.affinityTerms, victim)) appendAll(affinity, pairs(state.affinityTerms, () => true));
      appendAll(anti, pairs(state.antiAffinityTerms, (t) => termMatches(t, victim, NO_LABELS)));
    }
    return {
      ...state,
      affinity: state.affinity.without(affinity),
      antiAffinity: state.antiAffinity.without(anti),
      existingAntiAffinity: state.existingAntiAffinity.without(existing),
    } satisfies FilterState;
  },
};

function satisfiesPodAffinity(state: FilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const term of state.affinityTerms) {
    const value = node.labels[term.topologyKey];
    // All topology labels must exist on the node.
    if (value === undefined) return false;
    if (state.affinity.count(term.topologyKey, value) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere that has the topology labels.
  if (!podsExist) return state.affinity.isEmpty() && state.selfMatchesAffinity;
  return true;
}

function satisfiesPodAntiAffinity(state: FilterState, node: NodeInfo): boolean {
  for (const term of state.antiAffinityTerms) {
    const value = node.labels[term.topologyKey];
    if (value !== undefined && state.antiAffinity.count(term.topologyKey, value) > 0) return false;
  }
  return true;
}

function satisfiesExistingPodsAntiAffinity(state: FilterState, node: NodeInfo): boolean {
  for (const key of state.existingAntiAffinity.setsByKey.keys()) {
    const value = node.labels[key];
    if (value !== undefined && state.existingAntiAffinity.count(key, value) > 0) return false;
  }
  return true;
}

/**
 * topologyScore, kept as its terms: each weighs one set's pod counts per value
 * of a topology key. A node's score is their sum, as upstream's merged map
 * gives it, without copying every set's counts for every pod.
 */
type TopologyScore = Array<{ key: string; counts: ReadonlyMap<string, number>; weight: number }>;

function addScore(score: TopologyScore, key: string, set: PodSet, weight: number): void {
  const counts = set.countsBy(key);
  if (counts.size > 0) score.push({ key, counts, weight });
}

function addIncomingTerms(ctx: CycleContext, score: TopologyScore, terms: readonly WeightedAffinityTerm[], sign: 1 | -1): void {
  for (const term of incomingTerms(ctx, terms)) {
    for (const set of setsMatching(ctx, term)) addScore(score, term.topologyKey, set, sign * term.weight);
  }
}

function topologyScoreOf(score: TopologyScore, node: NodeInfo): number {
  let total = 0;
  for (const { key, counts, weight } of score) {
    const value = node.labels[key];
    if (value !== undefined) total += weight * (counts.get(value) ?? 0);
  }
  return total;
}

export const InterPodAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(ctx) {
    const pod = ctx.pod;
    const score: TopologyScore = [];
    addIncomingTerms(ctx, score, pod.preferredAffinityTerms, 1);
    addIncomingTerms(ctx, score, pod.preferredAntiAffinityTerms, -1);
    const namespaceLabels = ctx.cluster.namespaceLabelsOf(pod.namespace);
    for (const set of ctx.cluster.scoringCandidates(pod.labels)) {
      const existing = set.sample;
      for (const term of existing.requiredAffinityTerms) {
        if (termMatches(term, pod, namespaceLabels)) addScore(score, term.topologyKey, set, HARD_POD_AFFINITY_WEIGHT);
      }
      for (const term of existing.preferredAffinityTerms) {
        if (termMatches(term, pod, namespaceLabels)) addScore(score, term.topologyKey, set, term.weight);
      }
      for (const term of existing.preferredAntiAffinityTerms) {
        if (termMatches(term, pod, namespaceLabels)) addScore(score, term.topologyKey, set, -term.weight);
      }
    }
    if (score.length === 0) return false;
    ctx.state.set(PRE_SCORE_STATE_KEY, score);
    return true;
  },
  score(ctx, node) {
    return topologyScoreOf(ctx.state.get(PRE_SCORE_STATE_KEY) as TopologyScore, node);
  },
  scoreNodes(ctx, nodes, scores) {
    const score = ctx.state.get(PRE_SCORE_STATE_KEY) as TopologyScore;
    for (let i = 0; i < nodes.length; i++) scores[i] = topologyScoreOf(score, nodes[i]!);
  },
  normalize(_ctx, scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s > max) max = s;
      if (s < min) min = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) {
      scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
    }
  },
};
