// The fields that unknown fields were meant to be. With strict field
// validation the API server refuses an unknown field while decoding and
// reports only that, so a "Required value" about the field the unknown one
// was meant to be (`contAIN3rz` for `containers`, `containers` one level too
// high) is the same mistake told twice.
import { escapeSegment, kubectlPath, parentPointer, parsePointer, toPointer } from "../util/pointer.js";

/** An unknown field and its suggestion: a field of the same object, or the path of the place it belongs at. */
export interface UnknownFieldHint {
  pointer: string;
  suggestion: string;
}

/** A place such as `spec.template.spec.containers[*].ports` as a test of a field's path, `[*]` standing for any index. */
function placePattern(place: string): RegExp {
  const escaped = place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\[\\\*\\\]/g, "\\[\\d+\\]");
  return new RegExp(`^${escaped}$`);
}

/**
 * A test of whether a field, by its pointer, is one the unknown fields were
 * meant to be (a typo hint in the same object, or the place a misplaced field
 * belongs at) or inside one: what the user wrote under the unknown field is
 * missing there too.
 */
export function meantFields(hints: Iterable<UnknownFieldHint>): (pointer: string) => boolean {
  const typos = new Set<string>();
  const places: RegExp[] = [];
  for (const hint of hints) {
    typos.add(`${parentPointer(hint.pointer)}/${escapeSegment(hint.suggestion)}`);
    places.push(placePattern(hint.suggestion));
  }
  if (typos.size === 0) return () => false;
  const isMeant = (segments: readonly string[]) => typos.has(toPointer(segments)) || places.some((place) => place.test(kubectlPath(segments)));
  return (pointer) => {
    const segments = parsePointer(pointer);
    for (let length = segments.length; length > 0; length--) {
      if (isMeant(segments.slice(0, length))) return true;
    }
    return false;
  };
}
