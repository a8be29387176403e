// References to objects that exist neither in the inputs nor in the cluster:
// ConfigMaps, Secrets, PVCs and ServiceAccounts of pods, keys of ConfigMaps and
// Secrets, Ingress backends, HPA targets, role bindings' roles.
import type { Inventory, InventoryEntry } from "../../inventory.js";
import type { KubeObject, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { podTemplatesOf } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { closest } from "../../util/suggest.js";
import { arrayOf, dig, isRecord, strictIntegerOf, stringOf } from "../../util/object-access.js";
import { exists, findObjects, namesOf, notFoundText, searchedIn } from "./lookup.js";
import { objectReferenceReports } from "./object-references.js";
import { podReferences, type Consequence, type PodReference } from "./pod-references.js";
import { appendAll } from "../../util/append.js";

const CONSEQUENCES: Record<Consequence, string> = {
  container: "the container will not start (CreateContainerConfigError) until it exists",
  mount: "the pod will not start (FailedMount) until it exists",
  schedule: "the pod will stay Pending until it exists",
  pull: "images from a private registry will fail to pull",
  admission: "the ServiceAccount admission refuses the pods until it exists",
};

/** PVCs a StatefulSet creates: `<claim template>-<statefulset>-<ordinal>`. */
function statefulSetClaims(inventory: Inventory, namespace: string): Set<string> {
  const claims = new Set<string>();
  for (const entry of inventory.ofKind("StatefulSet")) {
    if (inventory.namespaceOf(entry.object) !== namespace) continue;
    const name = entry.object.metadata?.name;
    const replicas = strictIntegerOf(dig(entry.object, "spec", "replicas")) ?? 1;
    for (const template of arrayOf(dig(entry.object, "spec", "volumeClaimTemplates"))) {
      const claim = stringOf(dig(template, "metadata", "name"));
      if (!claim || typeof name !== "string") continue;
      for (let ordinal = 0; ordinal < Math.min(replicas, 1000); ordinal++) claims.add(`${claim}-${name}-${ordinal}`);
    }
  }
  return claims;
}

/** The keys an existing ConfigMap or Secret provides. */
function keysOf(entry: InventoryEntry): Set<string> {
  const fields = entry.object.kind === "Secret" ? ["data", "stringData"] : ["data", "binaryData"];
  return new Set(fields.flatMap((field) => (isRecord(entry.object[field]) ? Object.keys(entry.object[field] as object) : [])));
}

function missingKeyReports(reference: PodReference, entry: InventoryEntry): Report[] {
  if (reference.optional) return [];
  const keys = keysOf(entry);
  return reference.keys
    .filter((k) => !keys.has(k.key))
    .map((k) => {
      const suggestion = closest(k.key, keys);
      const consequence = CONSEQUENCES[reference.consequence].replace(/ until it exists$/, "");
      return reportAt(k.path, `${fieldPath(k.path)}: "${k.key}" not found in ${reference.kind} "${reference.name}"; ${consequence}`, suggestion ? { suggestion } : {});
    });
}

function podReferenceReports(object: KubeObject, namespace: string, inventory: Inventory): Report[] {
  const reports: Report[] = [];
  let claims: Set<string> | undefined;
  for (const template of podTemplatesOf(object)) {
    for (const reference of podReferences(template)) {
      const found = findObjects(inventory, reference.kind, namespace, reference.name, "");
      if (found.length > 0) {
        appendAll(reports, missingKeyReports(reference, found[0]!));
        continue;
      }
      if (reference.optional || exists(inventory, reference.kind, namespace, reference.name, "")) continue;
      if (reference.kind === "PersistentVolumeClaim") {
        claims ??= statefulSetClaims(inventory, namespace);
        if (claims.has(reference.name)) continue;
      }
      const suggestion = closest(reference.name, namesOf(inventory, reference.kind, namespace));
      const message = `${fieldPath(reference.path)}: ${notFoundText(reference.kind, reference.name, namespace)} (${searchedIn(inventory)}); ${CONSEQUENCES[reference.consequence]}`;
      reports.push(reportAt(reference.path, message, suggestion ? { suggestion } : {}));
    }
  }
  return reports;
}

export const referencesMissing: Rule = {
  id: "references/missing",
  severity: "warning",
  description: "Objects referred to (ConfigMaps, Secrets and their keys, PVCs, ServiceAccounts, Ingress backends, HPA targets, roles) should exist in the inputs or the cluster.",
  usesInventory: true,
  check(document, context) {
    const { object } = document;
    const { inventory } = context;
    const namespace = inventory.namespaceOf(object);
    return [...podReferenceReports(object, namespace, inventory), ...objectReferenceReports(object, namespace, inventory)];
  },
};
