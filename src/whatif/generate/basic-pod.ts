// The pod `kubectl run` generates (k8s.io/kubectl/pkg/generate/versioned,
// BasicPod): one container named after the pod, labels `run=<name>` unless
// --labels, the restart policy, ports, environment, command or args.
import type { KubeObject } from "../../types.js";
import { UsageError } from "../../validate/index.js";
import { parseEnvs, parseLabels, parsePairs } from "./params.js";

export interface BasicPodParams {
  name: string;
  image: string;
  labels: string;
  annotations: readonly string[];
  env: readonly string[];
  port: string;
  restart: string;
  imagePullPolicy: string;
  command: boolean;
  args: readonly string[];
  privileged: boolean;
}

function portNumber(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new UsageError(`strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** updatePodPorts: `--port` becomes the container's port. */
function podPorts(params: BasicPodParams): Array<Record<string, number>> | undefined {
  if (params.port === "") return undefined;
  return [{ containerPort: portNumber(params.port) }];
}

export function generateBasicPod(params: BasicPodParams): KubeObject {
  const labels = params.labels !== "" ? parseLabels(params.labels) : { run: params.name };
  const annotations = parsePairs(params.annotations, "annotations");
  const env = parseEnvs(params.env);
  const container: Record<string, unknown> = { name: params.name, image: params.image, resources: {} };
  if (params.privileged) container.securityContext = { privileged: true };
  if (params.args.length > 0) container[params.command ? "command" : "args"] = [...params.args];
  if (env.length > 0) container.env = env;
  if (params.imagePullPolicy !== "") container.imagePullPolicy = params.imagePullPolicy;
  const ports = podPorts(params);
  if (ports) container.ports = ports;
  const metadata: Record<string, unknown> = { name: params.name, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata,
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: params.restart || "Always" },
    status: {},
  } as KubeObject;
}
