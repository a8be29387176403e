// Registry strategy of apiregistration.k8s.io (k8s.io/kube-aggregator's
// pkg/registry/apiservice/strategy.go).
import { validateObjectMeta } from "../apimachinery/objectmeta.js";
import { FieldPath } from "../field/path.js";
import { apiServiceNameFunc, validateAPIService } from "../validation/apiregistration/api-service.js";
import type { GroupStrategies } from "./types.js";

export const APIREGISTRATION_STRATEGIES: GroupStrategies = {
  APIService: {
    namespaceScoped: false,
    // PrepareForCreate: a create cannot set the status.
    prepareForCreate: (object) => {
      delete object.status;
    },
    // The aggregator's ObjectMeta check, with the name rule `<version>.<group>`.
    validate: (object, context) => [
      ...validateObjectMeta(object.metadata, false, apiServiceNameFunc(object), FieldPath.root("metadata"), context.kubernetesVersion),
      ...validateAPIService(object),
    ],
  },
};
