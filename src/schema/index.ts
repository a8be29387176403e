// The schema layer of `kubeplan validate`: each document against the schema
// of its kind in the target Kubernetes release, with findings that say how
// to fix the problem.
import type { Finding, ManifestDocument } from "../types.js";
import { reportToFinding } from "../validate/findings.js";
import { buildFieldIndex, type FieldPlace } from "./field-index.js";
import { FORMAT_CHECKS } from "./formats.js";
import { KindCatalog } from "./kind-catalog.js";
import { loadLifecycle, loadValidators, releaseSchemas, type CompiledValidator, type ReleaseSchemas } from "./registry.js";
import { resolvedKindSchema } from "./resolved-schema.js";
import { translateErrors, type AjvError } from "./translate.js";
import { SUPPORTED_VERSIONS, normalizeKubernetesVersion } from "./versions.js";

export { DEFAULT_KUBERNETES_VERSION, SUPPORTED_VERSIONS, normalizeKubernetesVersion } from "./versions.js";
export { KIND_RULES } from "./kind-catalog.js";
export { RULES as SCHEMA_RULES } from "./translate.js";

export interface SchemaValidator {
  /** Schema + structural findings of one document (rule ids below); [] when valid. */
  validate(document: ManifestDocument): Finding[];
  /** Whether apiVersion+kind is known (built-in) for this version. */
  hasKind(apiVersion: string, kind: string): boolean;
  isNamespaced(apiVersion: string, kind: string): boolean | undefined;
}

export interface SchemaValidatorOptions {
  kubernetesVersion: string;
  /** Custom resources whose schema is unknown pass silently (kubeconform's -ignore-missing-schemas). */
  ignoreMissingSchemas?: boolean;
}

function resolveVersion(version: string): string {
  const release = normalizeKubernetesVersion(version);
  if (!release) {
    throw new Error(`unsupported Kubernetes version ${JSON.stringify(version)}: supported versions are ${SUPPORTED_VERSIONS.join(", ")}`);
  }
  return release;
}

interface KindValidation {
  validate: CompiledValidator;
  definition: string;
  fieldIndex?: Map<string, FieldPlace[]>;
}

class ReleaseValidator implements SchemaValidator {
  private readonly catalog: KindCatalog;
  private readonly kinds = new Map<string, KindValidation>();

  constructor(
    private readonly release: ReleaseSchemas,
    private readonly ignoreMissingSchemas: boolean,
  ) {
    this.catalog = new KindCatalog(release, loadLifecycle());
  }

  hasKind(apiVersion: string, kind: string): boolean {
    return this.release.kind(apiVersion, kind) !== undefined;
  }

  isNamespaced(apiVersion: string, kind: string): boolean | undefined {
    return this.release.kind(apiVersion, kind)?.namespaced;
  }

  validate(document: ManifestDocument): Finding[] {
    const { apiVersion, kind } = document.object;
    if (typeof apiVersion !== "string" || typeof kind !== "string") return [];
    const check = this.catalog.check(apiVersion, kind, this.ignoreMissingSchemas);
    const findings = check.problems.map((p) => reportToFinding(document, p.rule, p.severity, p.report));
    if (!check.entry) return findings;
    const kindValidation = this.kindValidation(`${apiVersion} ${kind}`, check.entry.definition, check.entry.validators);
    if (kindValidation.validate(document.object)) return findings;
    const errors = (kindValidation.validate.errors ?? []) as AjvError[];
    const problems = translateErrors(
      {
        release: this.release,
        root: { $ref: kindValidation.definition },
        document,
        fieldIndex: () => (kindValidation.fieldIndex ??= buildFieldIndex(this.release, kindValidation.definition)),
      },
      errors,
    );
    for (const problem of problems) findings.push(reportToFinding(document, problem.rule, "error", problem.report));
    return findings;
  }

  private kindValidation(key: string, definition: string, file: string): KindValidation {
    let entry = this.kinds.get(key);
    if (!entry) {
      const validate = loadValidators(file, FORMAT_CHECKS)[definition];
      if (!validate) throw new Error(`schemas/${file} has no validator for ${definition}: regenerate schemas/`);
      entry = { validate, definition };
      this.kinds.set(key, entry);
    }
    return entry;
  }
}

export function createSchemaValidator(options: SchemaValidatorOptions): SchemaValidator {
  return new ReleaseValidator(releaseSchemas(resolveVersion(options.kubernetesVersion)), options.ignoreMissingSchemas ?? false);
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
