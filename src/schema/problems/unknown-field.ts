// An unknown field: a typo of a field of the same object, else a field of it
// that both the name and the value's shape point at, else the same field at
// the level where it belongs, else a more distant typo: a field it is part
// of, the one field its value has the shape of, a spelling within the threshold.
import { getAtPointer, joinPointer, kubectlPath, parsePointer } from "../../util/pointer.js";
import { ANY_ITEM, nearestPlaces, placeSegments, schemaPathOf } from "../field-index.js";
import { closeSpelling, partialMatch, sameWord, typoThreshold } from "../../util/suggest.js";
import { pathOf, problem, RULES, schemaOf, valueAt, type SchemaProblem, type TranslationContext } from "./context.js";
import { moveFix } from "./misplaced-field.js";
import { shapeMatch } from "./value-shape.js";

function schemaPathText(segments: readonly string[]): string {
  return kubectlPath(segments.map((segment) => (segment === ANY_ITEM ? "*" : segment)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The fields of the object that holds the unknown one: those it may have, those it has, and the required ones it lacks. */
interface Siblings {
  names: string[];
  written: ReadonlySet<string>;
  missingRequired: ReadonlySet<string>;
}

function siblingsOf(context: TranslationContext, parentPointer: string): Siblings {
  const schema = schemaOf(context, parentPointer);
  const parent = getAtPointer(context.written ?? context.document.object, parentPointer);
  const written = new Set(isRecord(parent) ? Object.keys(parent) : []);
  const names = Object.keys(schema?.properties ?? {});
  return { names, written, missingRequired: new Set((schema?.required ?? []).filter((name) => !written.has(name))) };
}

export function unknownField(context: TranslationContext, parentPointer: string, name: string): SchemaProblem {
  const pointer = joinPointer(parentPointer, name);
  const siblings = siblingsOf(context, parentPointer);
  const head = `${pathOf(pointer)}: unknown field ${JSON.stringify(name)}`;
  // A field already written is no answer: renaming to it would write it twice.
  const unwritten = (field: string | undefined) => (field !== undefined && !siblings.written.has(field) ? field : undefined);
  const didYouMean = (field: string) => problem(RULES.unknownField, pointer, `${head} (did you mean ${JSON.stringify(field)}?)`, field, true);
  const preferred = siblings.missingRequired;
  // A one-letter slip in this object beats the same name somewhere else.
  const slip = sameWord(name, siblings.names) ?? closeSpelling(name, siblings.names, { maxDistance: 1, preferred });
  if (slip !== undefined) return unwritten(slip) !== undefined ? didYouMean(slip) : problem(RULES.unknownField, pointer, head, undefined, true);
  const unwrittenNames = siblings.names.filter((field) => !siblings.written.has(field));
  const value = valueAt(context, pointer);
  // Name and value both pointing at a field here (`secret: {name: ...}` under rbd: `secretRef`) beat the same name elsewhere.
  const shaped = shapeMatch(context, value, parentPointer, unwrittenNames);
  if (shaped !== undefined && (partialMatch(name, [shaped]) !== undefined || closeSpelling(name, [shaped], { maxDistance: typoThreshold(name) }) !== undefined)) {
    return didYouMean(shaped);
  }
  const parentSegments = parsePointer(parentPointer);
  const places = nearestPlaces(context.fieldIndex().get(name.toLowerCase()) ?? [], schemaPathOf(parentSegments));
  const place = places[0];
  if (place) {
    const where = schemaPathText(placeSegments(place, parentSegments));
    const misplaced = problem(RULES.unknownField, pointer, `${head} (it belongs at ${where})`, where, true);
    const fix = moveFix(context, parentSegments, name, places);
    if (fix) misplaced.report.fix = fix;
    return misplaced;
  }
  const typo =
    unwritten(partialMatch(name, siblings.names, preferred)) ??
    shaped ??
    unwritten(closeSpelling(name, siblings.names, { maxDistance: typoThreshold(name), preferred }));
  return typo !== undefined ? didYouMean(typo) : problem(RULES.unknownField, pointer, head, undefined, true);
}
