// API defaulting of apiregistration.k8s.io/v1 (k8s.io/kube-aggregator's pkg/apis/apiregistration/v1/defaults.go).
import { setDefault } from "./fields.js";
import { objectAt, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_ServiceReference: port 443. */
export function setDefaultsAPIService(body: JsonRecord): void {
  setDefault(objectAt(objectAt(body, "spec"), "service"), "port", 443);
}
