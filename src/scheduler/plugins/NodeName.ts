// NodeName: a pod that names its node fits only that node. (Pods created with
// spec.nodeName never reach the scheduler; this matters for the dry runs.)
import { unresolvable, type FilterPlugin } from "../framework.js";

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const NodeName: FilterPlugin = {
  name: "NodeName",
  static: true,
  preFilter(ctx) {
    return ctx.pod.nodeName === "" ? { skip: true } : undefined;
  },
  filter(ctx, node) {
    return ctx.pod.nodeName === node.name ? null : unresolvable(this.name, ERR_REASON_NODE_NAME);
  },
};
