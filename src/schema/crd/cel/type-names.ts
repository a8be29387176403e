// The names the API server gives the object types of a rule's schema, as
// cel-go's checker prints them in its errors (DeclType.MaybeAssignTypeName):
// the rule's node is `selfType<N>`, an object field `<parent>.<field>`, a
// list's items `<parent>.@idx`, a map's values `<parent>.@elem`. N is a clock
// reading of the server (generateUniqueSelfTypeName) that no one can know
// beforehand: kubeplan writes 0.
import type { CelType } from "./types.js";

export const SELF_TYPE_NAME = "selfType0";
const MAX_DEPTH = 64;

/** The name of each object type under `self` (self included), as the API server names it. */
export function objectTypeNames(self: CelType): WeakMap<CelType, string> {
  const names = new WeakMap<CelType, string>();
  const visit = (type: CelType | undefined, name: string, depth: number): void => {
    if (!type || depth > MAX_DEPTH) return;
    if (type.kind === "object" && type.fields && type.fields.size > 0) {
      // A field reachable by two names (a reserved word and its escape) keeps the first.
      if (names.has(type)) return;
      names.set(type, name);
      for (const [field, fieldType] of type.fields) visit(fieldType, `${name}.${field}`, depth + 1);
    } else if (type.kind === "list") visit(type.elem, `${name}.@idx`, depth + 1);
    else if (type.kind === "map") visit(type.elem, `${name}.@elem`, depth + 1);
  };
  visit(self, SELF_TYPE_NAME, 0);
  return names;
}
