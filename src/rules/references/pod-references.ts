// What a pod spec refers to by name: ConfigMaps and Secrets (env, envFrom,
// volumes, projected sources, image pull secrets), PersistentVolumeClaims and
// its ServiceAccount.
import type { PathSegment } from "../../util/pointer.js";
import { containersOf, type PodTemplate } from "../support/pod-templates.js";
import { arrayOf, dig, isRecord, stringOf, type JsonRecord } from "../../util/object-access.js";
import { appendAll } from "../../util/append.js";

export type ReferencedKind = "ConfigMap" | "Secret" | "PersistentVolumeClaim" | "ServiceAccount";

/** What goes wrong while the referenced object is missing. */
export type Consequence = "container" | "mount" | "schedule" | "pull" | "admission";

export interface KeyReference {
  key: string;
  path: PathSegment[];
}

export interface PodReference {
  kind: ReferencedKind;
  name: string;
  /** Path of the name field, where a missing object is reported. */
  path: PathSegment[];
  optional: boolean;
  consequence: Consequence;
  /** Keys the reference reads (configMapKeyRef.key, volume items). */
  keys: KeyReference[];
}

function reference(
  kind: ReferencedKind,
  name: unknown,
  path: PathSegment[],
  consequence: Consequence,
  source: JsonRecord,
  keys: KeyReference[] = [],
): PodReference[] {
  const text = stringOf(name);
  if (!text) return [];
  return [{ kind, name: text, path, optional: source.optional === true, consequence, keys }];
}

function itemKeys(source: JsonRecord, at: PathSegment[]): KeyReference[] {
  return arrayOf(source.items).flatMap((item, index) => {
    const key = isRecord(item) ? stringOf(item.key) : undefined;
    return key ? [{ key, path: [...at, "items", index, "key"] }] : [];
  });
}

function containerReferences(template: PodTemplate): PodReference[] {
  const out: PodReference[] = [];
  for (const { path, container } of containersOf(template)) {
    arrayOf(container.env).forEach((env, index) => {
      const valueFrom = dig(env, "valueFrom");
      if (!isRecord(valueFrom)) return;
      const at = [...path, "env", index, "valueFrom"];
      for (const [field, kind] of [["configMapKeyRef", "ConfigMap"], ["secretKeyRef", "Secret"]] as const) {
        const ref = valueFrom[field];
        if (!isRecord(ref)) continue;
        const key = stringOf(ref.key);
        const keys = key ? [{ key, path: [...at, field, "key"] }] : [];
        appendAll(out, reference(kind, ref.name, [...at, field, "name"], "container", ref, keys));
      }
    });
    arrayOf(container.envFrom).forEach((source, index) => {
      if (!isRecord(source)) return;
      const at = [...path, "envFrom", index];
      for (const [field, kind] of [["configMapRef", "ConfigMap"], ["secretRef", "Secret"]] as const) {
        const ref = source[field];
        if (isRecord(ref)) appendAll(out, reference(kind, ref.name, [...at, field, "name"], "container", ref));
      }
    });
  }
  return out;
}

function projectedReferences(projected: JsonRecord, at: PathSegment[]): PodReference[] {
  return arrayOf(projected.sources).flatMap((source, index) => {
    if (!isRecord(source)) return [];
    const sourceAt = [...at, "sources", index];
    const out: PodReference[] = [];
    for (const [field, kind] of [["configMap", "ConfigMap"], ["secret", "Secret"]] as const) {
      const ref = source[field];
      if (isRecord(ref)) appendAll(out, reference(kind, ref.name, [...sourceAt, field, "name"], "mount", ref, itemKeys(ref, [...sourceAt, field])));
    }
    return out;
  });
}

function volumeReferences(template: PodTemplate): PodReference[] {
  return arrayOf(template.spec.volumes).flatMap((volume, index) => {
    if (!isRecord(volume)) return [];
    const at = [...template.specPath, "volumes", index];
    const out: PodReference[] = [];
    if (isRecord(volume.configMap)) {
      appendAll(out, reference("ConfigMap", volume.configMap.name, [...at, "configMap", "name"], "mount", volume.configMap, itemKeys(volume.configMap, [...at, "configMap"])));
    }
    if (isRecord(volume.secret)) {
      appendAll(out, reference("Secret", volume.secret.secretName, [...at, "secret", "secretName"], "mount", volume.secret, itemKeys(volume.secret, [...at, "secret"])));
    }
    if (isRecord(volume.persistentVolumeClaim)) {
      appendAll(out, reference("PersistentVolumeClaim", volume.persistentVolumeClaim.claimName, [...at, "persistentVolumeClaim", "claimName"], "schedule", {}));
    }
    if (isRecord(volume.projected)) appendAll(out, projectedReferences(volume.projected, [...at, "projected"]));
    return out;
  });
}

function podLevelReferences(template: PodTemplate): PodReference[] {
  const out: PodReference[] = [];
  arrayOf(template.spec.imagePullSecrets).forEach((secret, index) => {
    if (isRecord(secret)) appendAll(out, reference("Secret", secret.name, [...template.specPath, "imagePullSecrets", index, "name"], "pull", {}));
  });
  // serviceAccount is the deprecated alias; serviceAccountName wins when both are set.
  for (const field of ["serviceAccountName", "serviceAccount"]) {
    const name = stringOf(template.spec[field]);
    if (name) {
      appendAll(out, reference("ServiceAccount", name, [...template.specPath, field], "admission", {}));
      break;
    }
  }
  return out;
}

/** Every reference of a pod spec, in the order they are written. */
export function podReferences(template: PodTemplate): PodReference[] {
  return [...containerReferences(template), ...volumeReferences(template), ...podLevelReferences(template)];
}
