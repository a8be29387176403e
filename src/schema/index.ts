// The schema layer of `kubeplan validate`: each document against the schema
// of its kind in the target Kubernetes release (or of its CustomResourceDefinition),
// with findings that say how to fix the problem.
import type { Finding, KubeObject, ManifestDocument } from "../types.js";
import { crdFromSchemaLocations } from "./schema-locations.js";
import { reportToFinding } from "../validate/findings.js";
import { conversionFix } from "./conversions/index.js";
import { customKindProblem } from "./crd/kind-lookup.js";
import { CustomResourceValidator } from "./crd/validator.js";
import { CustomResourceCatalog, isCustomResourceDefinition, type CustomResourceVersion } from "./custom-resources.js";
import { buildFieldIndex, type FieldPlace } from "./field-index.js";
import { FORMAT_CHECKS } from "./formats.js";
import { KIND_RULES, KindCatalog } from "./kind-catalog.js";
import { loadLifecycle, loadValidators, releaseSchemas, type CompiledValidator, type ReleaseSchemas } from "./registry.js";
import { resolvedKindSchema } from "./resolved-schema.js";
import { RuntimeCompiler } from "./runtime-ajv.js";
import type { SchemaNode } from "./schema-node.js";
import { problemsUnderAssumedFields } from "./problems/assumed-field.js";
import { translateErrors, type AjvError, type TranslationContext } from "./translate.js";
import { SUPPORTED_VERSIONS, normalizeKubernetesVersion } from "./versions.js";

export { DEFAULT_KUBERNETES_VERSION, NEWEST_BUNDLED_VERSION, SUPPORTED_VERSIONS, newerThanBundled, normalizeKubernetesVersion } from "./versions.js";
export { KIND_RULES } from "./kind-catalog.js";
export { RULES as SCHEMA_RULES } from "./translate.js";
export { CUSTOM_RESOURCE_RULES } from "./crd/problem.js";

export interface SchemaValidator {
  /** Schema + structural findings of one document (rule ids below); [] when valid. */
  validate(document: ManifestDocument): Finding[];
  /** Whether apiVersion+kind is known for this version: built-in, or declared by an added CRD. */
  hasKind(apiVersion: string, kind: string): boolean;
  isNamespaced(apiVersion: string, kind: string): boolean | undefined;
  /**
   * Declares the custom resources of the CustomResourceDefinitions among these
   * objects (others are ignored): their objects are then validated against the
   * CRD's openAPIV3Schema instead of being reported as missing a schema.
   */
  addCustomResourceDefinitions(objects: readonly KubeObject[]): void;
}

export interface SchemaValidatorOptions {
  kubernetesVersion: string;
  /** Custom resources whose schema is unknown pass silently (kubeconform's -ignore-missing-schemas). */
  ignoreMissingSchemas?: boolean;
  /** Catalogs of custom resources' JSON schemas on disk (kubeconform's -schema-location templates). */
  schemaLocations?: readonly string[];
}

function resolveVersion(version: string): string {
  const release = normalizeKubernetesVersion(version);
  if (!release) {
    throw new Error(`unsupported Kubernetes version ${JSON.stringify(version)}: supported versions are ${SUPPORTED_VERSIONS.join(", ")}`);
  }
  return release;
}

/** A compiled schema of one kind, with what its messages need. */
interface KindValidation {
  validate: CompiledValidator;
  root: SchemaNode;
  fieldIndex?: Map<string, FieldPlace[]>;
}

class ReleaseValidator implements SchemaValidator {
  private readonly catalog: KindCatalog;
  private readonly builtIn = new Map<string, KindValidation>();
  private readonly customResources = new CustomResourceCatalog();
  private readonly custom = new WeakMap<CustomResourceVersion, CustomResourceValidator>();
  private readonly compiler: RuntimeCompiler;

  /** Kinds already looked up in the schema locations (found or not), by `apiVersion/kind`. */
  private readonly located = new Set<string>();

  constructor(
    private readonly release: ReleaseSchemas,
    private readonly ignoreMissingSchemas: boolean,
    private readonly schemaLocations: readonly string[] = [],
  ) {
    this.catalog = new KindCatalog(release, loadLifecycle());
    this.compiler = new RuntimeCompiler(release);
  }

  hasKind(apiVersion: string, kind: string): boolean {
    return this.release.kind(apiVersion, kind) !== undefined || this.customResources.find(apiVersion, kind) !== undefined;
  }

  isNamespaced(apiVersion: string, kind: string): boolean | undefined {
    return this.release.kind(apiVersion, kind)?.namespaced ?? this.customResources.find(apiVersion, kind)?.namespaced;
  }

