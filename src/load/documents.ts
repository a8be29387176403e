// From YAML text to manifest documents: one per Kubernetes object, Lists
// flattened, each able to say where any of its values was written.
import { LineCounter, parseAllDocuments, type Document } from "yaml";
import type { Finding, KubeObject, ManifestDocument, Position } from "../types.js";
import { parseDocumentsFast } from "./fast-yaml.js";
import { documentToJS, locateInDocument, scalarSourceAt, scalarSpanInDocument } from "./yaml-ast.js";
import { KUBERNETES_YAML_OPTIONS } from "./yaml-options.js";

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
  const finding: Finding = { severity: "error", rule, message, file, line: at.line, column: at.column, path };
  if (rendered) finding.rendered = true;
  return finding;
}

const STDIN = "<stdin>";

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

/**
 * The YAML a file's documents came from. Its syntax trees are dropped after
 * the first read and built again only for a file that has findings: keeping
 * them all costs more (in garbage collection) than parsing twice the few
 * that are needed.
 */
class FileSource {
  private trees: Document[] | undefined;

  constructor(
    private readonly text: string,
    readonly lineCounter: LineCounter,
  ) {}

  tree(index: number): Document {
    this.trees ??= parseAllDocuments(this.text, KUBERNETES_YAML_OPTIONS) as Document[];
    return this.trees[index]!;
  }

  position(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

function makeDocument(
  origin: Origin,
  index: number,
  pointerPrefix: string,
  object: KubeObject,
  source: FileSource,
  startOffset: number,
): ManifestDocument {
  const document: ManifestDocument = {
    file: origin.file,
    index,
    pointerPrefix,
    object,
    locate: (pointer, options) => {
      if (pointer === "" && pointerPrefix === "" && !options?.key) return shift(source.position(startOffset), origin);
      return shift(locateInDocument(source.tree(index), source.lineCounter, pointerPrefix + pointer, options?.key ?? false), origin);
    },
    sourceText: (pointer) => scalarSourceAt(source.tree(index), pointerPrefix + pointer),
  };
  // Rendered output is not the file to edit: no fix points into it.
  if (origin.rendered) document.rendered = true;
  else document.scalarSpan = (pointer, options) => scalarSpanInDocument(source.tree(index), source.lineCounter, pointerPrefix + pointer, options?.key ?? false);
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
): void {
  const top = makeDocument(origin, index, "", value, source, startOffset);
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
    pushIfWhole(makeDocument(origin, index, pointer, item as KubeObject, source, startOffset), out);
  });
}

function pushIfWhole(document: ManifestDocument, out: ParsedFile): void {
  const problems = envelopeFindings(document);
  if (problems.length > 0) out.findings.push(...problems);
  else out.documents.push(document);
}

/** The key written at `offset` (up to its colon), for messages. */
function keyAt(text: string, offset: number): string {
  const match = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n]*)/.exec(text.slice(offset));
  const key = (match?.[1] ?? "").trim();
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** Parses one file's text; a broken document becomes findings and the others go on. */
export function parseManifests(text: string, file: string): ParsedFile {
  return parseManifestsFast(text, file) ?? parseManifestsFull(text, file);
}

/**
 * The quick way (fast-yaml.ts), for files with nothing to report about their
 * YAML; `undefined` when the file needs the full one.
 */
export function parseManifestsFast(text: string, file: string): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const documents = parseDocumentsFast(text, lineCounter);
  if (!documents) return undefined;
  const out: ParsedFile = { documents: [], findings: [] };
  const source = new FileSource(text, lineCounter);
  for (const doc of documents) {
    const origin = originOf(file, sourceName(doc.commentsBefore), source, text, doc.contentStart);
    flatten(origin, doc.index, doc.value as KubeObject, source, doc.contentStart, out);
  }
  return out;
}

/** yaml's full parse: any file, its YAML errors and duplicate keys reported. */
export function parseManifestsFull(text: string, file: string): ParsedFile {
  const out: ParsedFile = { documents: [], findings: [] };
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...KUBERNETES_YAML_OPTIONS, lineCounter });
  const docs = Array.isArray(parsed) ? parsed : [];
  const source = new FileSource(text, lineCounter);
  docs.forEach((doc, index) => {
    const contentStart = (doc.contents as { range?: number[] } | null)?.range?.[0] ?? doc.range?.[0] ?? 0;
    const origin = originOf(file, sourceName([doc.commentBefore, (doc.contents as { commentBefore?: string } | null)?.commentBefore]), source, text, contentStart);
    const name = origin.file;
    let fatal = false;
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const duplicate = error.code === "DUPLICATE_KEY";
      fatal ||= !duplicate;
      const message = duplicate
        ? `duplicate key ${JSON.stringify(keyAt(text, error.pos[0]))}: a mapping's keys must be unique (the API server would keep only the last value)`
        : `YAML syntax error: ${error.message}`;
      out.findings.push(loadFinding(name, shift({ line, column: col }, origin), duplicate ? "yaml/duplicate-key" : "yaml/syntax", message, "", origin.rendered));
    }
    if (fatal || doc.contents === null) return;
    const value = documentToJS(doc);
    if (value === null || value === undefined) return;
    if (typeof value !== "object" || Array.isArray(value)) {
      const at = shift(locateInDocument(doc, lineCounter, "", false), origin);
      out.findings.push(loadFinding(name, at, "document/not-an-object",
        `document is ${describeType(value)}, not a Kubernetes object (a mapping with apiVersion and kind)`, "", origin.rendered));
      return;
    }
    flatten(origin, index, value as KubeObject, source, contentStart, out);
  });
  return out;
}
