// Registry strategies of resource.k8s.io (pkg/registry/resource/<resource>/strategy.go),
// from 1.34, when DynamicResourceAllocation is on and resource.k8s.io/v1 served
// by default; before, the group is off by default and only metadata is checked.
import { convertDeviceClaimV1beta1 } from "../conversion/resource-v1beta1.js";
import { hasFlatDeviceRequests } from "../defaults/resource.js";
import type { ErrorList } from "../field/errors.js";
import { validateDeviceClass, validateResourceClaim, validateResourceClaimTemplate } from "../validation/resource/validation.js";
import { featureEnabled } from "../features.js";
import { atLeast } from "../../util/release.js";
import { isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";
import { withObjectMeta } from "./object-meta.js";
import { dropDisabledDeviceClaimFields } from "./resource-claim-spec.js";
import { prepareResourceSliceForCreate, resourceSliceWarningsOnCreate, validateResourceSliceCreate } from "./resource-slice.js";
import type { GroupStrategies, ValidationContext } from "./types.js";

const SERVED_BY_DEFAULT_SINCE = "1.34";

/** The object with the device claim at `path` (below the object) in the internal form of its requests. */
function internalForm(object: JsonRecord, apiVersion: string, path: readonly string[]): JsonRecord {
  if (!hasFlatDeviceRequests(apiVersion)) return object;
  const [key, ...rest] = path as [string, ...string[]];
  const child = object[key];
  if (!isRecord(child)) return object;
  return { ...object, [key]: rest.length === 0 ? convertDeviceClaimV1beta1(child) : internalForm(child, apiVersion, rest) };
}

/** Validation from the release the group is served in by default. */
function whenServed(validate: (object: JsonRecord, context: ValidationContext) => ErrorList) {
  return (object: JsonRecord, context: ValidationContext): ErrorList => (atLeast(context.kubernetesVersion, SERVED_BY_DEFAULT_SINCE) ? validate(object, context) : []);
}

export const RESOURCE_STRATEGIES: GroupStrategies = {
  ResourceClaim: withObjectMeta(true, {
    // PrepareForCreate: a create cannot set the status; fields of gates that are off are dropped.
    prepareForCreate: (object, context) => {
      delete object.status;
      dropDisabledDeviceClaimFields(objectAt(objectAt(object, "spec"), "devices"), context.apiVersion, context.kubernetesVersion);
    },
    validate: whenServed((object, context) => validateResourceClaim(internalForm(object, context.apiVersion, ["spec", "devices"]), context.kubernetesVersion)),
  }),
  ResourceClaimTemplate: withObjectMeta(true, {
    prepareForCreate: (object, context) => {
      dropDisabledDeviceClaimFields(objectAt(objectAt(objectAt(object, "spec"), "spec"), "devices"), context.apiVersion, context.kubernetesVersion);
    },
    validate: whenServed((object, context) => validateResourceClaimTemplate(internalForm(object, context.apiVersion, ["spec", "spec", "devices"]), context.kubernetesVersion)),
  }),
  DeviceClass: withObjectMeta(false, {
    // dropDisabledFields: the extended resource name needs DRAExtendedResource.
    prepareForCreate: (object, context) => {
      if (!featureEnabled("DRAExtendedResource", context.kubernetesVersion)) delete objectAt(object, "spec")?.extendedResourceName;
    },
    validate: whenServed((object) => validateDeviceClass(object)),
  }),
  ResourceSlice: withObjectMeta(false, {
    prepareForCreate: prepareResourceSliceForCreate,
    validate: whenServed(validateResourceSliceCreate),
    warningsOnCreate: resourceSliceWarningsOnCreate,
  }),
};
