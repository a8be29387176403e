// References between API objects: Ingress backends to Services and their
// ports, HorizontalPodAutoscaler targets, role bindings to roles.
import type { Inventory } from "../../inventory.js";
import type { KubeObject, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { closest } from "../../util/suggest.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, dig, isRecord, strictIntegerOf, stringOf } from "../../util/object-access.js";
import { exists, findObjects, namesOf, notFoundText, searchedIn } from "./lookup.js";

interface Backend {
  name: string;
  namePath: PathSegment[];
  port: string | number | undefined;
  portPath: PathSegment[];
}

function ingressBackends(object: KubeObject): Backend[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const backends: Array<[unknown, PathSegment[]]> = [[spec.defaultBackend, ["spec", "defaultBackend"]], [spec.backend, ["spec", "backend"]]];
  arrayOf(spec.rules).forEach((rule, i) => {
    arrayOf(dig(rule, "http", "paths")).forEach((path, j) => backends.push([dig(path, "backend"), ["spec", "rules", i, "http", "paths", j, "backend"]]));
  });
  return backends.flatMap(([backend, at]) => {
    if (!isRecord(backend)) return [];
    if (isRecord(backend.service)) {
      const name = stringOf(backend.service.name);
      const number = strictIntegerOf(dig(backend.service, "port", "number"));
      const portName = stringOf(dig(backend.service, "port", "name"));
      if (!name) return [];
      const port = number ?? portName;
      const portPath = [...at, "service", "port", number !== undefined ? "number" : "name"];
      return [{ name, namePath: [...at, "service", "name"], port, portPath }];
    }
    // extensions/v1beta1 and networking.k8s.io/v1beta1 backends.
    const name = stringOf(backend.serviceName);
    if (!name) return [];
    const port = strictIntegerOf(backend.servicePort) ?? stringOf(backend.servicePort);
    return [{ name, namePath: [...at, "serviceName"], port, portPath: [...at, "servicePort"] }];
  });
}

function servicePortMatches(service: KubeObject, port: string | number): boolean {
  return arrayOf(dig(service, "spec", "ports")).some((p) => isRecord(p) && (typeof port === "number" ? p.port === port : p.name === port));
}

function servicePortList(service: KubeObject): string {
  return arrayOf(dig(service, "spec", "ports"))
    .filter(isRecord)
    .map((p) => (p.name ? `${p.name}=${p.port}` : String(p.port)))
    .join(", ");
}

function ingressReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const reports: Report[] = [];
  for (const backend of ingressBackends(object)) {
    const services = findObjects(inventory, "Service", namespace, backend.name, "");
    if (services.length === 0) {
      if (exists(inventory, "Service", namespace, backend.name, "")) continue;
      const suggestion = closest(backend.name, namesOf(inventory, "Service", namespace));
      reports.push(
        reportAt(backend.namePath, `${fieldPath(backend.namePath)}: ${notFoundText("Service", backend.name, namespace)} (${searchedIn(inventory)}); requests routed to this backend will fail`, suggestion ? { suggestion } : {}),
      );
      continue;
    }
    const service = services[0]!.object;
    if (backend.port === undefined || servicePortMatches(service, backend.port)) continue;
    const what = typeof backend.port === "number" ? `port ${backend.port}` : `port named "${backend.port}"`;
    reports.push(reportAt(backend.portPath, `${fieldPath(backend.portPath)}: service "${backend.name}" has no ${what} (its ports: ${servicePortList(service) || "none"})`));
  }
  return reports;
}

function scaleTargetReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const target = dig(object, "spec", "scaleTargetRef");
  if (!isRecord(target)) return [];
  const kind = stringOf(target.kind);
  const name = stringOf(target.name);
  if (!kind || !name) return [];
  const group = apiGroup(stringOf(target.apiVersion));
  if (exists(inventory, kind, namespace, name, group)) return [];
  const suggestion = closest(name, namesOf(inventory, kind, namespace));
  const at = ["spec", "scaleTargetRef", "name"];
  return [reportAt(at, `${fieldPath(at)}: ${notFoundText(kind, name, namespace, group)} (${searchedIn(inventory)}); the HorizontalPodAutoscaler has nothing to scale`, suggestion ? { suggestion } : {})];
}

function roleRefReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const roleRef = dig(object, "roleRef");
  if (!isRecord(roleRef)) return [];
  const kind = stringOf(roleRef.kind);
  const name = stringOf(roleRef.name);
  if ((kind !== "Role" && kind !== "ClusterRole") || !name) return [];
  const roleNamespace = kind === "Role" ? namespace : "";
  if (exists(inventory, kind, roleNamespace, name, "rbac.authorization.k8s.io")) return [];
  const suggestion = closest(name, namesOf(inventory, kind, roleNamespace));
  const at = ["roleRef", "name"];
  return [
    reportAt(at, `${fieldPath(at)}: ${notFoundText(kind, name, roleNamespace, "rbac.authorization.k8s.io")} (${searchedIn(inventory)}); the binding grants nothing until it exists`, suggestion ? { suggestion } : {}),
  ];
}

/** A StatefulSet's governing Service gives its pods their stable DNS names. */
function governingServiceReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const name = stringOf(dig(object, "spec", "serviceName"));
  if (!name || exists(inventory, "Service", namespace, name, "")) return [];
  const suggestion = closest(name, namesOf(inventory, "Service", namespace));
  const at = ["spec", "serviceName"];
  return [reportAt(at, `${fieldPath(at)}: ${notFoundText("Service", name, namespace)} (${searchedIn(inventory)}); the pods get no stable DNS names (<pod>.${name}) until it exists`, suggestion ? { suggestion } : {})];
}

/** References from this object to other API objects. */
export function objectReferenceReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const group = apiGroup(object.apiVersion);
  switch (object.kind) {
    case "Ingress":
      return group === "networking.k8s.io" || group === "extensions" ? ingressReports(object, namespace, inventory) : [];
    case "HorizontalPodAutoscaler":
      return group === "autoscaling" ? scaleTargetReports(object, namespace, inventory) : [];
    case "StatefulSet":
      return group === "apps" ? governingServiceReports(object, namespace, inventory) : [];
    case "RoleBinding":
    case "ClusterRoleBinding":
      return group === "rbac.authorization.k8s.io" ? roleRefReports(object, namespace, inventory) : [];
    default:
      return [];
  }
}
