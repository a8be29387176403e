// What the claim strategies drop from a claim's spec on create when a feature
// gate is off (pkg/api/resourceclaimspec DropDisabledFields): tolerations
// without DRADeviceTaints, capacity requests and `distinctAttribute` without
// DRAConsumableCapacity. DRAPrioritizedList and DRAAdminAccess are on in every
// release that serves resource.k8s.io by default, so their fields stay.
import { featureEnabled } from "../features.js";
import { hasFlatDeviceRequests } from "../defaults/resource.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** The exact requests and alternatives of a device claim, where their gated fields sit in the API version sent. */
function deviceSelections(devices: JsonRecord, apiVersion: string): JsonRecord[] {
  return recordsOf(devices.requests).flatMap((request) => {
    const exactly = hasFlatDeviceRequests(apiVersion) ? request : objectAt(request, "exactly");
    return [...(exactly ? [exactly] : []), ...recordsOf(request.firstAvailable)];
  });
}

/** DropDisabledFields of a claim's devices (`spec.devices`, or `spec.spec.devices` of a template), in place. */
export function dropDisabledDeviceClaimFields(devices: JsonRecord | undefined, apiVersion: string, kubernetesVersion: string): void {
  if (!devices) return;
  const selections = deviceSelections(devices, apiVersion);
  if (!featureEnabled("DRADeviceTaints", kubernetesVersion)) for (const selection of selections) delete selection.tolerations;
  if (!featureEnabled("DRAConsumableCapacity", kubernetesVersion)) {
    for (const constraint of recordsOf(devices.constraints)) delete constraint.distinctAttribute;
    for (const selection of selections) delete selection.capacity;
  }
}
