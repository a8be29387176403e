// Secret values never leave the plan unless asked for (`--show-secrets`):
// field diffs say `(sensitive value changed)`, patches and the `--diff` view
// carry placeholders (the `***` / `*** (before)` / `*** (after)` that
// `kubectl diff` prints). Which objects and fields are secret is
// util/secret-values.ts's to say: `data`, but also `stringdata`, any other
// field that is not descriptive, in any Secret-like object.
import type { FieldDiff, PatchOperation } from "./types.js";
import { isRecord, objectAt, type JsonRecord } from "../util/object-access.js";
import { isSecretField, isSecretPointer } from "../util/secret-values.js";
import { deepEqual } from "./values.js";

export const SENSITIVE_VALUE = "(sensitive value)";

/** Go's base64 decoder skips line breaks: normalise to the canonical encoding the server prints. */
function canonicalBase64(value: string): string {
  const compact = value.replace(/[\r\n]/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return value;
  return Buffer.from(compact, "base64").toString("base64");
}

/**
 * What the server stores for a Secret manifest: `stringData` is written into
 * `data` (base64, winning over the same key in `data`) and is never stored.
 */
export function foldStringData(body: JsonRecord): void {
  const data = objectAt(body, "data");
  const stringData = objectAt(body, "stringData");
  if (!data && !stringData) return;
  const folded: JsonRecord = {};
  for (const [key, value] of Object.entries(data ?? {})) folded[key] = typeof value === "string" ? canonicalBase64(value) : value;
  for (const [key, value] of Object.entries(stringData ?? {})) {
    folded[key] = typeof value === "string" ? Buffer.from(value, "utf8").toString("base64") : value;
  }
  delete body.stringData;
  body.data = folded;
}

/** A value with every secret string replaced by the placeholder (a map keeps its keys). */
function mask(value: unknown): unknown {
  if (isRecord(value)) return Object.fromEntries(Object.keys(value).map((key) => [key, SENSITIVE_VALUE]));
  return SENSITIVE_VALUE;
}

/** A whole Secret-like object with its secret fields masked. */
export function maskObject(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const out: JsonRecord = { ...value };
  for (const field of Object.keys(out)) if (isSecretField(field)) out[field] = mask(out[field]);
  return out;
}

/** Field diffs of a Secret-like object with values replaced (`data.password: (sensitive value changed)` when rendered). */
export function maskFieldDiffs(fields: FieldDiff[]): FieldDiff[] {
  return fields.map((field) => {
    if (!isSecretPointer(field.pointer)) return field;
    const masked: FieldDiff = { ...field, sensitive: true };
    delete masked.from;
    delete masked.to;
    return masked;
  });
}

/** Patch operations of a Secret-like object with secret values replaced. */
export function maskPatch(patch: PatchOperation[]): PatchOperation[] {
  return patch.map((operation) => {
    if (operation.value === undefined) return operation;
    if (operation.path === "") return { ...operation, value: maskObject(operation.value) };
    return isSecretPointer(operation.path) ? { ...operation, value: mask(operation.value) } : operation;
  });
}

/** Masks the secret fields of the before/after objects of a Secret-like object the way `kubectl diff` masks `data`. */
export function maskForDisplay(before: JsonRecord | undefined, after: JsonRecord | undefined): void {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})].filter(isSecretField));
  for (const field of fields) {
    const beforeValue = before?.[field];
    const afterValue = after?.[field];
    if ((beforeValue === undefined || isRecord(beforeValue)) && (afterValue === undefined || isRecord(afterValue))) {
      maskEntries(beforeValue as JsonRecord | undefined, afterValue as JsonRecord | undefined);
      continue;
    }
    const changed = beforeValue !== undefined && afterValue !== undefined && !deepEqual(beforeValue, afterValue);
    if (before && beforeValue !== undefined) before[field] = changed ? "*** (before)" : "***";
    if (after && afterValue !== undefined) after[field] = changed ? "*** (after)" : "***";
  }
}

function maskEntries(beforeData: JsonRecord | undefined, afterData: JsonRecord | undefined): void {
  const keys = new Set([...Object.keys(beforeData ?? {}), ...Object.keys(afterData ?? {})]);
  for (const key of keys) {
    const changed = beforeData?.[key] !== undefined && afterData?.[key] !== undefined && !deepEqual(beforeData[key], afterData[key]);
    if (beforeData && key in beforeData) beforeData[key] = changed ? "*** (before)" : "***";
    if (afterData && key in afterData) afterData[key] = changed ? "*** (after)" : "***";
  }
}
