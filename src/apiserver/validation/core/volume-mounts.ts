// A container's volumeMounts and volumeDevices (ValidateVolumeMounts,
// ValidateVolumeDevices, validateMountPropagation, validateMountRecursiveReadOnly).
// Several errors name the list rather than the mount (`volumeMounts.subPath`),
// as upstream's do.
import { forbidden, invalid, notFound, notSupported, required, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { bool, isSet, obj, str } from "./fields.js";
import { validateLocalDescendingPath, validatePathNoBacksteps } from "./paths.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { closest } from "../../../util/suggest.js";
import { appendAll } from "../../../util/append.js";

/** The pod's volumes by name (the map ValidateVolumes returns: only the valid ones). */
export type VolumeSources = ReadonlyMap<string, JsonRecord>;

const MOUNT_PROPAGATIONS = ["Bidirectional", "HostToContainer", "None"];
const RECURSIVE_READ_ONLY = ["Disabled", "Enabled", "IfPossible"];

/** validateMountPropagation: Bidirectional only for privileged containers. */
function validateMountPropagation(mountPropagation: string, container: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (!MOUNT_PROPAGATIONS.includes(mountPropagation)) errors.push(notSupported(fldPath, mountPropagation, MOUNT_PROPAGATIONS));
  const privileged = bool(obj(container, "securityContext"), "privileged") === true;
  if (mountPropagation === "Bidirectional" && !privileged) {
    errors.push(forbidden(fldPath, "Bidirectional mount propagation is available only to privileged containers"));
  }
  return errors;
}

/** validateMountRecursiveReadOnly. */
function validateMountRecursiveReadOnly(mount: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(mount, "recursiveReadOnly")) return [];
  const value = str(mount, "recursiveReadOnly");
  if (value === "Disabled") return [];
  if (value !== "Enabled" && value !== "IfPossible") return [notSupported(fldPath, value, RECURSIVE_READ_ONLY)];
  const errors: ErrorList = [];
  if (bool(mount, "readOnly") !== true) errors.push(forbidden(fldPath, "may only be specified when readOnly is true"));
  if (isSet(mount, "mountPropagation") && str(mount, "mountPropagation") !== "None") {
    errors.push(forbidden(fldPath, "may only be specified when mountPropagation is None or not specified"));
  }
  return errors;
}

/** GetVolumeMountMap / GetVolumeDeviceMap: name → path, the last one winning. */
function pathsByName(items: JsonRecord[], pathKey: string): Map<string, string> {
  return new Map(items.map((item) => [str(item, "name"), str(item, pathKey)]));
}

/** Not found, with the nearest volume name as the suggestion. */
function notFoundVolume(fldPath: FieldPath, name: string, volumes: VolumeSources): FieldError {
  const suggestion = name === "" ? undefined : closest(name, volumes.keys());
  return { ...notFound(fldPath, name), ...(suggestion ? { suggestion } : {}) };
}

function hasValue(map: ReadonlyMap<string, string>, value: string): boolean {
  for (const item of map.values()) if (item === value) return true;
  return false;
}

/** ValidateVolumeMounts. */
export function validateVolumeMounts(mounts: JsonRecord[], devices: JsonRecord[], volumes: VolumeSources, container: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const devicePaths = pathsByName(devices, "devicePath");
  const mountPoints = new Set<string>();
  mounts.forEach((mount, i) => {
    const idxPath = fldPath.index(i);
    const name = str(mount, "name");
    const mountPath = str(mount, "mountPath");
    const subPath = str(mount, "subPath");
    const subPathExpr = str(mount, "subPathExpr");
    if (name.length === 0) errors.push(required(idxPath.child("name")));
    if (!volumes.has(name)) errors.push(notFoundVolume(idxPath.child("name"), name, volumes));
    if (mountPath.length === 0) errors.push(required(idxPath.child("mountPath")));
    if (mountPoints.has(mountPath)) errors.push(invalid(idxPath.child("mountPath"), mountPath, "must be unique"));
    mountPoints.add(mountPath);
    if (devicePaths.has(name)) errors.push(invalid(idxPath.child("name"), name, "must not already exist in volumeDevices"));
    if (hasValue(devicePaths, mountPath)) errors.push(invalid(idxPath.child("mountPath"), mountPath, "must not already exist as a path in volumeDevices"));
    // Image volumes refused subPath in 1.31-1.32, while ImageVolume was off (the volume dropped on create); allowed since 1.33.
    if (subPath.length > 0) appendAll(errors, validateLocalDescendingPath(subPath, fldPath.child("subPath")));
    if (subPathExpr.length > 0) {
      if (subPath.length > 0) errors.push(invalid(idxPath.child("subPathExpr"), subPathExpr, "subPathExpr and subPath are mutually exclusive"));
      appendAll(errors, validateLocalDescendingPath(subPathExpr, fldPath.child("subPathExpr")));
    }
    if (isSet(mount, "mountPropagation")) appendAll(errors, validateMountPropagation(str(mount, "mountPropagation"), container, fldPath.child("mountPropagation")));
    appendAll(errors, validateMountRecursiveReadOnly(mount, fldPath.child("recursiveReadOnly")));
  });
  return errors;
}

/** ValidateVolumeDevices: block devices come from claims (a PVC or a generic ephemeral volume). */
export function validateVolumeDevices(devices: JsonRecord[], mounts: JsonRecord[], volumes: VolumeSources, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const mountPaths = pathsByName(mounts, "mountPath");
  const devicePathSet = new Set<string>();
  const deviceNames = new Set<string>();
  devices.forEach((device, i) => {
    const idxPath = fldPath.index(i);
    const name = str(device, "name");
    const devicePath = str(device, "devicePath");
    const volume = volumes.get(name);
    const isClaim = volume !== undefined && (obj(volume, "persistentVolumeClaim") !== undefined || obj(volume, "ephemeral") !== undefined);
    if (name.length === 0) errors.push(required(idxPath.child("name")));
    if (deviceNames.has(name)) errors.push(invalid(idxPath.child("name"), name, "must be unique"));
    if (volume && !isClaim) errors.push(invalid(idxPath.child("name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
    if (!volume) errors.push(notFoundVolume(idxPath.child("name"), name, volumes));
    if (devicePath.length === 0) errors.push(required(idxPath.child("devicePath")));
    if (devicePathSet.has(devicePath)) errors.push(invalid(idxPath.child("devicePath"), devicePath, "must be unique"));
    if (devicePath.length > 0 && validatePathNoBacksteps(devicePath, fldPath.child("devicePath")).length > 0) {
      errors.push(invalid(idxPath.child("devicePath"), devicePath, "can not contain backsteps ('..')"));
    } else {
      devicePathSet.add(devicePath);
    }
    if (mountPaths.has(name)) errors.push(invalid(idxPath.child("name"), name, "must not already exist in volumeMounts"));
    if (hasValue(mountPaths, devicePath)) errors.push(invalid(idxPath.child("devicePath"), devicePath, "must not already exist as a path in volumeMounts"));
    if (name.length > 0) deviceNames.add(name);
  });
  return errors;
}
