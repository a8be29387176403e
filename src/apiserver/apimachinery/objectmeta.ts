// ObjectMeta validation on create, as k8s.io/apimachinery's
// pkg/api/validation/objectmeta.go does it: name and generateName by the kind's
// name function, namespace by scope, generation, labels, annotations, owner
// references, finalizers and managed fields.
import { forbidden, invalid, PrintedValue, required, tooLong, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson, stringListValue } from "../field/values.js";
import { byteLength } from "../../util/api-values.js";
import { arrayOf, integerOf, isRecord, stringOf, type JsonRecord } from "../../util/object-access.js";
import { atLeast } from "../../util/release.js";
import { validateNamespaceName, validateNonnegativeField, type ValidateNameFunc } from "./generic.js";
import { validateLabels, validateManagedFields } from "./meta-v1-validation.js";
import { toDnsName } from "./suggestions.js";
import { isLabelKey } from "./validation.js";
import { appendAll } from "../../util/append.js";
import { withLabelContentWords } from "../field/release-details.js";

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** metav1.FinalizerOrphanDependents and FinalizerDeleteDependents. */
export const FINALIZER_ORPHAN_DEPENDENTS = "orphan";
export const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";

/** BannedOwners: kinds that may not own other objects, as `group/version, Kind=kind`. */
const BANNED_OWNERS: ReadonlySet<string> = new Set(["/v1, Kind=Event"]);

/** ValidateAnnotations: keys are qualified names once lower-cased; keys and values fit in 256 KiB. */
export function validateAnnotations(annotations: unknown, fldPath: FieldPath): ErrorList {
  if (!isRecord(annotations)) return [];
  const errors: ErrorList = [];
  for (const key of Object.keys(annotations)) {
    // Case does not matter in annotation keys.
    for (const message of isLabelKey(key.toLowerCase())) errors.push({ ...withLabelContentWords(invalid(fldPath, key, message)), at: { field: fldPath.key(key), key: true } });
  }
  if (!validateAnnotationsSize(annotations)) errors.push({ ...tooLong(fldPath, "", TOTAL_ANNOTATION_SIZE_LIMIT_B), at: { field: fldPath, key: true } });
  return errors;
}

/** ValidateAnnotationsSize: whether keys and values together fit in the limit. */
export function validateAnnotationsSize(annotations: JsonRecord): boolean {
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) total += byteLength(key) + (typeof value === "string" ? byteLength(value) : 0);
  return total <= TOTAL_ANNOTATION_SIZE_LIMIT_B;
}

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

function ownerReferenceOf(value: unknown): OwnerReference {
  const record = isRecord(value) ? value : {};
  const reference: OwnerReference = {
    apiVersion: stringOf(record.apiVersion) ?? "",
    kind: stringOf(record.kind) ?? "",
    name: stringOf(record.name) ?? "",
    uid: stringOf(record.uid) ?? "",
  };
  if (typeof record.controller === "boolean") reference.controller = record.controller;
  if (typeof record.blockOwnerDeletion === "boolean") reference.blockOwnerDeletion = record.blockOwnerDeletion;
  return reference;
}

/** A metav1.OwnerReference as encoding/json prints it (struct order) or, before 1.34, as %#v (pointers print as addresses). */
function ownerReferenceText(reference: OwnerReference, json: boolean): string {
  if (json) {
    const fields = ["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"] as const;
    return "{" + fields.filter((field) => reference[field] !== undefined).map((field) => `"${field}":${goJson(reference[field])}`).join(",") + "}";
  }
  const pointer = (value: boolean | undefined) => (value === undefined ? "(*bool)(nil)" : "(*bool)(0xc000000000)");
  return (
    `v1.OwnerReference{APIVersion:${goQuote(reference.apiVersion)}, Kind:${goQuote(reference.kind)}, Name:${goQuote(reference.name)}, ` +
    `UID:${goQuote(reference.uid)}, Controller:${pointer(reference.controller)}, BlockOwnerDeletion:${pointer(reference.blockOwnerDeletion)}}`
  );
}

/** schema.FromAPIVersionAndKind: the group and version of an apiVersion; both empty when it does not parse. */
function groupVersionOf(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split("/");
  if (apiVersion === "") return { group: "", version: "" };
  if (parts.length === 1) return { group: "", version: apiVersion };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return { group: "", version: "" };
}

/** Upstream names the list, not the item (`metadata.ownerReferences.kind`); findings point at the item's field. */
function validateOwnerReference(reference: OwnerReference, fldPath: FieldPath, item: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const invalidField = (name: keyof OwnerReference, detail: string) =>
    ({ ...invalid(fldPath.child(name), reference[name], detail), at: { field: item.child(name), key: false } });
  const { group, version } = groupVersionOf(reference.apiVersion);
  // Until 1.33 the messages repeated the field's name ("kind must not be empty").
  const empty = (name: string) => (atLeast(kubernetesVersion, "1.34") ? "must not be empty" : `${name} must not be empty`);
  if (version.length === 0) errors.push(invalidField("apiVersion", "version must not be empty"));
  if (reference.kind.length === 0) errors.push(invalidField("kind", empty("kind")));
  if (reference.name.length === 0) errors.push(invalidField("name", empty("name")));
  if (reference.uid.length === 0) errors.push(invalidField("uid", empty("uid")));
  const gvk = `${group}/${version}, Kind=${reference.kind}`;
  if (BANNED_OWNERS.has(gvk)) {
    const value = new PrintedValue(ownerReferenceText(reference, rendersCompositeAsJson(kubernetesVersion)));
    errors.push({ ...invalid(fldPath, value, `${gvk} is disallowed from being an owner`), at: { field: item.child("kind"), key: false } });
  }
  return errors;
}

