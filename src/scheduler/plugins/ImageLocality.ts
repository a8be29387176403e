// ImageLocality: favours nodes that already have the pod's images, weighted by
// image size and by how many nodes have them (to avoid piling onto one node).
import { MAX_NODE_SCORE, type ScorePlugin } from "../framework.js";

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityPriority(sumScores: number, containers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * containers;
  const sum = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export const ImageLocality: ScorePlugin = {
  name: "ImageLocality",
  weight: 1,
  preScore(ctx) {
    // Images no node has add nothing; without any, every node scores 0.
    const present = ctx.pod.images.filter((image) => ctx.cluster.imageNodeCounts.has(image));
    ctx.state.set("ImageLocality", present);
    return present.length > 0;
  },
  score(ctx, node) {
    const total = ctx.cluster.nodes.length;
    let sum = 0;
    for (const image of ctx.state.get("ImageLocality") as string[]) {
      const size = node.images.get(image);
      if (size === undefined) continue;
      const spread = (ctx.cluster.imageNodeCounts.get(image) ?? 0) / total;
      sum += Math.trunc(size * spread);
    }
    return ctx.pod.containerCount === 0 ? 0 : imageLocalityPriority(sum, ctx.pod.containerCount);
  },
};
