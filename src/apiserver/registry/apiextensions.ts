// Registry strategies of apiextensions.k8s.io
// (apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go).
import { validateCustomResourceDefinition } from "../validation/apiextensions/validation.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const APIEXTENSIONS_STRATEGIES: GroupStrategies = {
  CustomResourceDefinition: withObjectMeta(false, { validate: (object, context) => validateCustomResourceDefinition(object, context.kubernetesVersion) }),
};
