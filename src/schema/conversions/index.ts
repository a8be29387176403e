// Removed apiVersions written as their replacement, where the conversion is
// mechanical: the apiVersion set, and the fields whose shape changed
// rewritten as upstream's conversion functions read them. Kinds left out
// (CustomResourceDefinition, webhooks, EndpointSlice...) changed in ways a
// rewrite cannot decide; a kind whose default changed is converted only when
// the field is written.
import type { KubeObject, ProposedFix, YamlChange } from "../../types.js";
import { convertMetricSpecs } from "./autoscaling.js";
import { convertIngressSpec } from "./networking.js";
import { isRecord, recordOf } from "../../util/object-access.js";

/** The changes besides the apiVersion, or undefined when the object cannot be converted as written. */
type Conversion = (object: KubeObject) => YamlChange[] | undefined;

const asWritten: Conversion = () => [];

/** A selector with no requirement: policy/v1beta1 selects no pod with it, policy/v1 every pod. */
function emptySelector(selector: unknown): boolean {
  if (!isRecord(selector)) return false;
  const some = (value: unknown) => (Array.isArray(value) ? value.length > 0 : isRecord(value) && Object.keys(value).length > 0);
  return !some(selector.matchLabels) && !some(selector.matchExpressions);
}

const specOf = (object: KubeObject) => recordOf(object.spec);

/** Before apps/v1 (extensions/v1beta1, apps/v1beta1) the update strategy defaulted to OnDelete, then to RollingUpdate. */
const withUpdateStrategy: Conversion = (object) => {
  const strategy = specOf(object).updateStrategy;
  return isRecord(strategy) && strategy.type !== undefined ? [] : undefined;
};

const CONVERSIONS: Readonly<Record<string, Conversion>> = {
  "extensions/v1beta1 Ingress": (object) => convertIngressSpec(object.spec),
  "networking.k8s.io/v1beta1 Ingress": (object) => convertIngressSpec(object.spec),
  "networking.k8s.io/v1beta1 IngressClass": asWritten,
  "policy/v1beta1 PodDisruptionBudget": (object) => (emptySelector(specOf(object).selector) ? undefined : []),
  "batch/v1beta1 CronJob": asWritten,
  "autoscaling/v2beta1 HorizontalPodAutoscaler": (object) => convertMetricSpecs(object.spec),
  "autoscaling/v2beta2 HorizontalPodAutoscaler": asWritten,
  "extensions/v1beta1 Deployment": asWritten,
  "apps/v1beta1 Deployment": asWritten,
  "apps/v1beta2 Deployment": asWritten,
  "extensions/v1beta1 ReplicaSet": asWritten,
  "apps/v1beta1 ReplicaSet": asWritten,
  "apps/v1beta2 ReplicaSet": asWritten,
  "extensions/v1beta1 DaemonSet": withUpdateStrategy,
  "apps/v1beta2 DaemonSet": asWritten,
  "apps/v1beta1 StatefulSet": withUpdateStrategy,
  "apps/v1beta2 StatefulSet": asWritten,
};

/** The fix of an object of a removed apiVersion: written as `replacement` serves it. */
export function conversionFix(object: KubeObject, replacement: string): ProposedFix | undefined {
  const key = `${String(object.apiVersion)} ${String(object.kind)}`;
  const convert = Object.hasOwn(CONVERSIONS, key) ? CONVERSIONS[key]! : undefined;
  const changes = convert?.(object);
  if (!changes) return undefined;
  return {
    description: `convert to ${JSON.stringify(replacement)}`,
    changes: [{ op: "setValue", pointer: "/apiVersion", value: replacement }, ...changes],
  };
}
