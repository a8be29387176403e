// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port[:targetPort]`
// (create_service.go createService): labels and selector `app=NAME`, one
// port per --tcp named `port-targetPort`, TCP.
import { isDNS1123Subdomain, isValidPortName } from "../../../apiserver/apimachinery/validation.js";
import type { KubeObject } from "../../../types.js";
import { UsageError } from "../../../validate/index.js";
import { COMMON_FLAGS, CREATE_FLAGS, type CommandContext, type Verb } from "../../kubectl/command.js";
import { intFlag, listFlag, requireFlags, stringFlag, type FlagSpec, type ParsedFlags } from "../../kubectl/flags.js";
import { createAndPrint, nameFromCommandArgs, objectMeta } from "./shared.js";

type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

/** utilnet.ParsePort (zero allowed) and the target port: a number or a port name. */
function parsePorts(text: string): { port: number; targetPort: number | string } {
  const [portText = "", targetText] = text.split(":");
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UsageError(`invalid port number: "${portText}"`);
  const port = Number(portText);
  if (targetText === undefined) return { port, targetPort: port };
  if (!/^[+-]?\d+$/.test(targetText)) {
    const errors = isValidPortName(targetText);
    if (errors.length > 0) throw new UsageError(errors.join(","));
    return { port, targetPort: targetText };
  }
  const target = Number(targetText);
  if (target < 1 || target > 65535) throw new UsageError("must be between 1 and 65535, inclusive");
  return { port, targetPort: target };
}

function validate(type: ServiceType, parsed: ParsedFlags): void {
  const clusterIP = stringFlag(parsed, "clusterip");
  if (clusterIP === "None" && type !== "ClusterIP") throw new UsageError("ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && listFlag(parsed, "tcp").length === 0 && type !== "ExternalName") throw new UsageError("at least one tcp port specifier must be provided");
  if (type === "ExternalName" && isDNS1123Subdomain(stringFlag(parsed, "external-name")).length > 0) {
    throw new UsageError(`invalid service external name ${stringFlag(parsed, "external-name")}`);
  }
}

function createService(ctx: CommandContext, type: ServiceType, parsed: ParsedFlags, name: string): KubeObject {
  const nodePort = intFlag(parsed, "node-port");
  const ports = listFlag(parsed, "tcp").map((tcp) => {
    const { port, targetPort } = parsePorts(tcp);
    return { name: tcp.replaceAll(":", "-"), port, protocol: "TCP", targetPort, ...(nodePort !== 0 ? { nodePort } : {}) };
  });
  const spec: Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length > 0) spec.ports = ports;
  const externalName = stringFlag(parsed, "external-name");
  if (externalName !== "") spec.externalName = externalName;
  const clusterIP = stringFlag(parsed, "clusterip");
  if (clusterIP !== "") spec.clusterIP = clusterIP;
  return { apiVersion: "v1", kind: "Service", metadata: { ...objectMeta(ctx, name), labels: { app: name } }, spec, status: { loadBalancer: {} } };
}

function serviceVerb(subcommand: string, type: ServiceType, extra: readonly FlagSpec[], required: readonly string[] = []): Verb {
  return {
    name: `create service ${subcommand}`,
    aliases: [`create svc ${subcommand}`],
    flags: [...COMMON_FLAGS, ...CREATE_FLAGS, { name: "tcp", type: "stringSlice" }, ...extra],
    run(ctx, parsed) {
      requireFlags(parsed, required);
      const name = nameFromCommandArgs(parsed);
      validate(type, parsed);
      return createAndPrint(ctx, createService(ctx, type, parsed, name), `failed to create ${type} service: `);
    },
  };
}

export const createServiceVerbs: readonly Verb[] = [
  serviceVerb("clusterip", "ClusterIP", [{ name: "clusterip", type: "string" }]),
  serviceVerb("nodeport", "NodePort", [{ name: "node-port", type: "int" }]),
  serviceVerb("loadbalancer", "LoadBalancer", []),
  serviceVerb("externalname", "ExternalName", [{ name: "external-name", type: "string" }], ["external-name"]),
];
