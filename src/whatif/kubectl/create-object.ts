// A create request as the API server's registry takes it, before admission
// (which the plan runs): the name must be free, and a NodePort or
// LoadBalancer Service gets its node ports from the allocator.
import type { KubeObject } from "../../types.js";
import { cloneJson, dig, integerOf, nameOf, recordsOf } from "../../util/object-access.js";
import { groupOf } from "../../inventory.js";
import type { CommandContext } from "./command.js";
import { KubectlError } from "./command.js";

/** `pods "nginx"`: how API errors name an object. */
export function qualifiedName(ctx: CommandContext, object: KubeObject): string {
  const group = groupOf(object.apiVersion);
  const type = ctx.types.ofKind(object.kind ?? "", group);
  const resource = type ? (type.group === "" ? type.resource : `${type.resource}.${type.group}`) : String(object.kind).toLowerCase();
  return `${resource} "${nameOf(object)}"`;
}

function needsNodePorts(service: KubeObject): boolean {
  const type = dig(service, "spec", "type");
  if (type === "NodePort") return true;
  return type === "LoadBalancer" && dig(service, "spec", "allocateLoadBalancerNodePorts") !== false;
}

/** Node ports for a Service, as the registry allocates them; the notes say which were picked. */
function allocateNodePorts(ctx: CommandContext, service: KubeObject): string[] {
  if (service.kind !== "Service" || !needsNodePorts(service)) return [];
  const notes: string[] = [];
  recordsOf(dig(service, "spec", "ports")).forEach((port, i) => {
    const asked = integerOf(port.nodePort);
    if (asked !== undefined && asked !== 0) {
      const refused = ctx.nodePorts.allocate(asked);
      if (refused) {
        const message = `Service "${nameOf(service)}" is invalid: spec.ports[${i}].nodePort: Invalid value: ${asked}: ${refused}`;
        throw new KubectlError(`The ${message}`, message);
      }
      return;
    }
    const allocated = ctx.nodePorts.allocateNext();
    if (allocated === undefined) {
      const message = "Internal error occurred: failed to allocate a nodePort: range is full";
      throw new KubectlError(`Error from server (InternalError): ${message}`, message);
    }
    port.nodePort = allocated;
    notes.push(`node port ${allocated} allocated for port ${String(port.port)}/${String(port.protocol ?? "TCP")} (the API server picks a free port at random in ${ctx.nodePorts.dynamicBand}: it may differ)`);
  });
  return notes;
}

/**
 * Creates an object kubectl sends: kubectl's AlreadyExists error when the
 * name is taken. Returns the object as the API server stores it: in its
 * namespace, with its node ports (noted in the working cluster).
 */
export function createObject(ctx: CommandContext, object: KubeObject): KubeObject {
  const stored = cloneJson(object);
  const group = groupOf(stored.apiVersion);
  const kind = stored.kind ?? "";
  if (ctx.cluster.isNamespaced(kind)) stored.metadata = { ...stored.metadata, namespace: stored.metadata?.namespace || ctx.namespace };
  // A client dry run sends nothing: no check, nothing stored.
  if (ctx.dryRun === "client") return stored;
  const namespace = ctx.cluster.namespaceOf(stored);
  if (ctx.cluster.get(group, kind, namespace, nameOf(stored))) {
    const message = `${qualifiedName(ctx, stored)} already exists`;
    throw new KubectlError(`Error from server (AlreadyExists): ${message}`, message);
  }
  if (ctx.dryRun === "server") return stored;
  const allocations = allocateNodePorts(ctx, stored);
  ctx.cluster.create(stored, ctx.index);
  for (const allocation of allocations) ctx.cluster.note(stored, allocation);
  return stored;
}
