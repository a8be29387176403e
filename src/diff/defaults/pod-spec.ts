// API defaulting of pod specs, as kube-apiserver does it
// (pkg/apis/core/v1/defaults.go and the generated zz_generated.defaults.go):
// what `kubectl get -o yaml` shows that a manifest usually leaves out.
import { setDefault } from "../values.js";
import { arrayAt, isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";

/** The tag the kubelet pulls: `latest` when neither a tag nor a digest is given (parsers.ParseImageName). */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf("/");
  const lastColon = name.lastIndexOf(":");
  const tag = lastColon > lastSlash ? name.slice(lastColon + 1) : "";
  return tag === "" && at < 0 ? "latest" : tag;
}

/** SetDefaults_Container: Always for `:latest` (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: unknown): string {
  return typeof image === "string" && imageTag(image) === "latest" ? "Always" : "IfNotPresent";
}

function defaultHttpGet(handler: unknown): void {
  const httpGet = objectAt(handler, "httpGet");
  setDefault(httpGet, "path", "/");
  setDefault(httpGet, "scheme", "HTTP");
}

function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  setDefault(probe, "timeoutSeconds", 1);
  setDefault(probe, "periodSeconds", 10);
  setDefault(probe, "successThreshold", 1);
  setDefault(probe, "failureThreshold", 3);
  defaultHttpGet(probe);
  // GRPCAction.service is `+default=""` and not omitempty: it is always printed.
  setDefault(objectAt(probe, "grpc"), "service", "");
}

function defaultFieldRef(holder: unknown): void {
  setDefault(objectAt(holder, "fieldRef"), "apiVersion", "v1");
  // ResourceFieldSelector.divisor is a Quantity value (not a pointer): its zero prints as "0".
  setDefault(objectAt(holder, "resourceFieldRef"), "divisor", "0");
}

function defaultContainer(container: unknown): void {
  if (!isRecord(container)) return;
  setDefault(container, "imagePullPolicy", defaultPullPolicy(container.image));
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  for (const port of arrayAt(container, "ports") ?? []) if (isRecord(port)) setDefault(port, "protocol", "TCP");
  for (const env of arrayAt(container, "env") ?? []) defaultFieldRef(objectAt(env, "valueFrom"));
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) defaultProbe(container[probe]);
  const lifecycle = objectAt(container, "lifecycle");
  defaultHttpGet(objectAt(lifecycle, "postStart"));
  defaultHttpGet(objectAt(lifecycle, "preStop"));
}

/** 0644, the mode of files projected from secrets, config maps, the downward API. */
const DEFAULT_VOLUME_MODE = 420;

function defaultVolume(volume: unknown): void {
  if (!isRecord(volume)) return;
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (Object.keys(volume).every((key) => key === "name")) volume.emptyDir = {};
  setDefault(objectAt(volume, "hostPath"), "type", "");
  setDefault(objectAt(volume, "secret"), "defaultMode", DEFAULT_VOLUME_MODE);
  setDefault(objectAt(volume, "configMap"), "defaultMode", DEFAULT_VOLUME_MODE);
  const downwardAPI = objectAt(volume, "downwardAPI");
  setDefault(downwardAPI, "defaultMode", DEFAULT_VOLUME_MODE);
  for (const item of arrayAt(downwardAPI, "items") ?? []) defaultFieldRef(item);
  const projected = objectAt(volume, "projected");
  setDefault(projected, "defaultMode", DEFAULT_VOLUME_MODE);
  for (const source of arrayAt(projected, "sources") ?? []) {
    for (const item of arrayAt(objectAt(source, "downwardAPI"), "items") ?? []) defaultFieldRef(item);
    setDefault(objectAt(source, "serviceAccountToken"), "expirationSeconds", 3600);
  }
  const claimSpec = objectAt(objectAt(objectAt(volume, "ephemeral"), "volumeClaimTemplate"), "spec");
  setDefault(claimSpec, "volumeMode", "Filesystem");
}

/** SetDefaults_PodSpec plus the nested defaults every pod template gets. */
export function defaultPodSpec(spec: JsonRecord | undefined): void {
  if (!spec) return;
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of arrayAt(spec, list) ?? []) defaultContainer(container);
  }
  for (const volume of arrayAt(spec, "volumes") ?? []) defaultVolume(volume);
}

/** SetDefaults_Pod: only for Pod objects, not for templates. */
export function defaultPodOnly(spec: JsonRecord | undefined): void {
  if (!spec) return;
  for (const list of ["initContainers", "containers"]) {
    for (const container of arrayAt(spec, list) ?? []) {
      // Requests default to limits where only limits are set.
      const resources = objectAt(container, "resources");
      const limits = objectAt(resources, "limits");
      if (!resources || !limits) continue;
      const requests = objectAt(resources, "requests") ?? {};
      for (const [name, value] of Object.entries(limits)) setDefault(requests, name, value);
      resources.requests = requests;
    }
  }
  setDefault(spec, "enableServiceLinks", true);
  if (spec.hostNetwork === true) {
    for (const list of ["initContainers", "containers"]) {
      for (const container of arrayAt(spec, list) ?? []) {
        for (const port of arrayAt(container, "ports") ?? []) if (isRecord(port)) setDefault(port, "hostPort", port.containerPort);
      }
    }
  }
}
