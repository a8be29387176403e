// Names as the controllers make them. The API server's random suffixes and
// the controllers' template hashes are replaced by deterministic stand-ins
// of the same shape, so that a plan is the same bytes on every run.
import { stableJson } from "../util/object-access.js";

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no confusable digits). */
const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** 32-bit FNV-1a, the hash the controllers use for template hashes. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString: every character mapped into the safe alphabet. */
export function safeEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/**
 * Stand-in for the pod-template-hash / controller-revision hash: upstream hashes
 * the Go struct of the template (not reproducible here), this hashes its JSON.
 */
export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(stableJson(template ?? {}))));
}

/** Stand-in for the 5 random characters the API server appends to a generateName. */
export function generatedSuffix(seed: string): string {
  let out = "";
  let hash = fnv32a(seed);
  for (let i = 0; i < 5; i++) {
    out += SAFE_ALPHABET[hash % SAFE_ALPHABET.length];
    hash = (Math.floor(hash / SAFE_ALPHABET.length) ^ fnv32a(`${seed}#${i}`)) >>> 0;
  }
  return out;
}

/** A stable UID-shaped identifier for owner references of objects not yet created. */
export function standInUid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv32a(`${seed}/${i}`).toString(16).padStart(8, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
