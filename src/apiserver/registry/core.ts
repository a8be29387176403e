// Registry strategies of the core group (pkg/registry/core/<resource>/strategy.go).
import { featureEnabled } from "../features.js";
import { validateConfigMap } from "../validation/core/config-map.js";
import { endpointsWarnings, validateEndpointsCreate } from "../validation/core/endpoints.js";
import { validateNamespace } from "../validation/core/namespace.js";
import { getWarningsForService, validateServiceCreate } from "../validation/core/service.js";
import { POD_STRATEGY, POD_TEMPLATE_STRATEGY } from "./pod.js";
import { beginCreateService } from "./service-storage.js";
import type { GroupStrategies } from "./types.js";
import { isRecord } from "../../util/object-access.js";

export const CORE_STRATEGIES: GroupStrategies = {
  ConfigMap: { namespaceScoped: true, validate: (object, context) => validateConfigMap(object, context.kubernetesVersion) },
  Endpoints: {
    namespaceScoped: true,
    validate: (object, context) => validateEndpointsCreate(object, context.kubernetesVersion),
    warningsOnCreate: (object, context) => endpointsWarnings(object, context.kubernetesVersion),
  },
  Namespace: { namespaceScoped: false, validate: (object, context) => validateNamespace(object, context.kubernetesVersion) },
  Pod: POD_STRATEGY,
  PodTemplate: POD_TEMPLATE_STRATEGY,
  Service: {
    namespaceScoped: true,
    beginCreate: beginCreateService,
    // PrepareForCreate: no status; trafficDistribution dropped while its gate is off.
    prepareForCreate: (object, context) => {
      delete object.status;
      if (!featureEnabled("ServiceTrafficDistribution", context.kubernetesVersion) && isRecord(object.spec)) delete object.spec.trafficDistribution;
    },
    validate: (object, context) => validateServiceCreate(object, context.kubernetesVersion),
    warningsOnCreate: (object, context) => getWarningsForService(object, context.kubernetesVersion),
  },
};
