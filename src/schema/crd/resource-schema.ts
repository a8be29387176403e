// The schema of one served version of a custom resource, read from its CRD
// on first use only: a run that loads many CRDs but few custom resources
// reads and compiles only the schemas it needs.
import { customResourceSchema } from "../crd-schema.js";
import type { SchemaNode } from "../schema-node.js";
import { hasJunctors } from "./junctors.js";
import { hasValidationRules, readStructuralSchema, type StructuralNode } from "./structural.js";

export class CustomResourceSchema {
  private structuralNode: StructuralNode | undefined;
  private jsonSchema: SchemaNode | undefined;
  private rules: boolean | undefined;
  private junctors: boolean | undefined;

  constructor(private readonly openAPIV3Schema: unknown) {}

  /** The structural schema (defaults, list types, CEL rules, embedded resources). */
  get structural(): StructuralNode {
    return (this.structuralNode ??= readStructuralSchema(this.openAPIV3Schema));
  }

  /** The JSON schema ajv validates with. */
  get json(): SchemaNode {
    return (this.jsonSchema ??= customResourceSchema(this.structural));
  }

  /** Whether some node has x-kubernetes-validations. */
  get hasRules(): boolean {
    return (this.rules ??= hasValidationRules(this.structural));
  }

  /** Whether some node has allOf, anyOf, oneOf or not. */
  get hasJunctors(): boolean {
    return (this.junctors ??= hasJunctors(this.structural));
  }
}
