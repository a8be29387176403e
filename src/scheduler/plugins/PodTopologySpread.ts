// PodTopologySpread: whenUnsatisfiable DoNotSchedule constraints filter nodes
// whose domain would exceed maxSkew; ScheduleAnyway constraints (and, for pods
// without constraints, the system defaults: hostname maxSkew 3, zone maxSkew 5)
// favour the emptier domains.
import { findUntoleratedTaint } from "../../util/taints.js";
import type { ClusterState, PodSet } from "../cluster-state.js";
import { unresolvable, unschedulable, MAX_NODE_SCORE, type CycleContext, type FilterPlugin, type ScorePlugin, type Status } from "../framework.js";
import { andSelectors, compileLabelSelector, selectorFromSet, type CompiledSelector } from "../label-selector.js";
import { HOSTNAME_LABEL, ZONE_LABEL, type NodeInfo } from "../node-info.js";
import { arrayOf, stableJson, textOf, truncatedIntegerOf } from "../../util/object-access.js";
import type { PodInfo } from "../pod-info.js";
import { isDoNotScheduleTaint } from "./TaintToleration.js";

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

const NAME = "PodTopologySpread";
/** preScoreStateKey: a constant, so that each Score call finds its state without building the key. */
const PRE_SCORE_STATE_KEY = "PreScore" + NAME;
/** The filter's two failures, made once: a filter fails for most nodes it sees, for every pod. */
const NODE_LABEL_NOT_MATCH: Status = Object.freeze(unresolvable(NAME, ERR_REASON_NODE_LABEL_NOT_MATCH));
const CONSTRAINTS_NOT_MATCH: Status = Object.freeze(unschedulable(NAME, ERR_REASON_CONSTRAINTS_NOT_MATCH));

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: CompiledSelector;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

/** Constraints of one kind, with their defaults (minDomains 1, nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore). */
export function spreadConstraints(pod: PodInfo, action: "DoNotSchedule" | "ScheduleAnyway"): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const raw of pod.topologySpreadConstraints) {
    if (raw.whenUnsatisfiable !== action) continue;
    let selector = compileLabelSelector(raw.labelSelector);
    // matchLabelKeys: the pod's own values for these keys narrow the selector.
    const matchLabels: Record<string, string> = {};
    for (const key of arrayOf(raw.matchLabelKeys).map(textOf)) {
      if (key in pod.labels) matchLabels[key] = pod.labels[key]!;
    }
    if (Object.keys(matchLabels).length > 0) selector = andSelectors(selectorFromSet(matchLabels), selector);
    out.push({
      maxSkew: truncatedIntegerOf(raw.maxSkew) ?? 1,
      topologyKey: textOf(raw.topologyKey),
      selector,
      minDomains: truncatedIntegerOf(raw.minDomains) ?? 1,
      honorNodeAffinity: raw.nodeAffinityPolicy !== "Ignore",
      honorNodeTaints: raw.nodeTaintsPolicy === "Honor",
    });
  }
  return out;
}

/** The system default constraints of each selector: the replicas of a workload share theirs. */
const defaultConstraintsBySelector = new WeakMap<CompiledSelector, SpreadConstraint[]>();

/** The system default constraints, when services or a controller select the pod. */
function defaultConstraints(pod: PodInfo): readonly SpreadConstraint[] {
  const selector = pod.defaultSpreadSelector;
  if (!selector || selector.everything || selector.nothing) return [];
  let constraints = defaultConstraintsBySelector.get(selector);
  if (!constraints) {
    const common = { selector, minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false };
    constraints = [
      { ...common, topologyKey: HOSTNAME_LABEL, maxSkew: 3 },
      { ...common, topologyKey: ZONE_LABEL, maxSkew: 5 },
    ];
    defaultConstraintsBySelector.set(selector, constraints);
  }
  return constraints;
}

function hasAllTopologyKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  return constraints.every((c) => c.topologyKey in node.labels);
}

