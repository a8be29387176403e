// Annotations with a meaning for pods (ValidatePodSpecificAnnotations, the
// seccomp and AppArmor annotations) and, on create, their agreement with the
// security context fields (validateSeccompAnnotationsAndFields,
// validateAppArmorAnnotationsAndFieldsMatchOnCreate).
import { forbidden, invalid, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goUnmarshalStructListError } from "../../field/go-json.js";
import { goQuote } from "../../field/values.js";
import { obj, str } from "./fields.js";
import { validateLocalDescendingPath } from "./paths.js";
import type { PodValidationOptions } from "./pod-options.js";
import { containersWithPath } from "./security-context.js";
import { validateTolerations } from "./tolerations.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

export const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
export const POD_DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
export const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
export const APPARMOR_CONTAINER_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/** helper.GetDeletionCostFromPodAnnotations: a 32-bit integer, no `+`, no leading zeros. */
function isValidDeletionCost(value: string): boolean {
  const validFirstDigit = value.length > 0 && (value[0] === "-" || value === "0" || (value[0]! >= "1" && value[0]! <= "9"));
  if (!validFirstDigit || !/^-?[0-9]+$/.test(value)) return false;
  const cost = Number(value);
  return cost >= -2147483648 && cost <= 2147483647;
}

/** ValidateSeccompProfile: an annotation's profile. */
function validateSeccompProfile(profile: string, fldPath: FieldPath): ErrorList {
  if (profile === "runtime/default" || profile === "docker/default" || profile === "unconfined") return [];
  if (profile.startsWith("localhost/")) return validateLocalDescendingPath(profile.slice("localhost/".length), fldPath);
  return [invalid(fldPath, profile, "must be a valid seccomp profile")];
}

/** ValidateSeccompPodAnnotations: the paths name the annotation as a child, as upstream's do. */
function validateSeccompPodAnnotations(annotations: Record<string, string>, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (Object.hasOwn(annotations, SECCOMP_POD_ANNOTATION)) {
    appendAll(errors, validateSeccompProfile(annotations[SECCOMP_POD_ANNOTATION]!, fldPath.child(SECCOMP_POD_ANNOTATION)));
  }
  for (const [key, profile] of Object.entries(annotations)) {
    if (key.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX)) appendAll(errors, validateSeccompProfile(profile, fldPath.child(key)));
  }
  return errors;
}

/** ValidateAppArmorProfileFormat: the error's text, or undefined. */
function appArmorProfileFormatError(profile: string): string | undefined {
  if (profile === "" || profile === "runtime/default" || profile === "unconfined" || profile.startsWith("localhost/")) return undefined;
  return `invalid AppArmor profile name: ${goQuote(profile)}`;
}

/** ValidateAppArmorPodAnnotations: each annotation names a container of the pod and a valid profile. */
function validateAppArmorPodAnnotations(annotations: Record<string, string>, spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set(containersWithPath(spec, fldPath).map(({ container }) => str(container, "name")));
  for (const [key, profile] of Object.entries(annotations)) {
    if (!key.startsWith(APPARMOR_CONTAINER_ANNOTATION_PREFIX)) continue;
    const containerName = key.slice(APPARMOR_CONTAINER_ANNOTATION_PREFIX.length);
    if (!names.has(containerName)) errors.push(invalid(fldPath.key(key), containerName, "container not found"));
    const formatError = appArmorProfileFormatError(profile);
    if (formatError) errors.push(invalid(fldPath.key(key), profile, formatError));
  }
  return errors;
}

const TOLERATIONS_ANNOTATION = "scheduler.alpha.kubernetes.io/tolerations";

/** ValidateTolerationsInPodAnnotations: the deprecated tolerations annotation, a JSON list of tolerations. */
function validateTolerationsInPodAnnotations(annotations: Record<string, string>, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const text = annotations[TOLERATIONS_ANNOTATION]!;
  const error = goUnmarshalStructListError(text, "core.Toleration");
  if (error) return [invalid(fldPath, TOLERATIONS_ANNOTATION, error)];
  return validateTolerations(JSON.parse(text) as unknown, fldPath.child(TOLERATIONS_ANNOTATION), kubernetesVersion);
}

/**
 * ValidatePodSpecificAnnotations.
 */
