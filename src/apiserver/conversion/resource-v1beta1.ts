// resource.k8s.io/v1beta1 (and v1alpha3) device requests in the form the API
// server converts them to (Convert_v1beta1_DeviceRequest_To_resource_DeviceRequest):
// the fields of one exact request move under `exactly`, so validation reports
// them there, as upstream does whatever version was sent.
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** The fields of a v1beta1 request that belong to an ExactDeviceRequest. */
const EXACT_REQUEST_FIELDS = ["deviceClassName", "selectors", "allocationMode", "count", "adminAccess", "tolerations", "capacity"];

/** Whether a decoded value differs from Go's zero value (a nil list stays nil; an empty one is set). */
function isSetInGo(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "" && value !== 0;
}

/** One request, converted: `exactly` holds its exact fields when any is set. */
function convertDeviceRequest(request: unknown): unknown {
  if (!isRecord(request)) return request;
  const converted: JsonRecord = {};
  const exactly: JsonRecord = {};
  for (const [key, value] of Object.entries(request)) {
    if (EXACT_REQUEST_FIELDS.includes(key)) {
      if (isSetInGo(value)) exactly[key] = value;
    } else converted[key] = value;
  }
  if (Object.keys(exactly).length > 0) converted.exactly = exactly;
  return converted;
}

/** A device claim (`spec.devices` of a claim) with its requests converted; other fields shared. */
export function convertDeviceClaimV1beta1(devices: JsonRecord): JsonRecord {
  return Array.isArray(devices.requests) ? { ...devices, requests: devices.requests.map(convertDeviceRequest) } : devices;
}

/** A v1beta1 device of a ResourceSlice as the server converts it: the fields of `basic` beside its name. */
function convertDevice(device: unknown): unknown {
  if (!isRecord(device) || !isRecord(device.basic)) return device;
  const { basic, ...rest } = device;
  return { ...rest, ...basic };
}

/** A v1beta1 ResourceSlice spec with its devices flattened (Convert_v1beta1_Device_To_resource_Device). */
export function convertResourceSliceSpecV1beta1(spec: JsonRecord): JsonRecord {
  return Array.isArray(spec.devices) ? { ...spec, devices: spec.devices.map(convertDevice) } : spec;
}
