// StatefulSet validation (pkg/apis/apps/validation/validation.go:
// ValidateStatefulSet, ValidateStatefulSetSpec, ValidatePodTemplateSpecForStatefulSet,
// validateRollingUpdateStatefulSet, ValidatePersistentVolumeClaimRetentionPolicy,
// ValidateVolumeClaimTemplates),
// on the defaulted object, with the checks each release added.
import { intOrStringField, intOrStringOf, intOrStringValue } from "../../apimachinery/intstr.js";
import { labelSelectorAsSelector, type Selector } from "../../apimachinery/label-selector.js";
import { isDNS1123Label } from "../../apimachinery/validation.js";
import { invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { pointerField, printedFor, scalarField, structField, type StructField } from "../../field/values.js";
import { int, isSet, list, obj, str } from "../core/fields.js";
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { validatePersistentVolumeClaimSpec } from "../core/persistent-volume-claim.js";
import { validatePodTemplateSpec, type PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { getIntOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from "./int-or-percent.js";
import { validateAlwaysRestarting } from "./replica-set.js";
import { selectorValue, validateRequiredSelector, validateSelectorMatchesTemplate } from "./selector.js";
import { featureEnabled } from "../../features.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { nameIsDNSLabel } from "../../apimachinery/generic.js";
import { validateObjectMeta } from "../core/object-meta.js";
import { atLeast } from "../../../util/release.js";
import { appendAll } from "../../../util/append.js";

const RETENTION_POLICIES = ["Retain", "Delete"];

/** The RollingUpdateStatefulSetStrategy as a struct field of a bad value. */
function rollingUpdateField(rollingUpdate: JsonRecord): StructField {
  const maxUnavailable = rollingUpdate.maxUnavailable === undefined ? undefined : intOrStringField(rollingUpdate.maxUnavailable);
  return structField("apps.RollingUpdateStatefulSetStrategy", [
    ["Partition", scalarField(int(rollingUpdate, "partition") ?? 0)],
    ["MaxUnavailable", pointerField("intstr.IntOrString", maxUnavailable)],
  ]);
}

/** The StatefulSetUpdateStrategy as a bad value. */
function updateStrategyValue(strategy: JsonRecord, kubernetesVersion: string): PrintedValue {
  const rollingUpdate = obj(strategy, "rollingUpdate");
  const value = structField("apps.StatefulSetUpdateStrategy", [
    ["Type", scalarField(str(strategy, "type"))],
    ["RollingUpdate", pointerField("apps.RollingUpdateStatefulSetStrategy", rollingUpdate && rollingUpdateField(rollingUpdate))],
  ]);
  return new PrintedValue(printedFor(value, kubernetesVersion));
}

/**
 * The template with a volume for each claim template it does not already
 * have: the pods' claims, which its containers may mount.
 */
function withClaimVolumes(template: JsonRecord, claimTemplates: JsonRecord[]): JsonRecord {
  const spec = obj(template, "spec") ?? {};
  const volumes = list(spec, "volumes");
  const names = new Set(volumes.map((volume) => str(volume, "name")));
  const claimVolumes = claimTemplates
    .map((claim) => str(obj(claim, "metadata"), "name"))
    .filter((name) => name !== "" && !names.has(name))
    .map((name) => ({ name, persistentVolumeClaim: { claimName: name } }));
  if (claimVolumes.length === 0) return template;
  return { ...template, spec: { ...spec, volumes: [...volumes, ...claimVolumes] } };
}

/**
 * ValidatePodTemplateSpecForStatefulSet: the selector selects the template;
 * since 1.34 the template is a valid pod template, whose volumes include the
 * claims of the volumeClaimTemplates.
 */
export function validatePodTemplateSpecForStatefulSet(
  template: JsonRecord,
  claimTemplates: JsonRecord[],
  selector: Selector,
  written: unknown,
  fldPath: FieldPath,
  opts: PodValidationOptions,
): ErrorList {
  const errors = validateSelectorMatchesTemplate(selector, written, template, fldPath, opts.kubernetesVersion);
  if (atLeast(opts.kubernetesVersion, "1.34")) return [...errors, ...validatePodTemplateSpec(withClaimVolumes(template, claimTemplates), fldPath, opts)];
  // Before, only the template's labels were checked (and its annotations, with the metadata's checks).
  appendAll(errors, validateLabels(obj(template, "metadata")?.labels, fldPath.child("labels")));
  return errors;
}

/** ValidatePersistentVolumeClaimRetentionPolicyType. */
function validatePersistentVolumeClaimRetentionPolicyType(policy: string, fldPath: FieldPath): ErrorList {
  return RETENTION_POLICIES.includes(policy) ? [] : [notSupported(fldPath, policy, RETENTION_POLICIES)];
}

/** ValidatePersistentVolumeClaimRetentionPolicy. */
export function validatePersistentVolumeClaimRetentionPolicy(policy: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  if (!policy) return [];
  return [
    ...validatePersistentVolumeClaimRetentionPolicyType(str(policy, "whenDeleted"), fldPath.child("whenDeleted")),
    ...validatePersistentVolumeClaimRetentionPolicyType(str(policy, "whenScaled"), fldPath.child("whenScaled")),
  ];
}

/**
 * ValidateVolumeClaimTemplates (1.34 on): each claim template's spec as a new
 * PersistentVolumeClaim's, so that the controller can create the pods' claims.
 */
export function validateVolumeClaimTemplates(claimTemplates: JsonRecord[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (!atLeast(kubernetesVersion, "1.34")) return [];
  const opts = { kubernetesVersion, allowInvalidLabelValueInSelector: false };
  return claimTemplates.flatMap((claim, index) => validatePersistentVolumeClaimSpec(obj(claim, "spec") ?? {}, fldPath.index(index).child("spec"), opts));
}

/** validateRollingUpdateStatefulSet: partition not negative; maxUnavailable a count or a percentage, not 0, up to 100%. */
export function validateRollingUpdateStatefulSet(rollingUpdate: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors = validateNonnegativeField(int(rollingUpdate, "partition") ?? 0, fldPath.child("partition"));
  const maxUnavailable = intOrStringOf(rollingUpdate.maxUnavailable);
  if (maxUnavailable !== undefined) {
    const path = fldPath.child("maxUnavailable");
    appendAll(errors, validatePositiveIntOrPercent(maxUnavailable, path, kubernetesVersion));
    if (getIntOrPercentValue(maxUnavailable) === 0) errors.push(invalid(path, intOrStringValue(maxUnavailable, kubernetesVersion), "cannot be 0"));
    appendAll(errors, isNotMoreThan100Percent(maxUnavailable, path, kubernetesVersion));
  }
  return errors;
}

function validatePodManagementPolicy(policy: string, fldPath: FieldPath): ErrorList {
  if (policy === "") return [required(fldPath)];
  if (policy === "OrderedReady" || policy === "Parallel") return [];
  return [invalid(fldPath, policy, "must be 'OrderedReady' or 'Parallel'")];
}

function validateUpdateStrategy(strategy: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const rollingUpdate = obj(strategy, "rollingUpdate");
  switch (str(strategy, "type")) {
    case "":
      return [required(fldPath)];
    case "OnDelete":
      if (!rollingUpdate) return [];
      return [invalid(fldPath.child("rollingUpdate"), new PrintedValue(printedFor(rollingUpdateField(rollingUpdate), kubernetesVersion)), "only allowed for updateStrategy 'RollingUpdate'")];
    case "RollingUpdate":
      return rollingUpdate ? validateRollingUpdateStatefulSet(rollingUpdate, fldPath.child("rollingUpdate"), kubernetesVersion) : [];
    default:
      return [invalid(fldPath, updateStrategyValue(strategy, kubernetesVersion), "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const version = opts.kubernetesVersion;
  const errors = validatePodManagementPolicy(str(spec, "podManagementPolicy"), fldPath.child("podManagementPolicy"));
  appendAll(errors, validateUpdateStrategy(obj(spec, "updateStrategy") ?? {}, fldPath.child("updateStrategy"), version));
  appendAll(errors, validatePersistentVolumeClaimRetentionPolicy(obj(spec, "persistentVolumeClaimRetentionPolicy"), fldPath.child("persistentVolumeClaimRetentionPolicy")));
  appendAll(errors, validateVolumeClaimTemplates(list(spec, "volumeClaimTemplates"), fldPath.child("volumeClaimTemplates"), version));
  appendAll(errors, validateNonnegativeField(int(spec, "replicas") ?? 0, fldPath.child("replicas")));
  appendAll(errors, validateNonnegativeField(int(spec, "minReadySeconds") ?? 0, fldPath.child("minReadySeconds")));
  // Since 1.33 a negative revisionHistoryLimit is refused (zero keeps no history).
  const revisionHistoryLimit = int(spec, "revisionHistoryLimit");
  if (atLeast(version, "1.33") && revisionHistoryLimit !== undefined) appendAll(errors, validateNonnegativeField(revisionHistoryLimit, fldPath.child("revisionHistoryLimit")));
  const ordinals = obj(spec, "ordinals");
  // Upstream names the field "ordinals.start" in one step.
  if (ordinals) appendAll(errors, validateNonnegativeField(int(ordinals, "start") ?? 0, fldPath.child("ordinals", "start")));
  // Since 1.33 a serviceName, when given, must be a DNS label: it is part of the pods' DNS names.
  const serviceName = str(spec, "serviceName");
  if (atLeast(version, "1.33") && serviceName !== "") {
    appendAll(errors, isDNS1123Label(serviceName).map((message) => invalid(fldPath.child("serviceName"), serviceName, message)));
  }
  appendAll(errors, validateRequiredSelector(spec.selector, "statefulset", fldPath.child("selector"), version));
  const selector = labelSelectorAsSelector(spec.selector);
  const template = obj(spec, "template") ?? {};
  if (!selector) errors.push(invalid(fldPath.child("selector"), selectorValue(spec.selector, version), ""));
  else appendAll(errors, validatePodTemplateSpecForStatefulSet(template, list(spec, "volumeClaimTemplates"), selector, spec.selector, fldPath.child("template"), opts));
  appendAll(errors, validateAlwaysRestarting(obj(template, "spec") ?? {}, "StatefulSet", fldPath.child("template", "spec")));
  return errors;
}

/** ValidateStatefulSet. */
export function validateStatefulSet(statefulSet: JsonRecord, opts: PodValidationOptions): ErrorList {
  // ValidateStatefulSetName = NameIsDNSLabel: the name starts its pods' hostnames.
  const errors = validateObjectMeta(statefulSet.metadata, true, nameIsDNSLabel, FieldPath.root("metadata"), opts.kubernetesVersion);
  return [...errors, ...validateStatefulSetSpec(obj(statefulSet, "spec") ?? {}, FieldPath.root("spec"), opts)];
}

/** MaxUnavailableStatefulSet: before it is on, PrepareForCreate drops a rolling update's maxUnavailable. */
export function dropStatefulSetDisabledFields(statefulSet: JsonRecord, kubernetesVersion: string): void {
  if (featureEnabled("MaxUnavailableStatefulSet", kubernetesVersion)) return;
  const rollingUpdate = obj(obj(obj(statefulSet, "spec"), "updateStrategy"), "rollingUpdate");
  if (rollingUpdate && isSet(rollingUpdate, "maxUnavailable")) delete rollingUpdate.maxUnavailable;
}
