// The Service `kubectl run --expose` generates (k8s.io/kubectl/pkg/generate/versioned,
// ServiceGeneratorV2 with run's parameters): named after the pod, selecting
// its labels, one port per `--port`, targetPort the same number.
import type { KubeObject } from "../../types.js";
import { UsageError } from "../../validate/index.js";
import { parseLabels } from "./params.js";

export interface ServiceV2Params {
  name: string;
  selector: string;
  labels: string;
  port: string;
}

export function generateServiceV2(params: ServiceV2Params): KubeObject {
  const selector = parseLabels(params.selector);
  const port = Number(params.port);
  if (!/^[+-]?\d+$/.test(params.port)) throw new UsageError(`strconv.Atoi: parsing "${params.port}": invalid syntax`);
  const metadata: Record<string, unknown> = { name: params.name };
  if (params.labels !== "") metadata.labels = parseLabels(params.labels);
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: { ports: [{ port, protocol: "TCP", targetPort: port }], selector },
    status: { loadBalancer: {} },
  } as KubeObject;
}
