// A CustomResourceDefinition as the API server validates it: the internal
// apiextensions type that v1 (and v1beta1) convert to, with v1's defaults.
// Conversion from v1 moves the versions' schema, subresources, printer
// columns and selectable fields to the spec when every version has the same
// ones (each on its own), which is why errors of a single-version CRD name
// `spec.validation.openAPIV3Schema`.
import { isDeepStrictEqual } from "node:util";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import type { FieldPath } from "../../field/path.js";

export interface CrdVersion {
  name: string;
  raw: JsonRecord;
  /** The version's own `schema` object (with openAPIV3Schema), unless moved to the spec. */
  schema?: JsonRecord;
  subresources?: JsonRecord;
  columns?: JsonRecord[];
  selectableFields?: JsonRecord[];
}

export interface CrdSpec {
  raw: JsonRecord;
  group: string;
  names: JsonRecord;
  versions: CrdVersion[];
  /** The spec's `validation` (v1beta1, or moved from the versions). */
  validation?: JsonRecord;
  subresources?: JsonRecord;
  columns?: JsonRecord[];
  /** The spec's `selectableFields` (v1beta1, or moved from the versions). */
  selectableFields?: JsonRecord[];
  conversion: JsonRecord;
  statusEnabled(version: CrdVersion): boolean;
  anyStatusEnabled(): boolean;
  hasDefaults(): boolean;
  validationPath(spec: FieldPath): FieldPath;
  subresourcesPath(spec: FieldPath): FieldPath;
  columnsPath(spec: FieldPath): FieldPath;
  selectableFieldsPath(spec: FieldPath): FieldPath;
}

const same = (values: unknown[]): boolean => values.length > 0 && values.every((value) => isDeepStrictEqual(value, values[0]));
const records = (value: unknown): JsonRecord[] => (Array.isArray(value) ? value.filter(isRecord) : []);
/** A list's entries, an entry of another type read as an empty one (its type is the schema's to report). */
const entries = (value: unknown): JsonRecord[] => (Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : []);
const hasStatus = (subresources: JsonRecord | undefined) => subresources !== undefined && subresources.status !== undefined && subresources.status !== null;

function schemaHasDefaults(schema: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (Array.isArray(schema)) return schema.some((item) => schemaHasDefaults(item, depth + 1));
  if (!isRecord(schema)) return false;
  if (Object.hasOwn(schema, "default")) return true;
  return Object.entries(schema).some(([key, value]) => key !== "enum" && key !== "example" && schemaHasDefaults(value, depth + 1));
}

export function readCustomResourceDefinition(crd: JsonRecord): CrdSpec {
  const raw = isRecord(crd.spec) ? crd.spec : {};
  const names: JsonRecord = isRecord(raw.names) ? { ...raw.names } : {};
  // SetDefaults_CustomResourceDefinitionSpec
  if (!names.singular && typeof names.kind === "string") names.singular = names.kind.toLowerCase();
  if (!names.listKind && typeof names.kind === "string" && names.kind !== "") names.listKind = `${names.kind}List`;
  const conversion = isRecord(raw.conversion) ? raw.conversion : { strategy: "None" };
  const rawVersions = records(raw.versions);
  if (rawVersions.length === 0 && typeof raw.version === "string") rawVersions.push({ name: raw.version, served: true, storage: true });
  const versions: CrdVersion[] = rawVersions.map((version) => {
    const entry: CrdVersion = { name: typeof version.name === "string" ? version.name : "", raw: version };
    if (isRecord(version.schema)) entry.schema = version.schema;
    if (isRecord(version.subresources)) entry.subresources = version.subresources;
    if (Array.isArray(version.additionalPrinterColumns) && version.additionalPrinterColumns.length > 0) entry.columns = records(version.additionalPrinterColumns);
    if (Array.isArray(version.selectableFields) && version.selectableFields.length > 0) entry.selectableFields = entries(version.selectableFields);
    return entry;
  });
  const spec: CrdSpec = {
    raw,
    group: typeof raw.group === "string" ? raw.group : "",
    names,
    versions,
    conversion,
    statusEnabled: (version) => hasStatus(version.subresources ?? spec.subresources),
    anyStatusEnabled: () => hasStatus(spec.subresources) || versions.some((v) => hasStatus(v.subresources)),
    hasDefaults: () => schemaHasDefaults(spec.validation) || versions.some((v) => schemaHasDefaults(v.schema)),
    validationPath: (path) => (moved.validation ? path.childAs("validation", "versions", 0, "schema") : path.child("validation")),
    subresourcesPath: (path) => (moved.subresources ? path.childAs("subresources", "versions", 0, "subresources") : path.child("subresources")),
    columnsPath: (path) => (moved.columns ? path.childAs("additionalPrinterColumns", "versions", 0, "additionalPrinterColumns") : path.child("additionalPrinterColumns")),
    selectableFieldsPath: (path) => (moved.selectableFields ? path.childAs("selectableFields", "versions", 0, "selectableFields") : path.child("selectableFields")),
  };
  const moved = { validation: false, subresources: false, columns: false, selectableFields: false };
  if (isRecord(raw.validation)) spec.validation = raw.validation;
  if (isRecord(raw.subresources)) spec.subresources = raw.subresources;
  if (Array.isArray(raw.additionalPrinterColumns)) spec.columns = records(raw.additionalPrinterColumns);
  if (Array.isArray(raw.selectableFields) && raw.selectableFields.length > 0) spec.selectableFields = entries(raw.selectableFields);
  const isV1 = typeof crd.apiVersion === "string" && crd.apiVersion === "apiextensions.k8s.io/v1";
  if (isV1 && versions.length > 0) {
    // Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec
    if (same(versions.map((v) => v.schema)) && versions[0]!.schema) {
      spec.validation = versions[0]!.schema;
      moved.validation = true;
      for (const v of versions) delete v.schema;
    }
    if (same(versions.map((v) => v.subresources)) && versions[0]!.subresources) {
      spec.subresources = versions[0]!.subresources;
      moved.subresources = true;
      for (const v of versions) delete v.subresources;
    }
    if (same(versions.map((v) => v.columns)) && versions[0]!.columns) {
      spec.columns = versions[0]!.columns;
      moved.columns = true;
      for (const v of versions) delete v.columns;
    }
    // Moved whether or not the schema was: versions with different schemas and the
    // same selectable fields are refused (kubernetes/kubernetes#140689).
    if (same(versions.map((v) => v.selectableFields)) && versions[0]!.selectableFields) {
      spec.selectableFields = versions[0]!.selectableFields;
      moved.selectableFields = true;
      for (const v of versions) delete v.selectableFields;
    }
  }
  return spec;
}
