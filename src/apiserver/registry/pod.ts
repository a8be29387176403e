// The Pod and PodTemplate strategies (pkg/registry/core/pod/strategy.go,
// pkg/registry/core/podtemplate/strategy.go): fields dropped with their feature
// off, matchLabelKeys merged into selectors, AppArmor annotations copied into
// the fields, validation and warnings.
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { dropDisabledPodFields, dropDisabledTemplateFields } from "../pod/util.js";
import { list, obj, str, stringMap, strings } from "../validation/core/fields.js";
import { featureEnabled } from "../features.js";
import { getWarningsForPod, getWarningsForPodTemplate } from "../validation/core/pod-warnings.js";
import { APPARMOR_CONTAINER_ANNOTATION_PREFIX } from "../validation/core/pod-annotations.js";
import { podValidationOptions, validatePodCreate, validatePodTemplate } from "../validation/core/pod.js";
import { containersWithPath, validateAppArmorProfileField } from "../validation/core/security-context.js";
import type { Strategy } from "./types.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** apparmorFieldForAnnotation: the field an annotation stands for, or undefined. */
function apparmorFieldForAnnotation(annotation: string): JsonRecord | undefined {
  if (annotation === "unconfined") return { type: "Unconfined" };
  if (annotation === "runtime/default") return { type: "RuntimeDefault" };
  if (annotation.startsWith("localhost/") && annotation.length > "localhost/".length) return { type: "Localhost", localhostProfile: annotation.slice("localhost/".length) };
  return undefined;
}

function sameProfile(a: JsonRecord, b: JsonRecord | undefined): boolean {
  return b !== undefined && a.type === b.type && (a.localhostProfile ?? null) === (b.localhostProfile ?? null);
}

/** The deprecation warnings applyAppArmorVersionSkew emitted, by stored object. */
const appArmorWarnings = new WeakMap<JsonRecord, FieldWarning[]>();

/**
 * applyAppArmorVersionSkew: a container's AppArmor annotation becomes its
 * appArmorProfile field (unless the field is set or the pod's profile says
 * the same), with a deprecation warning.
 */
function applyAppArmorVersionSkew(pod: JsonRecord): void {
  const spec = obj(pod, "spec");
  if (!spec || str(obj(spec, "os"), "name") === "windows") return;
  const annotations = obj(obj(pod, "metadata"), "annotations") ?? {};
  const podProfile = obj(obj(spec, "securityContext"), "appArmorProfile");
  const warnings: FieldWarning[] = [];
  for (const { container } of containersWithPath(spec, FieldPath.root("spec"))) {
    const key = APPARMOR_CONTAINER_ANNOTATION_PREFIX + str(container, "name");
    const annotation = annotations[key];
    if (typeof annotation !== "string" || obj(obj(container, "securityContext"), "appArmorProfile")) continue;
    let field = apparmorFieldForAnnotation(annotation);
    if (field && validateAppArmorProfileField(field, FieldPath.root("")).length > 0) field = undefined;
    let deprecationWarning = field === undefined;
    if (field && !sameProfile(field, podProfile)) {
      if (!isRecord(container.securityContext)) container.securityContext = {};
      (container.securityContext as JsonRecord).appArmorProfile = field;
      deprecationWarning = true;
    }
    if (deprecationWarning) {
      warnings.push({ message: `${FieldPath.root("metadata", "annotations").key(key).toString()}: deprecated since v1.30; use the "appArmorProfile" field instead` });
    }
  }
  // Most pods have none: a weak map's entries cost every garbage collection, tens of thousands in a big plan.
  if (warnings.length > 0) appArmorWarnings.set(pod, warnings);
  else appArmorWarnings.delete(pod);
}

/** applyLabelKeysToLabelSelector: `key <operator> (value)` for each key the pod has a label for. */
function applyLabelKeysToLabelSelector(labelSelector: JsonRecord, labelKeys: string[], operator: string, podLabels: Record<string, string>): void {
  for (const key of labelKeys) {
    if (!Object.hasOwn(podLabels, key)) continue;
    if (!Array.isArray(labelSelector.matchExpressions)) labelSelector.matchExpressions = [];
    (labelSelector.matchExpressions as unknown[]).push({ key, operator, values: [podLabels[key]] });
  }
}

