// Registry strategy of coordination.k8s.io (pkg/registry/coordination/lease/strategy.go).
import { featureEnabled } from "../features.js";
import { validateLease } from "../validation/coordination/lease.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";
import { objectAt } from "../../util/object-access.js";

export const COORDINATION_STRATEGIES: GroupStrategies = {
  Lease: withObjectMeta(true, {
    prepareForCreate: (object, context) => {
      if (featureEnabled("CoordinatedLeaderElection", context.kubernetesVersion)) return;
      const spec = objectAt(object, "spec");
      delete spec?.strategy;
      delete spec?.preferredHolder;
    },
    validate: (object) => validateLease(object),
  }),
};