function matchesInclusionPolicies(ctx: CycleContext, c: SpreadConstraint, node: NodeInfo, nodeAffinity: Uint8Array): boolean {
  if (c.honorNodeAffinity && !nodeAffinity[node.index]) return false;
  if (c.honorNodeTaints && findUntoleratedTaint(node.taints, ctx.pod.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

/**
 * A set's pods per value of the constraint's topology key, on the nodes with
 * that label that the constraint counts when it leaves out only nodes the
 * pod's node affinity does not allow: kept by the set as pods are placed,
 * where going over the set's nodes would take time for every pod.
 */
function countsPerDomain(ctx: CycleContext, c: SpreadConstraint, set: PodSet): ReadonlyMap<string, number> {
  if (!c.honorNodeAffinity || ctx.cluster.satisfiedByEveryNode(ctx.pod)) return set.countsBy(c.topologyKey);
  return set.countsWithin(c.topologyKey, ctx.pod.nodeAffinityKey, ctx.cluster.requiredNodeAffinity(ctx.pod));
}

/** Sets of non-terminating pods in the pod's namespace that the constraint counts (an empty selector counts none). */
function countedSets(ctx: CycleContext, c: SpreadConstraint): PodSet[] {
  if (c.selector.everything) return [];
  return ctx.cluster.matchingSets(new Set([ctx.pod.namespace]), c.selector).filter((set) => !set.sample.terminating);
}

interface FilterState {
  constraints: SpreadConstraint[];
  /** Matching pods per topology value, per constraint. */
  counts: Map<string, number>[];
  /** Per constraint: 1 when the pod itself matches the selector, and the global minimum of the counts (the critical paths). */
  selfMatches: number[];
  minimums: number[];
}

function filterState(pod: PodInfo, constraints: SpreadConstraint[], counts: Map<string, number>[]): FilterState {
  return {
    constraints,
    counts,
    selfMatches: constraints.map((c) => (c.selector.matches(pod.labels) ? 1 : 0)),
    minimums: constraints.map((c, i) => minMatch(counts[i]!, c.minDomains)),
  };
}

function minMatch(counts: Map<string, number>, minDomains: number): number {
  // Fewer eligible domains than minDomains: the global minimum is taken as 0.
  if (counts.size < minDomains) return 0;
  let min = 2 ** 31 - 1;
  for (const count of counts.values()) if (count < min) min = count;
  return min;
}

interface Eligibility {
  /** Per constraint: the nodes it counts (by NodeInfo.index). */
  eligible: Uint8Array[];
  /** Per constraint: the topology values of those nodes. */
  domains: string[][];
}

const eligibilityByCluster = new WeakMap<ClusterState, Map<string, Eligibility>>();

/**
 * The nodes each constraint counts and their domains. Nodes do not change
 * during a plan: this is worked out once for all pods with the same
 * constraint keys and policies, node affinity and tolerations.
 */
function eligibility(ctx: CycleContext, constraints: readonly SpreadConstraint[]): Eligibility {
  let cache = eligibilityByCluster.get(ctx.cluster);
  if (!cache) eligibilityByCluster.set(ctx.cluster, (cache = new Map()));
  const honorsTaints = constraints.some((c) => c.honorNodeTaints);
  const key = stableJson([constraints.map((c) => [c.topologyKey, c.honorNodeAffinity, c.honorNodeTaints]), ctx.pod.nodeAffinityKey, honorsTaints ? ctx.pod.tolerations : null]);
  const cached = cache.get(key);
  if (cached) return cached;
  const eligible = constraints.map(() => new Uint8Array(ctx.cluster.nodes.length));
  const domains = constraints.map(() => new Set<string>());
  const nodeAffinity = ctx.cluster.requiredNodeAffinity(ctx.pod);
  for (const node of ctx.cluster.nodes) {
    if (!hasAllTopologyKeys(node, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (!matchesInclusionPolicies(ctx, c, node, nodeAffinity)) continue;
      eligible[i]![node.index] = 1;
      domains[i]!.add(node.labels[c.topologyKey]!);
    }
  }
  const computed = { eligible, domains: domains.map((values) => [...values]) };
  cache.set(key, computed);
  return computed;
}

export const PodTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const constraints = spreadConstraints(ctx.pod, "DoNotSchedule");
    if (constraints.length === 0) return { skip: true };
    const { eligible, domains } = eligibility(ctx, constraints);
    const counts = domains.map((values) => new Map(values.map((value) => [value, 0])));
    constraints.forEach((c, i) => {
      // One constraint: the nodes it counts are those with its label that the pod's node affinity allows.
      const countsByDomain = constraints.length === 1 && !c.honorNodeTaints;
      for (const set of countedSets(ctx, c)) {
        if (countsByDomain) {
          for (const [value, count] of countsPerDomain(ctx, c, set)) counts[i]!.set(value, counts[i]!.get(value)! + count);
          continue;
        }
        for (const [node, count] of set.nodeCounts) {
          if (!eligible[i]![node.index]) continue;
          const value = node.labels[c.topologyKey]!;
          counts[i]!.set(value, counts[i]!.get(value)! + count);
        }
      }
    });
    ctx.state.set(NAME, filterState(ctx.pod, constraints, counts));
    return undefined;
  },
  filter(ctx, node) {
    const state = ctx.state.get(NAME) as FilterState;
    for (let i = 0; i < state.constraints.length; i++) {
      const c = state.constraints[i]!;
      const value = node.labels[c.topologyKey];
      if (value === undefined) return NODE_LABEL_NOT_MATCH;
      const skew = (state.counts[i]!.get(value) ?? 0) + state.selfMatches[i]! - state.minimums[i]!;
      if (skew > c.maxSkew) return CONSTRAINTS_NOT_MATCH;
    }
    return null;
  },
  withoutPods(ctx, victims, node) {
    const state = ctx.state.get(NAME) as FilterState;
    const counts = state.counts.map((m) => new Map(m));
    if (hasAllTopologyKeys(node, state.constraints)) {
      for (const victim of victims) {
        if (victim.namespace !== ctx.pod.namespace) continue;
        state.constraints.forEach((c, i) => {
          if (!c.selector.matches(victim.labels) || !matchesInclusionPolicies(ctx, c, node, ctx.cluster.requiredNodeAffinity(ctx.pod))) return;
          const value = node.labels[c.topologyKey]!;
          counts[i]!.set(value, (counts[i]!.get(value) ?? 0) - 1);
        });
      }
    }
    return filterState(ctx.pod, state.constraints, counts);
  },
};

interface ScoreState {
  constraints: readonly SpreadConstraint[];
  ignored: Set<NodeInfo>;
  counts: Map<string, number>[];
  weights: number[];
  sets: PodSet[][];
}

function spreadScore(state: ScoreState, node: NodeInfo): number {
  if (state.ignored.size > 0 && state.ignored.has(node)) return 0;
  let score = 0;
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i]!;
    const value = node.labels[c.topologyKey];
    if (value === undefined) continue;
    let count = 0;
    if (c.topologyKey === HOSTNAME_LABEL) {
      for (const set of state.sets[i]!) count += set.nodeCounts.get(node) ?? 0;
    } else {
      count = state.counts[i]!.get(value) ?? 0;
    }
    score += count * state.weights[i]! + (c.maxSkew - 1);
  }
  return Math.round(score);
}

