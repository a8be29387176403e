// From YAML text to manifest documents: one per Kubernetes object, Lists
// flattened, each able to say where any of its values was written.
import { Composer, LineCounter, type CST, type Document, type YAMLError } from "yaml";
import type { Finding, KubeObject, ManifestDocument, Position, YamlChange } from "../types.js";
import { checkTokens, MAX_NESTING, unterminatedQuote } from "./cst-checks.js";
import { readDocumentsFast, type PlainDocument } from "./fast-yaml.js";
import { readDocumentsQuick, type QuickDocument } from "./quick-yaml.js";
import { controlCharacter, hasControlCharacters, withLineFeeds } from "./go-yaml.js";
import { duplicateKeys } from "./duplicate-keys.js";
import { documentToJS, locateInDocument, scalarSourceAt } from "./yaml-ast.js";
import { planEdits } from "./yaml-edits.js";
import { blockOffset, blockScalarSource, readBlockPlaces, type BlockDocumentPlaces } from "./block-positions.js";
import { KUBERNETES_YAML_OPTIONS } from "./yaml-options.js";
import { isJsonStream, splitYamlStream, type StreamChunk } from "./yaml-stream.js";
import { appendAll } from "../util/append.js";
import { boundedText } from "../util/bounded-text.js";
import { withGoFlowScalars } from "./go-flow-scalars.js";
import { withCheapQuotes } from "./long-quotes.js";
import { goQuotedTokens } from "./quoted-lines.js";
import { dropFinalLineBreak, unterminatedLastLine } from "./final-line-break.js";
import { mayHoldNonFinite, nonFiniteNumber } from "./non-finite.js";
import { hasTabOnlyLine, tabOnlyLineProblem } from "./tab-lines.js";
import { anchorNameProblem } from "./anchor-names.js";
import { withGoAnchorSpacing, type SpacedText } from "./anchor-spacing.js";
import { lineSeparators, restoreLineSeparators, withQuotedSeparators } from "./line-separators.js";
import { goBlockScalarValues, kubectlSyntaxError, type KubectlSyntaxError } from "./go-parser.js";

export interface ParsedFile {
  documents: ManifestDocument[];
  findings: Finding[];
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return `a ${typeof value}`;
}

/**
 * `# Source: chart/templates/web.yaml`, as helm template writes above each
 * document; looked for in the comments before the document and its contents.
 */
function sourceName(comments: ReadonlyArray<string | null | undefined>): string | undefined {
  for (const comment of comments) {
    const match = /^\s*Source:\s*(\S+)\s*$/m.exec(comment ?? "");
    if (match) return match[1];
  }
  return undefined;
}

function isListKind(value: KubeObject): boolean {
  return typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
}

function loadFinding(file: string, at: Position, rule: string, message: string, path = "", rendered = false): Finding {
  const finding: Finding = { severity: "error", rule, message: boundedText(message), file, line: at.line, column: at.column, path };
  if (rendered) finding.rendered = true;
  return finding;
}

const STDIN = "<stdin>";

/** Text that may hold a comment sourceName reads; without it, standard input is read as any file. */
const SOURCE_COMMENT = /#\s*Source:/;

/**
 * Where a document's positions are reported: its file; or, for Helm's output
 * on standard input, the template its `# Source:` comment names, with lines
 * counted from that comment (the template's first line of output is line 1).
 * A file read from disk keeps its own name and lines whatever its comments say.
 */
interface Origin {
  file: string;
  lineOffset: number;
  rendered: boolean;
}

function originOf(file: string, name: string | undefined, source: FileSource, text: string, contentStart: number): Origin {
  if (file !== STDIN || name === undefined) return { file, lineOffset: 0, rendered: false };
  const comment = text.lastIndexOf("# Source:", contentStart);
  return { file: name, lineOffset: comment >= 0 ? source.position(comment).line : 0, rendered: true };
}

function shift(at: Position, origin: Origin): Position {
  return origin.lineOffset === 0 ? at : { line: Math.max(1, at.line - origin.lineOffset), column: at.column };
}

