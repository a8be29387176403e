// Registry strategies of discovery.k8s.io (pkg/registry/discovery/<resource>/strategy.go).
import { validateEndpointSlice } from "../validation/discovery/endpoint-slice.js";
import { endpointSliceWarningsOnCreate, prepareEndpointSliceForCreate } from "./endpoint-slice.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const DISCOVERY_STRATEGIES: GroupStrategies = {
  EndpointSlice: withObjectMeta(true, {
    prepareForCreate: prepareEndpointSliceForCreate,
    validate: (object, context) => validateEndpointSlice(object, context.kubernetesVersion),
    warningsOnCreate: endpointSliceWarningsOnCreate,
  }),
};
