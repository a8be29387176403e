// Label maps and annotations that no create path checks (a CronJob's job
// template), checked with the API server's functions
// (src/apiserver/apimachinery) and reported as rule findings.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import { validateAnnotations } from "../../apiserver/apimachinery/objectmeta.js";
import { validateLabels } from "../../apiserver/apimachinery/meta-v1-validation.js";
import type { ErrorList } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";
import { fieldErrorReport } from "../../validate/create-path.js";

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
