// An unknown field: a typo of a field of the same object, else the same field
// at the level where it belongs, else a more distant typo.
import { joinPointer, kubectlPath, parsePointer } from "../../util/pointer.js";
import { ANY_ITEM, nearestPlace, placeSegments, schemaPathOf } from "../field-index.js";
import { editDistance, nearest } from "../../util/suggest.js";
import { pathOf, problem, RULES, schemaOf, type SchemaProblem, type TranslationContext } from "./context.js";

function schemaPathText(segments: readonly string[]): string {
  return kubectlPath(segments.map((segment) => (segment === ANY_ITEM ? "*" : segment)));
}

export function unknownField(context: TranslationContext, parentPointer: string, name: string): SchemaProblem {
  const pointer = joinPointer(parentPointer, name);
  const siblings = Object.keys(schemaOf(context, parentPointer)?.properties ?? {});
  const head = `${pathOf(pointer)}: unknown field ${JSON.stringify(name)}`;
  const typo = nearest(name, siblings);
  const didYouMean = (field: string) => problem(RULES.unknownField, pointer, `${head} (did you mean ${JSON.stringify(field)}?)`, field, true);
  // A one-letter slip in this object beats the same name somewhere else.
  if (typo !== undefined && editDistance(name.toLowerCase(), typo.toLowerCase()) <= 1) return didYouMean(typo);
  const parentSegments = parsePointer(parentPointer);
  const place = nearestPlace(context.fieldIndex().get(name.toLowerCase()) ?? [], schemaPathOf(parentSegments));
  if (place) {
    const where = schemaPathText(placeSegments(place, parentSegments));
    return problem(RULES.unknownField, pointer, `${head} (it belongs at ${where})`, where, true);
  }
  if (typo !== undefined) return didYouMean(typo);
  return problem(RULES.unknownField, pointer, head, undefined, true);
}
