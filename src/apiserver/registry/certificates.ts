// Registry strategy of certificates.k8s.io (pkg/registry/certificates/certificates/strategy.go).
import type { ValidateNameFunc } from "../apimachinery/generic.js";
import { validateCertificateSigningRequestCreate } from "../validation/certificates/certificate-signing-request.js";
import { withObjectMeta } from "./object-meta.js";
import type { GroupStrategies } from "./types.js";

/** ValidateCertificateRequestName: any name a path segment allows. */
const validateCertificateRequestName: ValidateNameFunc = () => [];

export const CERTIFICATES_STRATEGIES: GroupStrategies = {
  CertificateSigningRequest: withObjectMeta(
    false,
    {
      // PrepareForCreate: a create cannot set the status.
      prepareForCreate: (object) => {
        delete object.status;
      },
      validate: (object, context) => validateCertificateSigningRequestCreate(object, context.kubernetesVersion),
    },
    validateCertificateRequestName,
  ),
};
