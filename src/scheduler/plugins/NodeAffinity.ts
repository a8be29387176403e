// NodeAffinity: nodeSelector and required node affinity (Filter), preferred
// node affinity (Score). A required affinity naming nodes with matchFields
// metadata.name (DaemonSet pods) narrows the nodes in PreFilter.
import { defaultNormalizeScore, MAX_NODE_SCORE, unresolvable, type FilterPlugin, type ScorePlugin } from "../framework.js";
import { preferredTermMatches } from "../node-affinity.js";
import { arrayOf, recordOf, textOf } from "../../util/object-access.js";

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

/** Node names every term restricts the pod to, or undefined when some term does not name nodes. */
function namedNodes(terms: unknown[]): Set<string> | undefined {
  let union: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const field of arrayOf(recordOf(term).matchFields)) {
      const requirement = recordOf(field);
      if (requirement.key !== "metadata.name" || requirement.operator !== "In") continue;
      const values = new Set(arrayOf(requirement.values).map(textOf));
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    // Terms are ORed: one term without a name restriction lets every node through.
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

export const NodeAffinityFilter: FilterPlugin = {
  name: "NodeAffinity",
  static: true,
  preFilter(ctx) {
    const { pod } = ctx;
    if (!pod.requiredNodeTerms && !pod.nodeSelector) return { skip: true };
    ctx.state.set(this.name, ctx.cluster.requiredNodeAffinity(pod));
    if (!pod.requiredNodeTerms || pod.requiredNodeTerms.length === 0) return undefined;
    const names = namedNodes(pod.requiredNodeTerms);
    if (names && names.size === 0) return { status: unresolvable(this.name, ERR_REASON_CONFLICT) };
    return names ? { nodeNames: names } : undefined;
  },
  filter(ctx, node) {
    const matches = ctx.state.get(this.name) as Uint8Array;
    return matches[node.index] ? null : unresolvable(this.name, ERR_REASON_POD);
  },
};

export const NodeAffinityScore: ScorePlugin = {
  name: "NodeAffinity",
  weight: 2,
  preScore(ctx) {
    return ctx.pod.preferredNodeTerms.length > 0;
  },
  score(ctx, node) {
    let total = 0;
    for (const { weight, term } of ctx.pod.preferredNodeTerms) {
      if (weight !== 0 && preferredTermMatches(term, node)) total += weight;
    }
    return total;
  },
  normalize(_ctx, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  },
};
