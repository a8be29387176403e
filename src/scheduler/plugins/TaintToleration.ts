// TaintToleration: a node's NoSchedule and NoExecute taints must be tolerated
// (Filter); untolerated PreferNoSchedule taints lower the node's score.
import { findUntoleratedTaint, isTaintTolerated, type Taint, type Toleration } from "../../util/taints.js";
import type { NodeInfo } from "../node-info.js";
import { defaultNormalizeScore, MAX_NODE_SCORE, unresolvable, type FilterPlugin, type ScorePlugin } from "../framework.js";

/** The wording from 1.35 on (and in late 1.34 patch releases): the taint is no longer named. */
export const ERR_REASON_UNTOLERATED = "node(s) had untolerated taint(s)";

/** The wording before 1.35: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key ?? ""}: ${taint.value ?? ""}}`;
}

/** Taints the Filter cares about (helper.DoNotScheduleTaintsFilterFunc). */
export function isDoNotScheduleTaint(taint: Taint): boolean {
  return taint.effect === "NoSchedule" || taint.effect === "NoExecute";
}

export const TaintTolerationFilter: FilterPlugin = {
  name: "TaintToleration",
  static: true,
  filter(ctx, node) {
    const taint = findUntoleratedTaint(node.taints, ctx.pod.tolerations, isDoNotScheduleTaint);
    if (!taint) return null;
    return unresolvable(this.name, ctx.behaviour.taintReasonNamesTaint ? untoleratedTaintReason(taint) : ERR_REASON_UNTOLERATED);
  },
};

/** The node's PreferNoSchedule taints the pod does not tolerate. */
function intolerablePreferNoSchedule(node: NodeInfo, tolerations: readonly Toleration[]): number {
  if (node.taints.length === 0) return 0;
  let intolerable = 0;
  for (const taint of node.taints) {
    if (taint.effect === "PreferNoSchedule" && !isTaintTolerated(taint, tolerations)) intolerable++;
  }
  return intolerable;
}

export const TaintTolerationScore: ScorePlugin = {
  name: "TaintToleration",
  weight: 3,
  preScore(ctx) {
    // Tolerations with an empty effect tolerate PreferNoSchedule too.
    ctx.state.set("TaintToleration/score", ctx.pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule"));
    return true;
  },
  score(ctx, node) {
    return intolerablePreferNoSchedule(node, ctx.state.get("TaintToleration/score") as Toleration[]);
  },
  scoreNodes(ctx, nodes, scores) {
    const tolerations = ctx.state.get("TaintToleration/score") as Toleration[];
    for (let i = 0; i < nodes.length; i++) scores[i] = intolerablePreferNoSchedule(nodes[i]!, tolerations);
  },
  normalize(_ctx, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
};
