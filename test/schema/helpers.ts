// Documents for the schema tests, loaded like the CLI loads them.
import { loadText } from "../../src/load/index.js";
import type { Finding, ManifestDocument } from "../../src/types.js";
import { createSchemaValidator, type SchemaValidator } from "../../src/schema/index.js";

/** Documents as the loader gives them; `withSource: false` hides the source text, as other callers may. */
export function documentsOf(text: string, file = "file.yaml", withSource = true): ManifestDocument[] {
  const { documents, findings } = loadText(text, file);
  if (findings.length > 0) throw new Error(`fixture does not load: ${findings.map((f) => f.message).join("; ")}`);
  return withSource ? documents : documents.map((document) => ({ ...document, sourceText: undefined }));
}

const validators = new Map<string, SchemaValidator>();

export function validatorFor(kubernetesVersion = "1.36", ignoreMissingSchemas = false): SchemaValidator {
  const key = `${kubernetesVersion}/${ignoreMissingSchemas}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = createSchemaValidator({ kubernetesVersion, ignoreMissingSchemas });
    validators.set(key, validator);
  }
  return validator;
}

/** Every finding of every document of the text. */
export function findingsOf(text: string, options: { version?: string; ignoreMissingSchemas?: boolean; withSource?: boolean } = {}): Finding[] {
  const validator = validatorFor(options.version, options.ignoreMissingSchemas);
  return documentsOf(text, "file.yaml", options.withSource ?? true).flatMap((document) => validator.validate(document));
}

/** The parts of a finding the tables assert. */
export function brief(finding: Finding): { rule: string; line: number; column: number; message: string; suggestion?: string } {
  const out: { rule: string; line: number; column: number; message: string; suggestion?: string } = {
    rule: finding.rule,
    line: finding.line,
    column: finding.column,
    message: finding.message,
  };
  if (finding.suggestion !== undefined) out.suggestion = finding.suggestion;
  return out;
}