export function validatePodSpecificAnnotations(annotations: Record<string, string>, spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  if (Object.hasOwn(annotations, MIRROR_POD_ANNOTATION) && str(spec, "nodeName").length === 0) {
    errors.push(invalid(fldPath.key(MIRROR_POD_ANNOTATION), annotations[MIRROR_POD_ANNOTATION], "must set spec.nodeName if mirror pod annotation is set"));
  }
  if (annotations[TOLERATIONS_ANNOTATION]) appendAll(errors, validateTolerationsInPodAnnotations(annotations, fldPath, opts.kubernetesVersion));
  if (!opts.allowInvalidPodDeletionCost && Object.hasOwn(annotations, POD_DELETION_COST_ANNOTATION) && !isValidDeletionCost(annotations[POD_DELETION_COST_ANNOTATION]!)) {
    errors.push(invalid(fldPath.key(POD_DELETION_COST_ANNOTATION), annotations[POD_DELETION_COST_ANNOTATION], "must be a 32bit integer"));
  }
  appendAll(errors, validateSeccompPodAnnotations(annotations, fldPath));
  appendAll(errors, validateAppArmorPodAnnotations(annotations, spec, fldPath));
  return errors;
}

/** validateSeccompAnnotationsAndFieldsMatch. */
function validateSeccompAnnotationsAndFieldsMatch(annotation: string, profile: JsonRecord, fldPath: FieldPath): FieldError | undefined {
  const type = str(profile, "type");
  if (type === "Unconfined" && annotation !== "unconfined") return forbidden(fldPath.child("type"), "seccomp type in annotation and field must match");
  if (type === "RuntimeDefault" && annotation !== "runtime/default" && annotation !== "docker/default") {
    return forbidden(fldPath.child("type"), "seccomp type in annotation and field must match");
  }
  if (type === "Localhost") {
    if (!annotation.startsWith("localhost/")) return forbidden(fldPath.child("type"), "seccomp type in annotation and field must match");
    if (typeof profile.localhostProfile !== "string" || annotation.slice("localhost/".length) !== profile.localhostProfile) {
      return forbidden(fldPath.child("localhostProfile"), "seccomp profile in annotation and field must match");
    }
  }
  return undefined;
}

/** validateSeccompAnnotationsAndFields: where both are set, they agree. */
export function validateSeccompAnnotationsAndFields(annotations: Record<string, string>, spec: JsonRecord, specPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const podProfile = obj(obj(spec, "securityContext"), "seccompProfile");
  if (podProfile && Object.hasOwn(annotations, SECCOMP_POD_ANNOTATION)) {
    const error = validateSeccompAnnotationsAndFieldsMatch(annotations[SECCOMP_POD_ANNOTATION]!, podProfile, specPath.child("securityContext", "seccompProfile"));
    if (error) errors.push(error);
  }
  for (const { container, path } of containersWithPath(spec, specPath)) {
    const profile = obj(obj(container, "securityContext"), "seccompProfile");
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + str(container, "name");
    if (!profile || !Object.hasOwn(annotations, key)) continue;
    const error = validateSeccompAnnotationsAndFieldsMatch(annotations[key]!, profile, path.child("securityContext", "seccompProfile"));
    if (error) errors.push(error);
  }
  return errors;
}

/** validateAppArmorAnnotationsAndFieldsMatchOnCreate (Windows pods are skipped). */
export function validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations: Record<string, string>, spec: JsonRecord, specPath: FieldPath): ErrorList {
  if (str(obj(spec, "os"), "name") === "windows") return [];
  const errors: ErrorList = [];
  const podProfile = obj(obj(spec, "securityContext"), "appArmorProfile");
  for (const { container, path } of containersWithPath(spec, specPath)) {
    const profile = obj(obj(container, "securityContext"), "appArmorProfile") ?? podProfile;
    const key = APPARMOR_CONTAINER_ANNOTATION_PREFIX + str(container, "name");
    if (!profile || !Object.hasOwn(annotations, key)) continue;
    const annotation = annotations[key]!;
    const apparmorPath = path.child("securityContext", "appArmorProfile");
    const type = str(profile, "type");
    const typeMismatch = forbidden(apparmorPath.child("type"), "apparmor type in annotation and field must match");
    if (type === "Unconfined" && annotation !== "unconfined") errors.push(typeMismatch);
    else if (type === "RuntimeDefault" && annotation !== "runtime/default") errors.push(typeMismatch);
    else if (type === "Localhost") {
      if (!annotation.startsWith("localhost/")) errors.push(typeMismatch);
      else if (typeof profile.localhostProfile !== "string" || annotation.slice("localhost/".length) !== profile.localhostProfile) {
        errors.push(forbidden(apparmorPath.child("localhostProfile"), "apparmor profile in annotation and field must match"));
      }
    }
  }
  return errors;
}
