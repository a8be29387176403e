// Turning a workload's pod template into the v1 Pod its controller would send
// to the API server: template labels and annotations, the controller's own
// labels, an owner reference, and the template's spec.
import type { KubeObject } from "../types.js";
import { cloneJson, recordOf, stringMapOf } from "../util/object-access.js";
import { standInUid } from "./names.js";
import type { Owner } from "./types.js";

export interface PodInit {
  namespace: string;
  /** Set for pods with a fixed name (StatefulSet ordinals). */
  name?: string;
  /** The prefix the controller asks the API server to complete. */
  generateName?: string;
  /** The name the API server would generate from generateName (a stand-in). */
  generatedName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** The object that controls the pod (a ReplicaSet for a Deployment). */
  controller: { apiVersion: string; kind: string; name: string };
}

/** The owner of the pods: the object written in the inputs. */
export function ownerOf(object: KubeObject, namespace: string): Owner {
  return {
    apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "",
    kind: typeof object.kind === "string" ? object.kind : "",
    namespace,
    name: typeof object.metadata?.name === "string" ? object.metadata.name : "",
  };
}

export function podFromTemplate(template: unknown, init: PodInit): KubeObject {
  const source = recordOf(template);
  const templateMeta = recordOf(source.metadata);
  const labels = { ...stringMapOf(templateMeta.labels), ...(init.labels ?? {}) };
  const annotations = { ...stringMapOf(templateMeta.annotations), ...(init.annotations ?? {}) };
  const metadata: Record<string, unknown> = {};
  if (init.generateName !== undefined) metadata.generateName = init.generateName;
  const name = init.name ?? init.generatedName;
  if (name !== undefined) metadata.name = name;
  metadata.namespace = init.namespace;
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  metadata.ownerReferences = [
    {
      apiVersion: init.controller.apiVersion,
      kind: init.controller.kind,
      name: init.controller.name,
      uid: standInUid(`${init.controller.kind}/${init.namespace}/${init.controller.name}`),
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  return { apiVersion: "v1", kind: "Pod", metadata, spec: cloneJson(recordOf(source.spec)) };
}
