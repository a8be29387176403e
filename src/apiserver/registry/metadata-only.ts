// The strategy of a kind whose own validation kubeplan does not model (a
// built-in kind without a strategy here, or a custom resource): the API server
// still validates its metadata, with the name rule of the kind. Custom
// resources' names are DNS subdomains (apiextensions' validator).
import { nameIsDNSLabel, nameIsDNSSubdomain, type ValidateNameFunc } from "../apimachinery/generic.js";
import { validateObjectMeta } from "../apimachinery/objectmeta.js";
import { FieldPath } from "../field/path.js";
import type { Strategy } from "./types.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Names that may be anything a path segment allows: RBAC's minimalNameRequirements. */
const anyPathSegment: ValidateNameFunc = () => [];

/** Kinds (by `group/Kind`, "" for core) whose names are not DNS subdomains. */
const NAME_FUNCTIONS: Readonly<Record<string, ValidateNameFunc>> = lookupTable({
  // Pods take a StatefulSet's name as their hostname.
  "apps/StatefulSet": nameIsDNSLabel,
  "rbac.authorization.k8s.io/Role": anyPathSegment,
  "rbac.authorization.k8s.io/ClusterRole": anyPathSegment,
  "rbac.authorization.k8s.io/RoleBinding": anyPathSegment,
  "rbac.authorization.k8s.io/ClusterRoleBinding": anyPathSegment,
});

/** A strategy that validates only the object's metadata. */
export function metadataOnlyStrategy(group: string, kind: string, namespaceScoped: boolean): Strategy {
  const nameFn = NAME_FUNCTIONS[`${group}/${kind}`] ?? nameIsDNSSubdomain;
  return {
    namespaceScoped,
    validate: (object, context) => validateObjectMeta(object.metadata, namespaceScoped, nameFn, FieldPath.root("metadata"), context.kubernetesVersion),
  };
}
