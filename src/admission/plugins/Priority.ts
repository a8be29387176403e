// Priority (plugin/pkg/admission/priority): resolves spec.priority from the
// pod's PriorityClass, or from the global default class.
import type { KubeObject } from "../../types.js";
import { integerOf, recordOf, stringOf } from "../../util/object-access.js";
import type { PlanState } from "../state.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Classes every cluster has (pkg/apis/scheduling SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = lookupTable({
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
});

interface Resolved {
  name: string;
  value: number;
  preemptionPolicy: string;
}

/** The global default class; when several claim it, the lowest value wins. */
function defaultClass(state: PlanState): Resolved {
  let best: KubeObject | undefined;
  for (const pc of state.priorityClasses.values()) {
    if (pc.globalDefault !== true) continue;
    if (!best || (integerOf(pc.value) ?? 0) < (integerOf(best.value) ?? 0)) best = pc;
  }
  if (!best) return { name: "", value: 0, preemptionPolicy: "PreemptLowerPriority" };
  return { name: stringOf(best.metadata?.name) ?? "", value: integerOf(best.value) ?? 0, preemptionPolicy: stringOf(best.preemptionPolicy) ?? "PreemptLowerPriority" };
}

function knowsClasses(state: PlanState): boolean {
  return state.snapshot.present && state.snapshot.priorityClasses.length > 0;
}

/** Mutates spec.priority (and priorityClassName, preemptionPolicy); returns the refusal reason, if any. */
export function admitPriority(state: PlanState, pod: KubeObject): string | undefined {
  const spec = recordOf(pod.spec);
  const className = stringOf(spec.priorityClassName) ?? "";
  let resolved: Resolved;
  if (className === "") {
    resolved = defaultClass(state);
    if (resolved.name) spec.priorityClassName = resolved.name;
  } else if (className in SYSTEM_PRIORITY_CLASSES) {
    resolved = { name: className, value: SYSTEM_PRIORITY_CLASSES[className]!, preemptionPolicy: "PreemptLowerPriority" };
  } else {
    const pc = state.priorityClass(className);
    if (!pc) {
      if (!knowsClasses(state)) return undefined;
      return `no PriorityClass with name ${className} was found`;
    }
    resolved = { name: className, value: integerOf(pc.value) ?? 0, preemptionPolicy: stringOf(pc.preemptionPolicy) ?? "PreemptLowerPriority" };
  }
  const given = integerOf(spec.priority);
  if (spec.priority !== undefined && given !== resolved.value) {
    return `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`;
  }
  spec.priority = resolved.value;
  const policy = stringOf(spec.preemptionPolicy);
  if (policy !== undefined && policy !== resolved.preemptionPolicy) {
    return `the string value of PreemptionPolicy (${policy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`;
  }
  spec.preemptionPolicy = resolved.preemptionPolicy;
  return undefined;
}
