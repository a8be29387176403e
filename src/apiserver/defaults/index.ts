// The API server's defaulting of built-in kinds, by API group and kind: what it
// fills in when it decodes a request (pkg/apis/<group>/<version>/defaults.go).
import { apiGroup } from "../../util/api-values.js";
import type { JsonRecord } from "../../util/object-access.js";
import { setDefaultsAdmissionPolicy, setDefaultsAdmissionPolicyBinding, setDefaultsWebhookConfiguration } from "./admissionregistration.js";
import { setDefaultsAPIService } from "./apiregistration.js";
import * as apps from "./apps.js";
import { setDefaultsHorizontalPodAutoscalerV1, setDefaultsHorizontalPodAutoscalerV2 } from "./autoscaling.js";
import { setDefaultsCronJob, setDefaultsJob } from "./batch.js";
import * as core from "./core.js";
import { setDefaultsEndpointSlice } from "./discovery.js";
import { setDefaultsFlowSchema, setDefaultsPriorityLevelConfiguration } from "./flowcontrol.js";
import { setDefaultsIngressClass, setDefaultsNetworkPolicy } from "./networking.js";
import { setDefaultsRoleBinding } from "./rbac.js";
import { setDefaultsResourceClaim, setDefaultsResourceClaimTemplate } from "./resource.js";
import { setDefaultsPriorityClass } from "./scheduling.js";
import { setDefaultsCSIDriver, setDefaultsStorageClass } from "./storage.js";

export { defaultPullPolicy, imageTag, setDefaultsPod, setDefaultsPodSpec } from "./core.js";
export { applySchemaDefaults } from "./custom-resources.js";

export interface DefaultingContext {
  apiVersion: string;
  kind: string;
  /** The object's name (the body may be one without its metadata). */
  name: string;
  kubernetesVersion: string;
}

type Defaulter = (body: JsonRecord, context: DefaultingContext) => void;

/** Defaulters by `group/kind` ("" is the core group); extensions/v1beta1 kinds share their successors'. */
const DEFAULTERS: ReadonlyMap<string, Defaulter> = new Map<string, Defaulter>([
  ["/Pod", (body) => core.setDefaultsPod(body)],
  ["/PodTemplate", (body) => core.setDefaultsPodTemplate(body)],
  ["/ReplicationController", (body) => core.setDefaultsReplicationController(body)],
  ["/Service", (body) => core.setDefaultsService(body)],
  ["/Endpoints", (body) => core.setDefaultsEndpoints(body)],
  ["/PersistentVolumeClaim", (body) => core.setDefaultsPersistentVolumeClaim(body)],
  ["/PersistentVolume", (body) => core.setDefaultsPersistentVolume(body)],
  ["/Secret", (body) => core.setDefaultsSecret(body)],
  ["/Namespace", (body, { name }) => core.setDefaultsNamespace(body, name)],
  ["/LimitRange", (body) => core.setDefaultsLimitRange(body)],
  ["apps/Deployment", (body) => apps.setDefaultsDeployment(body)],
  ["apps/DaemonSet", (body) => apps.setDefaultsDaemonSet(body)],
  ["apps/StatefulSet", (body, { kubernetesVersion }) => apps.setDefaultsStatefulSet(body, kubernetesVersion)],
  ["apps/ReplicaSet", (body) => apps.setDefaultsReplicaSet(body)],
  ["extensions/Deployment", (body) => apps.setDefaultsDeployment(body)],
  ["extensions/DaemonSet", (body) => apps.setDefaultsDaemonSet(body)],
  ["extensions/ReplicaSet", (body) => apps.setDefaultsReplicaSet(body)],
  ["batch/Job", (body, { kubernetesVersion }) => setDefaultsJob(body, kubernetesVersion)],
  ["batch/CronJob", (body) => setDefaultsCronJob(body)],
  ["discovery.k8s.io/EndpointSlice", (body) => setDefaultsEndpointSlice(body)],
  ["networking.k8s.io/NetworkPolicy", (body) => setDefaultsNetworkPolicy(body)],
  ["extensions/NetworkPolicy", (body) => setDefaultsNetworkPolicy(body)],
  ["networking.k8s.io/IngressClass", (body) => setDefaultsIngressClass(body)],
  ["rbac.authorization.k8s.io/RoleBinding", (body) => setDefaultsRoleBinding(body)],
  ["rbac.authorization.k8s.io/ClusterRoleBinding", (body) => setDefaultsRoleBinding(body)],
  ["storage.k8s.io/StorageClass", (body) => setDefaultsStorageClass(body)],
  ["storage.k8s.io/CSIDriver", (body) => setDefaultsCSIDriver(body)],
  ["scheduling.k8s.io/PriorityClass", (body) => setDefaultsPriorityClass(body)],
  ["flowcontrol.apiserver.k8s.io/FlowSchema", (body) => setDefaultsFlowSchema(body)],
  ["flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration", (body) => setDefaultsPriorityLevelConfiguration(body)],
  [
    "autoscaling/HorizontalPodAutoscaler",
    (body, { apiVersion }) => (apiVersion === "autoscaling/v1" ? setDefaultsHorizontalPodAutoscalerV1(body) : setDefaultsHorizontalPodAutoscalerV2(body)),
  ],
  ["admissionregistration.k8s.io/ValidatingWebhookConfiguration", (body) => setDefaultsWebhookConfiguration(body, false)],
  ["admissionregistration.k8s.io/MutatingWebhookConfiguration", (body) => setDefaultsWebhookConfiguration(body, true)],
  ["admissionregistration.k8s.io/ValidatingAdmissionPolicy", (body) => setDefaultsAdmissionPolicy(body)],
  ["admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding", (body) => setDefaultsAdmissionPolicyBinding(body)],
  ["admissionregistration.k8s.io/MutatingAdmissionPolicy", (body) => setDefaultsAdmissionPolicy(body)],
  ["admissionregistration.k8s.io/MutatingAdmissionPolicyBinding", (body) => setDefaultsAdmissionPolicyBinding(body)],
  ["apiregistration.k8s.io/APIService", (body) => setDefaultsAPIService(body)],
  ["resource.k8s.io/ResourceClaim", (body, { apiVersion }) => setDefaultsResourceClaim(body, apiVersion)],
  ["resource.k8s.io/ResourceClaimTemplate", (body, { apiVersion }) => setDefaultsResourceClaimTemplate(body, apiVersion)],
]);

/**
 * Fills, in place, what the API server would default in a built-in object (a
 * custom resource of the same kind name gets nothing). Never throws on a
 * malformed object: it keeps whatever could be defaulted, and validation
 * reports the problem.
 */
export function setObjectDefaults(body: JsonRecord, context: DefaultingContext): void {
  const defaulter = DEFAULTERS.get(`${apiGroup(context.apiVersion)}/${context.kind}`);
  if (!defaulter) return;
  try {
    defaulter(body, context);
  } catch {
    // Only a value of an unexpected type gets here; the schema layer reports it.
  }
}
