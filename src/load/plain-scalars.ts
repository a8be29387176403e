// Gives plain (unquoted) scalars their type the way yaml's composer does
// under KUBERNETES_YAML_OPTIONS: the first of the schema's default tags whose
// test matches the text resolves it, and text no tag claims stays a string.
// The tag objects are the package's own, taken from a document made with the
// same options, so both ways of loading read `yes`, `0644` or `1_000` alike.
import { Document, isScalar, type ScalarTag } from "yaml";
import { KUBERNETES_YAML_OPTIONS } from "./yaml-options.js";

type TestedTag = ScalarTag & { test: RegExp };

const reference = new Document(undefined, KUBERNETES_YAML_OPTIONS);
const resolveOptions = reference.options;

function isTested(tag: unknown): tag is TestedTag {
  return (tag as { test?: unknown }).test instanceof RegExp;
}

/** Tags a value may take by its text; keys may also be merge keys (`default: "key"`). */
const valueTags = reference.schema.tags.filter((tag): tag is TestedTag => tag.default === true && isTested(tag));
const keyTags = reference.schema.tags.filter(
  (tag): tag is TestedTag => (tag.default === true || tag.default === "key") && isTested(tag),
);

/** The characters a text some tag claims starts with: nulls, booleans, numbers, `.inf`, `.nan` and the merge key. */
const TAGGED_STARTS = "~NnYyTtFfOo-+.0123456789<";

/** Set by `onError` when the tag being resolved reports a problem (one resolve at a time: no closure per scalar). */
let failed = false;
const onError = (): void => {
  failed = true;
};

/**
 * The value of a plain scalar's text, or `undefined` when the composer would
 * not simply produce one: a merge key, or a tag that reports a problem.
 */
export function typePlainScalar(text: string, atKey: boolean): unknown {
  // Most plain scalars are names and words: no tag's test matches them, so none is tried.
  if (text !== "" && !TAGGED_STARTS.includes(text[0]!)) return text;
  const tags = atKey ? keyTags : valueTags;
  let tag: TestedTag | undefined;
  for (let i = 0; i < tags.length; i++) {
    if (tags[i]!.test.test(text)) {
      tag = tags[i];
      break;
    }
  }
  if (!tag) return text;
  if (tag.default !== true) return undefined;
  failed = false;
  let resolved: unknown;
  try {
    resolved = tag.resolve(text, onError, resolveOptions);
  } catch {
    return undefined;
  }
  if (failed) return undefined;
  // Some tags return a Scalar node (floats keep their written precision); its value is what loading keeps.
  const value = isScalar(resolved) ? resolved.value : resolved;
  return value ?? null;
}