/** ValidateOwnerReferences: each reference complete, at most one controller. */
export function validateOwnerReferences(ownerReferences: unknown, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const references = arrayOf(ownerReferences).map(ownerReferenceOf);
  let firstControllerName = "";
  references.forEach((reference, index) => {
    appendAll(errors, validateOwnerReference(reference, fldPath, fldPath.index(index), kubernetesVersion));
    if (reference.controller !== true) return;
    const controllerName = `${reference.kind}/${reference.name}`;
    if (firstControllerName === "") {
      firstControllerName = controllerName;
      return;
    }
    const json = rendersCompositeAsJson(kubernetesVersion);
    const list = json
      ? "[" + references.map((r) => ownerReferenceText(r, true)).join(",") + "]"
      : "[]v1.OwnerReference{" + references.map((r) => ownerReferenceText(r, false)).join(", ") + "}";
    const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstControllerName} and ${controllerName}`;
    errors.push({ ...invalid(fldPath, new PrintedValue(list), detail), at: { field: fldPath.index(index).child("controller"), key: false } });
  });
  return errors;
}

/** ValidateFinalizerName: a qualified name. */
export function validateFinalizerName(finalizer: string, fldPath: FieldPath): ErrorList {
  return isLabelKey(finalizer).map((message) => withLabelContentWords(invalid(fldPath, finalizer, message)));
}

/** ValidateFinalizers: each name qualified; orphan and foregroundDeletion not both. */
export function validateFinalizers(finalizers: unknown, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const items = arrayOf(finalizers);
  const names = items.filter((item): item is string => typeof item === "string");
  const errors: ErrorList = [];
  items.forEach((finalizer, index) => {
    if (typeof finalizer !== "string") return;
    // Upstream names the list; findings point at the item.
    for (const error of validateFinalizerName(finalizer, fldPath)) errors.push({ ...error, at: { field: fldPath.index(index), key: false } });
  });
  if (names.includes(FINALIZER_ORPHAN_DEPENDENTS) && names.includes(FINALIZER_DELETE_DEPENDENTS)) {
    const detail = `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`;
    errors.push(invalid(fldPath, new PrintedValue(stringListValue(names, "string", kubernetesVersion)), detail));
  }
  return errors;
}

/** A name's errors, with the nearest valid DNS name as a suggestion when the syntax is a DNS one. */
function nameErrors(nameFn: ValidateNameFunc, name: string, prefix: boolean, fldPath: FieldPath): ErrorList {
  const messages = nameFn(name, prefix);
  const suggestion = prefix || messages.length === 0 ? undefined : suggestedName(nameFn, name);
  return messages.map((message) => ({ ...invalid(fldPath, name, message), ...(suggestion ? { suggestion } : {}) }));
}

/** The nearest name that `nameFn` accepts, trying each DNS syntax from the loosest. */
function suggestedName(nameFn: ValidateNameFunc, name: string): string | undefined {
  for (const kind of ["subdomain", "label", "dns1035"] as const) {
    const fixed = toDnsName(name, kind);
    if (fixed !== undefined && nameFn(fixed, false).length === 0) return fixed;
  }
  return undefined;
}

/**
 * ValidateObjectMeta / ValidateObjectMetaAccessor: an object's metadata on
 * create. The API server generates a name from generateName before it
 * validates; that name has random characters, so it is not checked here.
 */
export function validateObjectMeta(
  metadata: unknown,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  fldPath: FieldPath,
  kubernetesVersion: string,
): ErrorList {
  const meta = isRecord(metadata) ? metadata : {};
  const errors: ErrorList = [];
  const generateName = stringOf(meta.generateName) ?? "";
  const name = stringOf(meta.name) ?? "";
  if (generateName.length !== 0) appendAll(errors, nameErrors(nameFn, generateName, true, fldPath.child("generateName")));
  if (name.length !== 0) appendAll(errors, nameErrors(nameFn, name, false, fldPath.child("name")));
  else if (generateName.length === 0) errors.push(required(fldPath.child("name"), "name or generateName is required"));
  const namespace = stringOf(meta.namespace) ?? "";
  if (requiresNamespace) {
    if (namespace.length === 0) errors.push(required(fldPath.child("namespace")));
    else appendAll(errors, nameErrors(validateNamespaceName, namespace, false, fldPath.child("namespace")));
  } else if (namespace.length !== 0) {
    errors.push(forbidden(fldPath.child("namespace"), "not allowed on this type"));
  }
  const generation = integerOf(meta.generation);
  if (generation !== undefined) appendAll(errors, validateNonnegativeField(generation, fldPath.child("generation")));
  appendAll(errors, validateLabels(meta.labels, fldPath.child("labels")));
  appendAll(errors, validateAnnotations(meta.annotations, fldPath.child("annotations")));
  appendAll(errors, validateOwnerReferences(meta.ownerReferences, fldPath.child("ownerReferences"), kubernetesVersion));
  appendAll(errors, validateFinalizers(meta.finalizers, fldPath.child("finalizers"), kubernetesVersion));
  appendAll(errors, validateManagedFields(meta.managedFields, fldPath.child("managedFields")));
  return errors;
}
