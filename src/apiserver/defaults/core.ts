// API defaulting of core/v1 (pkg/apis/core/v1/defaults.go and the nested calls of
// its generated zz_generated.defaults.go): what the API server fills in on decode,
// before any admission plugin, and what `kubectl get -o yaml` shows that a
// manifest usually leaves out.
import { ensureObject, podTemplateOf, setDefault } from "./fields.js";
import { arrayAt, isRecord, objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** The tag the kubelet pulls: `latest` when neither a tag nor a digest is given (parsers.ParseImageName). */
export function imageTag(image: string): string {
  const at = image.indexOf("@");
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf("/");
  const lastColon = name.lastIndexOf(":");
  const tag = lastColon > lastSlash ? name.slice(lastColon + 1) : "";
  return tag === "" && at < 0 ? "latest" : tag;
}

/** SetDefaults_Container's pull policy: Always for `:latest` (or no tag), IfNotPresent otherwise. */
export function defaultPullPolicy(image: unknown): string {
  return typeof image === "string" && imageTag(image) === "latest" ? "Always" : "IfNotPresent";
}

/** SetDefaults_HTTPGetAction, for the handler's `httpGet` when there is one. */
function setDefaultsHTTPGetAction(handler: unknown): void {
  const httpGet = objectAt(handler, "httpGet");
  setDefault(httpGet, "path", "/");
  setDefault(httpGet, "scheme", "HTTP");
}

/** SetDefaults_Probe and the defaults of its handler. */
function setDefaultsProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  // Zero is Go's unset for these int32 fields: it is defaulted too.
  for (const [key, value] of [["timeoutSeconds", 1], ["periodSeconds", 10], ["successThreshold", 1], ["failureThreshold", 3]] as const) {
    if (probe[key] === undefined || probe[key] === 0) probe[key] = value;
  }
  setDefaultsHTTPGetAction(probe);
  // GRPCAction.service is `+default=""` and not omitempty: it is always printed.
  setDefault(objectAt(probe, "grpc"), "service", "");
}

/** SetDefaults_ObjectFieldSelector, and ResourceFieldSelector's divisor (a Quantity value whose zero prints as "0"). */
function setDefaultsFieldSelectors(holder: unknown): void {
  setDefault(objectAt(holder, "fieldRef"), "apiVersion", "v1");
  setDefault(objectAt(holder, "resourceFieldRef"), "divisor", "0");
}

/** SetDefaults_Container, with its probes, hooks and env sources. */
export function setDefaultsContainer(container: unknown): void {
  if (!isRecord(container)) return;
  setDefault(container, "imagePullPolicy", defaultPullPolicy(container.image));
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  for (const port of recordsOf(container.ports)) setDefault(port, "protocol", "TCP");
  for (const env of arrayAt(container, "env") ?? []) setDefaultsFieldSelectors(objectAt(env, "valueFrom"));
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) setDefaultsProbe(container[probe]);
  const lifecycle = objectAt(container, "lifecycle");
  setDefaultsHTTPGetAction(objectAt(lifecycle, "postStart"));
  setDefaultsHTTPGetAction(objectAt(lifecycle, "preStop"));
}

/** 0644, the mode of files projected from secrets, config maps, the downward API. */
const DEFAULT_VOLUME_MODE = 420;

/**
 * SetDefaults_Volume (a volume with no source is an emptyDir) and its sources'
 * defaults (SetDefaults_ISCSIVolumeSource, _RBDVolumeSource, _AzureDiskVolumeSource,
 * _ScaleIOVolumeSource, _ImageVolumeSource...).
 */
