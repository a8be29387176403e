// Service port numbers and named ports: port, targetPort and nodePort
// (validateServicePort, ValidatePortNumOrName, the node port allocator).
import type { KubeObject, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { forbidden, invalid, scalarValue } from "../support/field-errors.js";
import { isValidPortName, isValidPortNum } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

/** kube-apiserver's default --service-node-port-range. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

/** ValidatePortNumOrName: a number in 1-65535 or an IANA service name. */
function portNumOrName(value: unknown, at: PathSegment[]): Report[] {
  if (isInteger(value)) return isValidPortNum(value).map((d) => reportAt(at, invalid(fieldPath(at), scalarValue(value), d)));
  if (typeof value === "string") return isValidPortName(value).map((d) => reportAt(at, invalid(fieldPath(at), scalarValue(value), d)));
  return [];
}

function servicePortReports(object: KubeObject): Report[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const type = stringOf(spec.type) ?? "ClusterIP";
  const reports: Report[] = [];
  arrayOf(spec.ports).forEach((port, index) => {
    if (!isRecord(port)) return;
    const at = ["spec", "ports", index];
    if (isInteger(port.port)) {
      for (const detail of isValidPortNum(port.port)) reports.push(reportAt([...at, "port"], invalid(fieldPath([...at, "port"]), scalarValue(port.port), detail)));
    }
    // targetPort 0 (or "") is defaulted to the port before validation.
    if (port.targetPort !== 0 && port.targetPort !== "") reports.push(...portNumOrName(port.targetPort, [...at, "targetPort"]));
    const nodePort = port.nodePort;
    if (!isInteger(nodePort) || nodePort === 0) return;
    const nodePortAt = [...at, "nodePort"];
    if (type === "ClusterIP") {
      reports.push(reportAt(nodePortAt, forbidden(fieldPath(nodePortAt), "may not be used when `type` is 'ClusterIP'") + " (set type: NodePort or LoadBalancer, or remove nodePort)"));
    } else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
      // The range is a kube-apiserver flag: outside the default one this is likely, not certainly, rejected.
      reports.push(
        reportAt(nodePortAt, invalid(fieldPath(nodePortAt), scalarValue(nodePort), `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`) + " (the default --service-node-port-range)", {
          severity: "warning",
        }),
      );
    }
  });
  const healthCheckNodePort = spec.healthCheckNodePort;
  if (isInteger(healthCheckNodePort) && healthCheckNodePort !== 0) {
    for (const detail of isValidPortNum(healthCheckNodePort)) {
      reports.push(reportAt(["spec", "healthCheckNodePort"], invalid("spec.healthCheckNodePort", scalarValue(healthCheckNodePort), detail)));
    }
  }
  return reports;
}

export const portsRange: Rule = {
  id: "ports/range",
  severity: "error",
  description: "Service port numbers must be 1-65535, named target ports IANA service names; nodePort only on NodePort/LoadBalancer Services, within 30000-32767.",
  check(document) {
    const { object } = document;
    return object.kind === "Service" && apiGroup(object.apiVersion) === "" ? servicePortReports(object) : [];
  },
};
