// kube-apiserver's wording for a value outside a closed set, plus the nearest
// supported value.
import type { ClosedSet } from "./schema-node.js";
import { nearest } from "../util/suggest.js";

export interface ClosedSetMessage {
  /** "Required value" when the value is "" and upstream asks for one. */
  required: boolean;
  message: string;
  suggestion?: string;
}

/** What the precompiled `k8sEnum` check accepts (scripts/schema-gen/standalone.mjs). */
export function isInClosedSet(set: ClosedSet, value: string): boolean {
  if (value === "") return set.empty === true || set.values.includes("");
  return set.values.includes(value) || (set.qualified === true && value.includes("/"));
}

function quotedList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

export function closedSetMessage(path: string, value: string, set: ClosedSet): ClosedSetMessage {
  if (value === "" && set.required) return { required: true, message: `${path}: Required value` };
  const supported = set.values.filter((candidate) => candidate !== "");
  const suggestion = value === "" ? undefined : nearest(value, supported);
  const hint = suggestion !== undefined ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
  if (set.invalid !== undefined) {
    const list = suggestion === undefined ? ` (supported values: ${quotedList(supported)})` : "";
    return { required: false, message: `${path}: Invalid value: ${JSON.stringify(value)}: ${set.invalid}${hint}${list}`, suggestion };
  }
  return {
    required: false,
    message: `${path}: Unsupported value: ${JSON.stringify(value)}: supported values: ${quotedList(set.values)}${hint}`,
    suggestion,
  };
}
