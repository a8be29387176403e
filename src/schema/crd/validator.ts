// Validates one custom resource as the API server would on create: nulls
// pruned and defaults applied, then the structural schema (kube-openapi's
// checks, strict about unknown fields), list types, embedded resources and
// the x-kubernetes-validations rules. The JSON schema is compiled on the
// first resource of its version, its large subtrees when a resource first
// reaches them, and kept for the process.
import type { Finding, ManifestDocument, Severity } from "../../types.js";
import { reportToFinding } from "../../validate/findings.js";
import { buildFieldIndex, type FieldPlace } from "../field-index.js";
import { RULES, type AjvError, type SchemaProblem } from "../problems/context.js";
import type { CompiledValidator, ReleaseSchemas } from "../registry.js";
import type { RuntimeCompiler } from "../runtime-ajv.js";
import { celRuleProblems } from "./cel/rules.js";
import { defaultedResource } from "./defaults.js";
import { embeddedResourceProblems } from "./embedded.js";
import { fieldPathOf } from "./field-path.js";
import { junctorFailures } from "./junctors.js";
import { listTypeProblems } from "./list-types.js";
import { translateCustomResourceErrors, type ValueProblem } from "./messages.js";
import { hasBlockingErr } from "./blocking.js";
import { isInObjectMeta } from "./objectmeta.js";
import type { StructuralNode } from "./structural.js";
import { managedFieldsOnCreate } from "../../apiserver/managedfields/fieldmanager.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import { objectMetaDecodeError } from "./objectmeta-decode.js";
import { explainTypeMismatch } from "../type-mismatch.js";
import { getAtPointer, joinPointer, parsePointer } from "../../util/pointer.js";
import { validateObjectMeta } from "../../apiserver/apimachinery/objectmeta.js";
import { nameIsDNSSubdomain } from "../../apiserver/apimachinery/generic.js";
import type { ErrorType } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";
import { CUSTOM_RESOURCE_RULES, type CustomResourceProblem } from "./problem.js";
import type { CustomResourceSchema } from "./resource-schema.js";
import { appendAll } from "../../util/append.js";

export interface CustomResourceValidatorOptions {
  release: ReleaseSchemas;
  compiler: RuntimeCompiler;
  /** The target release, which decides how bad values are printed. */
  kubernetesVersion: string;
  /** The CRD's name, for messages. */
  crdName: string;
}

type Compiled = { validate: CompiledValidator } | { error: string };

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

export class CustomResourceValidator {
  private compiled: Compiled | undefined;
  private fieldIndex: Map<string, FieldPlace[]> | undefined;
  private readonly junctorValidators = new WeakMap<Record<string, unknown>, CompiledValidator>();

  constructor(
    private readonly schema: CustomResourceSchema,
    private readonly options: CustomResourceValidatorOptions,
  ) {}

  private compile(): Compiled {
    if (!this.compiled) {
      try {
        this.compiled = { validate: this.options.compiler.compileShared(this.schema.json) };
      } catch (error) {
        this.compiled = { error: firstLine(error) };
      }
    }
    return this.compiled;
  }

  /**
   * ajv's errors on the object. The large parts of the schema are compiled
   * when an object first reaches them, so this is where one may fail to.
   */
  private schemaErrors(validate: CompiledValidator, object: unknown): { errors: AjvError[] } | { error: string } {
    try {
      return { errors: validate(object) ? [] : ((validate.errors ?? []) as AjvError[]) };
    } catch (error) {
      return { error: firstLine(error) };
    }
  }

