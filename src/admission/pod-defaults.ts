// API defaulting of a v1 Pod (pkg/apis/core/v1/defaults.go), applied when the
// request is decoded, before any admission plugin: above all, a container that
// sets only a limit gets a request equal to it.
import type { KubeObject } from "../types.js";
import { cloneJson, isRecord, recordOf, recordsOf, stringOf, type JsonRecord } from "../util/object-access.js";

function setIfAbsent(target: JsonRecord, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

/** Requests default to limits, per resource (SetDefaults_Pod). */
function defaultRequestsFromLimits(resources: JsonRecord): void {
  if (!isRecord(resources.limits)) return;
  const requests = isRecord(resources.requests) ? resources.requests : {};
  for (const [name, limit] of Object.entries(resources.limits)) {
    if (!(name in requests)) requests[name] = limit;
  }
  resources.requests = requests;
}

/** An image without a tag, or tagged `latest`, is always pulled (SetDefaults_Container). */
function defaultPullPolicy(image: string | undefined): string {
  if (image === undefined) return "IfNotPresent";
  if (image.includes("@")) return "IfNotPresent";
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.lastIndexOf(":") + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(container: JsonRecord, hostNetwork: boolean): void {
  if (isRecord(container.resources)) defaultRequestsFromLimits(container.resources);
  setIfAbsent(container, "imagePullPolicy", defaultPullPolicy(stringOf(container.image)));
  setIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
  setIfAbsent(container, "terminationMessagePolicy", "File");
  for (const port of recordsOf(container.ports)) {
    setIfAbsent(port, "protocol", "TCP");
    // With the host's network, the container port is the host port.
    if (hostNetwork && (port.hostPort === undefined || port.hostPort === 0)) port.hostPort = port.containerPort;
  }
}

/**
 * The part of the defaults that applies to pod templates too (SetDefaults_PodSpec):
 * with the host's network, container ports are host ports. Returns a copy.
 */
export function defaultTemplateSpec(spec: unknown): JsonRecord {
  const copy = cloneJson(recordOf(spec));
  if (copy.hostNetwork === true) {
    for (const container of [...recordsOf(copy.containers), ...recordsOf(copy.initContainers)]) {
      for (const port of recordsOf(container.ports)) {
        if (port.hostPort === undefined || port.hostPort === 0) port.hostPort = port.containerPort;
      }
    }
  }
  return copy;
}

/** Mutates the pod in place with the defaults the API server fills in on create. */
export function applyPodDefaults(pod: KubeObject): void {
  const spec = recordOf(pod.spec);
  pod.spec = spec;
  const hostNetwork = spec.hostNetwork === true;
  for (const container of [...recordsOf(spec.containers), ...recordsOf(spec.initContainers)]) defaultContainer(container, hostNetwork);
  if (isRecord(spec.resources)) defaultRequestsFromLimits(spec.resources);
  setIfAbsent(spec, "restartPolicy", "Always");
  setIfAbsent(spec, "terminationGracePeriodSeconds", 30);
  setIfAbsent(spec, "dnsPolicy", "ClusterFirst");
  setIfAbsent(spec, "schedulerName", "default-scheduler");
  setIfAbsent(spec, "enableServiceLinks", true);
  setIfAbsent(spec, "securityContext", {});
}
