// One scheduling cycle (schedule_one.go): PreFilter, Filter over the nodes
// (stopping once enough feasible nodes are found), PreScore/Score/NormalizeScore
// on the feasible ones, then the best node. Ties are broken by node name where
// kube-scheduler picks at random among the best.
import type { ClusterState } from "./cluster-state.js";
import type { Diagnosis } from "./fit-error.js";
import { unresolvable, type CycleContext, type FilterPlugin, type ScorePlugin, type Status } from "./framework.js";
import type { NodeInfo } from "./node-info.js";
import { numFeasibleNodesToFind } from "./node-order.js";
import { compareStrings } from "../util/order.js";
import { stableJson } from "../util/object-access.js";
import type { PodInfo } from "./pod-info.js";
import { ImageLocality } from "./plugins/ImageLocality.js";
import { InterPodAffinityFilter, InterPodAffinityScore } from "./plugins/InterPodAffinity.js";
import { NodeAffinityFilter, NodeAffinityScore } from "./plugins/NodeAffinity.js";
import { NodeName } from "./plugins/NodeName.js";
import { NodePorts } from "./plugins/NodePorts.js";
import { NodeResourcesBalancedAllocation } from "./plugins/NodeResourcesBalancedAllocation.js";
import { NodeResourcesFitFilter, NodeResourcesFitScore } from "./plugins/NodeResourcesFit.js";
import { NodeUnschedulable } from "./plugins/NodeUnschedulable.js";
import { PodTopologySpreadFilter, PodTopologySpreadScore } from "./plugins/PodTopologySpread.js";
import { TaintTolerationFilter, TaintTolerationScore } from "./plugins/TaintToleration.js";
import { VolumeBinding } from "./plugins/VolumeBinding.js";
import { VolumeRestrictions } from "./plugins/VolumeRestrictions.js";
import { VolumeZone } from "./plugins/VolumeZone.js";
import type { SchedulerBehaviour } from "./versions.js";

/**
 * The default profile's Filter plugins, in the order they run (default_plugins.go;
 * NodeVolumeLimits, between VolumeRestrictions and VolumeBinding, is not simulated).
 */
export const DEFAULT_FILTER_PLUGINS: readonly FilterPlugin[] = [
  NodeUnschedulable,
  NodeName,
  TaintTolerationFilter,
  NodeAffinityFilter,
  NodePorts,
  NodeResourcesFitFilter,
  VolumeRestrictions,
  VolumeBinding,
  VolumeZone,
  PodTopologySpreadFilter,
  InterPodAffinityFilter,
];

/** The default profile's Score plugins with their weights. */
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [
  TaintTolerationScore,
  NodeAffinityScore,
  NodeResourcesFitScore,
  PodTopologySpreadScore,
  InterPodAffinityScore,
  NodeResourcesBalancedAllocation,
  ImageLocality,
];

export interface PreFilterRun {
  status?: Status;
  skipped: Set<string>;
  /** Nodes the PreFilter results allow, or undefined for all. */
  nodeNames?: ReadonlySet<string>;
  /** Plugins whose PreFilter narrowed the nodes (sorted, as sets.List). */
  narrowedBy: string[];
}

export interface CycleResult {
  ctx: CycleContext;
  preFilter: PreFilterRun;
  node?: NodeInfo;
  diagnosis?: Diagnosis;
}

const UNKNOWN = 0;
const FITS = 1;
const FAILS = 2;

