// `--prune`: objects of the snapshot that the manifests no longer define, and
// that belong to this app: they match `--prune-selector`, or carry the same
// app labels as objects of the manifests. Never controller-owned objects
// (ReplicaSets of a Deployment, pods of a ReplicaSet), never outside the
// namespaces the manifests write to.
import type { KubeObject } from "../types.js";
import { isControllerOwned } from "./server-fields.js";
import { matchesRequirements, parseSelectorRequirements } from "../util/label-selector.js";

type Labels = Readonly<Record<string, string>>;

/** The labels that say which app an object belongs to. */
export const APP_LABEL_KEYS = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/part-of", "app"];

/** A label selector as `kubectl -l` reads it (`app=web,tier in (a,b),!legacy`); throws on a malformed one. */
export function parseLabelSelector(selector: string): (labels: Labels) => boolean {
  const requirements = parseSelectorRequirements(selector);
  return (labels) => matchesRequirements(requirements, labels);
}

function labelsOf(object: KubeObject): Labels {
  const labels = object.metadata?.labels;
  if (!labels || typeof labels !== "object") return {};
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === "string")) as Labels;
}

/** An object's app label set, as a comparable string; "" when it has none. */
export function appLabelSet(object: KubeObject): string {
  const labels = labelsOf(object);
  const pairs = APP_LABEL_KEYS.filter((key) => labels[key] !== undefined).map((key) => `${key}=${labels[key]}`);
  return pairs.join(",");
}

export interface PruneInput {
  /** Snapshot objects the manifests do not define, with their namespace ("" when cluster-scoped). */
  unmatched: ReadonlyArray<{ object: KubeObject; namespace: string }>;
  desired: ReadonlyArray<{ object: KubeObject; namespace: string }>;
  selector?: string;
}

/** The snapshot objects `--prune` would delete. */
export function pruneCandidates(input: PruneInput): Array<{ object: KubeObject; namespace: string }> {
  const namespaces = new Set(input.desired.map((d) => d.namespace).filter((n) => n !== ""));
  const matches = input.selector !== undefined && input.selector.trim() !== "" ? parseLabelSelector(input.selector) : undefined;
  const appSets = new Set(input.desired.map((d) => appLabelSet(d.object)).filter((set) => set !== ""));
  return input.unmatched.filter(({ object, namespace }) => {
    if (isControllerOwned(object)) return false;
    if (namespace !== "" && !namespaces.has(namespace)) return false;
    if (matches) return matches(labelsOf(object));
    const set = appLabelSet(object);
    return set !== "" && appSets.has(set);
  });
}
