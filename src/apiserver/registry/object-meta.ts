// For strategies whose kind's validation does not check ObjectMeta itself yet:
// the kind's scope, and ValidateObjectMeta with the kind's name rule (a DNS
// subdomain for most kinds) first, as upstream's Validate<Kind> functions begin.
import { nameIsDNSSubdomain, type ValidateNameFunc } from "../apimachinery/generic.js";
import { FieldPath } from "../field/path.js";
import { validateObjectMeta } from "../validation/core/object-meta.js";
import type { Strategy } from "./types.js";

export function withObjectMeta(namespaceScoped: boolean, strategy: Omit<Strategy, "namespaceScoped">, nameFn: ValidateNameFunc = nameIsDNSSubdomain): Strategy {
  return {
    ...strategy,
    namespaceScoped,
    validate: (object, context) => [
      ...validateObjectMeta(object.metadata, namespaceScoped, nameFn, FieldPath.root("metadata"), context.kubernetesVersion),
      ...strategy.validate(object, context),
    ],
  };
}
