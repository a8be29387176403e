// Services whose endpoints go empty. The EndpointSlice controller keeps a
// Service's endpoints to the pods its selector picks: a Service that picked
// pods the command deletes (or the pods of a workload it deletes), and that
// picks none after it, with no pod left and no workload left to start one,
// serves nothing.
import { templateLabels, podTemplatesOf } from "../../rules/support/pod-templates.js";
import type { KubeObject } from "../../types.js";
import { dig, stringMapOf } from "../../util/object-access.js";
import { matchesMapSelector } from "../../util/selectors.js";
import type { WorkingCluster } from "../working-cluster.js";

/** The labels of the pods an object is or makes. */
function podLabelsOf(object: KubeObject): Array<Record<string, string>> {
  return podTemplatesOf(object).map((template) => templateLabels(template) ?? {});
}

function picks(service: KubeObject, objects: readonly KubeObject[]): boolean {
  const selector = dig(service, "spec", "selector");
  return objects.some((object) => podLabelsOf(object).some((labels) => matchesMapSelector(selector, labels)));
}

/** The Services left whose selector picked deleted pods and picks none now. */
export function emptiedServices(cluster: WorkingCluster, deleted: readonly KubeObject[]): KubeObject[] {
  const byNamespace = new Map<string, KubeObject[]>();
  for (const object of deleted) {
    if (podTemplatesOf(object).length === 0) continue;
    const namespace = cluster.namespaceOf(object);
    const list = byNamespace.get(namespace);
    if (list) list.push(object);
    else byNamespace.set(namespace, [object]);
  }
  const emptied: KubeObject[] = [];
  for (const [namespace, gone] of byNamespace) {
    const left = cluster.all().filter((o) => cluster.namespaceOf(o) === namespace && podTemplatesOf(o).length > 0);
    for (const service of cluster.list("", "Service", namespace)) {
      // A Service without a selector has endpoints someone else writes.
      if (Object.keys(stringMapOf(dig(service, "spec", "selector"))).length === 0 || dig(service, "spec", "type") === "ExternalName") continue;
      if (picks(service, gone) && !picks(service, left)) emptied.push(service);
    }
  }
  return emptied;
}
