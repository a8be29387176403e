// DefaultTolerationSeconds: every pod tolerates not-ready and unreachable
// nodes for 300 s unless it says otherwise.
import type { KubeObject } from "../../types.js";
import { recordOf, recordsOf } from "../../util/object-access.js";

const DEFAULT_SECONDS = 300;
const NOT_READY = "node.kubernetes.io/not-ready";
const UNREACHABLE = "node.kubernetes.io/unreachable";

export function addDefaultTolerations(pod: KubeObject): void {
  const spec = recordOf(pod.spec);
  pod.spec = spec;
  const tolerations = recordsOf(spec.tolerations);
  const covers = (key: string) => tolerations.some(
    (t) => (t.key === key || t.key === undefined || t.key === "") && (t.effect === "NoExecute" || t.effect === undefined || t.effect === ""),
  );
  const added = [];
  if (!covers(NOT_READY)) added.push({ key: NOT_READY, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_SECONDS });
  if (!covers(UNREACHABLE)) added.push({ key: UNREACHABLE, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_SECONDS });
  if (added.length > 0) spec.tolerations = [...tolerations, ...added];
}
