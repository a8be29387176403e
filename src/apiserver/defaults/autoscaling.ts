// API defaulting of autoscaling/v1 and autoscaling/v2 (pkg/apis/autoscaling/v*/defaults.go).
import { ensureObject, setDefault } from "./fields.js";
import { arrayAt, isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";

const SCALE_UP_RULES = {
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
};
const SCALE_DOWN_RULES = { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };

function scalingRules(given: unknown, defaults: JsonRecord): JsonRecord {
  const out: JsonRecord = structuredClone(defaults);
  if (isRecord(given)) for (const [key, value] of Object.entries(given)) if (value !== undefined) out[key] = value;
  return out;
}

/** autoscaling/v2 SetDefaults_HorizontalPodAutoscaler. */
export function setDefaultsHorizontalPodAutoscalerV2(body: JsonRecord): void {
  // The spec is a struct: its defaults apply even when it is left out.
  const spec = ensureObject(body, "spec");
  if (!spec) return;
  setDefault(spec, "minReplicas", 1);
  const metrics = arrayAt(spec, "metrics");
  if (!metrics || metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  }
  const behavior = objectAt(spec, "behavior");
  if (behavior) {
    behavior.scaleUp = scalingRules(behavior.scaleUp, SCALE_UP_RULES);
    behavior.scaleDown = scalingRules(behavior.scaleDown, SCALE_DOWN_RULES);
  }
}

/** autoscaling/v1 only defaults minReplicas; its target moves to `metrics` in v2. */
export function setDefaultsHorizontalPodAutoscalerV1(body: JsonRecord): void {
  setDefault(objectAt(body, "spec"), "minReplicas", 1);
}
