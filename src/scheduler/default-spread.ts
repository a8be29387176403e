// helper.DefaultSelector: the selector the system default spreading uses for a
// pod without topologySpreadConstraints. It ANDs the selectors of the Services
// selecting the pod with the selector of its controller (ReplicaSet,
// StatefulSet or ReplicationController). A Deployment's pods belong to a
// ReplicaSet whose selector is the Deployment's plus pod-template-hash.
import type { KubeObject, PlannedPod } from "../types.js";
import { andSelectors, compileLabelSelector, selectorFromSet, type CompiledSelector, type Labels } from "./label-selector.js";
import { metadataOf, specOf } from "./objects.js";
import { isRecord, stableJson, stringMapOf, textOf } from "../util/object-access.js";

const POD_TEMPLATE_HASH = "pod-template-hash";

function serviceLabelSet(services: readonly KubeObject[], namespace: string, labels: Labels): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const service of services) {
    if (service.kind !== "Service" || (textOf(metadataOf(service).namespace) || "default") !== namespace) continue;
    const selector = specOf(service).selector;
    // Services without a selector match nothing.
    if (!isRecord(selector)) continue;
    const set = stringMapOf(selector);
    if (Object.entries(set).every(([k, v]) => labels[k] === v)) Object.assign(merged, set);
  }
  return merged;
}

/** The Services of each namespace: a pod's default spreading looks only at its own namespace's, as the lister does upstream. */
export function servicesByNamespace(services: readonly KubeObject[]): ReadonlyMap<string, readonly KubeObject[]> {
  const byNamespace = new Map<string, KubeObject[]>();
  for (const service of services) {
    const namespace = textOf(metadataOf(service).namespace) || "default";
    const list = byNamespace.get(namespace);
    if (list) list.push(service);
    else byNamespace.set(namespace, [service]);
  }
  return byNamespace;
}

export function defaultSpreadSelector(planned: PlannedPod, services: readonly KubeObject[]): CompiledSelector {
  const metadata = metadataOf(planned.pod);
  const namespace = textOf(metadata.namespace) || "default";
  const labels = stringMapOf(metadata.labels);
  const labelSet = serviceLabelSet(services, namespace, labels);
  const fromServices = selectorFromSet(labelSet);
  const owner = planned.owner;
  const manifest = planned.source?.document.object;
  if (!owner || !manifest) return fromServices;
  const spec = specOf(manifest);
  switch (owner.kind) {
    case "ReplicationController":
      return selectorFromSet({ ...labelSet, ...stringMapOf(spec.selector) });
    case "ReplicaSet":
    case "StatefulSet":
      return andSelectors(compileLabelSelector(spec.selector), fromServices);
    case "Deployment": {
      let selector = compileLabelSelector(spec.selector);
      if (labels[POD_TEMPLATE_HASH] !== undefined) {
        selector = andSelectors(selector, selectorFromSet({ [POD_TEMPLATE_HASH]: labels[POD_TEMPLATE_HASH] }));
      }
      return andSelectors(selector, fromServices);
    }
    default:
      return fromServices;
  }
}

/**
 * defaultSpreadSelector for the pods of a plan: the replicas of a workload,
 * with the same namespace and labels, share one selector, compiled once.
 */
export function spreadSelectors(services: ReadonlyMap<string, readonly KubeObject[]>): (planned: PlannedPod) => CompiledSelector {
  const byManifest = new Map<KubeObject | undefined, Map<string, CompiledSelector>>();
  return (planned) => {
    const metadata = metadataOf(planned.pod);
    const namespace = textOf(metadata.namespace) || "default";
    const key = `${planned.owner?.kind ?? ""}\u0000${namespace}\u0000${stableJson(stringMapOf(metadata.labels))}`;
    const manifest = planned.source?.document.object;
    let selectors = byManifest.get(manifest);
    if (!selectors) byManifest.set(manifest, (selectors = new Map()));
    let selector = selectors.get(key);
    if (!selector) selectors.set(key, (selector = defaultSpreadSelector(planned, services.get(namespace) ?? [])));
    return selector;
  };
}
