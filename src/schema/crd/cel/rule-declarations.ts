// The declarations a CRD's x-kubernetes-validations rule is checked against
// (apiextensions-apiserver compilation.go prepareEnvSet): `self` of the
// schema node's type (SchemaDeclType, types.ts), `oldSelf` of the same type,
// or an optional of it for a rule with optionalOldSelf. Object types are
// named as DeclType.MaybeAssignTypeName names them, which is how cel-go's
// checker prints them: the rule's node `selfType<N>`, an object's field
// `<parent>.<field>`, a list's items `<parent>.@idx`, a map's values
// `<parent>.@elem`. N is a clock reading of the server
// (generateUniqueSelfTypeName) that no one can know beforehand: kubeplan
// writes 0. An object's declared fields are those its schema gives a type
// (preserved unknown fields are not declared); an int-or-string is dyn.
// Types are worked out as the checker asks for them: a rule selects a few
// fields of what may be a whole pod template.
import { DYN, UNRESOLVED_DYN, type CheckedType } from "./checker-types.js";
import type { CheckerDeclarations } from "./checker.js";
import { DYN as UNTYPED_DEPTH, type CelType } from "./types.js";

export const SELF_TYPE_NAME = "selfType0";

/** The scalar kinds of types.ts as the checker's primitive types. */
const PRIMITIVES: Partial<Record<CelType["kind"], string>> = {
  string: "string",
  bytes: "bytes",
  int: "int",
  double: "double",
  bool: "bool",
  timestamp: "timestamp",
  duration: "duration",
};

class SchemaTypes {
  /** Each object type's name, the first it was reached by (a field reachable by a reserved word and its escape keeps the escape). */
  private readonly names = new Map<CelType, string>();
  private readonly objects = new Map<string, CelType>();
  private readonly fieldsByName = new Map<string, ReadonlyMap<string, CheckedType>>();

  /** The checker's type of a schema's CEL type; `name` is what an object at this place is called. */
  convert(type: CelType, name: string): CheckedType {
    const primitive = PRIMITIVES[type.kind];
    if (primitive !== undefined) return { kind: "primitive", name: primitive };
    switch (type.kind) {
      case "list":
        return type.elem ? { kind: "list", elem: this.convert(type.elem, `${name}.@idx`) } : { kind: "list", elem: DYN };
      case "map":
        return { kind: "map", key: { kind: "primitive", name: "string" }, value: type.elem ? this.convert(type.elem, `${name}.@elem`) : DYN };
      case "object": {
        let known = this.names.get(type);
        if (known === undefined) {
          known = name;
          this.names.set(type, known);
          this.objects.set(known, type);
        }
        return { kind: "object", name: known };
      }
      default:
        // An int-or-string is dyn; a node deeper than types.ts follows is of a type kubeplan did not work out.
        return type === UNTYPED_DEPTH ? UNRESOLVED_DYN : DYN;
    }
  }

  /** The declared fields of an object type, by the escaped names rules select them by. */
  fields(typeName: string): ReadonlyMap<string, CheckedType> | undefined {
    const cached = this.fieldsByName.get(typeName);
    if (cached) return cached;
    const object = this.objects.get(typeName);
    if (!object) return undefined;
    const fields = new Map<string, CheckedType>();
    for (const [field, type] of object.fields ?? []) fields.set(field, this.convert(type, `${typeName}.${field}`));
    this.fieldsByName.set(typeName, fields);
    return fields;
  }
}

export interface RuleDeclarationOptions {
  kubernetesVersion: string;
  /** The rule sets optionalOldSelf: oldSelf is `optional_type(<self's type>)`. */
  optionalOldSelf?: boolean;
}

/** The checker's declarations for the rules of a schema node whose CEL type is `self`. */
export function ruleDeclarations(self: CelType, options: RuleDeclarationOptions): CheckerDeclarations {
  const types = new SchemaTypes();
  const selfType = types.convert(self, SELF_TYPE_NAME);
  const oldSelfType: CheckedType = options.optionalOldSelf === true ? { kind: "opaque", name: "optional_type", params: [selfType] } : selfType;
  return {
    variable: (name) => (name === "self" ? selfType : name === "oldSelf" ? oldSelfType : undefined),
    fields: (typeName) => types.fields(typeName),
    kubernetesVersion: options.kubernetesVersion,
  };
}
