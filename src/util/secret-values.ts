// Which values of the inputs are secret, by meaning rather than spelling: a
// Secret-like object is one whose kind reads as Secret (any capitalisation, or
// a typo of it), and every value in it is secret except the few fields that
// say what it is (apiVersion, kind, metadata, type, immutable). Its
// last-applied annotation holds a copy of its data, so it is secret too.
// Every renderer and message builder asks here before printing a value.
import { escapeSegment, parsePointer } from "./pointer.js";
import { nearest } from "./suggest.js";

/** What stands for a secret value in text (as `kubectl diff` prints it). */
export const MASK = "***";

const SECRET_KIND = "Secret";

/** Top-level fields of a Secret that hold no secret. */
const DESCRIPTIVE_FIELDS = new Set(["apiVersion", "kind", "metadata", "type", "immutable"]);

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Shorter texts are not redacted from messages: they would match ordinary words. */
const SHORTEST_REDACTED = 4;

/** Values nested deeper than this in a Secret are not collected for redaction (a Secret's values are flat). */
const DEEPEST_COLLECTED = 64;

/** Whether a kind names a Secret: `Secret`, `secret`, `SECRETS`, `Secert`... */
export function isSecretKind(kind: unknown): boolean {
  if (typeof kind !== "string") return false;
  // The typo engine's own threshold: only words of about the same length can be typos of it.
  if (Math.abs(kind.length - SECRET_KIND.length) > 2) return false;
  return kind === SECRET_KIND || nearest(kind, [SECRET_KIND]) === SECRET_KIND;
}

/** Whether an object is Secret-like (see isSecretKind). */
export function isSecretLike(object: unknown): boolean {
  return object !== null && typeof object === "object" && isSecretKind((object as { kind?: unknown }).kind);
}

/** Whether a top-level field of a Secret-like object holds secret values (`data`, `stringData`, `stringdata`, `Data`...). */
export function isSecretField(field: string): boolean {
  return !DESCRIPTIVE_FIELDS.has(field);
}

/**
 * Whether the value at `pointer` (a JSON pointer relative to the object) is,
 * or is inside, one of a Secret-like object's secret values.
 */
export function isSecretValuePointer(object: unknown, pointer: string): boolean {
  return isSecretLike(object) && isSecretPointer(pointer);
}

/** Whether `pointer`, inside an object already known to be Secret-like, reaches a secret value. */
export function isSecretPointer(pointer: string): boolean {
  if (pointer === "") return false;
  const [field, second, third] = parsePointer(pointer);
  if (isSecretField(field!)) return true;
  return field === "metadata" && second === "annotations" && third === LAST_APPLIED;
}

/** The scalar values under `value`, as text, iteratively (no recursion on input depth). */
function collectScalars(value: unknown, pointer: string, out: Set<string>, sourceText?: (pointer: string) => string | undefined): void {
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value, pointer, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value !== null && typeof item.value === "object") {
      if (item.depth >= DEEPEST_COLLECTED) continue;
      for (const [key, child] of Object.entries(item.value)) {
        stack.push({ value: child, pointer: `${item.pointer}/${escapeSegment(key)}`, depth: item.depth + 1 });
      }
      continue;
    }
    if (item.value === null || item.value === undefined) continue;
    // A boolean is one of YAML's few spellings of true and false (`yes`, `On`): it hides
    // nothing, and masking those words would garble the messages that explain them.
    if (typeof item.value === "boolean") continue;
    out.add(String(item.value));
    const written = typeof item.value === "string" ? undefined : sourceText?.(item.pointer);
    if (written !== undefined) out.add(written);
  }
}

/**
 * Every secret value of a Secret-like object as text (with the text written in
 * the file, when `sourceText` knows it: `0x1F` for 31), longest first; [] for
 * other objects.
 */
export function secretTextsOf(object: unknown, sourceText?: (pointer: string) => string | undefined): string[] {
  if (!isSecretLike(object)) return [];
  const texts = new Set<string>();
  for (const [field, value] of Object.entries(object as Record<string, unknown>)) {
    if (isSecretField(field)) collectScalars(value, `/${escapeSegment(field)}`, texts, sourceText);
  }
  const lastApplied = (object as { metadata?: { annotations?: Record<string, unknown> } }).metadata?.annotations?.[LAST_APPLIED];
  if (typeof lastApplied === "string") texts.add(lastApplied);
  return [...texts].filter((text) => text.trim().length >= SHORTEST_REDACTED).sort((a, b) => b.length - a.length);
}

/**
 * `text` with every occurrence of a secret value (as written, or escaped as
 * JSON writes it inside quotes) replaced by `***`.
 */
export function redactSecretTexts(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      if (out.includes(form)) out = out.split(form).join(MASK);
    }
  }
  return out;
}
