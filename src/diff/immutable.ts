// Changes the API server refuses on update, with its own words
// (pkg/apis/*/validation: ValidateStatefulSetUpdate, ValidateJobSpecUpdate,
// ValidatePersistentVolumeClaimUpdate, ValidateServiceUpdate,
// ValidatePodUpdate, ValidateConfigMapUpdate, ValidateSecretUpdate,
// ValidateRoleBindingUpdate, ValidateStorageClassUpdate). Applying such a
// change fails: the object has to be deleted and created again.
import type { RawDiff } from "./field-diff.js";
import { invalidLabelSelector, invalidRoleRef, invalidStringList } from "./invalid-value.js";
import { isItemToken } from "./path.js";
import { parseQuantity } from "../util/quantity.js";
import { atLeast } from "../util/release.js";
import { deepEqual } from "./values.js";
import { arrayAt, dig, numberAt, objectAt, stringAt, type JsonRecord } from "../util/object-access.js";
import { lookupTable } from "../util/lookup-table.js";

export interface ImmutabilityContext {
  kind: string;
  /** API group (canonical): the same kind name in another group is not the built-in kind. */
  group: string;
  /** The stored object as the snapshot has it (with status). */
  stored: JsonRecord;
  /** The stored object without server fields, and the object after apply. */
  current: JsonRecord;
  next: JsonRecord;
  kubernetesVersion: string;
}

/** Returns the API server's reason when the diff cannot be applied in place. */
type Rule = (diff: RawDiff, context: ImmutabilityContext) => string | undefined;

const FIELD_IS_IMMUTABLE = "field is immutable";
const IMMUTABLE_WHEN_SET = "Forbidden: field is immutable when `immutable` is set";

function under(diff: RawDiff, ...prefix: string[]): boolean {
  return prefix.every((token, i) => diff.path[i] === token);
}

const selectorIsImmutable: Rule = (diff, { next, kubernetesVersion }) => {
  if (!under(diff, "spec", "selector")) return undefined;
  return `spec.selector: Invalid value: ${invalidLabelSelector(dig(next, "spec", "selector"), kubernetesVersion)}: ${FIELD_IS_IMMUTABLE}`;
};

