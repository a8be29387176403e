// A probe or lifecycle hook that names its port should name a port of its own
// container: the kubelet resolves it there (probe.ResolveContainerPort), and
// when it cannot, the probe fails every time ("couldn't find port"). The API
// server checks only the name's syntax and accepts it: a warning.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { containersOf, podTemplatesOf, type ContainerRef } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { closest } from "../../util/suggest.js";
import { arrayOf, dig, isRecord, stringOf } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

const CONSEQUENCE: Readonly<Record<string, string>> = lookupTable({
  livenessProbe: "the probe fails every time and the kubelet restarts the container",
  readinessProbe: "the probe fails every time and the pod never becomes ready",
  startupProbe: "the probe fails every time and the kubelet kills the container",
  lifecycle: "the hook fails and the kubelet kills the container",
});

function handlers(container: ContainerRef["container"]): Array<[string[], string, unknown]> {
  const out: Array<[string[], string, unknown]> = [];
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) out.push([[probe], probe, container[probe]]);
  for (const hook of ["postStart", "preStop"]) out.push([["lifecycle", hook], "lifecycle", dig(container, "lifecycle", hook)]);
  return out;
}

function containerReports({ path, container }: ContainerRef): Report[] {
  const names = new Set(arrayOf(container.ports).map((p) => (isRecord(p) ? stringOf(p.name) : undefined)).filter((n): n is string => !!n));
  const reports: Report[] = [];
  for (const [at, kind, handler] of handlers(container)) {
    if (!isRecord(handler)) continue;
    for (const action of ["httpGet", "tcpSocket"]) {
      const port = stringOf(dig(handler, action, "port"));
      if (!port || names.has(port)) continue;
      const portPath: PathSegment[] = [...path, ...at, action, "port"];
      const suggestion = closest(port, names);
      reports.push(reportAt(portPath, `${fieldPath(portPath)}: no port named "${port}" in this container's ports; ${CONSEQUENCE[kind]}`, suggestion ? { suggestion } : {}));
    }
  }
  return reports;
}

export const podProbePortUnknown: Rule = {
  id: "pod/probe-port-unknown",
  severity: "warning",
  description: "A probe or lifecycle hook that names its port should name a port declared by its container (the API server accepts any valid name; the probe then always fails).",
  check(document) {
    return podTemplatesOf(document.object).flatMap((template) => containersOf(template).flatMap(containerReports));
  },
};
