// `kubectl expose TYPE NAME [--port] [--target-port] [--type] [--name] ...`
// (k8s.io/kubectl/pkg/cmd/expose createService, with polymorphichelpers'
// CanBeExposed, MapBasedSelectorForObject, PortsForObject and
// MultiProtocolsForObject): a Service selecting what the object selects,
// with its ports, named after it.
import type { KubeObject } from "../../types.js";
import { dig, isRecord, nameOf, recordsOf, stringMapOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";
import { COMMON_FLAGS, CREATE_FLAGS, KubectlError, type CommandContext, type CommandResult, type Verb } from "../kubectl/command.js";
import { createObject } from "../kubectl/create-object.js";
import { stringFlag, type ParsedFlags } from "../kubectl/flags.js";
import { printedObject } from "../kubectl/printed.js";
import { parseLabels } from "../generate/params.js";
import { resourceArguments } from "../kubectl/resource-arguments.js";

const DNS1035_LABEL_MAX_LENGTH = 63;

/** CanBeExposed: the kinds kubectl can expose. */
function canBeExposed(object: KubeObject, group: string): void {
  const exposable = group === "" ? ["ReplicationController", "Service", "Pod"] : group === "apps" ? ["Deployment", "ReplicaSet"] : [];
  if (!exposable.includes(object.kind ?? "")) throw new KubectlError(`error: cannot expose a ${object.kind}${group ? `.${group}` : ""}`);
}

/** MakeLabels: `k=v,k=v`. */
function makeLabels(labels: Record<string, string>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}

/** MapBasedSelectorForObject: the labels a Service for this object selects. */
function mapBasedSelectorForObject(object: KubeObject): string {
  switch (object.kind) {
    case "ReplicationController":
      return makeLabels(stringMapOf(dig(object, "spec", "selector")));
    case "Pod": {
      const labels = stringMapOf(object.metadata?.labels);
      if (Object.keys(labels).length === 0) throw new Error("the pod has no labels and cannot be exposed");
      return makeLabels(labels);
    }
    case "Service": {
      const selector = dig(object, "spec", "selector");
      if (!isRecord(selector)) throw new Error("the service has no pod selector set");
      return makeLabels(stringMapOf(selector));
    }
    default: {
      const kind = object.kind === "Deployment" ? "deployment" : "replicaset";
      const selector = dig(object, "spec", "selector");
      const matchLabels = stringMapOf(dig(selector, "matchLabels"));
      if (Object.keys(matchLabels).length === 0) throw new Error(`invalid ${kind}: no selectors, therefore cannot be exposed`);
      const expressions = recordsOf(dig(selector, "matchExpressions"));
      if (expressions.length > 0) throw new Error(`couldn't convert expressions - "${JSON.stringify(expressions)}" to map-based selector format`);
      return makeLabels(matchLabels);
    }
  }
}

function podSpecOf(object: KubeObject): unknown {
  return object.kind === "Pod" ? object.spec : dig(object, "spec", "template", "spec");
}

/** PortsForObject and MultiProtocolsForObject: port numbers in order, once each, and their protocols. */
function portsAndProtocols(object: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const entries =
    object.kind === "Service"
      ? recordsOf(dig(object, "spec", "ports")).map((p) => ({ port: p.port, protocol: p.protocol }))
      : recordsOf(dig(podSpecOf(object), "containers")).flatMap((c) => recordsOf(c.ports).map((p) => ({ port: p.containerPort, protocol: p.protocol })));
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  for (const { port, protocol } of entries) {
    const key = String(Math.trunc(Number(port)));
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), typeof protocol === "string" && protocol !== "" ? protocol : "TCP"]);
  }
  return { ports, protocols };
}

