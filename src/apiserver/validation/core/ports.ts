// Container ports and named ports (validateContainerPorts, ValidatePortNumOrName,
// AccumulateUniqueHostPorts), and hostPort with the host's network
// (validatePodHostNetworkDeps).
import { isValidPortName, isValidPortNum } from "../../apimachinery/validation.js";
import { duplicate, invalid, notSupported, required, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { int, list, str } from "./fields.js";
import type { JsonRecord } from "../../../util/object-access.js";
import type { PodValidationOptions } from "./pod-options.js";
import { appendAll } from "../../../util/append.js";

const SUPPORTED_PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];

/** The nearest IANA service name: lower case, `a-z0-9-`, no `--`, at most 15 characters. */
function toPortName(name: string): string | undefined {
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 15)
    .replace(/^-+|-+$/g, "");
  return fixed !== "" && fixed !== name && isValidPortName(fixed).length === 0 ? fixed : undefined;
}

/** validateContainerPorts. */
export function validateContainerPorts(ports: JsonRecord[], fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const allNames = new Set<string>();
  ports.forEach((port, i) => {
    const idxPath = fldPath.index(i);
    const name = str(port, "name");
    if (name.length > 0) {
      const messages = isValidPortName(name);
      const suggestion = toPortName(name);
      if (messages.length > 0) appendAll(errors, messages.map((message) => ({ ...invalid(idxPath.child("name"), name, message), ...(suggestion ? { suggestion } : {}) })));
      else if (allNames.has(name)) errors.push(duplicate(idxPath.child("name"), name));
      else allNames.add(name);
    }
    const containerPort = int(port, "containerPort") ?? 0;
    if (containerPort === 0) errors.push(required(idxPath.child("containerPort")));
    else appendAll(errors, isValidPortNum(containerPort).map((message) => invalid(idxPath.child("containerPort"), containerPort, message)));
    const hostPort = int(port, "hostPort") ?? 0;
    if (hostPort !== 0) appendAll(errors, isValidPortNum(hostPort).map((message) => invalid(idxPath.child("hostPort"), hostPort, message)));
    const protocol = str(port, "protocol");
    if (protocol.length === 0) errors.push(required(idxPath.child("protocol")));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errors.push(notSupported(idxPath.child("protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errors;
}

/**
 * ValidatePortNumOrName: an IntOrString port. A string is a port name, whose
 * syntax alone is checked (the container need not declare it).
 */
export function validatePortNumOrName(port: unknown, fldPath: FieldPath): ErrorList {
  if (typeof port === "number" && Number.isInteger(port)) return isValidPortNum(port).map((message) => invalid(fldPath, port, message));
  if (typeof port === "string") return isValidPortName(port).map((message) => invalid(fldPath, port, message));
  // An absent port decodes as the integer 0.
  if (port === undefined) return isValidPortNum(0).map((message) => invalid(fldPath, 0, message));
  return [];
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` once among `containers`. */
export function accumulateUniqueHostPorts(containers: JsonRecord[], accumulator: Set<string>, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  containers.forEach((container, ci) => {
    const portsPath = fldPath.index(ci).child("ports");
    list(container, "ports").forEach((port, pi) => {
      const hostPort = int(port, "hostPort") ?? 0;
      if (hostPort === 0) return;
      const key = `${str(port, "protocol")}/${str(port, "hostIP")}/${hostPort}`;
      if (accumulator.has(key)) errors.push(duplicate(portsPath.index(pi).child("hostPort"), key));
      else accumulator.add(key);
    });
  });
  return errors;
}

/** checkHostPortConflicts. */
export function checkHostPortConflicts(containers: JsonRecord[], fldPath: FieldPath): ErrorList {
  return accumulateUniqueHostPorts(containers, new Set(), fldPath);
}

/**
 * validatePodHostNetworkDeps: with the host's network a hostPort is the
 * containerPort; a Pod's is defaulted so, a template may leave it 0.
 */
export function validatePodHostNetworkDeps(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (spec.hostNetwork !== true) return [];
  const errors: ErrorList = [];
  const containersPath = fldPath.child("containers");
  list(spec, "containers").forEach((container, i) => {
    const portsPath = containersPath.index(i).child("ports");
    list(container, "ports").forEach((port, j) => {
      const hostPort = int(port, "hostPort") ?? 0;
      const containerPort = int(port, "containerPort") ?? 0;
      if ((opts.resourceIsPod || hostPort !== 0) && hostPort !== containerPort) {
        errors.push(invalid(portsPath.index(j).child("hostPort"), hostPort, "must match `containerPort` when `hostNetwork` is true"));
      }
    });
  });
  return errors;
}
