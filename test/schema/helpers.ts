// Documents for the schema tests, loaded like the CLI loads them.
import { loadText } from "../../src/load/index.js";
import type { Finding, ManifestDocument } from "../../src/types.js";
import { createSchemaValidator, type SchemaValidator } from "../../src/schema/index.js";
import { celRuntime } from "../../src/schema/crd/cel/library.js";
import { stringify } from "yaml";

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

/**
 * A namespaced CRD of one served version whose schema has the given `spec`;
 * `root` adds to the root schema (its rules, a `metadata` property...).
 */
export function thingCrd(group: string, kind: string, spec: object, root: { properties?: object; [keyword: string]: unknown } = {}) {
  const openAPIV3Schema = { type: "object", ...root, properties: { ...root.properties, spec } };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${kind.toLowerCase()}s.${group}` },
    spec: { group, scope: "Namespaced", names: { plural: `${kind.toLowerCase()}s`, kind }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema } }] },
  };
}

/** thingCrd as a manifest's text, for tests that read whole files. */
export function thingCrdYaml(group: string, kind: string, spec: object, root: { properties?: object; [keyword: string]: unknown } = {}): string {
  return stringify(thingCrd(group, kind, spec, root));
}

/** Findings of a test.io Thing whose spec lines start at line 5. */
export function checkThing(spec: object, specYaml: string, version = "1.36") {
  const validator = createSchemaValidator({ kubernetesVersion: version });
  validator.addCustomResourceDefinitions([thingCrd("test.io", "Thing", spec)]);
  const [document] = documentsOf(`apiVersion: test.io/v1\nkind: Thing\nmetadata: {name: box}\nspec:\n${specYaml}`);
  return validator.validate(document!).map(brief);
}

/** A CEL expression evaluated on its own, with null `self` and `oldSelf`. */
export function evaluateCel(expression: string): unknown {
  return celRuntime()!.parse(expression)({ self: null, oldSelf: null });
}

/** Findings (rule, message) of a Thing whose `spec.v` has the schema and rule given. */
export function checkRuleOnField(field: object, rule: string, value: string): Array<[string, string]> {
  const spec = { type: "object", properties: { v: { ...field, "x-kubernetes-validations": [{ rule }] } } };
  return checkThing(spec, `  v: ${value}\n`).map((f) => [f.rule, f.message]);
}
