// A field written at the wrong level, moved where it belongs when there is
// exactly one place for it in the document: `type: NodePort` at the top of a
// Service → `spec.type`, `containers` under a Deployment's `spec` →
// `spec.template.spec.containers`, a pod's `image` → its one container's.
import type { ProposedFix } from "../../types.js";
import { isRecord } from "../../util/object-access.js";
import { kubectlPath, toPointer } from "../../util/pointer.js";
import { ANY_ITEM, placeSegments, type FieldPlace } from "../field-index.js";
import type { TranslationContext } from "./context.js";

const isIndex = (segment: string) => /^\d+$/.test(segment);

/**
 * The document path of the mapping that the place's field goes into, when that
 * mapping is written and lacks the field. A list on the way is entered only
 * when it has one item: with more, which one is meant is a guess.
 */
function writtenDestination(root: unknown, place: FieldPlace, from: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let value = root;
  for (const segment of placeSegments(place, from).slice(0, -1)) {
    if (segment === ANY_ITEM || isIndex(segment)) {
      if (!Array.isArray(value)) return undefined;
      const index = segment === ANY_ITEM ? (value.length === 1 ? 0 : -1) : Number(segment);
      if (index < 0 || index >= value.length) return undefined;
      out.push(String(index));
      value = value[index];
    } else {
      if (!isRecord(value) || !Object.hasOwn(value, segment)) return undefined;
      out.push(segment);
      value = value[segment];
    }
  }
  return isRecord(value) && !Object.hasOwn(value, place.name) ? out : undefined;
}

/** Whether a move takes the field out of a list item it was written in (a container's field sent to the pod is a different field). */
function leavesListItem(from: readonly string[], to: readonly string[]): boolean {
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return from.slice(common).some(isIndex);
}

/**
 * The move of the field `name` written in the mapping at `from` to the one
 * place (of `places`, the nearest where it exists in the schema) that the
 * document has room for; none when there are several or none.
 */
export function moveFix(context: TranslationContext, from: readonly string[], name: string, places: readonly FieldPlace[]): ProposedFix | undefined {
  const root = context.written ?? context.document.object;
  const destinations = places
    .filter((place) => place.name === name)
    .map((place) => writtenDestination(root, place, from))
    .filter((to): to is string[] => to !== undefined && !leavesListItem(from, to));
  if (destinations.length !== 1) return undefined;
  const to = destinations[0]!;
  return {
    description: `move to ${kubectlPath([...to, name])}`,
    changes: [{ op: "movePair", pointer: toPointer([...from, name]), to: toPointer(to) }],
  };
}
