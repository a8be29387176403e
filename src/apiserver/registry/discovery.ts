// Registry strategies of discovery.k8s.io (pkg/registry/discovery/endpointslice/strategy.go).
import { validateEndpointSlice } from "../validation/discovery/endpoint-slice.js";
import type { GroupStrategies } from "./types.js";

export const DISCOVERY_STRATEGIES: GroupStrategies = {
  EndpointSlice: { validate: (object, context) => validateEndpointSlice(object, context.kubernetesVersion) },
};
