// What the PersistentVolumeClaim strategy does to a claim before validation,
// and the warnings it returns (pkg/api/persistentvolumeclaim/util.go).
import { featureEnabled } from "../features.js";
import type { FieldWarning } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { obj, str, stringMap } from "../validation/core/fields.js";
import { fractionalBytes } from "../validation/core/resources.js";
import { goQuote } from "../field/values.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import { appendAll } from "../../util/append.js";

export const BETA_STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

/** DropDisabledFields on create: fields of gates that are off. */
export function dropDisabledFields(spec: JsonRecord, kubernetesVersion: string): void {
  if (!featureEnabled("VolumeAttributesClass", kubernetesVersion)) delete spec.volumeAttributesClassName;
  // CrossNamespaceVolumeDataSource is off in every supported release: a reference into another namespace goes.
  if (str(obj(spec, "dataSourceRef"), "namespace") !== "") delete spec.dataSourceRef;
}

/** dataSourceIsPvcOrSnapshot. */
function dataSourceIsPvcOrSnapshot(dataSource: JsonRecord | undefined): boolean {
  const kind = str(dataSource, "kind");
  const apiGroup = str(dataSource, "apiGroup");
  return (kind === "PersistentVolumeClaim" && apiGroup === "") || (kind === "VolumeSnapshot" && apiGroup === "snapshot.storage.k8s.io");
}

/**
 * EnforceDataSourceBackwardsCompatibility on create: without a dataSourceRef,
 * a dataSource other than a claim or a volume snapshot is dropped, as before
 * data sources of any kind existed.
 */
export function enforceDataSourceBackwardsCompatibility(spec: JsonRecord): void {
  if (isRecord(spec.dataSourceRef)) return;
  if (!dataSourceIsPvcOrSnapshot(obj(spec, "dataSource"))) delete spec.dataSource;
}

/** The kind, name and API group of a data source reference, as Go copies them. */
function typedReference(source: JsonRecord): JsonRecord {
  const copy: JsonRecord = { kind: source.kind, name: source.name };
  if (source.apiGroup !== undefined && source.apiGroup !== null) copy.apiGroup = source.apiGroup;
  return copy;
}

/** NormalizeDataSources: dataSource and dataSourceRef carry the same reference when only one is set. */
export function normalizeDataSources(spec: JsonRecord): void {
  const dataSource = obj(spec, "dataSource");
  const dataSourceRef = obj(spec, "dataSourceRef");
  if (dataSource && !dataSourceRef) spec.dataSourceRef = typedReference(dataSource);
  else if (dataSourceRef && !dataSource && str(dataSourceRef, "namespace") === "") spec.dataSource = typedReference(dataSourceRef);
}

/** GetWarningsForPersistentVolumeClaimSpec: storage requests and limits with a fraction of a byte. */
export function getWarningsForPersistentVolumeClaimSpec(fldPath: FieldPath, spec: JsonRecord): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  const resources = obj(spec, "resources");
  for (const list of ["requests", "limits"]) {
    const value = fractionalBytes(obj(resources, list)?.storage);
    if (value !== undefined) warnings.push({ field: fldPath.child("resources", list).key("storage"), message: `fractional byte value ${goQuote(value)} is invalid, must be an integer` });
  }
  return warnings;
}

/** GetWarningsForPersistentVolumeClaim: the beta storage class annotation, then the spec's warnings. */
export function getWarningsForPersistentVolumeClaim(claim: JsonRecord): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  if (Object.hasOwn(stringMap(obj(claim, "metadata"), "annotations"), BETA_STORAGE_CLASS_ANNOTATION)) {
    warnings.push({ field: FieldPath.root("metadata", "annotations").key(BETA_STORAGE_CLASS_ANNOTATION), message: 'deprecated since v1.8; use "storageClassName" attribute instead' });
  }
  appendAll(warnings, getWarningsForPersistentVolumeClaimSpec(FieldPath.root("spec"), obj(claim, "spec") ?? {}));
  return warnings;
}
