// The REST resource of a kind (`Deployment` → `deployments` in `apps`): used in
// the API server's messages and in quota's `count/<resource>.<group>` names.
import { groupOf } from "../inventory.js";
import type { KubeObject } from "../types.js";
import { lookupTable } from "../util/lookup-table.js";

/** Built-in kinds whose plural is not the simple English one, or worth spelling out. */
const PLURALS: Readonly<Record<string, string>> = lookupTable({
  Endpoints: "endpoints",
  EndpointSlice: "endpointslices",
  Ingress: "ingresses",
  IngressClass: "ingressclasses",
  NetworkPolicy: "networkpolicies",
  PriorityClass: "priorityclasses",
  StorageClass: "storageclasses",
  RuntimeClass: "runtimeclasses",
  DeviceClass: "deviceclasses",
  VolumeAttributesClass: "volumeattributesclasses",
  PodSecurityPolicy: "podsecuritypolicies",
  ValidatingAdmissionPolicy: "validatingadmissionpolicies",
  MutatingAdmissionPolicy: "mutatingadmissionpolicies",
  FlowSchema: "flowschemas",
});

export interface ResourceName {
  resource: string;
  group: string;
}

/** English plural of a lower-cased kind, as the API machinery's default RESTMapper forms it. */
function pluralize(singular: string): string {
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}

/** Plurals declared by CustomResourceDefinitions of the inputs, by group and kind. */
export type CrdPlurals = ReadonlyMap<string, string>;

export function crdPluralKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

export function resourceOf(kind: string, apiVersion: string | undefined, crdPlurals?: CrdPlurals): ResourceName {
  const group = groupOf(apiVersion);
  const declared = crdPlurals?.get(crdPluralKey(group, kind));
  const resource = declared ?? PLURALS[kind] ?? pluralize(kind.toLowerCase());
  return { resource, group };
}

export function resourceOfObject(object: KubeObject, crdPlurals?: CrdPlurals): ResourceName {
  return resourceOf(object.kind ?? "", object.apiVersion, crdPlurals);
}
