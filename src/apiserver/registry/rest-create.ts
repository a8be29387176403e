// What the generic registry does around a kind's strategy on create
// (k8s.io/apiserver's pkg/registry/rest/create.go, BeforeCreate): the object
// takes the request's namespace, the strategy prepares and validates it, and
// when that passes every name is checked as a REST path segment.
import { validateObjectMeta } from "../apimachinery/objectmeta.js";
import { isPathSegmentName, isPathSegmentPrefix } from "../apimachinery/validation.js";
import type { ErrorList, FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { isRecord, stringOf, type JsonRecord } from "../../util/object-access.js";
import type { Strategy, ValidationContext } from "./types.js";

function validatePathSegment(name: string, prefix: boolean): string[] {
  return prefix ? isPathSegmentPrefix(name) : isPathSegmentName(name);
}

/**
 * EnsureObjectNamespaceMatchesRequestNamespace, with the namespace kubectl
 * sends: the object's own, else its default one. A cluster-scoped object's
 * namespace is cleared.
 */
function ensureNamespace(object: JsonRecord, namespaceScoped: boolean, defaultNamespace: string): void {
  const metadata = isRecord(object.metadata) ? object.metadata : (object.metadata = {});
  if (!namespaceScoped) delete metadata.namespace;
  else if (!stringOf(metadata.namespace)) metadata.namespace = defaultNamespace;
}

/** ValidateCreate: the strategy's checks, then (only when they pass) the generic metadata checks. */
export function validateCreate(object: JsonRecord, strategy: Strategy, context: ValidationContext): ErrorList {
  const errors = strategy.validate(object, context);
  if (errors.length > 0) return errors;
  return validateObjectMeta(object.metadata, strategy.namespaceScoped, validatePathSegment, FieldPath.root("metadata"), context.kubernetesVersion);
}

export interface CreateResult {
  errors: ErrorList;
  warnings: FieldWarning[];
}

/**
 * The generic store's create (registry/generic/registry/store.go): the kind's
 * BeginCreate, then BeforeCreate: namespace, PrepareForCreate, validation, and
 * the warnings of an accepted object.
 */
export function beforeCreate(object: JsonRecord, strategy: Strategy, context: ValidationContext, defaultNamespace: string): CreateResult {
  const begun = strategy.beginCreate?.(object, context) ?? [];
  if (begun.length > 0) return { errors: begun, warnings: [] };
  ensureNamespace(object, strategy.namespaceScoped, defaultNamespace);
  strategy.prepareForCreate?.(object, context);
  const errors = validateCreate(object, strategy, context);
  // Warnings come with an accepted object only.
  const warnings = errors.length === 0 ? (strategy.warningsOnCreate?.(object, context) ?? []) : [];
  return { errors, warnings };
}
