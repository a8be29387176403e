// The API server's create path for one object, in its order: decode (nulls are
// "not set"), default, the strategy's PrepareForCreate, validate; and the
// warnings it returns. validate, admission and diff all use this one model.
import { setObjectDefaults } from "./defaults/index.js";
import type { ErrorList, FieldWarning } from "./field/errors.js";
import { strategyFor, type ValidationContext } from "./registry/index.js";
import type { KubeObject } from "../types.js";
import { cloneWithoutNulls, stringOf, type JsonRecord } from "../util/object-access.js";

export interface CreateContext {
  kubernetesVersion: string;
}

export interface CreateOutcome {
  /** The object as the API server would store it (defaulted and mutated). */
  object: KubeObject;
  /** Why the API server would reject it; empty when it would accept it. */
  errors: ErrorList;
  /** What it would warn about when accepting it. */
  warnings: FieldWarning[];
}

/** Whether kubeplan models the create path of this kind (a built-in kind of a served group). */
export function hasCreatePath(object: KubeObject): boolean {
  return strategyFor(stringOf(object.apiVersion) ?? "", stringOf(object.kind) ?? "") !== undefined;
}

/** Runs the create path on a copy of `object`. Never throws on a malformed object. */
export function createObject(object: KubeObject, context: CreateContext): CreateOutcome {
  const apiVersion = stringOf(object.apiVersion) ?? "";
  const kind = stringOf(object.kind) ?? "";
  const stored = cloneWithoutNulls(object) as KubeObject & JsonRecord;
  setObjectDefaults(stored, { apiVersion, kind, name: stringOf(stored.metadata?.name) ?? "", kubernetesVersion: context.kubernetesVersion });
  const strategy = strategyFor(apiVersion, kind);
  if (!strategy) return { object: stored, errors: [], warnings: [] };
  const validation: ValidationContext = { kubernetesVersion: context.kubernetesVersion, apiVersion };
  strategy.prepareForCreate?.(stored, validation);
  return {
    object: stored,
    errors: strategy.validate(stored, validation),
    warnings: strategy.warningsOnCreate?.(stored, validation) ?? [],
  };
}
