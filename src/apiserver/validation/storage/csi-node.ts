// CSINode validation (pkg/apis/storage/validation/validation.go: ValidateCSINode,
// validateCSINodeDrivers and the driver checks), after ObjectMeta. The strategy
// allows the longer node IDs on create.
import { IS_NEGATIVE_ERROR_MSG } from "../../apimachinery/generic.js";
import { duplicate, invalid, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { int, list, obj, str, strings } from "../core/fields.js";
import { validateQualifiedName } from "../core/names.js";
import { validateCSIDriverName } from "../core/volume-sources.js";
import { byteLength } from "../../../util/api-values.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

/** csiNodeIDLongerMaxLength (AllowLongNodeID). */
const CSI_NODE_ID_MAX_LENGTH = 256;

/** validateCSINodeDriverNodeID: required, at most 256 characters. */
function validateCSINodeDriverNodeID(nodeID: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = nodeID === "" ? [required(fldPath)] : [];
  if (byteLength(nodeID) > CSI_NODE_ID_MAX_LENGTH) errors.push(invalid(fldPath, nodeID, `must be ${CSI_NODE_ID_MAX_LENGTH} characters or less`));
  return errors;
}

/** validateCSINodeDriver: its name once, its node ID, its volume limit, its topology keys (qualified names, once each). */
function validateCSINodeDriver(driver: JsonRecord, seenNames: Set<string>, fldPath: FieldPath): ErrorList {
  const name = str(driver, "name");
  const errors = validateCSIDriverName(name, fldPath.child("name"));
  appendAll(errors, validateCSINodeDriverNodeID(str(driver, "nodeID"), fldPath.child("nodeID")));
  const count = int(obj(driver, "allocatable"), "count");
  if (count !== undefined && count < 0) errors.push(invalid(fldPath.child("allocatable", "count"), count, IS_NEGATIVE_ERROR_MSG));
  if (seenNames.has(name)) errors.push(duplicate(fldPath.child("name"), name));
  seenNames.add(name);
  const seenKeys = new Set<string>();
  for (const key of strings(driver, "topologyKeys")) {
    // Upstream reports these at the driver's path.
    if (key === "") errors.push(required(fldPath));
    if (seenKeys.has(key)) errors.push(duplicate(fldPath, key));
    seenKeys.add(key);
    appendAll(errors, validateQualifiedName(key, fldPath));
  }
  return errors;
}

/** ValidateCSINode, after ObjectMeta. */
export function validateCSINode(csiNode: JsonRecord): ErrorList {
  const fldPath = FieldPath.root("spec", "drivers");
  const seenNames = new Set<string>();
  return list(obj(csiNode, "spec"), "drivers").flatMap((driver, index) => validateCSINodeDriver(driver, seenNames, fldPath.index(index)));
}
