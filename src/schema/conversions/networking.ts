// extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress written as
// networking.k8s.io/v1, as upstream's conversion reads them
// (pkg/apis/networking/v1beta1/conversion.go): `backend` becomes
// `defaultBackend`; a backend's serviceName and servicePort become
// `service: {name, port: {number}}` (a named port: `port: {name}`); and
// each path gets the pathType that v1beta1 defaulted (SetDefaults_HTTPIngressPath:
// ImplementationSpecific), which v1 requires.
import type { YamlChange } from "../../types.js";
import { joinPointer } from "../../util/pointer.js";
import { arrayOf, isRecord, recordOf } from "../../util/object-access.js";

/** Convert_v1beta1_IngressBackend_To_networking_IngressBackend: the service backend's fields. */
function convertIngressBackend(backend: unknown, pointer: string): YamlChange[] {
  if (!isRecord(backend) || backend.serviceName === undefined) return [];
  const port = backend.servicePort;
  const service: Record<string, unknown> = { name: backend.serviceName };
  if (port !== undefined) service.port = typeof port === "string" ? { name: port } : { number: port };
  const changes: YamlChange[] = [{ op: "replacePair", pointer: joinPointer(pointer, "serviceName"), key: "service", value: service }];
  if (port !== undefined) changes.push({ op: "removePair", pointer: joinPointer(pointer, "servicePort") });
  return changes;
}

/** SetDefaults_HTTPIngressPath, written out: v1 requires the pathType that v1beta1 defaulted. */
function convertHTTPIngressPath(path: Record<string, unknown>, pointer: string): YamlChange[] {
  const backend = convertIngressBackend(path.backend, joinPointer(pointer, "backend"));
  return path.pathType === undefined ? [...backend, { op: "insertPair", pointer, key: "pathType", value: "ImplementationSpecific" }] : backend;
}

/** Convert_v1beta1_IngressSpec_To_networking_IngressSpec. */
export function convertIngressSpec(spec: unknown): YamlChange[] {
  if (!isRecord(spec)) return [];
  const defaultBackend: YamlChange[] =
    spec.backend === undefined ? [] : [{ op: "renameKey", pointer: "/spec/backend", name: "defaultBackend" }, ...convertIngressBackend(spec.backend, "/spec/backend")];
  const paths = arrayOf(spec.rules)
    .map(recordOf)
    .flatMap((rule, i) => arrayOf(recordOf(rule.http).paths).map(recordOf).flatMap((path, j) => convertHTTPIngressPath(path, `/spec/rules/${i}/http/paths/${j}`)));
  return [...defaultBackend, ...paths];
}
