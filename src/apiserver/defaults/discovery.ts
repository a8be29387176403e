// API defaulting of discovery.k8s.io/v1 (pkg/apis/discovery/v1/defaults.go).
import { setDefault } from "./fields.js";
import { recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_EndpointPort: an unnamed port is named "", its protocol is TCP. */
export function setDefaultsEndpointSlice(body: JsonRecord): void {
  for (const port of recordsOf(body.ports)) {
    setDefault(port, "name", "");
    setDefault(port, "protocol", "TCP");
  }
}