export function setDefaultsVolume(volume: unknown): void {
  if (!isRecord(volume)) return;
  if (Object.keys(volume).every((key) => key === "name")) volume.emptyDir = {};
  setDefault(objectAt(volume, "hostPath"), "type", "");
  setDefault(objectAt(volume, "secret"), "defaultMode", DEFAULT_VOLUME_MODE);
  setDefault(objectAt(volume, "configMap"), "defaultMode", DEFAULT_VOLUME_MODE);
  const downwardAPI = objectAt(volume, "downwardAPI");
  setDefault(downwardAPI, "defaultMode", DEFAULT_VOLUME_MODE);
  for (const item of arrayAt(downwardAPI, "items") ?? []) setDefaultsFieldSelectors(item);
  const projected = objectAt(volume, "projected");
  setDefault(projected, "defaultMode", DEFAULT_VOLUME_MODE);
  for (const source of arrayAt(projected, "sources") ?? []) {
    for (const item of arrayAt(objectAt(source, "downwardAPI"), "items") ?? []) setDefaultsFieldSelectors(item);
    setDefault(objectAt(source, "serviceAccountToken"), "expirationSeconds", 3600);
  }
  setDefaultsPersistentVolumeClaimSpec(objectAt(objectAt(objectAt(volume, "ephemeral"), "volumeClaimTemplate"), "spec"));
  setDefault(objectAt(volume, "iscsi"), "iscsiInterface", "default");
  const rbd = objectAt(volume, "rbd");
  setDefault(rbd, "pool", "rbd");
  setDefault(rbd, "user", "admin");
  setDefault(rbd, "keyring", "/etc/ceph/keyring");
  const azureDisk = objectAt(volume, "azureDisk");
  setDefault(azureDisk, "cachingMode", "ReadWrite");
  setDefault(azureDisk, "kind", "Shared");
  setDefault(azureDisk, "fsType", "ext4");
  setDefault(azureDisk, "readOnly", false);
  const scaleIO = objectAt(volume, "scaleIO");
  setDefault(scaleIO, "storageMode", "ThinProvisioned");
  setDefault(scaleIO, "fsType", "xfs");
  const image = objectAt(volume, "image");
  setDefault(image, "pullPolicy", typeof image?.reference === "string" && image.reference !== "" ? defaultPullPolicy(image.reference) : "IfNotPresent");
}

/** SetDefaults_PodSpec plus the nested defaults every pod template gets. */
export function setDefaultsPodSpec(spec: JsonRecord | undefined): void {
  if (!spec) return;
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const container of arrayAt(spec, list) ?? []) setDefaultsContainer(container);
  }
  for (const volume of arrayAt(spec, "volumes") ?? []) setDefaultsVolume(volume);
}

/** Requests default to limits, per resource, where limits are set. */
function defaultRequestsFromLimits(resources: JsonRecord | undefined): void {
  const limits = objectAt(resources, "limits");
  if (!resources || !limits) return;
  const requests = objectAt(resources, "requests") ?? {};
  for (const [name, value] of Object.entries(limits)) setDefault(requests, name, value);
  resources.requests = requests;
}

/** defaultHostNetworkPorts: with the host's network, a container port is also the host port. */
function defaultHostNetworkPorts(containers: unknown): void {
  for (const container of recordsOf(containers)) {
    for (const port of recordsOf(container.ports)) {
      if (port.hostPort === undefined || port.hostPort === 0) port.hostPort = port.containerPort;
    }
  }
}

/**
 * SetDefaults_Pod: what only a Pod gets, not a template (requests from limits,
 * pod-level requests from pod-level limits, service links, host-network ports).
 */
function setDefaultsPodOnly(spec: JsonRecord | undefined): void {
  if (!spec) return;
  for (const container of [...recordsOf(spec.containers), ...recordsOf(spec.initContainers)]) {
    defaultRequestsFromLimits(objectAt(container, "resources"));
  }
  // PodLevelResources: with no container requests, pod-level requests default to pod-level limits.
  defaultRequestsFromLimits(objectAt(spec, "resources"));
  setDefault(spec, "enableServiceLinks", true);
  if (spec.hostNetwork === true) {
    defaultHostNetworkPorts(spec.containers);
    defaultHostNetworkPorts(spec.initContainers);
  }
}

/** A Pod's defaults: SetDefaults_Pod, then the pod spec's. */
export function setDefaultsPod(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  setDefaultsPodOnly(spec);
  setDefaultsPodSpec(spec);
}

/** A pod template's defaults (PodTemplateSpec: the pod spec's only). */
export function setDefaultsPodTemplateSpec(template: unknown): void {
  setDefaultsPodSpec(objectAt(template, "spec"));
}

