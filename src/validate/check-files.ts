// The per-file part of validation: read, parse, schema-check. It runs the
// same on the main thread and in workers, so it only returns plain data
// plus the documents (whose positions stay where their YAML was parsed).
import { inputErrorFinding, parseManifests, type InputError, type InputText, type ParsedFile } from "../load/index.js";
import { Inventory } from "../inventory.js";
import { DOCUMENT_RULES, runRules } from "../rules/index.js";
import type { RuleContext } from "../rules/types.js";
import { createSchemaValidator, type SchemaValidator } from "../schema/index.js";
import { createPathFindings } from "./create-path.js";
import type { CreateContext } from "../apiserver/index.js";
import { markCrdScope } from "./find-crds.js";
import { boundedText } from "../util/bounded-text.js";
import type { DocumentSummary, Finding, ManifestDocument } from "../types.js";
import { shouldSkip, type CheckOptions, type ValidateOptions } from "./options.js";
import { reportToFinding } from "./findings.js";
import { markSuppressed } from "./suppress.js";
import { appendAll } from "../util/append.js";
import type { CreateVerdict } from "./remote-create-path.js";

export interface CheckedFile {
  file: string;
  documents: ManifestDocument[];
  summaries: DocumentSummary[];
  findings: Finding[];
  /** The findings (schema and document rules) of each document checked on this thread. */
  byDocument: Map<ManifestDocument, Finding[]>;
  skipped: number;
}

export function summarize(document: ManifestDocument): DocumentSummary {
  const { object } = document;
  const summary: DocumentSummary = {
    file: document.file,
    index: document.index,
    pointerPrefix: document.pointerPrefix,
    line: document.locate("").line,
    // Shown in reports as the document's title: as long as a message at most.
    apiVersion: boundedText(String(object.apiVersion)),
    kind: boundedText(String(object.kind)),
    name: typeof object.metadata?.name === "string" ? boundedText(object.metadata.name) : "",
  };
  if (typeof object.metadata?.namespace === "string") summary.namespace = boundedText(object.metadata.namespace);
  return summary;
}

/** What a thread checks each document with: the schemas (CRDs included) and the document rules. */
export interface Checker {
  schema: SchemaValidator;
  /** The document rules' context: no objects, but every kind's scope (CRDs' too). */
  rules: RuleContext;
  /** The API server's create path's context, the same for every document. */
  create: CreateContext;
}

/** A thread's checker for one run, knowing every CRD of the run. */
export function createChecker(options: CheckOptions): Checker {
  const schema = createSchemaValidator({
    kubernetesVersion: options.kubernetesVersion ?? "",
    ignoreMissingSchemas: options.ignoreMissingSchemas ?? false,
    schemaLocations: options.schemaLocations,
  });
  schema.addCustomResourceDefinitions(options.crds);
  const inventory = new Inventory(options.namespace ?? "default");
  for (const crd of options.crds) markCrdScope(inventory, crd);
  const kubernetesVersion = options.kubernetesVersion ?? "";
  const create: CreateContext = { kubernetesVersion, namespace: inventory.defaultNamespace, isNamespaced: (kind: string) => inventory.isNamespaced(kind) };
  return { schema, rules: { inventory, kubernetesVersion }, create };
}

/**
 * A kind that no release schema, CRD or schema location defines never reaches
 * validation: the API server answers that it has no such resource. The schema
 * layer's finding (or none, with --ignore-missing-schemas) is the verdict.
 */
function isServed(document: ManifestDocument, schema: SchemaValidator): boolean {
  const { apiVersion, kind } = document.object;
  return typeof apiVersion === "string" && typeof kind === "string" && schema.hasKind(apiVersion, kind);
}

/**
 * Schema findings, the API server's verdict, then the findings of the rules
 * that need only this document. With `verdict` (the worker's, see
 * remote-create-path.ts), the API server's part of a document the schema found
 * nothing in waits for it: the findings are those the returned function gives.
 */
