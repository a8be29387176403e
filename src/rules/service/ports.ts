// A Service's node ports as the node port allocator sees them, which depends on
// the cluster: within the default range, and not already taken by another
// Service. (ValidateService's own port checks are on the create path.)
import type { Inventory } from "../../inventory.js";
import type { KubeObject, ManifestDocument, Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, strictIntegerOf, stringOf } from "../../util/object-access.js";

interface ServicePort {
  index: number;
  nodePort: number;
}

function portsOf(object: KubeObject): ServicePort[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  return arrayOf(spec.ports).flatMap((port, index) =>
    isRecord(port)
      ? [{ index, nodePort: strictIntegerOf(port.nodePort) ?? 0 }]
      : [],
  );
}

/** kube-apiserver's default --service-node-port-range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

/**
 * The node port allocator's range check: the range is a kube-apiserver flag,
 * so outside the default one a node port is likely, not certainly, refused.
 */
function nodePortRangeReports(object: KubeObject, ports: ServicePort[]): Report[] {
  const type = stringOf(isRecord(object.spec) ? object.spec.type : undefined) ?? "ClusterIP";
  if (type !== "NodePort" && type !== "LoadBalancer") return [];
  return ports.flatMap((port) => {
    if (port.nodePort === 0 || (port.nodePort >= NODE_PORT_MIN && port.nodePort <= NODE_PORT_MAX)) return [];
    const at = ["spec", "ports", port.index, "nodePort"];
    const detail = `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
    return [reportAt(at, invalid(fieldPath(at), scalarValue(port.nodePort), detail) + " (the default --service-node-port-range)", { severity: "warning" })];
  });
}

interface NodePortUse {
  /** Position of the Service in the inventory. */
  order: number;
  identity: string;
  source: "input" | "cluster";
  owner: string;
}

/** Who uses each node port, built once per inventory (rebuilt if objects were added since). */
const nodePortIndexes = new WeakMap<Inventory, { size: number; uses: Map<number, NodePortUse[]> }>();

function nodePortUses(inventory: Inventory): Map<number, NodePortUse[]> {
  const all = inventory.all();
  const cached = nodePortIndexes.get(inventory);
  if (cached && cached.size === all.length) return cached.uses;
  const uses = new Map<number, NodePortUse[]>();
  all.forEach((entry, order) => {
    if (entry.object.kind !== "Service" || apiGroup(entry.object.apiVersion) !== "") return;
    const use = { order, identity: inventory.keyOf(entry.object), source: entry.source, owner: `${inventory.namespaceOf(entry.object)}/${entry.object.metadata?.name ?? ""}` };
    for (const port of portsOf(entry.object)) {
      if (port.nodePort === 0) continue;
      const list = uses.get(port.nodePort);
      if (list) list.push(use);
      else uses.set(port.nodePort, [use]);
    }
  });
  nodePortIndexes.set(inventory, { size: all.length, uses });
  return uses;
}

/**
 * Node ports are cluster-wide: one taken by another Service (of the cluster,
 * or earlier in the inputs) is refused. A Service's own copy in the cluster does not count.
 */
function allocatedNodePortReports(document: ManifestDocument, ports: ServicePort[], context: RuleContext): Report[] {
  if (ports.every((port) => port.nodePort === 0)) return [];
  const { inventory } = context;
  const identity = inventory.keyOf(document.object);
  const order = inventory.all().findIndex((entry) => entry.object === document.object);
  const uses = nodePortUses(inventory);
  return ports.flatMap((port) => {
    if (port.nodePort === 0) return [];
    const taken = (uses.get(port.nodePort) ?? []).find((use) => use.identity !== identity && (use.source === "cluster" || use.order < order));
    if (!taken) return [];
    const at = ["spec", "ports", port.index, "nodePort"];
    return [reportAt(at, invalid(fieldPath(at), scalarValue(port.nodePort), "provided port is already allocated") + ` (by Service ${taken.owner})`)];
  });
}

export const servicePorts: Rule = {
  id: "service/ports",
  severity: "error",
  description: "Service node ports must be in the default node port range and not taken by another Service of the inputs or the cluster.",
  usesInventory: true,
  check(document, context) {
    const { object } = document;
    if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") return [];
    const ports = portsOf(object);
    return [...nodePortRangeReports(object, ports), ...allocatedNodePortReports(document, ports, context)];
  },
};
