// The defaults the API server applies to an object before storing it, per
// kind, so that a manifest compares with what `kubectl get -o yaml` prints.
import type { JsonRecord } from "../../util/object-access.js";
import * as other from "./other-kinds.js";
import { defaultEndpoints, defaultService } from "./service.js";
import * as workloads from "./workloads.js";

export { defaultPullPolicy, imageTag } from "./pod-spec.js";

export interface DefaultingContext {
  apiVersion: string;
  kind: string;
  name: string;
  kubernetesVersion: string;
}

type Defaulter = (body: JsonRecord, context: DefaultingContext) => void;

const DEFAULTERS: Readonly<Record<string, Defaulter>> = {
  Deployment: (body) => workloads.defaultDeployment(body),
  DaemonSet: (body) => workloads.defaultDaemonSet(body),
  StatefulSet: (body, { kubernetesVersion }) => workloads.defaultStatefulSet(body, kubernetesVersion),
  ReplicaSet: (body) => workloads.defaultReplicaSet(body),
  ReplicationController: (body) => workloads.defaultReplicationController(body),
  Job: (body, { kubernetesVersion }) => workloads.defaultJob(body, kubernetesVersion),
  CronJob: (body) => workloads.defaultCronJob(body),
  Pod: (body) => workloads.defaultPod(body),
  PodTemplate: (body) => workloads.defaultPodTemplate(body),
  Service: (body) => defaultService(body),
  Endpoints: (body) => defaultEndpoints(body),
  PersistentVolumeClaim: (body) => other.defaultPersistentVolumeClaim(body),
  PersistentVolume: (body) => other.defaultPersistentVolume(body),
  Secret: (body) => other.defaultSecret(body),
  Namespace: (body, { name }) => other.defaultNamespace(body, name),
  LimitRange: (body) => other.defaultLimitRange(body),
  NetworkPolicy: (body) => other.defaultNetworkPolicy(body),
  IngressClass: (body) => other.defaultIngressClass(body),
  RoleBinding: (body) => other.defaultRoleBinding(body),
  ClusterRoleBinding: (body) => other.defaultRoleBinding(body),
  StorageClass: (body) => other.defaultStorageClass(body),
  PriorityClass: (body) => other.defaultPriorityClass(body),
  ValidatingWebhookConfiguration: (body) => other.defaultWebhookConfiguration(body, false),
  MutatingWebhookConfiguration: (body) => other.defaultWebhookConfiguration(body, true),
  HorizontalPodAutoscaler: (body, { apiVersion }) =>
    apiVersion === "autoscaling/v1" ? other.defaultHorizontalPodAutoscalerV1(body) : other.defaultHorizontalPodAutoscalerV2(body),
};

/** Kinds whose API groups this table knows; a custom resource with the same kind name gets no defaults. */
const BUILT_IN_GROUPS: Readonly<Record<string, string>> = {
  Deployment: "apps",
  DaemonSet: "apps",
  StatefulSet: "apps",
  ReplicaSet: "apps",
  Job: "batch",
  CronJob: "batch",
  NetworkPolicy: "networking.k8s.io",
  IngressClass: "networking.k8s.io",
  RoleBinding: "rbac.authorization.k8s.io",
  ClusterRoleBinding: "rbac.authorization.k8s.io",
  StorageClass: "storage.k8s.io",
  PriorityClass: "scheduling.k8s.io",
  HorizontalPodAutoscaler: "autoscaling",
  ValidatingWebhookConfiguration: "admissionregistration.k8s.io",
  MutatingWebhookConfiguration: "admissionregistration.k8s.io",
};

function groupMatches(apiVersion: string, kind: string): boolean {
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const expected = BUILT_IN_GROUPS[kind] ?? "";
  return group === expected || (group === "extensions" && ["apps", "networking.k8s.io"].includes(expected));
}

/** Fills, in place, what the API server would default. Never throws on malformed objects. */
export function applyDefaults(body: JsonRecord, context: DefaultingContext): void {
  const defaulter = DEFAULTERS[context.kind];
  if (!defaulter || !groupMatches(context.apiVersion, context.kind)) return;
  try {
    defaulter(body, context);
  } catch {
    // A malformed object keeps whatever could be defaulted; validation reports the problem.
  }
}