export function setDefaultsPodTemplate(body: JsonRecord): void {
  setDefaultsPodTemplateSpec(podTemplateOf(body));
}

/** SetDefaults_ReplicationController: selector and labels from the template's labels; one replica. */
export function setDefaultsReplicationController(body: JsonRecord): void {
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  // Unlike the workloads', this template is a pointer: left out, it stays out.
  const template = objectAt(spec, "template");
  const labels = objectAt(objectAt(template, "metadata"), "labels");
  if (labels) {
    if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const metadata = ensureObject(body, "metadata");
    if (metadata && (!isRecord(metadata.labels) || Object.keys(metadata.labels).length === 0)) metadata.labels = { ...labels };
  }
  setDefault(spec, "replicas", 1);
  setDefaultsPodTemplateSpec(template);
}

/** service.ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with external IPs. */
function externallyAccessible(spec: JsonRecord): boolean {
  const externalIPs = arrayAt(spec, "externalIPs") ?? [];
  return spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && externalIPs.length > 0);
}

/**
 * SetDefaults_Service. clusterIP(s), ipFamilies, ipFamilyPolicy and node ports
 * are allocated by the registry, not defaulted.
 */
export function setDefaultsService(body: JsonRecord): void {
  // The spec is a struct: a Service without one is defaulted all the same.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefault(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = objectAt(objectAt(spec, "sessionAffinityConfig"), "clientIP")?.timeoutSeconds;
    if (timeout === undefined) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  setDefault(spec, "type", "ClusterIP");
  for (const port of recordsOf(spec.ports)) {
    setDefault(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
}

export function setDefaultsEndpoints(body: JsonRecord): void {
  for (const subset of recordsOf(body.subsets)) {
    for (const port of recordsOf(subset.ports)) setDefault(port, "protocol", "TCP");
  }
}

/** SetDefaults_PersistentVolumeClaimSpec. */
export function setDefaultsPersistentVolumeClaimSpec(spec: JsonRecord | undefined): void {
  setDefault(spec, "volumeMode", "Filesystem");
}

export function setDefaultsPersistentVolumeClaim(body: JsonRecord): void {
  setDefaultsPersistentVolumeClaimSpec(ensureObject(body, "spec"));
}

export function setDefaultsPersistentVolume(body: JsonRecord): void {
  const spec = ensureObject(body, "spec");
  setDefault(spec, "persistentVolumeReclaimPolicy", "Retain");
  setDefault(spec, "volumeMode", "Filesystem");
  setDefault(objectAt(spec, "hostPath"), "type", "");
}

export function setDefaultsSecret(body: JsonRecord): void {
  setDefault(body, "type", "Opaque");
}

/** SetDefaults_Namespace: every named namespace carries `kubernetes.io/metadata.name`. */
export function setDefaultsNamespace(body: JsonRecord, name: string): void {
  if (name === "") return;
  const metadata = ensureObject(body, "metadata");
  const labels = metadata ? ensureObject(metadata, "labels") : undefined;
  if (labels) labels["kubernetes.io/metadata.name"] = name;
}

/** SetDefaults_LimitRangeItem: for containers, default ← max, defaultRequest ← default, then ← min. */
export function setDefaultsLimitRange(body: JsonRecord): void {
  for (const item of recordsOf(objectAt(body, "spec")?.limits)) {
    if (item.type !== "Container") continue;
    const defaults = { ...(objectAt(item, "default") ?? {}) };
    const defaultRequest = { ...(objectAt(item, "defaultRequest") ?? {}) };
    for (const [name, value] of Object.entries(objectAt(item, "max") ?? {})) setDefault(defaults, name, value);
    for (const [name, value] of Object.entries(defaults)) setDefault(defaultRequest, name, value);
    for (const [name, value] of Object.entries(objectAt(item, "min") ?? {})) setDefault(defaultRequest, name, value);
    if (Object.keys(defaults).length > 0) item.default = defaults;
    if (Object.keys(defaultRequest).length > 0) item.defaultRequest = defaultRequest;
  }
}
