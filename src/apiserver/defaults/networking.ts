// API defaulting of networking.k8s.io/v1 (pkg/apis/networking/v1/defaults.go).
import { setDefault } from "./fields.js";
import { arrayAt, objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_NetworkPolicy: policy types from the rules present, TCP for ports. */
export function setDefaultsNetworkPolicy(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  const policyTypes = arrayAt(spec, "policyTypes");
  if (!policyTypes || policyTypes.length === 0) {
    const egress = arrayAt(spec, "egress") ?? [];
    spec.policyTypes = egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
  for (const direction of ["ingress", "egress"]) {
    for (const rule of recordsOf(spec[direction])) {
      for (const port of recordsOf(rule.ports)) setDefault(port, "protocol", "TCP");
    }
  }
}

export function setDefaultsIngressClass(body: JsonRecord): void {
  setDefault(objectAt(objectAt(body, "spec"), "parameters"), "scope", "Cluster");
}
