// Findings placed under the object they are about, file by file: what the
// per-object formats (JUnit test cases, TAP test points) are made of.
//
// A finding carries its file, line and JSON pointer but not its object. It
// belongs to the last object of its file that starts at or before its line,
// within that object's YAML document, whose pointer prefix ("" or
// "/items/3") starts the finding's path. Findings of the load stage about
// a document that never became an object (syntax errors, unreadable files,
// documents without kind) belong to no object and stand on their own.
import type { DocumentSummary, Finding, ValidateResult } from "../types.js";
import { arrayOf, recordOf } from "../util/object-access.js";
import { asText, positiveInteger } from "./shown-findings.js";
import { appendAll } from "../util/append.js";

export type ReportItem =
  | { kind: "document"; document: DocumentSummary; findings: Finding[] }
  | { kind: "loose"; finding: Finding };

type DocumentItem = Extract<ReportItem, { kind: "document" }>;

export interface FileReport {
  file: string;
  /** Objects and loose findings in the order of their line in the file. */
  items: ReportItem[];
}

/** Rules of the load stage whose findings are about a document that is not an object. */
const DOCUMENTLESS_RULE = /^(?:input|document)\/|^yaml\/syntax$/;

export function isDocumentless(finding: Finding): boolean {
  return DOCUMENTLESS_RULE.test(finding.rule);
}

function sanitizeDocument(value: unknown, file: string): DocumentSummary {
  const raw = recordOf(value);
  const document: DocumentSummary = {
    file,
    index: typeof raw.index === "number" && Number.isInteger(raw.index) ? raw.index : 0,
    pointerPrefix: asText(raw.pointerPrefix),
    line: positiveInteger(raw.line),
    apiVersion: asText(raw.apiVersion),
    kind: asText(raw.kind),
    name: asText(raw.name),
  };
  if (typeof raw.namespace === "string" && raw.namespace !== "") document.namespace = raw.namespace;
  return document;
}

/** The files of the result in input order, each with its objects sorted by line. */
function filesWithDocuments(result: ValidateResult): Map<string, DocumentSummary[]> {
  const out = new Map<string, DocumentSummary[]>();
  for (const entry of arrayOf(recordOf(result).files)) {
    const raw = recordOf(entry);
    const file = asText(raw.file, "<unknown>") || "<unknown>";
    const documents = Array.isArray(raw.documents) ? raw.documents.map((d) => sanitizeDocument(d, file)) : [];
    const known = out.get(file);
    if (known) appendAll(known, documents);
    else out.set(file, documents);
  }
  for (const documents of out.values()) documents.sort((a, b) => a.line - b.line);
  return out;
}

/** True when `prefix` is `path` or one of its ancestors ("/items/1" starts "/items/1/spec", not "/items/10"). */
function pointerStartsWith(path: string, prefix: string): boolean {
  return prefix === "" || path === prefix || path.startsWith(prefix + "/");
}

/** How many of the objects (sorted by line) start at or before `line`. */
function countStartingBy(documents: readonly DocumentSummary[], line: number): number {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (documents[mid]!.line <= line) low = mid + 1;
    else high = mid;
  }
  return low;
}

function owningDocument(finding: Finding, documents: readonly DocumentSummary[]): DocumentSummary | undefined {
  if (isDocumentless(finding)) return undefined;
  const end = countStartingBy(documents, finding.line);
  if (end === 0) return undefined;
  // Objects of one YAML document (the items of a List) can start on the same
  // line in flow style: among them, the pointer prefix decides. Lists are
  // flattened one level, so at most one prefix of a YAML document matches.
  const yamlDocument = documents[end - 1]!.index;
  for (let i = end - 1; i >= 0 && documents[i]!.index === yamlDocument; i--) {
    if (pointerStartsWith(finding.path, documents[i]!.pointerPrefix)) return documents[i];
  }
  return undefined;
}

function itemLine(item: ReportItem): number {
  return item.kind === "document" ? item.document.line : item.finding.line;
}

/**
 * Groups already filtered and sorted findings by file and object. Files come in
 * the result's order; files known only from findings (unreadable paths) follow,
 * sorted by name.
 */
export function groupByDocument(result: ValidateResult, findings: readonly Finding[]): FileReport[] {
  const documentsByFile = filesWithDocuments(result);
  const findingsByFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = findingsByFile.get(finding.file);
    if (list) list.push(finding);
    else findingsByFile.set(finding.file, [finding]);
  }
  for (const file of [...findingsByFile.keys()].sort()) {
    if (!documentsByFile.has(file)) documentsByFile.set(file, []);
  }
  return [...documentsByFile].map(([file, documents]) => {
    const documentItems: DocumentItem[] = documents.map((document) => ({ kind: "document", document, findings: [] }));
    const byDocument = new Map(documentItems.map((item) => [item.document, item]));
    const items: ReportItem[] = [...documentItems];
    for (const finding of findingsByFile.get(file) ?? []) {
      const owner = owningDocument(finding, documents);
      const item = owner ? byDocument.get(owner) : undefined;
      if (item) item.findings.push(finding);
      else items.push({ kind: "loose", finding });
    }
    // Stable sort: at the same line an object comes before a loose finding.
    items.sort((a, b) => itemLine(a) - itemLine(b) || (a.kind === b.kind ? 0 : a.kind === "document" ? -1 : 1));
    return { file, items };
  });
}

/** `Deployment/team-a/web`, or `Namespace/team-a` for an object without namespace. */
export function documentLabel(document: DocumentSummary): string {
  const name = document.name || "(unnamed)";
  const kind = document.kind || "(no kind)";
  return document.namespace ? `${kind}/${document.namespace}/${name}` : `${kind}/${name}`;
}

/** kubeconform's qualified name: `apps/v1/Deployment/team-a/web`, `v1/Namespace//team-a`. */
export function qualifiedName(document: DocumentSummary): string {
  return `${document.apiVersion}/${document.kind}/${document.namespace ?? ""}/${document.name}`;
}
