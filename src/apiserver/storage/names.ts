// The name the API server gives an object sent with generateName and no name
// (k8s.io/apiserver pkg/storage/names/generate.go, SimpleNameGenerator): the
// prefix, cut to 58 bytes, then 5 random characters of
// "bcdfghjklmnpqrstvwxz2456789". The store generates it before the object is
// validated, so checks of the name see it. kubeplan writes "xxxxx" for the
// random part: every character it may be is a lower-case letter or digit,
// which each name rule treats alike.
import { isRecord, stringOf } from "../../util/object-access.js";

const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
export const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;
const RANDOM_STAND_IN = "x".repeat(RANDOM_LENGTH);

/** SimpleNameGenerator.GenerateName, with the random part written as "xxxxx". */
export function generateName(base: string): string {
  const bytes = Buffer.from(base);
  const cut = bytes.length > MAX_GENERATED_NAME_LENGTH ? bytes.subarray(0, MAX_GENERATED_NAME_LENGTH).toString() : base;
  return cut + RANDOM_STAND_IN;
}

/** The object's name when it is validated: its own, else the one generated from generateName, else "". */
export function nameAtValidation(metadata: unknown): string {
  const meta = isRecord(metadata) ? metadata : {};
  const name = stringOf(meta.name) ?? "";
  if (name !== "") return name;
  const base = stringOf(meta.generateName) ?? "";
  return base === "" ? "" : generateName(base);
}
