// Small helpers to build reports from path segments.
import type { Report, Severity } from "../../types.js";
import { kubectlPath, toPointer, type PathSegment } from "../../util/pointer.js";

export interface ReportOptions {
  atKey?: boolean;
  suggestion?: string;
  severity?: Severity;
}

/** A report at `segments`, with a message already worded. */
export function reportAt(segments: readonly PathSegment[], message: string, options: ReportOptions = {}): Report {
  const report: Report = { pointer: toPointer(segments), message };
  if (options.atKey) report.atKey = true;
  if (options.suggestion !== undefined) report.suggestion = options.suggestion;
  if (options.severity !== undefined) report.severity = options.severity;
  return report;
}

/** kube-apiserver's rendering of a field path: `spec.containers[0].name`. */
export function fieldPath(segments: readonly PathSegment[]): string {
  return kubectlPath(segments);
}

/** A map entry as kube-apiserver names it: `data[my.key]` (field.Path.Key). */
export function keyPath(segments: readonly PathSegment[], key: string): string {
  return `${kubectlPath(segments)}[${key}]`;
}
