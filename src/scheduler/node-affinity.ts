// nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the pod's nodeSelector
// and its required node affinity terms (ORed), evaluated once per distinct
// pod requirement and node.
import { matchesMapSelector, matchesNodeSelectorTerm, matchesNodeSelectorTerms } from "../util/selectors.js";
import type { NodeInfo } from "./node-info.js";
import { isRecord } from "../util/object-access.js";
import type { PodInfo } from "./pod-info.js";

export function matchesRequiredNodeAffinity(pod: PodInfo, node: NodeInfo): boolean {
  if (pod.nodeSelector && !matchesMapSelector(pod.nodeSelector, node.labels)) return false;
  if (pod.requiredNodeTerms && !matchesNodeSelectorTerms(pod.requiredNodeTerms, node.labels, node.name)) return false;
  return true;
}

/** A preferred term counts when its weight is set and it has at least one requirement. */
export function preferredTermMatches(term: Record<string, unknown>, node: NodeInfo): boolean {
  return isRecord(term) && matchesNodeSelectorTerm(term, node.labels, node.name);
}