/** applyMatchLabelKeysAndMismatchLabelKeys: a term without a labelSelector matches nothing and is left alone. */
function applyMatchLabelKeysAndMismatchLabelKeys(term: JsonRecord, podLabels: Record<string, string>): void {
  const labelSelector = obj(term, "labelSelector");
  const matchLabelKeys = strings(term, "matchLabelKeys");
  const mismatchLabelKeys = strings(term, "mismatchLabelKeys");
  if ((matchLabelKeys.length === 0 && mismatchLabelKeys.length === 0) || !labelSelector) return;
  applyLabelKeysToLabelSelector(labelSelector, matchLabelKeys, "In", podLabels);
  applyLabelKeysToLabelSelector(labelSelector, mismatchLabelKeys, "NotIn", podLabels);
}

/**
 * mutatePodAffinity: a Pod's (not a template's) matchLabelKeys and
 * mismatchLabelKeys merged into the selectors of its affinity terms, which
 * validation then sees.
 */
function mutatePodAffinity(pod: JsonRecord, kubernetesVersion: string): void {
  const affinity = obj(obj(pod, "spec"), "affinity");
  if (!featureEnabled("MatchLabelKeysInPodAffinity", kubernetesVersion) || !affinity) return;
  const podLabels = stringMap(obj(pod, "metadata"), "labels");
  for (const kind of ["podAffinity", "podAntiAffinity"]) {
    const terms = obj(affinity, kind);
    for (const weighted of list(terms, "preferredDuringSchedulingIgnoredDuringExecution")) {
      const term = obj(weighted, "podAffinityTerm");
      if (term) applyMatchLabelKeysAndMismatchLabelKeys(term, podLabels);
    }
    for (const term of list(terms, "requiredDuringSchedulingIgnoredDuringExecution")) applyMatchLabelKeysAndMismatchLabelKeys(term, podLabels);
  }
}

/** applyMatchLabelKeys: a constraint without a labelSelector matches nothing and is left alone. */
function applyMatchLabelKeys(constraint: JsonRecord, podLabels: Record<string, string>): void {
  const labelSelector = obj(constraint, "labelSelector");
  const matchLabelKeys = strings(constraint, "matchLabelKeys");
  if (matchLabelKeys.length === 0 || !labelSelector) return;
  applyLabelKeysToLabelSelector(labelSelector, matchLabelKeys, "In", podLabels);
}

/**
 * mutateTopologySpreadConstraints: a Pod's (not a template's) matchLabelKeys
 * merged into the selectors of its topology spread constraints, which
 * validation then sees (MatchLabelKeysInPodTopologySpreadSelectorMerge).
 */
function mutateTopologySpreadConstraints(pod: JsonRecord, kubernetesVersion: string): void {
  const enabled = (gate: string) => featureEnabled(gate, kubernetesVersion);
  if (!enabled("MatchLabelKeysInPodTopologySpread") || !enabled("MatchLabelKeysInPodTopologySpreadSelectorMerge")) return;
  const podLabels = stringMap(obj(pod, "metadata"), "labels");
  for (const constraint of list(obj(pod, "spec"), "topologySpreadConstraints")) applyMatchLabelKeys(constraint, podLabels);
}

/**
 * The Pod strategy's PrepareForCreate: what admission plugins (PodSecurity)
 * see, after defaulting, in the pod the API server stores.
 */
export function preparePodForCreate(pod: JsonRecord, kubernetesVersion: string): void {
  dropDisabledPodFields(pod, kubernetesVersion);
  mutatePodAffinity(pod, kubernetesVersion);
  mutateTopologySpreadConstraints(pod, kubernetesVersion);
  applyAppArmorVersionSkew(pod);
}

export const POD_STRATEGY: Strategy = {
  namespaceScoped: true,
  prepareForCreate: (pod, context) => preparePodForCreate(pod, context.kubernetesVersion),
  validate: (pod, context) => validatePodCreate(pod, podValidationOptions(context.kubernetesVersion, true)),
  warningsOnCreate: (pod, context) => [...(appArmorWarnings.get(pod) ?? []), ...getWarningsForPod(pod, context.kubernetesVersion)],
};

export const POD_TEMPLATE_STRATEGY: Strategy = {
  namespaceScoped: true,
  prepareForCreate: (podTemplate, context) => dropDisabledTemplateFields(podTemplate.template, context.kubernetesVersion),
  validate: (podTemplate, context) => validatePodTemplate(podTemplate, podValidationOptions(context.kubernetesVersion, false)),
  warningsOnCreate: (podTemplate, context) => getWarningsForPodTemplate(obj(podTemplate, "template") ?? {}, FieldPath.root("template"), context.kubernetesVersion),
};
