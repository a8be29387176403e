// A field whose value must be a DNS-1123 label (a container's or a volume's
// name), reported as kube-apiserver words it, with the nearest valid label.
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import { invalid, required, scalarValue } from "./field-errors.js";
import { isDNS1123Label } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "./reports.js";
import { toDnsName } from "../../apiserver/apimachinery/suggestions.js";

/** Required when empty, else one report per DNS-1123 label problem of `name`. */
export function dnsLabelFieldReports(name: string, at: readonly PathSegment[]): Report[] {
  if (name === "") return [reportAt(at, required(fieldPath(at)))];
  const fixed = toDnsName(name, "label");
  return isDNS1123Label(name).map((detail) => reportAt(at, invalid(fieldPath(at), scalarValue(name), detail), fixed ? { suggestion: fixed } : {}));
}