function checkDocument(document: ManifestDocument, checker: Checker, verdict?: () => boolean | undefined): () => Finding[] {
  const schemaFindings = checker.schema.validate(document);
  const served = isServed(document, checker.schema);
  if (!served || verdict === undefined || schemaFindings.length > 0) {
    const findings = served ? createPathFindings(document, schemaFindings, checker.create) : [...schemaFindings];
    appendAll(findings, runRules([document], checker.rules, DOCUMENT_RULES));
    const marked = markSuppressed(document.object, findings);
    return () => marked;
  }
  const ruleFindings = runRules([document], checker.rules, DOCUMENT_RULES);
  // Clean on the worker: createPathFindings would find nothing either.
  return () => markSuppressed(document.object, appendAll(verdict() === true ? [] : createPathFindings(document, schemaFindings, checker.create), ruleFindings));
}

/** Parses one file's text and schema-checks each object in it. */
export function checkText(text: string, file: string, options: ValidateOptions, checker: Checker): CheckedFile[] {
  return checkParsed(parseManifests(text, file), file, options, checker);
}

/** Schema-checks the objects of a file already parsed. */
export function checkParsed(parsed: ParsedFile, file: string, options: ValidateOptions, checker: Checker): CheckedFile[] {
  const { files, placeFindings } = checkParsedLater(parsed, file, options, checker);
  placeFindings();
  return files;
}

/**
 * checkParsed, with the API server's verdicts on the file's documents from
 * another thread: the checks run now, and the documents' findings are placed
 * in the files by `placeFindings`, once `verdicts` has them.
 */
export function checkParsedLater(
  parsed: ParsedFile,
  file: string,
  options: ValidateOptions,
  checker: Checker,
  verdicts?: CreateVerdict,
): { files: CheckedFile[]; placeFindings(): void } {
  // Helm output names each document's source: group the results per name.
  const byFile = new Map<string, CheckedFile>();
  const entry = (name: string): CheckedFile => {
    let checked = byFile.get(name);
    if (!checked) {
      checked = { file: name, documents: [], summaries: [], findings: [], byDocument: new Map(), skipped: 0 };
      byFile.set(name, checked);
    }
    return checked;
  };
  entry(file);
  for (const finding of parsed.findings) entry(finding.file).findings.push(finding);
  const placements: Array<() => void> = [];
  parsed.documents.forEach((document, ordinal) => {
    const checked = entry(document.file);
    const { apiVersion, kind } = document.object as { apiVersion: string; kind: string };
    if (shouldSkip(options.skipKinds, apiVersion, kind)) {
      checked.skipped++;
      return;
    }
    checked.documents.push(document);
    checked.summaries.push(summarize(document));
    const findingsOf = checkDocument(document, checker, verdicts && (() => verdicts(ordinal)));
    const rejected = shouldSkip(options.rejectKinds, apiVersion, kind) ? rejectedKind(document, kind) : undefined;
    placements.push(() => {
      const findings = findingsOf();
      if (rejected) findings.unshift(rejected);
      appendAll(checked.findings, findings);
      checked.byDocument.set(document, findings);
    });
  });
  // Known before the findings are placed: a name with no document gets no document finding.
  if (byFile.size > 1 && isEmpty(byFile.get(file)!)) byFile.delete(file);
  return {
    files: [...byFile.values()],
    placeFindings: () => {
      for (const place of placements) place();
    },
  };
}

function rejectedKind(document: ManifestDocument, kind: string): Finding {
  return reportToFinding(document, "inputs/rejected-kind", "error", { pointer: "/kind", message: `kind: ${kind} is rejected here (--reject)` });
}

function isEmpty(checked: CheckedFile): boolean {
  return checked.documents.length === 0 && checked.findings.length === 0 && checked.skipped === 0;
}

/** A file that yielded no object, only findings (unreadable, or a broken `--crds` file). */
export function fileWithFindings(file: string, findings: Finding[]): CheckedFile {
  return { file, documents: [], summaries: [], findings, byDocument: new Map(), skipped: 0 };
}

export function unreadableFile(error: InputError): CheckedFile {
  return fileWithFindings(error.file, [inputErrorFinding(error)]);
}

/** Checks files already read, with one checker for all of them. */
export function checkTexts(inputs: readonly InputText[], options: CheckOptions): CheckedFile[] {
  const checker = createChecker(options);
  return inputs.flatMap((input) => checkText(input.text, input.file, options, checker));
}
