// Registry strategies of networking.k8s.io (pkg/registry/networking/<resource>/strategy.go).
import { validateIngressClass } from "../validation/networking/ingress-class.js";
import { validateIngressCreate } from "../validation/networking/ingress.js";
import { validateIPAddress, validateIPAddressName } from "../validation/networking/ip-address.js";
import { validateNetworkPolicy } from "../validation/networking/network-policy.js";
import { validateServiceCIDR } from "../validation/networking/service-cidr.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

export const NETWORKING_STRATEGIES: GroupStrategies = {
  Ingress: withObjectMeta(true, { validate: (object, context) => validateIngressCreate(object, context.kubernetesVersion) }),
  IngressClass: withObjectMeta(false, { validate: (object) => validateIngressClass(object) }),
  IPAddress: withObjectMeta(false, { validate: (object) => validateIPAddress(object) }, validateIPAddressName),
  NetworkPolicy: withObjectMeta(true, { validate: (object, context) => validateNetworkPolicy(object, context.kubernetesVersion) }),
  ServiceCIDR: withObjectMeta(false, {
    // PrepareForCreate: a create cannot set the status.
    prepareForCreate: (object) => {
      delete object.status;
    },
    validate: (object, context) => validateServiceCIDR(object, context.kubernetesVersion),
  }),
};
