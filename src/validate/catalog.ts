// Every rule id kubeplan can report, with its default severity and one line
// of help: what `kubeplan rules` lists and what SARIF's rule table holds.
import { ALL_RULES } from "../rules/index.js";
import type { RuleInfo } from "../types.js";
import { CREATE_PATH_RULES } from "./create-path.js";

/** Rules of the load and schema stages, which are not rule modules. */
const BUILT_IN: readonly RuleInfo[] = [
  { id: "input/unreadable", severity: "error", description: "A path on the command line cannot be read, or is not a regular file (a device, a pipe)." },
  { id: "input/symlink-outside", severity: "error", description: "A symbolic link leads outside the given paths; it is not followed (--follow-external-symlinks follows it)." },
  { id: "input/too-large", severity: "error", description: "A file is larger than --max-file-size (64Mi by default); it is not read." },
  { id: "input/not-a-manifest", severity: "info", description: "A file that is not a Kubernetes manifest (kustomization, Helm chart file or template, CI, Compose or package file) is skipped." },
  { id: "inputs/rejected-kind", severity: "error", description: "An object of a kind that --reject names." },
  { id: "yaml/syntax", severity: "error", description: "The YAML of a document cannot be parsed; the document is skipped." },
  { id: "yaml/duplicate-key", severity: "error", description: "A mapping repeats a key; Kubernetes would keep only the last value." },
  { id: "yaml/limit", severity: "error", description: "A document nests deeper than 500 levels or expands its aliases too far (an alias bomb); it is not read." },
  { id: "document/not-an-object", severity: "error", description: "A document is not a mapping, so it cannot be a Kubernetes object." },
  { id: "document/missing-apiversion", severity: "error", description: "An object has no apiVersion." },
  { id: "document/missing-kind", severity: "error", description: "An object has no kind." },
  { id: "schema/unknown-field", severity: "error", description: "A field the kind's schema does not have (strict validation), with the nearest field or where it belongs." },
  { id: "schema/unknown-kind", severity: "error", description: "A kind the target Kubernetes version does not serve, with the nearest kind or the right apiVersion." },
  { id: "schema/removed-api", severity: "error", description: "An apiVersion removed before the target version, with its replacement." },
  { id: "schema/deprecated-api", severity: "warning", description: "An apiVersion the target version still serves but has deprecated." },
  { id: "schema/missing-schema", severity: "error", description: "A custom resource whose CustomResourceDefinition is in neither the inputs nor --crds." },
  { id: "schema/type", severity: "error", description: "A value of the wrong type, with the YAML trap that usually causes it." },
  { id: "schema/enum", severity: "error", description: "A value outside the closed set Kubernetes accepts, with the nearest accepted value (on a built-in kind, the API server's own error replaces it where its validation reports at that field, keeping the hint)." },
  { id: "schema/required", severity: "error", description: "A required field is missing (on a built-in kind, the API server's own error replaces it where its validation reports at that field; fields its validation takes absent, such as a ScaleIO volume's secretRef or an iSCSI lun, are not reported)." },
  { id: "schema/format", severity: "error", description: "A value of the right type in the wrong format: quantity, base64, date-time, integer range." },
  { id: "schema/invalid-value", severity: "error", description: "A custom resource value outside its schema's bounds, lengths, counts or pattern." },
  { id: "schema/duplicate-value", severity: "error", description: "A custom resource list of type set or map repeats an item or a key." },
  { id: "schema/embedded-resource", severity: "error", description: "An x-kubernetes-embedded-resource value lacks apiVersion or kind, or its apiVersion, kind or metadata is not what the API server accepts (metadata checked as ObjectMeta, names as path segments)." },
  { id: "schema/cel-rule", severity: "error", description: "A custom resource fails an x-kubernetes-validations (CEL) rule of its CRD; the rule's message." },
  { id: "schema/cel-rules-not-checked", severity: "error", description: "A custom resource's CEL rules were not run because of its other errors (type, enum, required, length or count), as the API server reports at <nil>." },
  { id: "schema/cel-not-evaluated", severity: "info", description: "A CEL rule kubeplan could not evaluate; it was not checked. Once per CRD and rule." },
  { id: "schema/cel-transition-rule", severity: "info", description: "A CEL rule reads oldSelf: the API server checks it on updates, not on create. Once per CRD and rule." },
  { id: "schema/crd-schema", severity: "info", description: "A CRD's schema could not be compiled, so its custom resources were not checked." },
];

/** Findings of `plan`: what the cluster snapshot, the controllers, admission and the scheduler say. */
const PLAN_RULES: readonly RuleInfo[] = [
  { id: "cluster/snapshot", severity: "warning", description: "An object of the cluster snapshot cannot be used (no name); it is ignored." },
  { id: "expand/CronJob", severity: "info", description: "A CronJob creates no pods now; when its first Job starts, from its schedule." },
  { id: "expand/DaemonSet", severity: "info", description: "What the DaemonSet controller would (not) create, node by node." },
  { id: "expand/Deployment", severity: "info", description: "What the Deployment controller would (not) create: running replicas, paused rollouts." },
  { id: "expand/Job", severity: "info", description: "What the Job controller would (not) create." },
  { id: "expand/ReplicaSet", severity: "info", description: "What the ReplicaSet controller would (not) create." },
  { id: "expand/ReplicationController", severity: "info", description: "What the ReplicationController would (not) create." },
  { id: "expand/StatefulSet", severity: "info", description: "What the StatefulSet controller would (not) create: ordinals already running." },
  { id: "admission/NamespaceLifecycle", severity: "error", description: "An object in a namespace that neither the cluster nor the inputs create, or one being terminated." },
  { id: "admission/ServiceAccount", severity: "error", description: "A pod's service account exists in neither the cluster nor the inputs." },
  { id: "admission/Priority", severity: "error", description: "A pod's priorityClassName names no PriorityClass." },
  { id: "admission/LimitRanger", severity: "error", description: "LimitRange defaults, then its min, max and maxLimitRequestRatio, as the LimitRanger plugin applies them." },
  { id: "admission/Validation", severity: "error", description: "The object after defaulting fails the API server's validation (a request above its limit)." },
  { id: "admission/PodSecurity", severity: "error", description: "Pod Security Standards of the namespace's labels: denials (enforce) and warnings (warn, audit)." },
  { id: "admission/ResourceQuota", severity: "error", description: "A ResourceQuota would be exceeded, or needs a limit or request the pod does not set." },
  { id: "apply/conflict", severity: "error", description: "A server-side apply would fail: it changes fields another field manager owns (--force-conflicts takes them over)." },
  { id: "schedule/unschedulable", severity: "warning", description: "A pod would stay Pending: kube-scheduler's FailedScheduling message." },
];

export function ruleCatalog(): RuleInfo[] {
  const entries = [
    ...BUILT_IN,
    ...CREATE_PATH_RULES,
    ...ALL_RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description })),
    ...PLAN_RULES,
  ];
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
