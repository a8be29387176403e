// Registry strategies of the apps group (pkg/registry/apps/<resource>/strategy.go).
import { validateControllerRevisionCreate } from "../validation/apps/controller-revision.js";
import { validateDaemonSet } from "../validation/apps/daemon-set.js";
import { validateDeployment } from "../validation/apps/deployment.js";
import { validateReplicaSet } from "../validation/apps/replica-set.js";
import { dropStatefulSetDisabledFields, validateStatefulSet } from "../validation/apps/stateful-set.js";
import { podValidationOptions } from "../validation/core/pod.js";
import { podNameWarnings, podTemplateWarnings } from "./workload-warnings.js";
import type { GroupStrategies } from "./types.js";
import { dropDisabledTemplateFields } from "../pod/util.js";
import { dig } from "../../util/object-access.js";

export const APPS_STRATEGIES: GroupStrategies = {
  Deployment: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledTemplateFields(dig(object, "spec", "template"), context.kubernetesVersion),
    validate: (object, context) => validateDeployment(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => [...podNameWarnings(object), ...podTemplateWarnings(object, context.kubernetesVersion, "spec", "template")],
  },
  ReplicaSet: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledTemplateFields(dig(object, "spec", "template"), context.kubernetesVersion),
    validate: (object, context) => validateReplicaSet(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => [...podNameWarnings(object), ...podTemplateWarnings(object, context.kubernetesVersion, "spec", "template")],
  },
  StatefulSet: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => {
      dropStatefulSetDisabledFields(object, context.kubernetesVersion);
      dropDisabledTemplateFields(dig(object, "spec", "template"), context.kubernetesVersion);
    },
    validate: (object, context) => validateStatefulSet(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => podTemplateWarnings(object, context.kubernetesVersion, "spec", "template"),
  },
  DaemonSet: {
    namespaceScoped: true,
    prepareForCreate: (object, context) => dropDisabledTemplateFields(dig(object, "spec", "template"), context.kubernetesVersion),
    validate: (object, context) => validateDaemonSet(object, podValidationOptions(context.kubernetesVersion, false)),
    warningsOnCreate: (object, context) => podTemplateWarnings(object, context.kubernetesVersion, "spec", "template"),
  },
  ControllerRevision: { namespaceScoped: true, validate: (object, context) => validateControllerRevisionCreate(object, context.kubernetesVersion) },
};
