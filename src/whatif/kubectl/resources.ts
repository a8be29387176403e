// The resource types kubectl's arguments name (`deployment`, `deploy`,
// `deployments.apps`, `svc`...), as discovery serves them: plural, singular,
// short names, group and kind. Custom resources come from the snapshot's CRDs.
import type { KubeObject } from "../../types.js";
import { arrayOf, dig, stringOf } from "../../util/object-access.js";
import { UsageError } from "../../validate/index.js";

export interface ResourceType {
  resource: string;
  singular: string;
  shortNames: readonly string[];
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

function builtIn(resource: string, kind: string, groupVersion: string, shortNames: string[] = [], namespaced = true): ResourceType {
  const [group, version] = groupVersion.includes("/") ? (groupVersion.split("/") as [string, string]) : ["", groupVersion];
  return { resource, singular: kind.toLowerCase(), shortNames, group, version, kind, namespaced };
}

const BUILT_IN: readonly ResourceType[] = [
  builtIn("pods", "Pod", "v1", ["po"]),
  builtIn("services", "Service", "v1", ["svc"]),
  builtIn("configmaps", "ConfigMap", "v1", ["cm"]),
  builtIn("secrets", "Secret", "v1"),
  builtIn("serviceaccounts", "ServiceAccount", "v1", ["sa"]),
  builtIn("namespaces", "Namespace", "v1", ["ns"], false),
  builtIn("nodes", "Node", "v1", ["no"], false),
  builtIn("persistentvolumeclaims", "PersistentVolumeClaim", "v1", ["pvc"]),
  builtIn("persistentvolumes", "PersistentVolume", "v1", ["pv"], false),
  builtIn("replicationcontrollers", "ReplicationController", "v1", ["rc"]),
  builtIn("resourcequotas", "ResourceQuota", "v1", ["quota"]),
  builtIn("limitranges", "LimitRange", "v1", ["limits"]),
  builtIn("endpoints", "Endpoints", "v1", ["ep"]),
  builtIn("deployments", "Deployment", "apps/v1", ["deploy"]),
  builtIn("replicasets", "ReplicaSet", "apps/v1", ["rs"]),
  builtIn("statefulsets", "StatefulSet", "apps/v1", ["sts"]),
  builtIn("daemonsets", "DaemonSet", "apps/v1", ["ds"]),
  builtIn("jobs", "Job", "batch/v1"),
  builtIn("cronjobs", "CronJob", "batch/v1", ["cj"]),
  builtIn("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling/v2", ["hpa"]),
  builtIn("poddisruptionbudgets", "PodDisruptionBudget", "policy/v1", ["pdb"]),
  builtIn("ingresses", "Ingress", "networking.k8s.io/v1", ["ing"]),
  builtIn("networkpolicies", "NetworkPolicy", "networking.k8s.io/v1", ["netpol"]),
  builtIn("roles", "Role", "rbac.authorization.k8s.io/v1"),
  builtIn("rolebindings", "RoleBinding", "rbac.authorization.k8s.io/v1"),
  builtIn("clusterroles", "ClusterRole", "rbac.authorization.k8s.io/v1", [], false),
  builtIn("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io/v1", [], false),
  builtIn("storageclasses", "StorageClass", "storage.k8s.io/v1", ["sc"], false),
  builtIn("priorityclasses", "PriorityClass", "scheduling.k8s.io/v1", ["pc"], false),
  builtIn("customresourcedefinitions", "CustomResourceDefinition", "apiextensions.k8s.io/v1", ["crd", "crds"], false),
];

/** A CRD of the snapshot as discovery would serve it (its storage version). */
function fromCrd(crd: KubeObject): ResourceType | undefined {
  const names = dig(crd, "spec", "names");
  const resource = stringOf(dig(names, "plural"));
  const kind = stringOf(dig(names, "kind"));
  const group = stringOf(dig(crd, "spec", "group"));
  if (!resource || !kind || !group) return undefined;
  const versions = arrayOf<Record<string, unknown>>(dig(crd, "spec", "versions"));
  const version = stringOf((versions.find((v) => v.storage === true) ?? versions[0])?.name) ?? "v1";
  return {
    resource,
    singular: stringOf(dig(names, "singular")) ?? kind.toLowerCase(),
    shortNames: arrayOf<unknown>(dig(names, "shortNames")).filter((s): s is string => typeof s === "string"),
    group,
    version,
    kind,
    namespaced: dig(crd, "spec", "scope") !== "Cluster",
  };
}

/** `deployment.apps` as kubectl prints a resource: lower-case kind, dot, group. */
export function kindString(type: Pick<ResourceType, "kind" | "group">): string {
  return type.group === "" ? type.kind.toLowerCase() : `${type.kind.toLowerCase()}.${type.group}`;
}

export function apiVersionOf(type: Pick<ResourceType, "group" | "version">): string {
  return type.group === "" ? type.version : `${type.group}/${type.version}`;
}

export class ResourceTypes {
  private readonly types: ResourceType[];

  constructor(crds: readonly KubeObject[]) {
    this.types = [...BUILT_IN, ...crds.map(fromCrd).filter((t): t is ResourceType => t !== undefined)];
  }

  /** The type a kubectl argument names, or kubectl's error. */
  resolve(argument: string): ResourceType {
    const lower = argument.toLowerCase();
    const dot = lower.indexOf(".");
    const name = dot < 0 ? lower : lower.slice(0, dot);
    const group = dot < 0 ? undefined : lower.slice(dot + 1);
    const found = this.types.find(
      (t) => (t.resource === name || t.singular === name || t.shortNames.includes(name)) && (group === undefined || t.group === group || `${t.version}.${t.group}` === group),
    );
    if (!found) throw new UsageError(`the server doesn't have a resource type "${argument}"`);
    return found;
  }

  ofKind(kind: string, group: string): ResourceType | undefined {
    return this.types.find((t) => t.kind === kind && t.group === group);
  }
}
