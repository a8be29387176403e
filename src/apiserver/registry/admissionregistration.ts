// Registry strategies of admissionregistration.k8s.io
// (pkg/registry/admissionregistration/<resource>/strategy.go).
import type { FieldWarning } from "../field/errors.js";
import { goQuote } from "../field/values.js";
import { validateMutatingAdmissionPolicy, validateMutatingAdmissionPolicyBinding } from "../validation/admissionregistration/mutating-policy.js";
import { validateValidatingAdmissionPolicy, validateValidatingAdmissionPolicyBinding } from "../validation/admissionregistration/policy.js";
import { validateWebhookConfiguration } from "../validation/admissionregistration/webhooks.js";
import { atLeast } from "../../util/release.js";
import { nameOf, type JsonRecord } from "../../util/object-access.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies, Strategy, ValidationContext } from "./types.js";

/** StaticConfigSuffix: names reserved for admission configuration loaded from manifests. */
const STATIC_CONFIG_SUFFIX = ".static.k8s.io";

/**
 * WarningsForStaticSuffix: since 1.36, while ManifestBasedAdmissionControlConfig
 * is off (as it is by default), a name with the reserved suffix is a warning.
 */
function warningsForStaticSuffix(object: JsonRecord, context: ValidationContext): FieldWarning[] {
  if (!atLeast(context.kubernetesVersion, "1.36") || !nameOf(object).endsWith(STATIC_CONFIG_SUFFIX)) return [];
  return [
    {
      message: `metadata.name: names ending with ${goQuote(STATIC_CONFIG_SUFFIX)} will be reserved for static manifest-based configurations when the ManifestBasedAdmissionControlConfig feature gate is enabled`,
    },
  ];
}

function webhookConfigurationStrategy(mutating: boolean): Strategy {
  return withObjectMeta(false, {
    validate: (object, context) => validateWebhookConfiguration(object, mutating, context.kubernetesVersion),
    warningsOnCreate: warningsForStaticSuffix,
  });
}

export const ADMISSIONREGISTRATION_STRATEGIES: GroupStrategies = {
  ValidatingWebhookConfiguration: webhookConfigurationStrategy(false),
  MutatingWebhookConfiguration: webhookConfigurationStrategy(true),
  ValidatingAdmissionPolicy: withObjectMeta(false, {
    // PrepareForCreate: a create cannot set the status.
    prepareForCreate: (object) => {
      delete object.status;
    },
    validate: (object, context) => validateValidatingAdmissionPolicy(object, context.kubernetesVersion),
  }),
  ValidatingAdmissionPolicyBinding: withObjectMeta(false, { validate: (object, context) => validateValidatingAdmissionPolicyBinding(object, context.kubernetesVersion) }),
  MutatingAdmissionPolicy: withObjectMeta(false, { validate: (object, context) => validateMutatingAdmissionPolicy(object, context.kubernetesVersion) }),
  MutatingAdmissionPolicyBinding: withObjectMeta(false, { validate: (object, context) => validateMutatingAdmissionPolicyBinding(object, context.kubernetesVersion) }),
};