interface ExposeOptions {
  name: string;
  selector: string;
  labels: string;
  port: string;
  protocol: string;
  protocols: Map<string, string[]>;
  targetPort: string;
  type: string;
  externalIP: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

function servicePorts(o: ExposeOptions): Array<Record<string, unknown>> {
  if (o.port === "") return [];
  const portStrings = o.port.split(",");
  const ports: Array<Record<string, unknown>> = [];
  portStrings.forEach((text, i) => {
    if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = Number(text);
    const name = portStrings.length > 1 ? `port-${i + 1}` : "";
    let protocol = o.protocol;
    if (protocol === "") {
      protocol = "TCP";
      const exposed = o.protocols.get(text);
      if (exposed && exposed.length > 1) {
        for (const each of exposed) ports.push({ name: `port-${i + 1}-${each.toLowerCase()}`, port, protocol: each });
        return;
      }
      if (exposed) protocol = exposed[0]!;
    }
    ports.push({ ...(name !== "" ? { name } : {}), port, protocol });
  });
  return ports;
}

/** intstr.Parse: a number when the text is one. */
function intOrString(text: string): number | string {
  return /^[+-]?\d+$/.test(text) ? Number(text) : text;
}

function createService(ctx: CommandContext, o: ExposeOptions): KubeObject {
  const ports = servicePorts(o);
  for (const port of ports) port.targetPort = o.targetPort !== "" ? intOrString(o.targetPort) : port.port;
  const spec: Record<string, unknown> = { selector: parseLabels(o.selector) };
  if (ports.length > 0) spec.ports = ports;
  if (o.externalIP !== "") spec.externalIPs = [o.externalIP];
  if (o.type !== "") spec.type = o.type;
  if (o.type === "LoadBalancer" && o.loadBalancerIP !== "") spec.loadBalancerIP = o.loadBalancerIP;
  if (o.sessionAffinity !== "") {
    if (o.sessionAffinity !== "None" && o.sessionAffinity !== "ClientIP") throw new UsageError(`unknown session affinity: ${o.sessionAffinity}`);
    spec.sessionAffinity = o.sessionAffinity;
  }
  if (o.clusterIP !== "") spec.clusterIP = o.clusterIP;
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.labels !== "") metadata.labels = parseLabels(o.labels);
  if (ctx.enforceNamespace) metadata.namespace = ctx.namespace;
  return { apiVersion: "v1", kind: "Service", metadata, spec, status: { loadBalancer: {} } };
}

/** What kubectl works out from the exposed object before generating the Service. */
function exposeOptions(object: KubeObject, parsed: ParsedFlags): ExposeOptions {
  const clusterIP = stringFlag(parsed, "cluster-ip");
  let selector = stringFlag(parsed, "selector");
  if (selector === "") {
    try {
      selector = mapBasedSelectorForObject(object);
    } catch (error) {
      throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`);
    }
  }
  const { ports, protocols } = portsAndProtocols(object);
  let port = stringFlag(parsed, "port");
  if (port === "") {
    if (ports.length === 0 && clusterIP !== "None") throw new KubectlError("error: couldn't find port via --port flag or introspection");
    port = ports.join(",");
  }
  const labels = stringFlag(parsed, "labels") || makeLabels(stringMapOf(object.metadata?.labels));
  return {
    name: stringFlag(parsed, "name") || nameOf(object).slice(0, DNS1035_LABEL_MAX_LENGTH),
    selector,
    labels,
    port,
    protocol: stringFlag(parsed, "protocol"),
    protocols,
    targetPort: stringFlag(parsed, "target-port"),
    type: stringFlag(parsed, "type"),
    externalIP: stringFlag(parsed, "external-ip"),
    loadBalancerIP: stringFlag(parsed, "load-balancer-ip"),
    sessionAffinity: stringFlag(parsed, "session-affinity"),
    clusterIP,
  };
}

export const exposeVerb: Verb = {
  name: "expose",
  flags: [
    ...COMMON_FLAGS,
    ...CREATE_FLAGS,
    { name: "protocol", type: "string" },
    { name: "port", type: "string" },
    { name: "type", type: "string" },
    { name: "load-balancer-ip", type: "string" },
    { name: "selector", type: "string" },
    { name: "labels", short: "l", type: "string" },
    { name: "target-port", type: "string" },
    { name: "external-ip", type: "string" },
    { name: "name", type: "string" },
    { name: "session-affinity", type: "string" },
    { name: "cluster-ip", type: "string" },
    { name: "filename", short: "f", type: "stringSlice", unsupported: "name the object to expose as TYPE NAME" },
    { name: "overrides", type: "string", unsupported: "the Service is planned as kubectl generates it; write a manifest and use kubeplan plan" },
  ],
  run(ctx, parsed): CommandResult {
    const targets = resourceArguments(ctx, parsed.args);
    if (targets.length === 0) throw new UsageError("You must provide one or more resources by argument or filename.");
    const result: CommandResult = { output: [], generated: [] };
    for (const { type, name } of targets) {
      const object = ctx.cluster.get(type.group, type.kind, ctx.namespace, name);
      if (!object) throw new KubectlError(`Error from server (NotFound): ${type.group === "" ? type.resource : `${type.resource}.${type.group}`} "${name}" not found`);
      canBeExposed(object, type.group);
      const service = createService(ctx, exposeOptions(object, parsed));
      createObject(ctx, service);
      result.output.push(printedObject(service, "exposed", ctx.dryRun));
      result.generated!.push(service);
    }
    return result;
  },
};
