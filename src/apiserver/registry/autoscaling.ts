// Registry strategy of the autoscaling group (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go).
import { featureEnabled } from "../features.js";
import {
  horizontalPodAutoscalerSpecFromV1,
  horizontalPodAutoscalerValidationOptions,
  validateHorizontalPodAutoscaler,
} from "../validation/autoscaling/horizontal-pod-autoscaler.js";
import type { GroupStrategies } from "./types.js";
import { objectAt, type JsonRecord } from "../../util/object-access.js";

/** dropDisabledFields: a scaling rule's tolerance needs HPAConfigurableTolerance. */
function dropDisabledFields(autoscaler: JsonRecord, kubernetesVersion: string): void {
  if (featureEnabled("HPAConfigurableTolerance", kubernetesVersion)) return;
  const behavior = objectAt(objectAt(autoscaler, "spec"), "behavior");
  for (const direction of ["scaleUp", "scaleDown"]) delete objectAt(behavior, direction)?.tolerance;
}

export const AUTOSCALING_STRATEGIES: GroupStrategies = {
  HorizontalPodAutoscaler: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledFields(object, context.kubernetesVersion),
    validate: (object, context) => {
      // autoscaling/v1 is decoded into the internal type, whose metrics hold the CPU target.
      const spec = objectAt(object, "spec") ?? {};
      const internal = context.apiVersion === "autoscaling/v1" ? { ...object, spec: horizontalPodAutoscalerSpecFromV1(spec) } : object;
      return validateHorizontalPodAutoscaler(internal, horizontalPodAutoscalerValidationOptions(spec, context.kubernetesVersion));
    },
  },
};
