// Names that must be unique in a pod (container, volume and port names, mount
// paths, host ports), and the duplicate port definitions the API server warns about.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { duplicate, invalid, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label, isValidPortName } from "../../apiserver/apimachinery/validation.js";
import { containersOf, podTemplatesOf, type ContainerRef, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { arrayOf, isRecord, strictIntegerOf, stringOf } from "../../util/object-access.js";

/** Container names are unique across containers, initContainers and ephemeralContainers. */
function containerNameReports(containers: ContainerRef[]): Report[] {
  const seen = new Set<string>();
  const reports: Report[] = [];
  for (const { path, container } of containers) {
    const name = stringOf(container.name);
    if (name === undefined) continue;
    if (seen.has(name)) reports.push(reportAt([...path, "name"], duplicate(fieldPath([...path, "name"]), scalarValue(name))));
    else if (name !== "") seen.add(name);
  }
  return reports;
}

function volumeNameReports(template: PodTemplate): Report[] {
  const seen = new Set<string>();
  const reports: Report[] = [];
  arrayOf(template.spec.volumes).forEach((volume, index) => {
    const name = isRecord(volume) ? stringOf(volume.name) : undefined;
    if (!name) return;
    const at = [...template.specPath, "volumes", index, "name"];
    if (seen.has(name)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(name))));
    // Upstream only remembers volumes that passed validation.
    else if (isDNS1123Label(name).length === 0) seen.add(name);
  });
  return reports;
}

/** Within one container: port names, mount paths, device names and paths. */
function perContainerReports({ path, container }: ContainerRef): Report[] {
  const reports: Report[] = [];
  const portNames = new Set<string>();
  arrayOf(container.ports).forEach((port, index) => {
    const name = isRecord(port) ? stringOf(port.name) : undefined;
    if (!name || isValidPortName(name).length > 0) return;
    const at = [...path, "ports", index, "name"];
    if (portNames.has(name)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(name))));
    else portNames.add(name);
  });
  const uniqueField = (list: string, field: string) => {
    const seen = new Set<string>();
    arrayOf(container[list]).forEach((item, index) => {
      const value = isRecord(item) ? stringOf(item[field]) : undefined;
      if (value === undefined) return;
      const at = [...path, list, index, field];
      if (seen.has(value)) reports.push(reportAt(at, invalid(fieldPath(at), scalarValue(value), "must be unique")));
      seen.add(value);
    });
  };
  uniqueField("volumeMounts", "mountPath");
  uniqueField("volumeDevices", "name");
  uniqueField("volumeDevices", "devicePath");
  return reports;
}

interface PortDefinition {
  at: PathSegment[];
  containerPath: PathSegment[];
  containerPort: number;
  protocol: string;
  hostPort: number;
  hostIP: string;
}

function portDefinitions({ path, container }: ContainerRef): PortDefinition[] {
  return arrayOf(container.ports).flatMap((port, index) => {
    if (!isRecord(port)) return [];
    const containerPort = strictIntegerOf(port.containerPort);
    if (containerPort === undefined) return [];
    return [{
      at: [...path, "ports", index],
      containerPath: path,
      containerPort,
      protocol: stringOf(port.protocol) ?? "TCP",
      hostPort: strictIntegerOf(port.hostPort) ?? 0,
      hostIP: stringOf(port.hostIP) ?? "",
    }];
  });
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` is unique among regular containers, and within each init container. */
function hostPortReports(containers: ContainerRef[]): Report[] {
  const reports: Report[] = [];
  const check = (group: ContainerRef[]) => {
    const seen = new Set<string>();
    for (const port of group.flatMap(portDefinitions)) {
      if (port.hostPort === 0) continue;
      const key = `${port.protocol}/${port.hostIP}/${port.hostPort}`;
      const at = [...port.at, "hostPort"];
      if (seen.has(key)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(key))));
      else seen.add(key);
    }
  };
  check(containers.filter((c) => c.list === "containers"));
  for (const init of containers.filter((c) => c.list === "initContainers")) check([init]);
  return reports;
}

/** The API server's warnings for ports defined twice (pkg/api/pod/warnings.go), init containers first. */
function duplicatePortWarnings(containers: ContainerRef[]): Report[] {
  const order = ["initContainers", "containers", "ephemeralContainers"];
  const visited = [...containers].sort((a, b) => order.indexOf(a.list) - order.indexOf(b.list) || a.index - b.index);
  const seen = new Map<string, PortDefinition[]>();
  const reports: Report[] = [];
  for (const port of visited.flatMap(portDefinitions)) {
    const key = `${port.containerPort}/${port.protocol}`;
    for (const other of seen.get(key) ?? []) {
      let what: string | undefined;
      if (port.hostIP === other.hostIP && port.hostPort === other.hostPort) what = "duplicate port definition";
      else if (port.hostPort === 0 || other.hostPort === 0) what = "overlapping port definition";
      else if (port.hostPort === other.hostPort && (port.hostIP === "") !== (other.hostIP === "")) what = "dangerously ambiguous port definition";
      if (!what) continue;
      const sameContainer = fieldPath(port.containerPath) === fieldPath(other.containerPath);
      const note = sameContainer && what === "duplicate port definition" ? " (kubectl apply --server-side rejects it: containerPort and protocol identify a port)" : "";
      reports.push(reportAt(port.at, `${fieldPath(port.at)}: ${what} with ${fieldPath(other.at)}${note}`, { severity: "warning" }));
    }
    seen.set(key, [...(seen.get(key) ?? []), port]);
  }
  return reports;
}

export const podDuplicateName: Rule = {
  id: "pod/duplicate-name",
  severity: "error",
  description: "Container, volume and port names, mount paths and host ports must be unique in a pod; ports defined twice are warned about.",
  check(document) {
    const reports: Report[] = [];
    for (const template of podTemplatesOf(document.object)) {
      const containers = containersOf(template);
      reports.push(...containerNameReports(containers), ...volumeNameReports(template));
      for (const container of containers) reports.push(...perContainerReports(container));
      reports.push(...hostPortReports(containers), ...duplicatePortWarnings(containers));
    }
    return reports;
  },
};
