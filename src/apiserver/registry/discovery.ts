// Registry strategies of discovery.k8s.io (pkg/registry/discovery/endpointslice/strategy.go).
import { validateEndpointSlice } from "../validation/discovery/endpoint-slice.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const DISCOVERY_STRATEGIES: GroupStrategies = {
  EndpointSlice: withObjectMeta(true, { validate: (object, context) => validateEndpointSlice(object, context.kubernetesVersion) }),
};
