// The quick way from a file's YAML to its documents' values: the parser's
// tokens (CST) are turned into values directly, without the composer's node
// tree, which costs about as much again as the parsing. It answers only for
// files it is certain about (see cst-values.ts); anything else, such as
// directives, anchors, tags or any problem to report, makes it give up on the
// whole file, which is then loaded the full way.
import { Parser, type CST, type LineCounter } from "yaml";
import { checkEnd, giveUp, nodeValue, NotCertain } from "./cst-values.js";

export interface PlainDocument {
  /** Position among the file's documents, counting empty ones as parseAllDocuments does. */
  index: number;
  value: Record<string, unknown>;
  /** What the composer makes `commentBefore` of the document and of its contents. */
  commentsBefore: [document: string | undefined, contents: string | undefined];
  /** Where the contents start (the composer's `contents.range[0]`). */
  contentStart: number;
}

interface DocumentStart {
  marker: boolean;
  newline: boolean;
  comment: string;
}

/** The tokens before a document's contents, with their comment as resolveProps joins it. */
function readDocumentStart(tokens: readonly CST.SourceToken[], next: CST.Token | undefined): DocumentStart {
  const start: DocumentStart = { marker: false, newline: false, comment: "" };
  let spaced = true;
  let atNewline = true;
  let separator = "";
  for (const token of tokens) {
    switch (token.type) {
      case "space":
        // Tabs before a flow collection are only white space; elsewhere they may be read as indentation.
        if (token.source.includes("\t") && next?.type !== "flow-collection") giveUp();
        spaced = true;
        break;
      case "comment": {
        if (!spaced) giveUp();
        const text = token.source.substring(1) || " ";
        start.comment = start.comment ? start.comment + separator + text : text;
        separator = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (!atNewline) separator += token.source;
        else if (start.comment) start.comment += token.source;
        atNewline = true;
        start.newline = true;
        spaced = true;
        break;
      case "doc-start":
        if (start.marker) giveUp();
        start.marker = true;
        atNewline = false;
        spaced = false;
        break;
      default:
        giveUp();
    }
  }
  return start;
}

/** The comments between documents, joined as the composer's parsePrelude does. */
function preludeComment(prelude: readonly string[]): { comment: string; afterEmptyLine: boolean } {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (const source of prelude) {
    if (source.startsWith("#")) {
      comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
      atComment = true;
      afterEmptyLine = false;
    } else {
      if (!atComment) afterEmptyLine = true;
      atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}

/**
 * Where the composer puts the comments before a document: those between
 * documents go to the document, or else to its first key (where nobody looks
 * for them) or to a flow mapping; those after `---` go to the contents.
 */
function commentsBefore(
  prelude: readonly string[],
  start: DocumentStart,
  value: CST.Token,
  keys: number,
): PlainDocument["commentsBefore"] {
  const { comment, afterEmptyLine } = preludeComment(prelude);
  const contents = start.comment || undefined;
  if (!comment) return [undefined, contents];
  if (afterEmptyLine || start.marker) return [comment, contents];
  if (value.type === "block-map" && keys > 0) return [undefined, contents];
  return [undefined, contents ? `${comment}\n${contents}` : comment];
}

/** A document's mapping, or null for one with no contents; anything else gives up. */
function readDocument(token: CST.Document, index: number, prelude: readonly string[]): PlainDocument | null {
  const { value } = token;
  const start = readDocumentStart(token.start, value ?? token.end?.[0]);
  // `--- a: b`, `--- {a: b}`: kubectl refuses anything but a comment after the marker.
  if (start.marker && value && !start.newline) giveUp();
  checkEnd(token.end, false);
  if (!value) return null;
  if (value.type !== "block-map" && !(value.type === "flow-collection" && value.start.source === "{")) giveUp();
  const object = nodeValue(value, false) as Record<string, unknown>;
  return {
    index,
    value: object,
    commentsBefore: commentsBefore(prelude, start, value, Object.keys(object).length),
    contentStart: value.offset,
  };
}

/** A text's documents with contents, and how many documents it has, empty ones included. */
export interface ReadDocuments<Doc> {
  documents: Doc[];
  count: number;
}

function readStream(tokens: Iterable<CST.Token>): ReadDocuments<PlainDocument> {
  const documents: PlainDocument[] = [];
  let index = 0;
  // Comments and line breaks since the last document, as the composer collects them.
  let prelude: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "document": {
        const document = readDocument(token, index++, prelude);
        if (document) documents.push(document);
        prelude = [];
        break;
      }
      case "doc-end":
        if (index === 0) giveUp();
        checkEnd(token.end, true);
        prelude = [];
        break;
      case "comment":
      case "newline":
        prelude.push(token.source);
        break;
      case "byte-order-mark":
      case "space":
        break;
      default:
        giveUp(); // directives and errors
    }
  }
  return { documents, count: index };
}

/**
 * The documents with contents of a file (all mappings), or `undefined` when
 * the file needs the full parse. `lineCounter` learns the file's lines as
 * parseAllDocuments would teach it.
 */
export function parseDocumentsFast(text: string, lineCounter: LineCounter): PlainDocument[] | undefined {
  return readDocumentsFast(text, lineCounter)?.documents;
}

/** parseDocumentsFast's documents, and how many documents the text has, empty ones included. */
export function readDocumentsFast(text: string, lineCounter: LineCounter): ReadDocuments<PlainDocument> | undefined {
  try {
    return readStream(new Parser(lineCounter.addNewLine).parse(text));
  } catch (error) {
    // A RangeError is nesting too deep for this recursion; the full parse reports it.
    if (error instanceof NotCertain || error instanceof RangeError) return undefined;
    throw error;
  }
}
