// NodePorts: the pod's host ports (containers and sidecar init containers)
// must be free on the node; 0.0.0.0 conflicts with every IP.
import { unschedulable, type FilterPlugin } from "../framework.js";
import { hostPortConflicts } from "../node-info.js";

export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

export const NodePorts: FilterPlugin = {
  name: "NodePorts",
  preFilter(ctx) {
    return ctx.pod.hostPorts.length === 0 ? { skip: true } : undefined;
  },
  filter(ctx, node) {
    for (const port of ctx.pod.hostPorts) {
      if (hostPortConflicts(node, port)) return unschedulable(this.name, ERR_REASON_NODE_PORTS);
    }
    return null;
  },
};
