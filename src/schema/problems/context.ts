// What the translation of ajv errors works with, and how a problem is written.
import type { ManifestDocument, Report } from "../../types.js";
import { getAtPointer, kubectlPath, parsePointer } from "../../util/pointer.js";
import type { FieldPlace } from "../field-index.js";
import type { ReleaseSchemas } from "../registry.js";
import type { SchemaNode } from "../schema-node.js";
import { schemaAt } from "../schema-walker.js";

export const RULES = {
  unknownField: "schema/unknown-field",
  type: "schema/type",
  enum: "schema/enum",
  required: "schema/required",
  format: "schema/format",
  /** Value validations of custom resource schemas (pattern, minimum, maxLength...). */
  invalidValue: "schema/invalid-value",
} as const;

/** The parts of an ajv error the translation reads (precompiled errors are not verbose). */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface SchemaProblem {
  rule: string;
  report: Report;
}

export interface TranslationContext {
  release: ReleaseSchemas;
  /** The kind's root schema. */
  root: SchemaNode;
  document: ManifestDocument;
  /** The object as written, when `document.object` has defaults filled in (custom resources). */
  written?: unknown;
  /** Where each field exists in the kind (built on first need). */
  fieldIndex: () => Map<string, FieldPlace[]>;
}

/** `spec.template.spec.containers[0].image`, as kube-apiserver writes field paths. */
export const pathOf = (pointer: string): string => kubectlPath(parsePointer(pointer));

export function problem(rule: string, pointer: string, message: string, suggestion?: string, atKey = false): SchemaProblem {
  const report: Report = { pointer, message };
  if (suggestion !== undefined) report.suggestion = suggestion;
  if (atKey) report.atKey = true;
  return { rule, report };
}

export function valueAt(context: TranslationContext, pointer: string): unknown {
  return getAtPointer(context.document.object, pointer);
}

export function schemaOf(context: TranslationContext, pointer: string): SchemaNode | undefined {
  return schemaAt(context.release, context.root, context.document.object, parsePointer(pointer));
}