  addCustomResourceDefinitions(objects: readonly KubeObject[]): void {
    for (const object of objects) {
      if (object !== null && typeof object === "object" && isCustomResourceDefinition(object)) this.customResources.add(object);
    }
  }

  validate(document: ManifestDocument): Finding[] {
    const { apiVersion, kind } = document.object;
    if (typeof apiVersion !== "string" || typeof kind !== "string") return [];
    if (!this.release.kind(apiVersion, kind)) {
      const custom = this.customResources.find(apiVersion, kind) ?? this.fromSchemaLocations(apiVersion, kind);
      if (custom) return this.validateCustomResource(document, custom);
      const explained = customKindProblem(this.customResources, apiVersion, kind);
      if (explained) return [reportToFinding(document, KIND_RULES.unknownKind, "error", explained.report)];
    }
    const check = this.catalog.check(apiVersion, kind, this.ignoreMissingSchemas);
    for (const { rule, report } of check.problems) {
      if (rule !== KIND_RULES.removedApi || report.suggestion === undefined) continue;
      const fix = conversionFix(document.object, report.suggestion);
      if (fix) report.fix = fix;
    }
    const findings = check.problems.map((p) => reportToFinding(document, p.rule, p.severity, p.report));
    if (!check.entry) return findings;
    const { definition, validators } = check.entry;
    let validation = this.builtIn.get(definition);
    if (!validation) {
      const validate = loadValidators(validators, FORMAT_CHECKS)[definition];
      if (!validate) throw new Error(`schemas/${validators} has no validator for ${definition}: regenerate schemas/`);
      validation = { validate, root: { $ref: definition } };
      this.builtIn.set(definition, validation);
    }
    return findings.concat(this.run(document, validation));
  }

  /** A kind no CRD defines, from the schema catalogs (read once per kind). */
  private fromSchemaLocations(apiVersion: string, kind: string): CustomResourceVersion | undefined {
    const key = `${apiVersion}/${kind}`;
    if (this.schemaLocations.length === 0 || this.located.has(key)) return undefined;
    this.located.add(key);
    const crd = crdFromSchemaLocations(this.schemaLocations, apiVersion, kind, this.release.kubernetesVersion);
    if (!crd) return undefined;
    this.customResources.add(crd);
    return this.customResources.find(apiVersion, kind);
  }

  private validateCustomResource(document: ManifestDocument, version: CustomResourceVersion): Finding[] {
    if (!version.served) {
      const message = `apiVersion: no matches for kind ${JSON.stringify(version.kind)} in version ${JSON.stringify(version.apiVersion)}: CustomResourceDefinition ${version.crdName} does not serve it`;
      return [reportToFinding(document, KIND_RULES.unknownKind, "error", { pointer: "/apiVersion", message })];
    }
    if (!version.schema) return [];
    let validator = this.custom.get(version);
    if (!validator) {
      validator = new CustomResourceValidator(version.schema, {
        release: this.release,
        compiler: this.compiler,
        kubernetesVersion: this.release.kubernetesVersion,
        crdName: version.crdName,
      });
      this.custom.set(version, validator);
    }
    return validator.validate(document);
  }

  private run(document: ManifestDocument, validation: KindValidation): Finding[] {
    const errorsOf = (object: unknown): AjvError[] => (validation.validate(object) ? [] : [...((validation.validate.errors ?? []) as AjvError[])]);
    const errors = errorsOf(document.object);
    if (errors.length === 0) return [];
    const context: TranslationContext = {
      release: this.release,
      root: validation.root,
      document,
      fieldIndex: () => (validation.fieldIndex ??= buildFieldIndex(this.release, validation.root)),
    };
    const problems = translateErrors(context, errors);
    const assumed = problemsUnderAssumedFields(context, problems, errorsOf, translateErrors);
    return [...problems, ...assumed].map((problem) => reportToFinding(document, problem.rule, "error", problem.report));
  }
}

export function createSchemaValidator(options: SchemaValidatorOptions): SchemaValidator {
  return new ReleaseValidator(releaseSchemas(resolveVersion(options.kubernetesVersion)), options.ignoreMissingSchemas ?? false, options.schemaLocations);
}

/**
 * The resolved JSON schema of a kind: `$ref`s replaced by the definitions they
 * name, list merge keys (`x-kubernetes-patch-merge-key`, `x-kubernetes-list-map-keys`...)
 * kept. Lazy and cached; shared sub-schemas are the same objects, and the CRD
 * schema type refers to itself (walk it along a document, not exhaustively).
 */
export function loadKindSchema(kubernetesVersion: string, apiVersion: string, kind: string): object | undefined {
  const release = releaseSchemas(resolveVersion(kubernetesVersion));
  const entry = release.kind(apiVersion, kind);
  return entry ? resolvedKindSchema(release, entry.definition) : undefined;
}
