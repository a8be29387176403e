// Registry strategies of apiextensions.k8s.io
// (apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go).
import { featureEnabled } from "../features.js";
import { validateCustomResourceDefinition } from "../validation/apiextensions/validation.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

/** dropDisabledFields: without CustomResourceFieldSelectors (1.30) a create's selectable fields are dropped. */
function dropDisabledFields(crd: JsonRecord, kubernetesVersion: string): void {
  if (featureEnabled("CustomResourceFieldSelectors", kubernetesVersion) || !isRecord(crd.spec)) return;
  delete crd.spec.selectableFields;
  if (Array.isArray(crd.spec.versions)) for (const version of crd.spec.versions) if (isRecord(version)) delete version.selectableFields;
}

export const APIEXTENSIONS_STRATEGIES: GroupStrategies = {
  CustomResourceDefinition: withObjectMeta(false, {
    prepareForCreate: (object, context) => dropDisabledFields(object, context.kubernetesVersion),
    validate: (object, context) => validateCustomResourceDefinition(object, context.kubernetesVersion),
  }),
};