export const PodTopologySpreadScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(ctx, feasible) {
    const own = ctx.pod.topologySpreadConstraints.length > 0;
    const constraints = own ? spreadConstraints(ctx.pod, "ScheduleAnyway") : defaultConstraints(ctx.pod);
    if (constraints.length === 0) return false;
    // Nodes must carry every topology key, except under the system defaults (so
    // that nodes without a zone label still get hostname spreading).
    const requireAll = own;
    const ignored = new Set<NodeInfo>();
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of feasible) {
      if (requireAll && !hasAllTopologyKeys(node, constraints)) {
        ignored.add(node);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i]!;
        if (c.topologyKey === HOSTNAME_LABEL) continue;
        const value = node.labels[c.topologyKey] ?? "";
        if (!counts[i]!.has(value)) counts[i]!.set(value, 0);
      }
    }
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === HOSTNAME_LABEL ? feasible.length - ignored.size : counts[i]!.size) + 2),
    );
    const sets = constraints.map((c) => countedSets(ctx, c));
    const nodeAffinity = ctx.cluster.requiredNodeAffinity(ctx.pod);
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME_LABEL) return;
      // Nodes without the label count under "" when a feasible node lacks it too: only then is each node looked at.
      const countsByDomain = (!requireAll || constraints.length === 1) && !counts[i]!.has("") && !c.honorNodeTaints;
      for (const set of sets[i]!) {
        if (countsByDomain) {
          countsPerDomain(ctx, c, set).forEach((count, value) => {
            const current = counts[i]!.get(value);
            if (current !== undefined) counts[i]!.set(value, current + count);
          });
          continue;
        }
        // forEach: no [node, count] pair allocated per node, for every pod scored.
        set.nodeCounts.forEach((count, node) => {
          if (requireAll && !hasAllTopologyKeys(node, constraints)) return;
          if (!matchesInclusionPolicies(ctx, c, node, nodeAffinity)) return;
          const value = node.labels[c.topologyKey] ?? "";
          const current = counts[i]!.get(value);
          if (current !== undefined) counts[i]!.set(value, current + count);
        });
      }
    });
    ctx.state.set(PRE_SCORE_STATE_KEY, { constraints, ignored, counts, weights, sets } satisfies ScoreState);
    return true;
  },
  score(ctx, node) {
    return spreadScore(ctx.state.get(PRE_SCORE_STATE_KEY) as ScoreState, node);
  },
  scoreNodes(ctx, nodes, scores) {
    const state = ctx.state.get(PRE_SCORE_STATE_KEY) as ScoreState;
    for (let i = 0; i < nodes.length; i++) scores[i] = spreadScore(state, nodes[i]!);
  },
  normalize(ctx, scores, nodes) {
    const state = ctx.state.get(PRE_SCORE_STATE_KEY) as ScoreState;
    const isIgnored = (node: NodeInfo) => state.ignored.size > 0 && state.ignored.has(node);
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (let i = 0; i < nodes.length; i++) {
      if (isIgnored(nodes[i]!)) continue;
      min = Math.min(min, scores[i]!);
      max = Math.max(max, scores[i]!);
    }
    for (let i = 0; i < nodes.length; i++) {
      if (isIgnored(nodes[i]!)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    }
  },
};
