// The API server's create path for one object, in its order: decode (nulls are
// "not set"), default, the field manager (the request's managedFields), the
// generic registry's BeforeCreate (namespace, the strategy's
// PrepareForCreate, validation); and the warnings it returns.
// validate, admission and diff all use this one model.
import { setObjectDefaults } from "./defaults/index.js";
import type { ErrorList, FieldError, FieldWarning } from "./field/errors.js";
import { FieldPath } from "./field/path.js";
import { managedFieldsOnCreate } from "./managedfields/fieldmanager.js";
import { strategyFor, type ValidationContext } from "./registry/index.js";
import { metadataOnlyStrategy } from "./registry/metadata-only.js";
import { beforeCreate } from "./registry/rest-create.js";
import { isClusterScopedKind } from "../inventory.js";
import type { KubeObject } from "../types.js";
import { apiGroup } from "../util/api-values.js";
import { cloneWithoutNulls, isRecord, stringOf, type JsonRecord } from "../util/object-access.js";

export interface CreateContext {
  kubernetesVersion: string;
  /** The namespace kubectl sends an object without one to (`-n`); "default" when absent. */
  namespace?: string;
  /** Whether a kind is namespaced, for kinds without a strategy here (custom resources too); built-in scopes when absent. */
  isNamespaced?(kind: string): boolean;
}

export interface CreateOutcome {
  /** The object as the API server would store it (defaulted and mutated; only its metadata for kinds without a strategy here). */
  object: KubeObject;
  /** Why the API server would reject it; empty when it would accept it. */
  errors: ErrorList;
  /** What it would warn about when accepting it. */
  warnings: FieldWarning[];
  /** Whether the kind's own validation ran (a built-in kind modelled here), not only its metadata's. */
  validated: boolean;
}

/** Groups of files that sit next to manifests but are not API objects (kustomize's configuration). */
const NOT_API_OBJECTS = new Set(["kustomize.config.k8s.io"]);

/** Whether the object is an API object whose create path kubeplan models: any apiVersion and kind but kustomize's files. */
export function hasCreatePath(object: KubeObject): boolean {
  const apiVersion = stringOf(object.apiVersion);
  const kind = stringOf(object.kind);
  return !!apiVersion && !!kind && !NOT_API_OBJECTS.has(apiGroup(apiVersion));
}

/**
 * FieldManager.UpdateNoErrors on the decoded object: its managedFields become
 * the request's entries the create keeps, in their stored order. Returns,
 * for each stored entry, the request's entry it came from.
 */
function updateManagedFields(stored: JsonRecord): number[] {
  if (!isRecord(stored.metadata) || stored.metadata.managedFields === undefined) return [];
  const kept = managedFieldsOnCreate(stored);
  if (kept.entries.length > 0) stored.metadata.managedFields = kept.entries;
  else delete stored.metadata.managedFields;
  return kept.requestIndex;
}

/** An error about a stored managedFields entry also points at the request's entry it came from. */
function atRequestEntry(error: FieldError, requestIndex: readonly number[]): FieldError {
  const segments = error.field.segments();
  const [metadata, list, index, field] = segments;
  if (segments.length !== 4 || metadata !== "metadata" || list !== "managedFields" || typeof index !== "number" || typeof field !== "string") return error;
  const origin = requestIndex[index];
  if (origin === undefined || origin === index) return error;
  return { ...error, at: { field: FieldPath.root("metadata", "managedFields").index(origin).child(field), key: error.at?.key ?? false } };
}

/** Runs the create path on a copy of `object`. Never throws on a malformed object. */
export function createObject(object: KubeObject, context: CreateContext): CreateOutcome {
  const apiVersion = stringOf(object.apiVersion) ?? "";
  const kind = stringOf(object.kind) ?? "";
  const validation: ValidationContext = { kubernetesVersion: context.kubernetesVersion, apiVersion };
  const strategy = strategyFor(apiVersion, kind);
  if (!strategy) {
    // Only the metadata is validated: the rest of the object is neither copied nor defaulted.
    const stored = { ...object, metadata: cloneWithoutNulls(object.metadata ?? {}) } as KubeObject & JsonRecord;
    const requestIndex = updateManagedFields(stored);
    const namespaced = context.isNamespaced?.(kind) ?? !isClusterScopedKind(kind);
    const { errors, warnings } = beforeCreate(stored, metadataOnlyStrategy(apiGroup(apiVersion), kind, namespaced), validation, context.namespace ?? "default");
    return { object: stored, errors: errors.map((error) => atRequestEntry(error, requestIndex)), warnings, validated: false };
  }
  const stored = cloneWithoutNulls(object) as KubeObject & JsonRecord;
  setObjectDefaults(stored, { apiVersion, kind, name: stringOf(stored.metadata?.name) ?? "", kubernetesVersion: context.kubernetesVersion });
  const requestIndex = updateManagedFields(stored);
  const { errors, warnings } = beforeCreate(stored, strategy, validation, context.namespace ?? "default");
  return { object: stored, errors: errors.map((error) => atRequestEntry(error, requestIndex)), warnings, validated: true };
}
