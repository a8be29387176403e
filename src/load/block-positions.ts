// Positions in a document the block reader took (block-yaml.ts): it reads the
// document again, noting where each key and value was written, and a pointer
// is followed through those places as locateInDocument (yaml-ast.ts) follows
// yaml's nodes, with the same answers, at a fraction of a full parse's cost.
import { readBlockDocument, type BlockPlace, type BlockPlaces } from "./block-yaml.js";
import { parsePointer } from "../util/pointer.js";

/** A document's places, from its top mapping down. */
export interface BlockDocumentPlaces {
  root: BlockPlace;
  places: BlockPlaces;
}

/** The places of the document whose contents start at `contents`, in a chunk that ends at `end`; undefined if the block reader does not take it. */
export function readBlockPlaces(text: string, end: number, contents: number): BlockDocumentPlaces | undefined {
  const places: BlockPlaces = new Map();
  const node = readBlockDocument(text, end, contents, places);
  return node && { root: { key: -1, value: contents, source: undefined, node }, places };
}

/** The place at `pointer`, or the deepest one on its way (`complete: false`). */
function walk(document: BlockDocumentPlaces, pointer: string): { place: BlockPlace; complete: boolean } {
  let place = document.root;
  for (const segment of parsePointer(pointer)) {
    const children = typeof place.node === "object" && place.node !== null ? document.places.get(place.node) : undefined;
    let next: BlockPlace | undefined;
    if (Array.isArray(children)) next = /^\d+$/.test(segment) ? children[Number(segment)] : undefined;
    else next = children?.get(segment);
    if (!next) return { place, complete: false };
    place = next;
  }
  return { place, complete: true };
}

/** The offset of the value at `pointer` (or of its key), falling back to the deepest part of the path that exists, as locateInDocument does. */
export function blockOffset(document: BlockDocumentPlaces, pointer: string, wantKey: boolean): number {
  const { place, complete } = walk(document, pointer);
  const key = place.key >= 0 ? place.key : undefined;
  const value = place.value >= 0 ? place.value : undefined;
  const preferKey = wantKey || !complete || value === undefined;
  return (preferKey ? key ?? value : value ?? key) ?? document.root.value;
}

/** The scalar at `pointer` as yaml keeps its text (scalarSourceAt). */
export function blockScalarSource(document: BlockDocumentPlaces, pointer: string): string | undefined {
  const { place, complete } = walk(document, pointer);
  return complete ? place.source : undefined;
}
