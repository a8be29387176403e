// Secret values never leave the plan unless asked for (`--show-secrets`):
// field diffs say `(sensitive value changed)`, patches and the `--diff` view
// carry placeholders (the `***` / `*** (before)` / `*** (after)` that
// `kubectl diff` prints).
import type { FieldDiff, PatchOperation } from "./types.js";
import { isRecord, objectAt, type JsonRecord } from "../util/object-access.js";

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

/** A value with every secret string replaced by the placeholder. */
function mask(value: unknown): unknown {
  if (isRecord(value)) return Object.fromEntries(Object.keys(value).map((key) => [key, SENSITIVE_VALUE]));
  return SENSITIVE_VALUE;
}

function isDataPointer(pointer: string): boolean {
  return pointer === "" || pointer === "/data" || pointer.startsWith("/data/");
}

/** Field diffs of a Secret with values replaced (`data.password: (sensitive value changed)` when rendered). */
export function maskFieldDiffs(fields: FieldDiff[]): FieldDiff[] {
  return fields.map((field) => {
    if (field.path !== "data" && !field.path.startsWith("data.") && !field.path.startsWith("data[")) return field;
    const masked: FieldDiff = { ...field, sensitive: true };
    delete masked.from;
    delete masked.to;
    return masked;
  });
}

export function maskPatch(patch: PatchOperation[]): PatchOperation[] {
  return patch.map((operation) => {
    if (operation.value === undefined || !isDataPointer(operation.path)) return operation;
    if (operation.path === "") {
      const value = isRecord(operation.value) ? { ...operation.value } : operation.value;
      if (isRecord(value) && isRecord(value.data)) value.data = mask(value.data);
      return { ...operation, value };
    }
    return { ...operation, value: mask(operation.value) };
  });
}

/** Masks the `data` of the before/after objects of a Secret the way `kubectl diff` does. */
export function maskForDisplay(before: JsonRecord | undefined, after: JsonRecord | undefined): void {
  const beforeData = objectAt(before, "data");
  const afterData = objectAt(after, "data");
  const keys = new Set([...Object.keys(beforeData ?? {}), ...Object.keys(afterData ?? {})]);
  for (const key of keys) {
    const changed = beforeData?.[key] !== afterData?.[key] && beforeData?.[key] !== undefined && afterData?.[key] !== undefined;
    if (beforeData && key in beforeData) beforeData[key] = changed ? "*** (before)" : "***";
    if (afterData && key in afterData) afterData[key] = changed ? "*** (after)" : "***";
  }
}
