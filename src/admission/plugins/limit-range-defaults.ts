// API defaulting of LimitRange items (SetDefaults_LimitRangeItem): for
// Container items a missing default limit is the max, a missing default
// request is the default limit, else the min.
import type { KubeObject } from "../../types.js";
import { cloneJson, isRecord, recordOf, recordsOf } from "../../util/object-access.js";

function fillMissing(target: Record<string, unknown>, source: unknown): void {
  for (const [name, value] of Object.entries(recordOf(source))) {
    if (!(name in target)) target[name] = value;
  }
}

/** A copy of the LimitRange with its Container items defaulted. */
export function defaultLimitRange(limitRange: KubeObject): KubeObject {
  const copy = cloneJson(limitRange);
  for (const item of recordsOf(recordOf(copy.spec).limits)) {
    if (item.type !== "Container") continue;
    const defaults = isRecord(item.default) ? item.default : {};
    const defaultRequest = isRecord(item.defaultRequest) ? item.defaultRequest : {};
    fillMissing(defaults, item.max);
    fillMissing(defaultRequest, defaults);
    fillMissing(defaultRequest, item.min);
    item.default = defaults;
    item.defaultRequest = defaultRequest;
  }
  return copy;
}
