// Pod priority as the Priority admission plugin resolves it: spec.priority when
// set, else the value of spec.priorityClassName, else the global default class.
import type { KubeObject } from "../types.js";
import { metadataOf, specOf } from "./objects.js";
import { textOf, truncatedIntegerOf } from "../util/object-access.js";
import { lookupTable } from "../util/lookup-table.js";

/** Built-in classes that exist in every cluster. */
const SYSTEM_CLASSES: Readonly<Record<string, number>> = lookupTable({
  "system-cluster-critical": 2000000000,
  "system-node-critical": 2000001000,
});

export function priorityResolver(priorityClasses: readonly KubeObject[]): (pod: KubeObject) => number {
  const values = new Map<string, number>(Object.entries(SYSTEM_CLASSES));
  let globalDefault: number | undefined;
  for (const pc of priorityClasses) {
    const name = textOf(metadataOf(pc).name);
    const value = truncatedIntegerOf(pc.value);
    if (!name || value === undefined) continue;
    values.set(name, value);
    if (pc.globalDefault === true && (globalDefault === undefined || value > globalDefault)) globalDefault = value;
  }
  return (pod) => {
    const spec = specOf(pod);
    const explicit = truncatedIntegerOf(spec.priority);
    if (explicit !== undefined) return explicit;
    const className = textOf(spec.priorityClassName);
    if (className && values.has(className)) return values.get(className)!;
    return globalDefault ?? 0;
  };
}
