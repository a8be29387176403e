// Registry strategy of ResourceSlice (pkg/registry/resource/resourceslice/strategy.go):
// PrepareForCreate drops the fields of feature gates that are off in the target
// release (dropDisabledFields), then ValidateResourceSlice runs on what is left,
// in the internal form (v1beta1's devices keep their fields under `basic`);
// WarningsOnCreate flags a driver name with upper-case letters (from 1.35).
import { convertResourceSliceSpecV1beta1 } from "../conversion/resource-v1beta1.js";
import { featureEnabled } from "../features.js";
import type { ErrorList, FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { goQuote } from "../field/values.js";
import { validateResourceSlice } from "../validation/resource/resource-slice.js";
import { isRecord, objectAt, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import { atLeast } from "../../util/release.js";
import type { ValidationContext } from "./types.js";

/** The fields a gate adds: on the spec, on each device, on each attribute or capacity entry. */
interface GatedFields {
  spec?: string[];
  device?: string[];
  attribute?: string[];
  capacity?: string[];
}

/** Each gate's fields (DRAListTypeAttributes, DRANodeAllocatableResources and DRAResourcePoolStatus are off in every supported release). */
const GATED_FIELDS: ReadonlyArray<readonly [(version: string) => boolean, GatedFields]> = [
  [(version) => featureEnabled("DRADeviceTaints", version), { device: ["taints"] }],
  [
    (version) => featureEnabled("DRAPartitionableDevices", version),
    { spec: ["sharedCounters", "perDeviceNodeSelection"], device: ["consumesCounters", "nodeName", "nodeSelector", "allNodes"] },
  ],
  [
    (version) => featureEnabled("DRADeviceBindingConditions", version) && featureEnabled("DRAResourceClaimDeviceStatus", version),
    { device: ["bindingConditions", "bindingFailureConditions", "bindsToNode"] },
  ],
  [(version) => featureEnabled("DRAConsumableCapacity", version), { device: ["allowMultipleAllocations"], capacity: ["requestPolicy"] }],
  [() => false, { device: ["nodeAllocatableResourceMappings"], attribute: ["bools", "ints", "strings", "versions"], spec: ["partitionTypeAttribute"] }],
];

function deleteAll(record: JsonRecord, keys: readonly string[] | undefined): void {
  for (const key of keys ?? []) delete record[key];
}

function deleteInEntries(map: unknown, keys: readonly string[] | undefined): void {
  if (!isRecord(map) || !keys) return;
  for (const entry of Object.values(map)) if (isRecord(entry)) deleteAll(entry, keys);
}

/** A device's own fields: v1beta1 keeps them under `basic`. */
function deviceFields(device: JsonRecord, apiVersion: string): JsonRecord {
  return apiVersion === "resource.k8s.io/v1beta1" ? (objectAt(device, "basic") ?? {}) : device;
}

/** PrepareForCreate's dropDisabledFields: a new slice has nothing in use to keep. */
export function prepareResourceSliceForCreate(object: JsonRecord, context: ValidationContext): void {
  const spec = objectAt(object, "spec");
  if (!spec) return;
  for (const [enabled, fields] of GATED_FIELDS) {
    if (enabled(context.kubernetesVersion)) continue;
    deleteAll(spec, fields.spec);
    for (const device of recordsOf(spec.devices).map((d) => deviceFields(d, context.apiVersion))) {
      deleteAll(device, fields.device);
      deleteInEntries(device.attributes, fields.attribute);
      deleteInEntries(device.capacity, fields.capacity);
    }
  }
}

/** Validate: ValidateResourceSlice of the internal form. */
export function validateResourceSliceCreate(object: JsonRecord, context: ValidationContext): ErrorList {
  const spec = objectAt(object, "spec");
  const internal = spec && context.apiVersion === "resource.k8s.io/v1beta1" ? { ...object, spec: convertResourceSliceSpecV1beta1(spec) } : object;
  return validateResourceSlice(internal, context.kubernetesVersion);
}

/** WarningsOnCreate (from 1.35): driver names are compared as written, so they should be lower case. */
export function resourceSliceWarningsOnCreate(object: JsonRecord, context: ValidationContext): FieldWarning[] {
  const driver = stringOf(objectAt(object, "spec")?.driver) ?? "";
  if (!atLeast(context.kubernetesVersion, "1.35") || driver === driver.toLowerCase()) return [];
  return [{ message: `spec.driver: driver names should be lowercase; ${goQuote(driver)} contains uppercase characters`, at: FieldPath.root("spec", "driver") }];
}
