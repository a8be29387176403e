// Structural schema defaults of custom resources: the API server fills the
// `default` of every absent property whose parent object is present, on write
// and on read (apiextensions-apiserver structural defaulting).
import { isRecord, type JsonRecord } from "../../util/object-access.js";

function isSchema(value: unknown): value is JsonRecord {
  return isRecord(value);
}

function defaultValue(value: unknown, schema: unknown, depth: number): void {
  if (depth > 64 || !isSchema(schema)) return;
  if (Array.isArray(value)) {
    for (const item of value) defaultValue(item, schema.items, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  const properties = isSchema(schema.properties) ? schema.properties : undefined;
  if (properties) {
    for (const [name, property] of Object.entries(properties)) {
      if (value[name] === undefined && isSchema(property) && property.default !== undefined) value[name] = structuredClone(property.default);
      if (value[name] !== undefined) defaultValue(value[name], property, depth + 1);
    }
  } else if (isSchema(schema.additionalProperties)) {
    for (const child of Object.values(value)) defaultValue(child, schema.additionalProperties, depth + 1);
  }
}

/** Fills, in place, the defaults a CRD's openAPIV3Schema declares (not metadata, which the schema cannot default). */
export function applySchemaDefaults(body: JsonRecord, schema: object): void {
  const root = schema as JsonRecord;
  const properties = isSchema(root.properties) ? root.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (name === "metadata" || name === "apiVersion" || name === "kind") continue;
    if (body[name] === undefined && isSchema(property) && property.default !== undefined) body[name] = structuredClone(property.default);
    if (body[name] !== undefined) defaultValue(body[name], property, 1);
  }
}
