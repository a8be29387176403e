// Label maps, annotations and label selectors of the kinds whose own create
// path is not modelled yet, checked with the API server's functions
// (src/apiserver/apimachinery) and reported as rule findings.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import { validateAnnotations } from "../../apiserver/apimachinery/objectmeta.js";
import { validateLabels, validateLabelSelector } from "../../apiserver/apimachinery/meta-v1-validation.js";
import type { ErrorList } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";
import { fieldErrorReport } from "../../validate/create-path.js";
import { isRecord } from "../../util/object-access.js";

/** A field path from JSON segments (names and list indexes). */
export function fieldPathOf(segments: readonly PathSegment[]): FieldPath {
  let path = FieldPath.root(String(segments[0] ?? ""));
  for (const segment of segments.slice(1)) path = typeof segment === "number" ? path.index(segment) : path.child(segment);
  return path;
}

function reports(errors: ErrorList, kubernetesVersion: string): Report[] {
  return errors.map((error) => fieldErrorReport(error, kubernetesVersion));
}

/** ValidateLabels at `path`. */
export function labelMapReports(map: unknown, path: FieldPath, kubernetesVersion: string): Report[] {
  return reports(validateLabels(map, path), kubernetesVersion);
}

/** ValidateAnnotations at `path`. */
export function annotationReports(map: unknown, path: FieldPath, kubernetesVersion: string): Report[] {
  return reports(validateAnnotations(map, path), kubernetesVersion);
}

/** ValidateLabelSelector at `path`. */
export function labelSelectorReports(selector: unknown, path: FieldPath, kubernetesVersion: string): Report[] {
  return reports(validateLabelSelector(selector, {}, path), kubernetesVersion);
}

/**
 * Whether LabelSelectorAsSelector would accept the selector: the API server
 * only compares selector and template labels when it does.
 */
export function isUsableSelector(selector: unknown): boolean {
  return isRecord(selector) && validateLabelSelector(selector, {}, FieldPath.root("")).length === 0;
}
