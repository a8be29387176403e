// A pod volume has exactly one source (validateVolumeSource), and the source's
// own required field (a Secret volume's secretName, a ConfigMap volume's name,
// a claim's claimName, a hostPath's path); a projected volume's sources each
// name one kind of projection (validateProjectionSources).
import type { Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { forbidden, required } from "../support/field-errors.js";
import { podTemplatesOf, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { arrayOf, isRecord, type JsonRecord } from "../../util/object-access.js";

/**
 * The volume sources in the order upstream counts them, with the path segment
 * it names each one by in its "more than 1" error (two differ from the field names).
 */
const SOURCES: ReadonlyArray<[field: string, shownAs: string]> = [
  ["emptyDir", "emptyDir"],
  ["hostPath", "hostPath"],
  ["gitRepo", "gitRepo"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["secret", "secret"],
  ["nfs", "nfs"],
  ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["persistentVolumeClaim", "persistentVolumeClaim"],
  ["rbd", "rbd"],
  ["cinder", "cinder"],
  ["cephfs", "cephFS"],
  ["quobyte", "quobyte"],
  ["downwardAPI", "downwarAPI"],
  ["fc", "fc"],
  ["flexVolume", "flexVolume"],
  ["configMap", "configMap"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["storageos", "storageos"],
  ["projected", "projected"],
  ["scaleIO", "scaleIO"],
  ["csi", "csi"],
  ["ephemeral", "ephemeral"],
  ["image", "image"],
];

/** The field each source cannot do without (an empty string counts as missing). */
const REQUIRED_FIELD: Record<string, string> = {
  secret: "secretName",
  configMap: "name",
  persistentVolumeClaim: "claimName",
  hostPath: "path",
};

const PROJECTIONS = ["secret", "configMap", "downwardAPI", "serviceAccountToken", "clusterTrustBundle", "podCertificate"];

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function requiredFieldReports(source: string, value: JsonRecord, at: PathSegment[]): Report[] {
  const name = REQUIRED_FIELD[source];
  if (!name) return [];
  const field = value[name];
  if (field !== undefined && field !== null && field !== "") return [];
  const fieldAt = [...at, source, name];
  return [reportAt(fieldAt, required(fieldPath(fieldAt)))];
}

function projectionReports(projected: JsonRecord, at: PathSegment[]): Report[] {
  return arrayOf(projected.sources).flatMap((source, index) => {
    if (!isRecord(source)) return [];
    if (PROJECTIONS.filter((kind) => isSet(source[kind])).length <= 1) return [];
    const sourceAt = [...at, "projected", "sources", index];
    return [reportAt(sourceAt, forbidden(fieldPath(sourceAt), "may not specify more than 1 volume type per source"))];
  });
}

function volumeReports(volume: JsonRecord, at: PathSegment[]): Report[] {
  const present = SOURCES.filter(([field]) => isSet(volume[field]));
  // A source of the wrong type is the schema layer's error.
  if (present.some(([field]) => !isRecord(volume[field]))) return [];
  if (present.length === 0) return [reportAt(at, required(fieldPath(at), "must specify a volume type"))];
  const [[first], ...others] = present as [[string, string], ...Array<[string, string]>];
  const reports = requiredFieldReports(first, volume[first] as JsonRecord, at);
  if (first === "projected") reports.push(...projectionReports(volume.projected as JsonRecord, at));
  for (const [field, shownAs] of others) {
    reports.push(reportAt([...at, field], forbidden(fieldPath([...at, shownAs]), "may not specify more than 1 volume type"), { atKey: true }));
  }
  return reports;
}

function templateReports(template: PodTemplate): Report[] {
  return arrayOf(template.spec.volumes).flatMap((volume, index) => (isRecord(volume) ? volumeReports(volume, [...template.specPath, "volumes", index]) : []));
}

export const podVolumeSource: Rule = {
  id: "pod/volume-source",
  severity: "error",
  description: "Every pod volume must have exactly one source (emptyDir, configMap, secret, persistentVolumeClaim...) with its required field, and each projected source one projection.",
  check(document) {
    return podTemplatesOf(document.object).flatMap(templateReports);
  },
};
