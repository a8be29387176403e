// Field errors as k8s.io/apimachinery/pkg/util/validation/field returns them:
// a type, the path, the bad value and a detail, printed as
// `<path>: <Type>: <bad value>: <detail>`. Every API-server check returns these.
import type { FieldPath } from "./path.js";
import { goJson, goQuote } from "./values.js";
import { atLeast } from "../../util/release.js";
import { detailInRelease, type DetailWording } from "./release-details.js";

export type ErrorType =
  | "FieldValueNotFound"
  | "FieldValueRequired"
  | "FieldValueDuplicate"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "InternalError"
  | "FieldValueTypeInvalid";

const TYPE_TEXT: Readonly<Record<ErrorType, string>> = {
  FieldValueNotFound: "Not found",
  FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

/** A bad value the error does not print (field's omitValue). */
export const OMIT_VALUE: unique symbol = Symbol("omitValue");

/**
 * A composite bad value already printed the way the API server prints it for
 * the target release (Go syntax before 1.34): see values.ts.
 */
export class PrintedValue {
  constructor(readonly text: string) {}
}

export interface FieldError {
  type: ErrorType;
  field: FieldPath;
  /** A string, number, boolean, null, a JSON value, OMIT_VALUE or a PrintedValue. */
  badValue: unknown;
  detail: string;
  /** What would fix it, when one value clearly would (a finding's `suggestion`). */
  suggestion?: string;
  /**
   * Where a finding should point when that is more precise than `field`: upstream
   * names a whole map (`metadata.labels`) for a bad key or value inside it.
   */
  at?: { field: FieldPath; key: boolean };
  /** TooLong and TooMany: the limit, whose wording changed between releases. */
  limit?: { max: number; unit: LimitUnit };
  /** Set by the check that wrote `detail` when its words changed between releases (release-details.ts). */
  wording?: DetailWording;
}

/** A byte limit (field.TooLong), a length limit (field.TooLongMaxLength), a count (field.TooMany). */
type LimitUnit = "bytes" | "length" | "items";

/** A warning the API server returns with a successful response (`path: message`, or the message alone). */
export interface FieldWarning {
  field?: FieldPath;
  message: string;
  /** Where a finding should point when the message names its field itself (upstream's plain-string warnings). */
  at?: FieldPath;
}

export type ErrorList = FieldError[];

export function invalid(field: FieldPath, badValue: unknown, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, badValue, detail };
}

export function required(field: FieldPath, detail = ""): FieldError {
  return { type: "FieldValueRequired", field, badValue: "", detail };
}

export function duplicate(field: FieldPath, badValue: unknown): FieldError {
  return { type: "FieldValueDuplicate", field, badValue, detail: "" };
}

export function notFound(field: FieldPath, badValue: unknown): FieldError {
  return { type: "FieldValueNotFound", field, badValue, detail: "" };
}

/** field.NotSupported: the supported values quoted with Go's strconv.Quote. */
export function notSupported(field: FieldPath, badValue: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? "supported values: " + supported.map(goQuote).join(", ") : "";
  return { type: "FieldValueNotSupported", field, badValue, detail };
}

export function forbidden(field: FieldPath, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, badValue: "", detail };
}

/** field.TooLong (a byte limit); its words depend on the release (see limitDetail). */
export function tooLong(field: FieldPath, badValue: unknown, maxLength: number): FieldError {
  return { type: "FieldValueTooLong", field, badValue, detail: "", limit: { max: maxLength, unit: "bytes" } };
}

/** field.TooLongMaxLength (a length limit in characters or items). */
export function tooLongMaxLength(field: FieldPath, badValue: unknown, maxLength: number): FieldError {
  return { type: "FieldValueTooLong", field, badValue, detail: "", limit: { max: maxLength, unit: "length" } };
}

export function tooMany(field: FieldPath, actualQuantity: number, maxQuantity: number): FieldError {
  return { type: "FieldValueTooMany", field, badValue: actualQuantity >= 0 ? actualQuantity : OMIT_VALUE, detail: "", limit: { max: maxQuantity, unit: "items" } };
}

/**
 * The detail of TooLong and TooMany in the release's words: until 1.31 TooLong
 * said "must have at most N bytes" and TooLongMaxLength "may not be longer than
 * N"; since 1.32 both say "may not be more than N bytes"; since 1.34 a limit of
 * one is singular ("1 byte", "1 item").
 */
function limitDetail(max: number, unit: LimitUnit, kubernetesVersion: string): string {
  const singular = max === 1 && atLeast(kubernetesVersion, "1.34");
  if (unit === "items") return max >= 0 ? `must have at most ${max} ${singular ? "item" : "items"}` : "has too many items";
  if (max < 0) return "value is too long";
  if (!atLeast(kubernetesVersion, "1.32")) return unit === "bytes" ? `must have at most ${max} bytes` : `may not be longer than ${max}`;
  return `may not be more than ${max} ${singular ? "byte" : "bytes"}`;
}

/** field.InternalError: `detail` is the error's text. */
export function internalError(field: FieldPath, detail: string): FieldError {
  return { type: "InternalError", field, badValue: "", detail };
}

export function typeInvalid(field: FieldPath, badValue: unknown, detail: string): FieldError {
  return { type: "FieldValueTypeInvalid", field, badValue, detail };
}

/** Types whose message never shows the value. */
const VALUELESS: ReadonlySet<ErrorType> = new Set(["FieldValueRequired", "FieldValueForbidden", "FieldValueTooLong", "InternalError"]);

/** The bad value as Error.ErrorBody prints it: a nil value is the string "null" before 1.34, JSON's null since. */
function printValue(value: unknown, kubernetesVersion: string): string {
  if (value instanceof PrintedValue) return value.text;
  if (value === null || value === undefined) return atLeast(kubernetesVersion, "1.34") ? "null" : '"null"';
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // Composite values are JSON since 1.34; for older releases callers pass a PrintedValue in Go syntax.
  return goJson(value);
}

/** field.Error.ErrorBody: the message without the path, in the words of `kubernetesVersion`. */
export function errorBody(error: FieldError, kubernetesVersion: string): string {
  let text = TYPE_TEXT[error.type];
  if (!VALUELESS.has(error.type) && error.badValue !== OMIT_VALUE) text += ": " + printValue(error.badValue, kubernetesVersion);
  const detail = error.limit ? limitDetail(error.limit.max, error.limit.unit, kubernetesVersion) : error.wording ? detailInRelease(error.detail, error.wording, kubernetesVersion) : error.detail;
  return detail ? `${text}: ${detail}` : text;
}

/** field.Error.Error: `<path>: <body>`. */
export function errorMessage(error: FieldError, kubernetesVersion: string): string {
  return `${error.field.toString()}: ${errorBody(error, kubernetesVersion)}`;
}

/** A warning as kubectl prints it after `Warning: `. */
export function warningMessage(warning: FieldWarning): string {
  return warning.field ? `${warning.field.toString()}: ${warning.message}` : warning.message;
}
