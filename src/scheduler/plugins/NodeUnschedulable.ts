// NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that
// tolerate the node.kubernetes.io/unschedulable:NoSchedule taint.
import { isTaintTolerated } from "../../util/taints.js";
import { unresolvable, type FilterPlugin } from "../framework.js";

export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

const UNSCHEDULABLE_TAINT = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

export const NodeUnschedulable: FilterPlugin = {
  name: "NodeUnschedulable",
  static: true,
  filter(ctx, node) {
    if (!node.unschedulable || isTaintTolerated(UNSCHEDULABLE_TAINT, ctx.pod.tolerations)) return null;
    return unresolvable(this.name, ERR_REASON_UNSCHEDULABLE);
  },
};