export class SchedulingCycle {
  private nextStartNodeIndex = 0;
  private readonly staticVerdictsByPod = new Map<string, Uint8Array>();
  /** The Filter plugins that run, split into static and dynamic ones, by the plugins PreFilter skipped: the same few sets pod after pod. */
  private readonly filtersBySkipped = new Map<string, { filters: FilterPlugin[]; staticFilters: FilterPlugin[]; dynamicFilters: FilterPlugin[] }>();
  /** prioritize's totals and each plugin's scores, reused pod after pod. */
  private readonly totals: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    readonly cluster: ClusterState,
    readonly behaviour: SchedulerBehaviour,
    readonly filters: readonly FilterPlugin[] = DEFAULT_FILTER_PLUGINS,
    readonly scorers: readonly ScorePlugin[] = DEFAULT_SCORE_PLUGINS,
  ) {}

  newContext(pod: PodInfo): CycleContext {
    return { pod, cluster: this.cluster, behaviour: this.behaviour, state: new Map() };
  }

  run(pod: PodInfo): CycleResult {
    const ctx = this.newContext(pod);
    const numAllNodes = this.cluster.nodes.length;
    const preFilter = this.runPreFilter(ctx);
    if (preFilter.status) {
      return { ctx, preFilter, diagnosis: { numAllNodes, preFilterStatus: preFilter.status, nodeStatuses: new Map() } };
    }
    const diagnosis: Diagnosis = { numAllNodes, nodeStatuses: new Map() };
    let candidates = this.cluster.nodes;
    if (preFilter.nodeNames) {
      const allowed = preFilter.nodeNames;
      candidates = candidates.filter((n) => allowed.has(n.name));
      if (this.behaviour.countsNodesLeftOutByPreFilter) {
        diagnosis.absentNodesStatus = unresolvable("", `node(s) didn't satisfy plugin(s) [${preFilter.narrowedBy.join(" ")}]`);
      }
    }
    const feasible = this.findFeasibleNodes(ctx, preFilter.skipped, candidates, diagnosis);
    if (feasible.length === 0) return { ctx, preFilter, diagnosis };
    if (feasible.length === 1) return { ctx, preFilter, node: feasible[0]! };
    return { ctx, preFilter, node: this.selectHost(ctx, feasible) };
  }

  runPreFilter(ctx: CycleContext): PreFilterRun {
    const skipped = new Set<string>();
    const narrowedBy: string[] = [];
    let nodeNames: Set<string> | undefined;
    for (const plugin of this.filters) {
      const outcome = plugin.preFilter?.(ctx);
      if (!outcome) continue;
      if (outcome.skip) skipped.add(plugin.name);
      if (outcome.status) return { status: outcome.status, skipped, narrowedBy };
      if (outcome.nodeNames) {
        narrowedBy.push(plugin.name);
        narrowedBy.sort(compareStrings);
        nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => outcome.nodeNames!.has(n))) : new Set(outcome.nodeNames);
        if (nodeNames.size === 0) {
          const message =
            narrowedBy.length === 1
              ? `node(s) didn't satisfy plugin ${narrowedBy[0]}`
              : `node(s) didn't satisfy plugin(s) [${narrowedBy.join(" ")}] simultaneously`;
          return { status: unresolvable(plugin.name, message), skipped, narrowedBy };
        }
      }
    }
    return { skipped, nodeNames, narrowedBy };
  }

  /** The Filter plugins that run for this pod (those whose PreFilter did not skip). */
  activeFilters(skipped: ReadonlySet<string>): FilterPlugin[] {
    return this.filters.filter((plugin) => !skipped.has(plugin.name));
  }

  /** RunFilterPlugins: the first failing plugin's status, or null when the node fits. */
  runFilters(ctx: CycleContext, filters: readonly FilterPlugin[], node: NodeInfo): Status | null {
    for (const plugin of filters) {
      const status = plugin.filter(ctx, node);
      if (status) return status;
    }
    return null;
  }

  /**
   * Filters nodes from where the last pod stopped until enough fit. Which
   * nodes fail is all a fit error needs: the statuses are only worked out (in
   * a second pass over the same nodes) when none fits.
   */
  private findFeasibleNodes(ctx: CycleContext, skipped: ReadonlySet<string>, nodes: readonly NodeInfo[], diagnosis: Diagnosis): NodeInfo[] {
    const wanted = numFeasibleNodesToFind(nodes.length);
    const { filters, staticFilters, dynamicFilters } = this.filtersFor(skipped);
    const verdicts = this.staticVerdicts(ctx.pod);
    const start = this.nextStartNodeIndex;
    // Sized once: the array would otherwise grow step by step to hundreds of nodes, for every pod.
    const feasible = new Array<NodeInfo>(Math.min(wanted, nodes.length));
    let found = 0;
    let processed = 0;
    for (let i = 0; i < nodes.length && found < wanted; i++) {
      const node = nodes[(start + i) % nodes.length]!;
      processed++;
      let verdict = verdicts[node.index];
      if (verdict === UNKNOWN) verdict = verdicts[node.index] = this.runFilters(ctx, staticFilters, node) ? FAILS : FITS;
      if (verdict === FITS && !this.runFilters(ctx, dynamicFilters, node)) feasible[found++] = node;
    }
    feasible.length = found;
    if (feasible.length === 0) {
      for (let i = 0; i < processed; i++) {
        const node = nodes[(start + i) % nodes.length]!;
        const status = this.runFilters(ctx, filters, node);
        if (status) diagnosis.nodeStatuses.set(node.name, status);
      }
    }
    // Start the next pod where this one stopped, so every node gets examined in turn.
    if (this.cluster.nodes.length > 0) this.nextStartNodeIndex = (start + processed) % this.cluster.nodes.length;
    return feasible;
  }

  private filtersFor(skipped: ReadonlySet<string>): { filters: FilterPlugin[]; staticFilters: FilterPlugin[]; dynamicFilters: FilterPlugin[] } {
    const key = [...skipped].join("\u0000");
    let split = this.filtersBySkipped.get(key);
    if (!split) {
      const filters = this.activeFilters(skipped);
      split = { filters, staticFilters: filters.filter((plugin) => plugin.static), dynamicFilters: filters.filter((plugin) => !plugin.static) };
      this.filtersBySkipped.set(key, split);
    }
    return split;
  }

  /** The static filters' verdict per node (by NodeInfo.index) for pods like this one. */
  private staticVerdicts(pod: PodInfo): Uint8Array {
    const key = `${pod.nodeName}\u0000${pod.nodeAffinityKey}\u0000${stableJson(pod.tolerations)}`;
    let verdicts = this.staticVerdictsByPod.get(key);
    if (!verdicts) this.staticVerdictsByPod.set(key, (verdicts = new Uint8Array(this.cluster.nodes.length)));
    return verdicts;
  }

  /** Weighted sum of the normalized scores of every Score plugin, per feasible node. */
  prioritize(ctx: CycleContext, feasible: readonly NodeInfo[]): number[] {
    // The same two arrays for every pod: this runs for hundreds of nodes per pod.
    const { totals, scores } = this;
    totals.length = scores.length = feasible.length;
    totals.fill(0);
    for (const plugin of this.scorers) {
      if (plugin.preScore && !plugin.preScore(ctx, feasible)) continue;
      if (plugin.scoreNodes) plugin.scoreNodes(ctx, feasible, scores);
      else for (let i = 0; i < feasible.length; i++) scores[i] = plugin.score(ctx, feasible[i]!);
      plugin.normalize?.(ctx, scores, feasible);
      for (let i = 0; i < scores.length; i++) totals[i]! += scores[i]! * plugin.weight;
    }
    return totals;
  }

  private selectHost(ctx: CycleContext, feasible: readonly NodeInfo[]): NodeInfo {
    const totals = this.prioritize(ctx, feasible);
    // Node names are unique: their ranks in name order compare as the names do.
    const ranks = this.cluster.nameRanks;
    let best = 0;
    for (let i = 1; i < feasible.length; i++) {
      if (totals[i]! > totals[best]! || (totals[i] === totals[best] && ranks[feasible[i]!.index]! < ranks[feasible[best]!.index]!)) {
        best = i;
      }
    }
    return feasible[best]!;
  }
}
