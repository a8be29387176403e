// API defaulting of resource.k8s.io (pkg/apis/resource/v1*/defaults.go): a
// request's allocation mode ExactCount, and a count of one with it; a
// toleration's operator Equal (the field's declared default).
import { setDefaultIfEmpty } from "./fields.js";
import { objectAt, recordsOf, type JsonRecord } from "../../util/object-access.js";

/** SetDefaults_ExactDeviceRequest / SetDefaults_DeviceSubRequest. */
function setDefaultsAllocation(request: JsonRecord): void {
  setDefaultIfEmpty(request, "allocationMode", "ExactCount");
  if (request.allocationMode === "ExactCount" && (request.count === undefined || request.count === 0)) request.count = 1;
  for (const toleration of recordsOf(request.tolerations)) setDefaultIfEmpty(toleration, "operator", "Equal");
}

/** The defaults of each request of a device claim, by the version's shape of a request. */
function setDefaultsDeviceClaim(devices: JsonRecord | undefined, flattened: boolean): void {
  for (const request of recordsOf(devices?.requests)) {
    // v1beta1's SetDefaults_DeviceRequest: only a request naming a class is an exact one.
    if (flattened && request.deviceClassName !== undefined && request.deviceClassName !== "") setDefaultsAllocation(request);
    const exactly = objectAt(request, "exactly");
    if (!flattened && exactly) setDefaultsAllocation(exactly);
    for (const subRequest of recordsOf(request.firstAvailable)) setDefaultsAllocation(subRequest);
  }
}

/** Whether the API version's requests are flat (v1alpha3, v1beta1) rather than under `exactly`. */
export function hasFlatDeviceRequests(apiVersion: string): boolean {
  return apiVersion === "resource.k8s.io/v1beta1" || apiVersion === "resource.k8s.io/v1alpha3";
}

export function setDefaultsResourceClaim(body: JsonRecord, apiVersion: string): void {
  setDefaultsDeviceClaim(objectAt(objectAt(body, "spec"), "devices"), hasFlatDeviceRequests(apiVersion));
}

export function setDefaultsResourceClaimTemplate(body: JsonRecord, apiVersion: string): void {
  setDefaultsDeviceClaim(objectAt(objectAt(objectAt(body, "spec"), "spec"), "devices"), hasFlatDeviceRequests(apiVersion));
}