/** The spec fields a StatefulSet update may change. */
function statefulSetMutableFields(version: string): string[] {
  const fields = ["replicas", "ordinals", "template", "updateStrategy"];
  if (atLeast(version, "1.33")) fields.push("revisionHistoryLimit");
  return [...fields, "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];
}

const statefulSetRule: Rule = (diff, { kubernetesVersion }) => {
  if (diff.path[0] !== "spec") return undefined;
  const mutable = statefulSetMutableFields(kubernetesVersion);
  if (mutable.includes(diff.path[1] ?? "")) return undefined;
  const quoted = mutable.map((f) => `'${f}'`);
  const list = `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  return `spec: Forbidden: updates to statefulset spec for fields other than ${list} are forbidden`;
};

function serviceType(object: JsonRecord): string {
  return stringAt(objectAt(object, "spec"), "type") ?? "ClusterIP";
}

/**
 * A Service's cluster IPs. The registry copies a changed `clusterIP` into
 * `clusterIPs`, and validation (validateUpgradeDowngradeClusterIPs) refuses a
 * changed primary IP: `spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set`.
 */
const serviceRule: Rule = (diff, { current, next, kubernetesVersion }) => {
  if (serviceType(current) === "ExternalName" || serviceType(next) === "ExternalName") return undefined;
  const spec = objectAt(current, "spec");
  const nextSpec = objectAt(next, "spec");
  const storedIP = stringAt(spec, "clusterIP");
  if (storedIP && under(diff, "spec", "clusterIP") && diff.path.length === 2) {
    const ip = stringAt(nextSpec, "clusterIP") ?? "";
    if (storedIP === "None" && ip === "None") return undefined;
    return `spec.clusterIPs[0]: Invalid value: ${invalidStringList([ip], kubernetesVersion)}: may not change once set`;
  }
  if (storedIP && under(diff, "spec", "clusterIPs")) {
    const ips = arrayAt(nextSpec, "clusterIPs") ?? [];
    if (ips.length === 0) return `spec.clusterIPs[0]: Invalid value: ${invalidStringList([], kubernetesVersion)}: primary clusterIP can not be unset`;
    if (ips[0] !== arrayAt(spec, "clusterIPs")?.[0]) return `spec.clusterIPs[0]: Invalid value: ${invalidStringList(ips, kubernetesVersion)}: may not change once set`;
  }
  const storedClass = stringAt(spec, "loadBalancerClass");
  if (storedClass && under(diff, "spec", "loadBalancerClass") && serviceType(current) === "LoadBalancer" && serviceType(next) === "LoadBalancer") {
    return `spec.loadBalancerClass: Invalid value: ${JSON.stringify(diff.to ?? null)}: may not change once set`;
  }
  return undefined;
};

/** Fields of a suspended Job's template that may change before it first starts (mutable scheduling directives). */
function isMutableSchedulingDirective(diff: RawDiff): boolean {
  const rest = diff.path.slice(2);
  if (rest[0] === "metadata") return rest[1] === "labels" || rest[1] === "annotations";
  if (rest[0] !== "spec") return false;
  if (rest[1] === "affinity") return rest[2] === "nodeAffinity" || rest.length === 2;
  return rest[1] === "nodeSelector" || rest[1] === "tolerations" || rest[1] === "schedulingGates";
}

const JOB_IMMUTABLE = ["selector", "completionMode", "podFailurePolicy", "backoffLimitPerIndex", "managedBy", "successPolicy"];

const jobRule: Rule = (diff, { stored, next, kubernetesVersion }) => {
  if (diff.path[0] !== "spec") return undefined;
  const field = diff.path[1] ?? "";
  if (field === "selector") return `spec.selector: Invalid value: ${invalidLabelSelector(dig(next, "spec", "selector"), kubernetesVersion)}: ${FIELD_IS_IMMUTABLE}`;
  if (JOB_IMMUTABLE.includes(field)) return `spec.${field}: ${FIELD_IS_IMMUTABLE}`;
  if (field === "completions") {
    // Elastic Indexed Jobs: completions may change together with parallelism.
    const spec = objectAt(next, "spec");
    const elastic = spec?.completionMode === "Indexed" && spec.completions !== undefined && spec.completions === spec.parallelism;
    return elastic ? undefined : `spec.completions: ${FIELD_IS_IMMUTABLE}`;
  }
  if (field === "template") {
    const suspendedNeverStarted = dig(stored, "spec", "suspend") === true && dig(stored, "status", "startTime") === undefined;
    if (suspendedNeverStarted && isMutableSchedulingDirective(diff)) return undefined;
    return `spec.template: ${FIELD_IS_IMMUTABLE}`;
  }
  return undefined;
};

const PVC_SPEC_IMMUTABLE = "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";

const persistentVolumeClaimRule: Rule = (diff, { stored }) => {
  if (diff.path[0] !== "spec") return undefined;
  if (diff.path[1] === "volumeAttributesClassName") return undefined;
  const isStorageRequest = under(diff, "spec", "resources", "requests", "storage") && diff.path.length === 4;
  if (!isStorageRequest) return PVC_SPEC_IMMUTABLE;
  const before = typeof diff.from === "string" || typeof diff.from === "number" ? parseQuantity(diff.from) : undefined;
  const after = typeof diff.to === "string" || typeof diff.to === "number" ? parseQuantity(diff.to) : undefined;
  if (before && after && after.nanos < before.nanos) return "spec.resources.requests.storage: Forbidden: field can not be less than previous value";
  if (dig(stored, "status", "phase") !== "Bound") return PVC_SPEC_IMMUTABLE;
  return undefined;
};

function immutableDataRule(dataFields: string[]): Rule {
  return (diff, { current }) => {
    if (current.immutable !== true) return undefined;
    const field = diff.path[0] ?? "";
    if (dataFields.includes(field) || field === "immutable") return `${field}: ${IMMUTABLE_WHEN_SET}`;
    return undefined;
  };
}

const secretRule: Rule = (diff, context) => {
  if (under(diff, "type")) return `type: Invalid value: ${JSON.stringify(diff.to ?? "")}: ${FIELD_IS_IMMUTABLE}`;
  return immutableDataRule(["data"])(diff, context);
};

const roleRefRule: Rule = (diff, { next, kubernetesVersion }) =>
  under(diff, "roleRef") ? `roleRef: Invalid value: ${invalidRoleRef(next.roleRef, kubernetesVersion)}: cannot change roleRef` : undefined;

const storageClassRule: Rule = (diff) => {
  const field = diff.path[0];
  if (field === "parameters" || field === "provisioner" || field === "reclaimPolicy") return `${field}: Forbidden: updates to ${field} are forbidden.`;
  if (field === "volumeBindingMode") return `volumeBindingMode: ${FIELD_IS_IMMUTABLE}`;
  return undefined;
};

const POD_UPDATE_FORBIDDEN =
  "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

function podChangeAllowed(diff: RawDiff, current: JsonRecord, next: JsonRecord): boolean {
  const [, field, item, leaf] = diff.path;
  if ((field === "containers" || field === "initContainers") && item && isItemToken(item) && leaf === "image" && diff.path.length === 4) return diff.op === "replace";
  const spec = objectAt(current, "spec");
  const nextSpec = objectAt(next, "spec");
  if (field === "activeDeadlineSeconds") {
    const before = numberAt(spec, "activeDeadlineSeconds");
    const after = numberAt(nextSpec, "activeDeadlineSeconds");
    return after !== undefined && after > 0 && (before === undefined || after <= before);
  }
  if (field === "tolerations") {
    const after = arrayAt(nextSpec, "tolerations") ?? [];
    return (arrayAt(spec, "tolerations") ?? []).every((t) => after.some((n) => deepEqual(n, t)));
  }
  if (field === "terminationGracePeriodSeconds") {
    const before = numberAt(spec, "terminationGracePeriodSeconds");
    return before !== undefined && before < 0 && numberAt(nextSpec, "terminationGracePeriodSeconds") === 1;
  }
  // Scheduling gates can only be removed.
  return field === "schedulingGates" && diff.op === "remove";
}

const podRule: Rule = (diff, { current, next }) => {
  if (diff.path[0] !== "spec") return undefined;
  return podChangeAllowed(diff, current, next) ? undefined : POD_UPDATE_FORBIDDEN;
};

/** Rules per built-in kind, keyed `group/Kind`. */
const RULES: Readonly<Record<string, Rule>> = lookupTable({
  "apps/Deployment": selectorIsImmutable,
  "apps/ReplicaSet": selectorIsImmutable,
  "apps/DaemonSet": selectorIsImmutable,
  "apps/StatefulSet": statefulSetRule,
  "batch/Job": jobRule,
  "/Service": serviceRule,
  "/PersistentVolumeClaim": persistentVolumeClaimRule,
  "/ConfigMap": immutableDataRule(["data", "binaryData"]),
  "/Secret": secretRule,
  "/Pod": podRule,
  "rbac.authorization.k8s.io/RoleBinding": roleRefRule,
  "rbac.authorization.k8s.io/ClusterRoleBinding": roleRefRule,
  "storage.k8s.io/StorageClass": storageClassRule,
});

/** The reason this change forces a replacement, or undefined when it applies in place. */
export function replacementReason(diff: RawDiff, context: ImmutabilityContext): string | undefined {
  const rule = RULES[`${context.group}/${context.kind}`];
  return rule?.(diff, context);
}