/** The parser's tokens of a chunk, with quoted scalars read to their end, long ones made cheap, and flow scalars read as go-yaml reads them. */
function syntaxTokens(text: string): CST.Token[] {
  return withGoFlowScalars(withCheapQuotes(goQuotedTokens(text)), text);
}

/**
 * syntaxTokens, or none where the parser runs out of stack: block collections
 * nested a few thousand levels deep, before checkTokens can count them
 * (parseChunk reports such a chunk as too deep).
 */
function syntaxTokensOrNone(text: string): CST.Token[] {
  try {
    return syntaxTokens(text);
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
}

/** A chunk of the stream (see yaml-stream.ts) and its documents' syntax trees, offsets relative to the chunk. */
interface ParsedChunk {
  chunk: StreamChunk;
  text: string;
  trees: Document[];
}

/**
 * The YAML a file's documents came from. Syntax trees are dropped after the
 * first read and built again, one `---` chunk at a time, only for a document
 * that has findings: keeping them all costs more (in garbage collection) than
 * parsing twice the few that are needed.
 */
class FileSource {
  private chunks: StreamChunk[] | undefined;
  private readonly parsed = new Map<number, ParsedChunk>();
  /** The places of documents the block reader took, read again on first need, by where their contents start. */
  private readonly blockRead = new Map<number, BlockDocumentPlaces | undefined>();
  /** Where `position` last counted lines to (documents' starts are asked in order): the offset, its line, and where that line starts. */
  private countedTo = 0;
  private countedLine = 1;
  private countedLineStart = 0;

  private nonFinite: boolean | undefined;

  /**
   * `lineCounter`: the parser's, when it filled one; otherwise one is made on
   * first need. `toOriginal`: for a text with blanks put in (anchor-spacing.ts),
   * the offset of the file as written, whose lines `lineCounter` counts.
   */
  constructor(
    private readonly text: string,
    private counter?: LineCounter,
    private readonly toOriginal?: (offset: number) => number,
    private readonly separators?: ReadonlyMap<number, string>,
    /** The text as written, when `text` has line breaks or blanks of its own (readFully). */
    readonly original: string = text,
  ) {}

  /** The offset in the text as written of an offset in this text. */
  originalOffset(offset: number): number {
    return this.toOriginal ? this.toOriginal(offset) : offset;
  }

  /** The position of an offset of the text as written. */
  originalPosition(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** The LS or PS the text as written has where this text has a line feed in its place (line-separators.ts). */
  separatorAt(offset: number): string | undefined {
    return this.separators?.get(this.toOriginal ? this.toOriginal(offset) : offset);
  }

  /** Whether the text as written has LS or PS characters. */
  get hasSeparators(): boolean {
    return this.separators !== undefined;
  }

  /** Whether the text mentions `.inf` or `.nan` (non-finite.ts), searched once. */
  mayHoldNonFinite(): boolean {
    return (this.nonFinite ??= mayHoldNonFinite(this.text));
  }

  /** Every line's start, found on first use: most files need only their documents' first lines. */
  get lineCounter(): LineCounter {
    return (this.counter ??= countLines(this.text));
  }

  /** The syntax tree of the document whose contents start at `offset`, its chunk's text, and where that starts. */
  tree(offset: number): { doc: Document; chunkStart: number; chunkText: string } {
    this.chunks ??= splitYamlStream(this.text);
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.chunks[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    let parsed = this.parsed.get(low);
    if (!parsed) {
      const chunk = this.chunks[low]!;
      const text = this.text.slice(chunk.start, chunk.end);
      const tokens = syntaxTokens(text);
      parsed = { chunk, text, trees: [...(new Composer(KUBERNETES_YAML_OPTIONS).compose(tokens) as Iterable<Document>)] };
      this.parsed.set(low, parsed);
    }
    const relative = offset - parsed.chunk.start;
    const doc = parsed.trees.find((tree) => (tree.range?.[2] ?? 0) >= relative) ?? parsed.trees[parsed.trees.length - 1]!;
    return { doc, chunkStart: parsed.chunk.start, chunkText: parsed.text };
  }

  /** The places of the block document whose contents start at `offset` (its chunk ending at `end`). */
  blockPlaces(offset: number, end: number): BlockDocumentPlaces | undefined {
    if (!this.blockRead.has(offset)) this.blockRead.set(offset, readBlockPlaces(this.text, end, offset));
    return this.blockRead.get(offset);
  }

  /** Positions in a chunk's tree, in the file. */
  counterFrom(chunkStart: number): Pick<LineCounter, "linePos"> {
    const original = this.toOriginal ?? ((offset: number) => offset);
    return { linePos: (offset: number) => this.lineCounter.linePos(original(chunkStart + offset)) };
  }

  position(offset: number): Position {
    if (this.toOriginal) {
      const { line, col } = this.lineCounter.linePos(this.toOriginal(offset));
      return { line, column: col };
    }
    if (this.counter === undefined && offset >= this.countedTo) {
      // Forward from the last place asked: line feeds counted, no table of lines made.
      const { text } = this;
      for (let at = text.indexOf("\n", this.countedTo); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) {
        this.countedLine++;
        this.countedLineStart = at + 1;
      }
      this.countedTo = offset;
      return { line: this.countedLine, column: offset - this.countedLineStart + 1 };
    }
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

/** A change of an item of a List, by pointers in the whole YAML document. */
function withPrefix(change: YamlChange, pointerPrefix: string): YamlChange {
  if (pointerPrefix === "") return change;
  return change.op === "movePair" ? { ...change, pointer: pointerPrefix + change.pointer, to: pointerPrefix + change.to } : { ...change, pointer: pointerPrefix + change.pointer };
}

function makeDocument(
  origin: Origin,
  index: number,
  pointerPrefix: string,
  object: KubeObject,
  source: FileSource,
  startOffset: number,
  blockEnd: number | undefined,
): ManifestDocument {
  // A document the block reader took is read again by it for positions; any other is parsed by yaml.
  const placed = () => (blockEnd === undefined ? undefined : source.blockPlaces(startOffset, blockEnd));
  const document: ManifestDocument = {
    file: origin.file,
    index,
    pointerPrefix,
    object,
    locate: (pointer, options) => {
      if (pointer === "" && pointerPrefix === "" && !options?.key) return shift(source.position(startOffset), origin);
      const places = placed();
      if (places) return shift(source.position(blockOffset(places, pointerPrefix + pointer, options?.key ?? false)), origin);
      const { doc, chunkStart } = source.tree(startOffset);
      return shift(locateInDocument(doc, source.counterFrom(chunkStart), pointerPrefix + pointer, options?.key ?? false), origin);
    },
    sourceText: (pointer) => {
      const places = placed();
      return places ? blockScalarSource(places, pointerPrefix + pointer) : scalarSourceAt(source.tree(startOffset).doc, pointerPrefix + pointer);
    },
  };
  // Rendered output is not the file to edit: no fix points into it.
  if (origin.rendered) document.rendered = true;
  else {
    document.edits = (changes) => {
      const { doc, chunkStart, chunkText } = source.tree(startOffset);
      const position = source.counterFrom(chunkStart).linePos;
      return planEdits({ doc, text: chunkText, position }, changes.map((change) => withPrefix(change, pointerPrefix)));
    };
  }
  return document;
}

/** Checks the envelope every object needs; returns the findings that stop it from going on. */
function envelopeFindings(document: ManifestDocument): Finding[] {
  const { object } = document;
  const out: Finding[] = [];
  const at = (pointer: string) => document.locate(pointer, { key: true });
  for (const field of ["apiVersion", "kind"] as const) {
    const value = object[field];
    if (value === undefined || value === null || value === "") {
      out.push(loadFinding(document.file, at(""), `document/missing-${field.toLowerCase()}`, `${field} not set`, document.pointerPrefix, document.rendered));
    } else if (typeof value !== "string") {
      const pointer = "/" + field;
      out.push(
        loadFinding(document.file, document.locate(pointer), `document/missing-${field.toLowerCase()}`,
          `${field}: must be a string, got ${describeType(value)}`, document.pointerPrefix + pointer, document.rendered),
      );
    }
  }
  return out;
}

function flatten(
  origin: Origin,
  index: number,
  value: KubeObject,
  source: FileSource,
  startOffset: number,
  out: ParsedFile,
  blockEnd: number | undefined,
): void {
  const top = makeDocument(origin, index, "", value, source, startOffset, blockEnd);
  const nonFinite = source.mayHoldNonFinite() ? nonFiniteNumber(value) : undefined;
  if (nonFinite) {
    const message = `YAML syntax error: error converting YAML to JSON: json: unsupported value: ${nonFinite.shown}`;
    out.findings.push(loadFinding(origin.file, top.locate(nonFinite.pointer), "yaml/syntax", message, nonFinite.pointer, origin.rendered));
    return;
  }
  if (!isListKind(value)) {
    pushIfWhole(top, out);
    return;
  }
  (value.items as unknown[]).forEach((item, i) => {
    const pointer = `/items/${i}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      const at = top.locate(pointer);
      out.findings.push(loadFinding(origin.file, at, "document/not-an-object",
        `items[${i}]: is ${describeType(item)}, not a Kubernetes object (a mapping with apiVersion and kind)`, pointer, origin.rendered));
      return;
    }
    pushIfWhole(makeDocument(origin, index, pointer, item as KubeObject, source, startOffset, blockEnd), out);
  });
}

function pushIfWhole(document: ManifestDocument, out: ParsedFile): void {
  const problems = envelopeFindings(document);
  if (problems.length > 0) appendAll(out.findings, problems);
  else out.documents.push(document);
}

/** The key written at `offset` (up to its colon), quotes and all. */
function writtenKeyAt(text: string, offset: number): string {
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:,}\n]*)/.exec(text.slice(offset, offset + 1100));
  return (match?.[1] ?? "").trim();
}

/** The key written at `offset` (up to its colon), for messages. */
function keyAt(text: string, offset: number): string {
  const key = writtenKeyAt(text, offset);
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/**
 * Parses one file's text; a broken document becomes findings and the others
 * go on. The text is read as kubectl reads it: cut at `---` lines first, with
 * go-yaml's rules where they differ from the yaml package's.
 */
export function parseManifests(text: string, file: string): ParsedFile {
  const normalized = withGoLineBreaks(text);
  // Anchor and alias names go-yaml ends at `:` or `?`, and line breaks other than line feeds, are read the full way.
  const spaced = withGoAnchorSpacing(normalized, syntaxTokensOrNone) ?? null;
  if (spaced || normalized !== text || OTHER_BREAKS.test(text)) return readFully(text, normalized, spaced, file);
  // Nearly every file is read the quickest way at once; any other, one `---` chunk at a time.
  const whole = readQuickly(text, file, { quick: true, tokens: false });
  if (whole) {
    const out: ParsedFile = { documents: [], findings: [] };
    addDocuments(whole, text, file, { start: 0, end: text.length }, 0, new FileSource(text), out);
    return out;
  }
  return parseByChunk(text, file, { full: true, quickFailed: true })!;
}

/**
 * The quick ways alone, one `---` chunk at a time: `undefined` when a chunk
 * has something to report about its YAML (or is outside what they read),
 * which parseManifests leaves to the full way.
 */
export function parseManifestsFast(text: string, file: string): ParsedFile | undefined {
  return parseByChunk(text, file, { full: false, quickFailed: false });
}

/** Line breaks to go-yaml other than LF and CRLF (a lone CR, NEL, LS, PS): only the full way reads them as go-yaml does. */
const OTHER_BREAKS = /[\u0085\u2028\u2029]|\r(?!\n)/;

/** A line that starts with `---` followed by something other than a comment: kubectl refuses it. */
const INVALID_SEPARATOR = /^---(?![ \t]*(?:#.*)?\r?$)/m;

/** What a quick way read of a text: its documents with contents (offsets in that text), how many it has, and its lines when counted. */
interface QuickRead {
  documents: Array<QuickDocument & Partial<PlainDocument>>;
  count: number;
  lineCounter?: LineCounter;
}

/**
 * The quick ways, for a text with nothing to report about its YAML: js-yaml
 * for plain YAML (quick-yaml.ts), and yaml's tokens (fast-yaml.ts), those of
 * `ways` in that order; `undefined` when the text needs another way.
 */
function readQuickly(text: string, file: string, ways: { quick: boolean; tokens: boolean }): QuickRead | undefined {
  if (hasControlCharacters(text) || INVALID_SEPARATOR.test(text) || hasTabOnlyLine(text) || OTHER_BREAKS.test(text)) return undefined;
  // Helm's `# Source:` comments name the documents of standard input: only the token way reads comments.
  const quick = !ways.quick || (file === STDIN && SOURCE_COMMENT.test(text)) ? undefined : readDocumentsQuick(text);
  if (quick || !ways.tokens) return quick;
  // The token way fills a line counter as it reads; the quick ways leave lines to be counted when asked.
  const lineCounter = new LineCounter();
  const read = readDocumentsFast(text, lineCounter);
  return read && { ...read, lineCounter };
}

/** Makes manifest documents of what a quick way read of the `chunk` of the text (the whole text, or one `---` chunk), numbered from `firstIndex`. */
function addDocuments(read: QuickRead, text: string, file: string, chunk: StreamChunk, firstIndex: number, source: FileSource, out: ParsedFile): void {
  const { documents } = read;
  // Only the chunk that ends the text can end on a line with no line break.
  const lastLine = chunk.end === text.length ? unterminatedLastLine(text) : undefined;
  if (lastLine !== undefined && documents.length > 0) dropFinalLineBreak(documents[documents.length - 1]!.value, lastLine);
  for (const doc of documents) {
    const contentStart = chunk.start + doc.contentStart;
    const origin = originOf(file, sourceName(doc.commentsBefore ?? []), source, text, contentStart);
    const blockEnd = doc.blockEnd === undefined ? undefined : chunk.start + doc.blockEnd;
    flatten(origin, firstIndex + doc.index, doc.value as KubeObject, source, contentStart, out, blockEnd);
  }
}

/**
 * A file one `---` chunk at a time (as kubectl cuts it, yaml-stream.ts): each
 * read a quick way where it can be, so that a document with something to
 * report costs only its own full parse; with `full`, the others the full way,
 * and without, `undefined` if there is any other. `quickFailed`: the js-yaml
 * way has already refused the whole text (it is not tried again on a chunk
 * that is all of it).
 */
function parseByChunk(text: string, file: string, { full, quickFailed }: { full: boolean; quickFailed: boolean }): ParsedFile | undefined {
  const out: ParsedFile = { documents: [], findings: [] };
  const chunks = splitYamlStream(text);
  let source: FileSource | undefined;
  let index = 0;
  for (const chunk of chunks) {
    const whole = chunk.start === 0 && chunk.end === text.length;
    // The token way counts a text's lines as it reads: they are the file's when the chunk is all of it.
    const read = chunk.separatorError ? undefined : readQuickly(whole ? text : text.slice(chunk.start, chunk.end), file, { quick: !(whole && quickFailed), tokens: true });
    source ??= new FileSource(text, whole ? read?.lineCounter : undefined);
    if (read) {
      addDocuments(read, text, file, chunk, index, source, out);
      index += read.count;
    } else if (full) {
      index += parseChunk(text, chunk, file, index, source, out);
    } else {
      return undefined;
    }
  }
  return out;
}

/** The line counter of a whole text, as the parser would fill it. */
function countLines(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

/** The `# Source:` name a chunk's first lines give, for findings about a chunk that cannot be parsed. */
function chunkSourceName(text: string, chunk: StreamChunk): string | undefined {
  const head = text.slice(chunk.start, Math.min(chunk.end, chunk.start + 4096));
  return sourceName(head.split("\n").filter((line) => line.startsWith("#")).map((line) => line.slice(1)));
}

/** The problem that stops a chunk from being parsed at all: kubectl's separator error, or a character go-yaml refuses. */
function chunkProblem(text: string, chunk: StreamChunk): { offset: number; message: string } | undefined {
  if (chunk.separatorError) return chunk.separatorError;
  const control = controlCharacter(text, chunk.start, chunk.end);
  // go-yaml's reader says it with no line.
  return control && { offset: control.offset, message: `error converting YAML to JSON: yaml: ${control.message}` };
}

/** A line that starts with `%`: a directive, or go-yaml's error. */
const DIRECTIVE_LINE = /^%/m;

/** Parses one `---` chunk; its documents are numbered from `firstIndex`. Returns how many documents it had. */
function parseChunk(text: string, chunk: StreamChunk, file: string, firstIndex: number, source: FileSource, out: ParsedFile): number {
  const origin = (offset: number): Origin => originOf(file, chunkSourceName(text, chunk), source, text, offset);
  const reportAt = (offset: number, position: Position, rule: string, message: string) => {
    const from = origin(offset);
    out.findings.push(loadFinding(from.file, shift(position, from), rule, message, "", from.rendered));
  };
  const report = (offset: number, rule: string, message: string) => reportAt(offset, source.position(offset), rule, message);
  const problem = chunkProblem(text, chunk);
  if (problem) {
    report(problem.offset, "yaml/syntax", `YAML syntax error: ${problem.message}`);
    return 1;
  }
  // What kubectl says of the chunk's document, asked only of a document found broken.
  let kubectl: KubectlSyntaxError | null | undefined;
  const kubectlSays = (): KubectlSyntaxError | undefined => {
    if (kubectl === undefined) {
      try {
        kubectl = isJsonStream(source.original)
          ? null
          : (kubectlSyntaxError(source.original, source.originalOffset(chunk.start), source.originalOffset(chunk.end)) ?? null);
      } catch {
        // kubeplan's own words are still true: the document is broken either way.
        kubectl = null;
      }
    }
    return kubectl ?? undefined;
  };
  /** Reports a syntax error in kubectl's words where go-yaml refuses the document, else in kubeplan's (`offset`, `message`). */
  const reportSyntax = (offset: number, message: string, hint?: string) => {
    const refusal = kubectlSays();
    if (!refusal) {
      report(offset, "yaml/syntax", `YAML syntax error: ${message}`);
      return;
    }
    const position = source.originalPosition(refusal.offset);
    // kubeplan's hint, and where it points, when it is about the same line.
    if (hint !== undefined && position.line === source.position(offset).line) report(offset, "yaml/syntax", `YAML syntax error: ${refusal.message} (${hint})`);
    else reportAt(offset, position, "yaml/syntax", `YAML syntax error: ${refusal.message}`);
  };
  const chunkText = text.slice(chunk.start, chunk.end);
  let tokens: CST.Token[];
  try {
    tokens = syntaxTokens(chunkText);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    report(chunk.start, "yaml/limit", `YAML nested more than ${MAX_NESTING} levels deep: the document is not read`);
    return 1;
  }
  const keyLength = !isJsonStream(text);
  for (const token of tokens) {
    const tokenProblem = checkTokens(token, { keyLength });
    if (tokenProblem) {
      if (tokenProblem.kind === "limit") report(chunk.start + tokenProblem.offset, "yaml/limit", `YAML ${tokenProblem.message}`);
      else reportSyntax(chunk.start + tokenProblem.offset, tokenProblem.message, tokenProblem.hint);
      return 1;
    }
    const goProblem = tabOnlyLineProblem(token, chunkText) ?? anchorNameProblem(token, chunkText);
    if (goProblem) {
      reportSyntax(chunk.start + goProblem.offset, goProblem.message);
      return 1;
    }
  }
  // A directive (`%YAML 1.1`) in a chunk of its own, as kubectl cuts the stream, is a document with no start to go-yaml.
  const directive = DIRECTIVE_LINE.test(chunkText) ? kubectlSays() : undefined;
  if (directive) {
    reportAt(chunk.start, source.originalPosition(directive.offset), "yaml/syntax", `YAML syntax error: ${directive.message}`);
    return 1;
  }
  const docs = [...(new Composer(KUBERNETES_YAML_OPTIONS).compose(tokens) as Iterable<Document>)];
  const quoteStart = unterminatedQuote(tokens);
  const lastLine = chunk.end === text.length ? unterminatedLastLine(text) : undefined;
  docs.forEach((doc, i) => {
    const last = i === docs.length - 1 ? lastLine : undefined;
    // go-yaml reads the first document of a chunk only.
    const kubectlError = i === 0 ? kubectlSays : () => undefined;
    parseDocument(text, doc, file, firstIndex + i, { chunk, quoteStart, lastLine: last, kubectlError }, source, out);
  });
  return docs.length;
}

/**
 * Where a document's first YAML error is reported. yaml places a missing
 * closing quote at the end of the text: the quote that opened it says more.
 * A key that runs onto the next line is reported at its start; go-yaml
 * finds the problem where the `:` after it is, as a reader would.
 */
function errorOffset(errors: readonly YAMLError[], quoteStart: number | undefined, chunkText: string): number {
  const first = errors[0]!;
  if (first.code === "MISSING_CHAR" && /quote/.test(first.message) && quoteStart !== undefined) return quoteStart;
  if (first.code === "BLOCK_AS_IMPLICIT_KEY" || first.code === "MULTILINE_IMPLICIT_KEY") {
    const [start, end] = errors.find((error) => error.code === "MULTILINE_IMPLICIT_KEY" && error.pos[0] === first.pos[0])?.pos ?? [];
    if (start !== undefined && end !== undefined && chunkText.slice(start, end).includes("\n")) return end;
  }
  return first.pos[0];
}

/** One composed document: its YAML errors and duplicate keys, or its objects. */
function parseDocument(
  text: string,
  doc: Document,
  file: string,
  index: number,
  {
    chunk,
    quoteStart,
    lastLine,
    kubectlError,
  }: { chunk: StreamChunk; quoteStart: number | undefined; lastLine: string | undefined; kubectlError: () => KubectlSyntaxError | undefined },
  source: FileSource,
  out: ParsedFile,
): void {
  const contentStart = chunk.start + ((doc.contents as { range?: number[] } | null)?.range?.[0] ?? doc.range?.[0] ?? 0);
  const origin = originOf(file, sourceName([doc.commentBefore, (doc.contents as { commentBefore?: string } | null)?.commentBefore]), source, text, contentStart);
  const at = (offset: number): Position => shift(source.position(chunk.start + offset), origin);
  const name = origin.file;
  // A broken document is one finding, as kubectl stops at its first error: what follows it is a consequence.
  const [error] = doc.errors;
  if (error) {
    const refusal = kubectlError();
    if (refusal) {
      out.findings.push(loadFinding(name, shift(source.originalPosition(refusal.offset), origin), "yaml/syntax", `YAML syntax error: ${refusal.message}`, "", origin.rendered));
    } else {
      // A document go-yaml reads but the yaml package does not: its words.
      const offset = errorOffset(doc.errors, quoteStart, text.slice(chunk.start, chunk.end));
      out.findings.push(loadFinding(name, at(offset), "yaml/syntax", `YAML syntax error: ${error.message}`, "", origin.rendered));
    }
  }
  for (const duplicate of duplicateKeys(doc)) {
    const { offset, collides } = duplicate;
    const message = collides
      ? `keys ${writtenKeyAt(text, chunk.start + collides.offset)} and ${writtenKeyAt(text, chunk.start + offset)} make the same JSON key ${JSON.stringify(collides.jsonKey)}: kubectl keeps the value of one of them, which one at random (Go's map order), so the API server may get either`
      : `duplicate key ${JSON.stringify(duplicate.name ?? keyAt(text, chunk.start + offset))}: a mapping's keys must be unique (the API server would keep only the last value)`;
    out.findings.push(loadFinding(name, at(offset), "yaml/duplicate-key", message, "", origin.rendered));
  }
  if (doc.errors.length > 0 || doc.contents === null) return;
  if (source.hasSeparators) {
    let blockValues: Map<number, string> | undefined;
    const blockValue = (offset: number): string | undefined => {
      blockValues ??= goBlockScalarValues(source.original, source.originalOffset(chunk.start), source.originalOffset(chunk.end));
      return blockValues.get(source.originalOffset(chunk.start + offset));
    };
    restoreLineSeparators(doc, text.slice(chunk.start, chunk.end), (offset) => source.separatorAt(chunk.start + offset), blockValue);
  }
  const converted = documentToJS(doc);
  if ("problem" in converted) {
    const { rule, offset } = converted.problem;
    // go-yaml reads the whole document before decoding it, and stops at an alias to no anchor as it reads: it may refuse something else first.
    const refusal = rule === "yaml/syntax" ? kubectlError() : undefined;
    if (refusal) {
      out.findings.push(loadFinding(name, shift(source.originalPosition(refusal.offset), origin), "yaml/syntax", `YAML syntax error: ${refusal.message}`, "", origin.rendered));
      return;
    }
    const { message } = converted.problem;
    out.findings.push(loadFinding(name, at(offset), rule, rule === "yaml/limit" ? `YAML ${message}` : `YAML syntax error: ${message}`, "", origin.rendered));
    return;
  }
  const value = converted.value;
  if (value === null || value === undefined) return;
  if (lastLine !== undefined) dropFinalLineBreak(value, lastLine);
  if (typeof value !== "object" || Array.isArray(value)) {
    const position = shift(locateInDocument(doc, source.counterFrom(chunk.start), "", false), origin);
    out.findings.push(loadFinding(name, position, "document/not-an-object",
      `document is ${describeType(value)}, not a Kubernetes object (a mapping with apiVersion and kind)`, "", origin.rendered));
    return;
  }
  flatten(origin, index, value as KubeObject, source, contentStart, out, undefined);
}

/**
 * The text with go-yaml's line breaks (withLineFeeds) as line feeds, the
 * same length: LS and PS stay what they are inside quoted scalars
 * (line-separators.ts).
 */
function withGoLineBreaks(text: string): string {
  const normalized = withLineFeeds(text);
  const separators = normalized === text ? undefined : lineSeparators(text);
  return separators ? withQuotedSeparators(normalized, separators, syntaxTokensOrNone) : normalized;
}

/** yaml's full parse, one `---` chunk at a time: any file, its YAML errors and duplicate keys reported. */
export function parseManifestsFull(text: string, file: string): ParsedFile {
  const normalized = withGoLineBreaks(text);
  return readFully(text, normalized, withGoAnchorSpacing(normalized, syntaxTokensOrNone) ?? null, file);
}

/**
 * The full parse of `normalized`, the text with line feeds for go-yaml's
 * other line breaks, and with blanks put in where go-yaml ends an anchor or
 * alias name at `:` or `?` (`spaced`). Lines are counted at the line feeds of
 * the text as written, as editors and `grep -n` count them, and positions
 * are in it.
 */
function readFully(text: string, normalized: string, spaced: SpacedText | null, file: string): ParsedFile {
  const out: ParsedFile = { documents: [], findings: [] };
  const read = spaced?.text ?? normalized;
  const source = new FileSource(read, countLines(text), spaced?.toOriginal, lineSeparators(text), text);
  let index = 0;
  for (const chunk of splitYamlStream(read)) index += parseChunk(read, chunk, file, index, source, out);
  return out;
}
