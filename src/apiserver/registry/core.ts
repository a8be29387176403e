// Registry strategies of the core group (pkg/registry/core/<resource>/strategy.go).
import { featureEnabled } from "../features.js";
import { validateConfigMap } from "../validation/core/config-map.js";
import { endpointsWarnings, validateEndpointsCreate } from "../validation/core/endpoints.js";
import { validateLimitRange } from "../validation/core/limit-range.js";
import { validateNamespace } from "../validation/core/namespace.js";
import { validateNode } from "../validation/core/node.js";
import { validatePersistentVolume } from "../validation/core/persistent-volume.js";
import { validatePersistentVolumeClaim } from "../validation/core/persistent-volume-claim.js";
import { dropDisabledSpecFields, getWarningsForPersistentVolume } from "../persistentvolume/util.js";
import { dropDisabledFields, enforceDataSourceBackwardsCompatibility, getWarningsForPersistentVolumeClaim, normalizeDataSources } from "../persistentvolumeclaim/util.js";
import { validateResourceQuota } from "../validation/core/resource-quota.js";
import { validateSecret, warningsForSecret } from "../validation/core/secret.js";
import { getWarningsForService, validateServiceCreate } from "../validation/core/service.js";
import { validateServiceAccount, warningsForServiceAccount } from "../validation/core/service-account.js";
import { podValidationOptions } from "../validation/core/pod.js";
import { validateReplicationController } from "../validation/core/replication-controller.js";
import { EVENT_STRATEGY } from "./events.js";
import { POD_STRATEGY, POD_TEMPLATE_STRATEGY } from "./pod.js";
import { beginCreateService } from "./service-storage.js";
import type { GroupStrategies } from "./types.js";
import { podNameWarnings, podTemplateWarnings } from "./workload-warnings.js";
import { dropDisabledTemplateFields } from "../pod/util.js";
import { dig, isRecord } from "../../util/object-access.js";

export const CORE_STRATEGIES: GroupStrategies = {
  ConfigMap: { namespaceScoped: true, validate: (object, context) => validateConfigMap(object, context.kubernetesVersion) },
  Endpoints: {
    namespaceScoped: true,
    validate: (object, context) => validateEndpointsCreate(object, context.kubernetesVersion),
    warningsOnCreate: (object, context) => endpointsWarnings(object, context.kubernetesVersion),
  },
  Event: EVENT_STRATEGY,
  LimitRange: { namespaceScoped: true, validate: (object, context) => validateLimitRange(object, context.kubernetesVersion) },
  Namespace: { namespaceScoped: false, validate: (object, context) => validateNamespace(object, context.kubernetesVersion) },
  Node: { namespaceScoped: false, validate: (object, context) => validateNode(object, context.kubernetesVersion) },
  PersistentVolume: {
    namespaceScoped: false,
    // PrepareForCreate: no status from the client; fields of gates that are off dropped.
    prepareForCreate: (object, context) => {
      delete object.status;
      if (isRecord(object.spec)) dropDisabledSpecFields(object.spec, context.kubernetesVersion);
    },
    validate: (object, context) => validatePersistentVolume(object, context.kubernetesVersion),
    warningsOnCreate: (object, context) => getWarningsForPersistentVolume(object, context.kubernetesVersion),
  },
  PersistentVolumeClaim: {
    namespaceScoped: true,
    // PrepareForCreate: no status; disabled fields dropped; dataSource and dataSourceRef made to agree.
    prepareForCreate: (object, context) => {
      delete object.status;
      if (!isRecord(object.spec)) return;
      dropDisabledFields(object.spec, context.kubernetesVersion);
      enforceDataSourceBackwardsCompatibility(object.spec);
      normalizeDataSources(object.spec);
    },
    validate: (object, context) => validatePersistentVolumeClaim(object, context.kubernetesVersion),
    warningsOnCreate: (object) => getWarningsForPersistentVolumeClaim(object),
  },
  Pod: POD_STRATEGY,
  PodTemplate: POD_TEMPLATE_STRATEGY,
  ReplicationController: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledTemplateFields(dig(object, "spec", "template"), context.kubernetesVersion),
    validate: (object, context) => validateReplicationController(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => [...podNameWarnings(object), ...podTemplateWarnings(object, context.kubernetesVersion, "spec", "template")],
  },
  ResourceQuota: {
    namespaceScoped: true,
    // PrepareForCreate: a create cannot set the status.
    prepareForCreate: (object) => {
      delete object.status;
    },
    validate: (object, context) => validateResourceQuota(object, context.kubernetesVersion),
  },
  Secret: {
    namespaceScoped: true,
    validate: (object, context) => validateSecret(object, context.kubernetesVersion),
    warningsOnCreate: (object) => warningsForSecret(object).map((message) => ({ message })),
  },
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
  ServiceAccount: {
    namespaceScoped: true,
    validate: (object, context) => validateServiceAccount(object, context.kubernetesVersion),
    warningsOnCreate: (object, context) => warningsForServiceAccount(object, context.kubernetesVersion),
  },
};
