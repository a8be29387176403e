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

function loadFinding(file: string, at: Position, rule: string, message: string, path = ""): Finding {
  return { severity: "error", rule, message, file, line: at.line, column: at.column, path };
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
  file: string,
  index: number,
  pointerPrefix: string,
  object: KubeObject,
  source: FileSource,
  startOffset: number,
): ManifestDocument {
  return {
    file,
    index,
    pointerPrefix,
    object,
    locate: (pointer, options) => {
      if (pointer === "" && pointerPrefix === "" && !options?.key) return source.position(startOffset);
      return locateInDocument(source.tree(index), source.lineCounter, pointerPrefix + pointer, options?.key ?? false);
    },
    sourceText: (pointer) => scalarSourceAt(source.tree(index), pointerPrefix + pointer),
    scalarSpan: (pointer, options) => scalarSpanInDocument(source.tree(index), source.lineCounter, pointerPrefix + pointer, options?.key ?? false),
  };
}

/** Checks the envelope every object needs; returns the findings that stop it from going on. */
function envelopeFindings(document: ManifestDocument): Finding[] {
  const { object } = document;
  const out: Finding[] = [];
  const at = (pointer: string) => document.locate(pointer, { key: true });
  for (const field of ["apiVersion", "kind"] as const) {
    const value = object[field];
    if (value === undefined || value === null || value === "") {
      out.push(loadFinding(document.file, at(""), `document/missing-${field.toLowerCase()}`, `${field} not set`, document.pointerPrefix));
    } else if (typeof value !== "string") {
      const pointer = "/" + field;
      out.push(
        loadFinding(document.file, document.locate(pointer), `document/missing-${field.toLowerCase()}`,
          `${field}: must be a string, got ${describeType(value)}`, document.pointerPrefix + pointer),
      );
    }
  }
  return out;
}

function flatten(
  file: string,
  index: number,
  value: KubeObject,
  source: FileSource,
  startOffset: number,
  out: ParsedFile,
): void {
  const top = makeDocument(file, index, "", value, source, startOffset);
  if (!isListKind(value)) {
    pushIfWhole(top, out);
    return;
  }
  (value.items as unknown[]).forEach((item, i) => {
    const pointer = `/items/${i}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      const at = top.locate(pointer);
      out.findings.push(loadFinding(file, at, "document/not-an-object",
        `items[${i}]: is ${describeType(item)}, not a Kubernetes object (a mapping with apiVersion and kind)`, pointer));
      return;
    }
    pushIfWhole(makeDocument(file, index, pointer, item as KubeObject, source, startOffset), out);
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
    flatten(sourceName(doc.commentsBefore) ?? file, doc.index, doc.value as KubeObject, source, doc.contentStart, out);
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
    const name = sourceName([doc.commentBefore, (doc.contents as { commentBefore?: string } | null)?.commentBefore]) ?? file;
    let fatal = false;
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const duplicate = error.code === "DUPLICATE_KEY";
      fatal ||= !duplicate;
      const message = duplicate
        ? `duplicate key ${JSON.stringify(keyAt(text, error.pos[0]))}: a mapping's keys must be unique (the API server would keep only the last value)`
        : `YAML syntax error: ${error.message}`;
      out.findings.push(loadFinding(name, { line, column: col }, duplicate ? "yaml/duplicate-key" : "yaml/syntax", message));
    }
    if (fatal || doc.contents === null) return;
    const value = documentToJS(doc);
    if (value === null || value === undefined) return;
    if (typeof value !== "object" || Array.isArray(value)) {
      const at = locateInDocument(doc, lineCounter, "", false);
      out.findings.push(loadFinding(name, at, "document/not-an-object",
        `document is ${describeType(value)}, not a Kubernetes object (a mapping with apiVersion and kind)`));
      return;
    }
    flatten(name, index, value as KubeObject, source, (doc.contents as { range?: number[] }).range?.[0] ?? 0, out);
  });
  return out;
}
