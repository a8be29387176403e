// A Service's ports: names required when there are several, unique names,
// unique protocol/port pairs and node ports (ValidateService), and node
// ports not already taken by another Service (the node port allocator).
import type { KubeObject, ManifestDocument, Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { duplicate, goJson, goQuote, invalid, rendersCompositeAsJson, required, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../support/name-syntax.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup, asArray, asInteger, asString, isRecord } from "../support/values.js";

interface ServicePort {
  index: number;
  name: string | undefined;
  protocol: string;
  port: number | undefined;
  nodePort: number;
}

function portsOf(object: KubeObject): ServicePort[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  return asArray(spec.ports).flatMap((port, index) =>
    isRecord(port)
      ? [{ index, name: asString(port.name), protocol: asString(port.protocol) ?? "TCP", port: asInteger(port.port), nodePort: asInteger(port.nodePort) ?? 0 }]
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

/** Node ports are cluster-wide: one taken by another Service (earlier in the inputs, or in the cluster) is refused. */
function allocatedNodePortReports(document: ManifestDocument, ports: ServicePort[], context: RuleContext): Report[] {
  const { inventory } = context;
  const ownKey = inventory.keyOf(document.object);
  const taken = new Map<number, string>();
  for (const entry of inventory.ofKind("Service")) {
    if (entry.object === document.object) break;
    if (apiGroup(entry.object.apiVersion) !== "" || inventory.keyOf(entry.object) === ownKey) continue;
    for (const port of portsOf(entry.object)) {
      if (port.nodePort !== 0 && !taken.has(port.nodePort)) taken.set(port.nodePort, `${inventory.namespaceOf(entry.object)}/${entry.object.metadata?.name ?? ""}`);
    }
  }
  for (const entry of inventory.ofKind("Service")) {
    if (entry.source !== "cluster" || inventory.keyOf(entry.object) === ownKey) continue;
    for (const port of portsOf(entry.object)) if (port.nodePort !== 0 && !taken.has(port.nodePort)) taken.set(port.nodePort, `${inventory.namespaceOf(entry.object)}/${entry.object.metadata?.name ?? ""}`);
  }
  return ports.flatMap((port) => {
    const owner = port.nodePort !== 0 ? taken.get(port.nodePort) : undefined;
    if (!owner) return [];
    const at = ["spec", "ports", port.index, "nodePort"];
    return [reportAt(at, invalid(fieldPath(at), scalarValue(port.nodePort), "provided port is already allocated") + ` (by Service ${owner})`)];
  });
}

export const servicePorts: Rule = {
  id: "service/ports",
  severity: "error",
  description: "Service ports must be named when there are several, with unique names, port/protocol pairs and node ports.",
  check(document, context) {
    const { object } = document;
    if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") return [];
    const ports = portsOf(object);
    return [...nameReports(ports), ...duplicatePortReports(ports, context), ...allocatedNodePortReports(document, ports, context)];
  },
};
