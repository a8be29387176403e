// Registry strategies of the core group (pkg/registry/core/<resource>/strategy.go).
import { validateConfigMap } from "../validation/core/config-map.js";
import { podValidationOptions, validatePodCreate, validatePodTemplate } from "../validation/core/pod.js";
import { getWarningsForPod, getWarningsForPodTemplate } from "../validation/core/pod-warnings.js";
import { FieldPath } from "../field/path.js";
import { obj } from "../validation/core/fields.js";
import type { GroupStrategies } from "./types.js";

export const CORE_STRATEGIES: GroupStrategies = {
  ConfigMap: { validate: (object) => validateConfigMap(object) },
  Pod: {
    validate: (object, context) => validatePodCreate(object, podValidationOptions(context.kubernetesVersion, true)),
    warningsOnCreate: (object) => getWarningsForPod(object),
  },
  PodTemplate: {
    validate: (object, context) => validatePodTemplate(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object) => getWarningsForPodTemplate(obj(object, "template") ?? {}, FieldPath.root("template")),
  },
};
