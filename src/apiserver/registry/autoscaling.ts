// Registry strategy of the autoscaling group (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go).
import { featureEnabled } from "../features.js";
import { convertV1HorizontalPodAutoscalerSpec } from "../conversion/autoscaling-v1.js";
import { horizontalPodAutoscalerValidationOptions, validateHorizontalPodAutoscaler } from "../validation/autoscaling/horizontal-pod-autoscaler.js";
import type { GroupStrategies } from "./types.js";
import { objectAt, type JsonRecord } from "../../util/object-access.js";

/** dropDisabledFields: a scaling rule's tolerance needs HPAConfigurableTolerance. */
function dropDisabledFields(autoscaler: JsonRecord, kubernetesVersion: string): void {
  if (featureEnabled("HPAConfigurableTolerance", kubernetesVersion)) return;
  const behavior = objectAt(objectAt(autoscaler, "spec"), "behavior");
  for (const direction of ["scaleUp", "scaleDown"]) delete objectAt(behavior, direction)?.tolerance;
}

/**
 * autoscaling/v1 is decoded into the internal type: its metrics hold the CPU
 * target and the annotations' metrics, its behavior the annotation's, whose
 * gated fields are dropped as a v2 object's are.
 */
function internalForm(object: JsonRecord, apiVersion: string, kubernetesVersion: string): JsonRecord {
  if (apiVersion !== "autoscaling/v1") return object;
  const internal = { ...object, spec: convertV1HorizontalPodAutoscalerSpec(object) };
  dropDisabledFields(internal, kubernetesVersion);
  return internal;
}

export const AUTOSCALING_STRATEGIES: GroupStrategies = {
  HorizontalPodAutoscaler: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledFields(object, context.kubernetesVersion),
    validate: (object, context) => {
      const spec = objectAt(object, "spec") ?? {};
      return validateHorizontalPodAutoscaler(internalForm(object, context.apiVersion, context.kubernetesVersion), horizontalPodAutoscalerValidationOptions(spec, context.kubernetesVersion));
    },
  },
};