  validate(document: ManifestDocument): Finding[] {
    // Metadata that does not decode into ObjectMeta refuses the request before any validation.
    const undecodable = objectMetaDecodeError(document.object.metadata);
    if (undecodable) {
      const { apiVersion, kind } = document.object as { apiVersion: string; kind: string };
      const version = apiVersion.slice(apiVersion.indexOf("/") + 1);
      const pointer = joinPointer("/metadata", ...parsePointer(undecodable.pointer));
      const value = parsePointer(undecodable.pointer).reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], document.object.metadata);
      // kubeplan's hint on the value (an unrendered template, a number to quote), as for other type errors.
      const hint = /\s(\((?:[^()]|\([^()]*\))*\))$/.exec(explainTypeMismatch([undecodable.expected], value, document.sourceText?.(pointer)).message);
      const message = `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${undecodable.message}${hint ? ` ${hint[1]}` : ""}`;
      return [reportToFinding(document, RULES.type, "error", { pointer, message })];
    }
    const root = this.schema.structural;
    const object = defaultedResource(document.object, root);
    const view: ManifestDocument = object === document.object ? document : { ...document, object };
    const path = (pointer: string) => fieldPathOf(root, pointer);
    const compiled = this.compile();
    const findings: Finding[] = [];
    // The types of the field errors before the rules run, which may keep them from running.
    const errorTypes: ErrorType[] = [];
    // Where the value is not what the schema says: CEL rules over it may not be evaluable.
    const invalid: string[] = [];
    const checked = "error" in compiled ? compiled : this.schemaErrors(compiled.validate, object);
    if ("error" in checked) {
      const message = `the schema of CustomResourceDefinition ${this.options.crdName} could not be compiled, so this resource was not checked against it: ${checked.error}`;
      findings.push(reportToFinding(document, CUSTOM_RESOURCE_RULES.crdSchema, "info", { pointer: "", message }));
    } else {
      const context = {
        release: this.options.release,
        root: this.schema.json,
        document: view,
        written: document.object,
        kubernetesVersion: this.options.kubernetesVersion,
        fieldIndex: () => (this.fieldIndex ??= buildFieldIndex(this.options.release, this.schema.json)),
      };
      const errors = checked.errors.filter((error) => !isDecodedAsObjectMeta(error, object, root));
      for (const problem of translateCustomResourceErrors(context, errors)) {
        if (problem.rule === RULES.type || problem.rule === RULES.format || problem.rule === RULES.unknownField) invalid.push(problem.report.pointer);
        findings.push(reportToFinding(document, problem.rule, "error", problem.report));
        appendAll(errorTypes, fieldErrorTypes(problem));
      }
      if (this.schema.hasJunctors) {
        for (const failure of junctorFailures(object, root, (schema) => this.options.compiler.compile(schema), this.junctorValidators)) {
          findings.push(reportToFinding(document, RULES.invalidValue, "error", { pointer: failure.pointer, message: failure.message }));
          for (const problem of translateCustomResourceErrors(context, failure.errors)) {
            findings.push(reportToFinding(document, problem.rule, "error", problem.report));
            appendAll(errorTypes, fieldErrorTypes(problem));
          }
        }
      }
    }
    const version = this.options.kubernetesVersion;
    const more: CustomResourceProblem[] = [...listTypeProblems(object, root, version, path), ...embeddedResourceProblems(object, root, version)];
    if (this.schema.hasRules) {
      // The metadata's errors count too; its namespace is the default one when absent.
      for (const error of validateObjectMeta(metadataOnCreate(view.object), false, nameIsDNSSubdomain, FieldPath.root("metadata"), version)) errorTypes.push(error.type);
      for (const problem of more) if (problem.error) errorTypes.push(problem.error.type);
      const blocking = hasBlockingErr(errorTypes, version);
      if (blocking) more.push(blocking);
      else appendAll(more, celRuleProblems(object, root, path, invalid, version));
    }
    for (const problem of more) findings.push(toFinding(document, problem));
    return findings;
  }
}

/**
 * Metadata is read as ObjectMeta (Go types), not checked against a schema:
 * its OpenAPI `required` lists do not apply, and null is a field not set.
 */
function isDecodedAsObjectMeta(error: AjvError, object: unknown, root: StructuralNode): boolean {
  if (error.keyword !== "required" && !(error.keyword === "type" && getAtPointer(object, error.instancePath) === null)) return false;
  return isInObjectMeta(root, error.instancePath);
}

/** The metadata as validation sees it: with the managedFields the field manager keeps. */
function metadataOnCreate(object: JsonRecord): unknown {
  if (!isRecord(object.metadata) || object.metadata.managedFields === undefined) return object.metadata;
  return { ...object.metadata, managedFields: managedFieldsOnCreate(object).entries };
}

/** The type of the field error a schema problem states (none for an unknown field, which is pruned). */
function fieldErrorTypes(problem: SchemaProblem): ErrorType[] {
  return "fieldError" in problem ? [(problem as ValueProblem).fieldError.error.type] : [];
}

function toFinding(document: ManifestDocument, problem: CustomResourceProblem): Finding {
  const severity: Severity = problem.severity ?? "error";
  const report = { pointer: problem.pointer, message: problem.message, ...(problem.suggestion !== undefined ? { suggestion: problem.suggestion } : {}), ...(problem.atKey ? { atKey: true } : {}) };
  return reportToFinding(document, problem.rule, severity, report);
}
