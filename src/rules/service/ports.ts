// A Service's ports: names required when there are several, unique names,
// unique protocol/port pairs and node ports (ValidateService), and node
// ports not already taken by another Service (the node port allocator).
import type { Inventory } from "../../inventory.js";
import type { KubeObject, ManifestDocument, Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { duplicate, goJson, goQuote, invalid, rendersCompositeAsJson, required, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, strictIntegerOf, stringOf } from "../../util/object-access.js";

interface ServicePort {
  index: number;
  name: string | undefined;
  protocol: string;
  port: number | undefined;
  nodePort: number;
}

function portsOf(object: KubeObject): ServicePort[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  return arrayOf(spec.ports).flatMap((port, index) =>
    isRecord(port)
      ? [{ index, name: stringOf(port.name), protocol: stringOf(port.protocol) ?? "TCP", port: strictIntegerOf(port.port), nodePort: strictIntegerOf(port.nodePort) ?? 0 }]
      : [],
  );
}

/** The duplicate (protocol, port) key as upstream prints it: an internal core.ServicePort. */
function servicePortKey(protocol: string, port: number, kubernetesVersion: string): string {
  if (rendersCompositeAsJson(kubernetesVersion)) {
    return `{"Name":"","Protocol":${goJson(protocol)},"AppProtocol":null,"Port":${port},"TargetPort":0,"NodePort":0}`;
  }
  return `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

function nameReports(ports: ServicePort[]): Report[] {
  const reports: Report[] = [];
  const names = new Set<string>();
  for (const port of ports) {
    const at = ["spec", "ports", port.index, "name"];
    if (ports.length > 1 && !port.name) {
      reports.push(reportAt(at, required(fieldPath(at)) + " (a Service with several ports must name each of them)"));
    } else if (port.name && isDNS1123Label(port.name).length === 0) {
      if (names.has(port.name)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(port.name))));
      names.add(port.name);
    }
  }
  return reports;
}

function duplicatePortReports(ports: ServicePort[], context: RuleContext): Report[] {
  const reports: Report[] = [];
  const seenPorts = new Set<string>();
  const seenNodePorts = new Set<string>();
  for (const port of ports) {
    if (port.nodePort !== 0) {
      const key = `${port.protocol}/${port.nodePort}`;
      const at = ["spec", "ports", port.index, "nodePort"];
      if (seenNodePorts.has(key)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(port.nodePort))));
      seenNodePorts.add(key);
    }
    if (port.port === undefined) continue;
    const key = `${port.protocol}/${port.port}`;
    const at = ["spec", "ports", port.index];
    if (seenPorts.has(key)) reports.push(reportAt(at, duplicate(fieldPath(at), servicePortKey(port.protocol, port.port, context.kubernetesVersion))));
    seenPorts.add(key);
  }
  return reports;
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
  description: "Service ports must be named when there are several, with unique names, port/protocol pairs and node ports.",
  usesInventory: true,
  check(document, context) {
    const { object } = document;
    if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") return [];
    const ports = portsOf(object);
    return [...nameReports(ports), ...duplicatePortReports(ports, context), ...allocatedNodePortReports(document, ports, context)];
  },
};
