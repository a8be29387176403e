// The validate pipeline: load → schema → rules → findings, as one result object.
import { relative } from "node:path";
import { globToRegExp, matchesAnyGlob } from "../config/glob.js";
import { expandPaths, readInput } from "../load/index.js";
import { INVENTORY_RULES } from "../rules/index.js";
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_VERSIONS } from "../schema/index.js";
import { Inventory } from "../inventory.js";
import type { Finding, KubeObject, ManifestDocument, ValidateResult } from "../types.js";
import { checkParsed, checkText, createChecker, unreadableFile, type CheckedFile } from "./check-files.js";
import { crdsFromPaths, crdsInTexts, markCrdScope } from "./find-crds.js";
import { compareFindings } from "./findings.js";
import type { CheckOptions, ValidateOptions } from "./options.js";
import { checkFilesInParallel, type ValidationWorker } from "./parallel.js";
import { runRules } from "./rules.js";
import { applyRuleSetting, applyRuleSettings } from "./suppress.js";

export type { ValidateOptions } from "./options.js";

/** Thrown for a bad option (not for bad manifests, which are findings). */
export class UsageError extends Error {}

export function resolveKubernetesVersion(version: string | undefined): string {
  if (version === undefined || version === "") return DEFAULT_KUBERNETES_VERSION;
  const normalized = version.replace(/^v/, "").split(".").slice(0, 2).join(".");
  if (!SUPPORTED_VERSIONS.includes(normalized)) {
    throw new UsageError(`unsupported Kubernetes version "${version}": supported versions are ${SUPPORTED_VERSIONS.join(", ")}`);
  }
  return normalized;
}

/** What to validate: paths (files, directories, `-`) or text already in memory. */
export type ValidateInput = readonly string[] | { text: string; file?: string };

interface CheckedInput {
  files: CheckedFile[];
  workers: ValidationWorker[];
  crds: readonly KubeObject[];
}

/** Standard input is read once, here, and checked on this thread. */
function readStdin(): { text: string; file: string } | CheckedFile {
  const input = readInput("-");
  return "message" in input ? unreadableFile(input.file, input.message) : input;
}

async function checkInput(input: ValidateInput, options: ValidateOptions): Promise<CheckedInput> {
  const fromCrdPaths = crdsFromPaths(options.crdPaths ?? []);
  const crdProblems: CheckedFile[] = fromCrdPaths.findings.map((f) => ({ ...unreadableFile(f.file, ""), findings: [f] }));
  const texts: Array<{ text: string; file: string }> = [];
  const out: CheckedFile[] = [...crdProblems];
  let paths: string[] = [];
  if (!Array.isArray(input)) {
    const { text, file = "<stdin>" } = input as { text: string; file?: string };
    texts.push({ text, file });
  } else {
    const expanded = expandPaths(input as readonly string[]);
    const skip = (options.skipPaths ?? []).map(globToRegExp);
    paths = expanded.files.filter((f) => f === "-" || !matchesAnyGlob(relative(process.cwd(), f), skip));
    out.push(...expanded.errors.map((e) => unreadableFile(e.file, e.message)));
    if (paths.includes("-")) {
      const stdin = readStdin();
      if ("text" in stdin) texts.push(stdin);
      else out.push(stdin);
      paths = paths.filter((f) => f !== "-");
    }
  }
  // Files that define CRDs are parsed once, here, before any custom resource is checked.
  const fromTexts = crdsInTexts(texts);
  const fromFiles = crdsInTexts(paths.map(readInput).filter((input): input is { text: string; file: string } => "text" in input));
  const crds = [...fromCrdPaths.crds, ...fromTexts.crds, ...fromFiles.crds];
  const checkOptions: CheckOptions = { ...options, crds };
  const validator = createChecker(checkOptions);
  const parsedHere = new Map([...fromTexts.parsed, ...fromFiles.parsed].map((p) => [p.file, p.parsed]));
  for (const { text, file } of texts) {
    const parsed = parsedHere.get(file);
    out.push(...(parsed ? checkParsed(parsed, file, checkOptions, validator) : checkText(text, file, checkOptions, validator)));
  }
  for (const { file, parsed } of fromFiles.parsed) out.push(...checkParsed(parsed, file, checkOptions, validator));
  const rest = paths.filter((path) => !fromFiles.parsed.some((p) => p.file === path));
  const checked = await checkFilesInParallel(rest, checkOptions);
  return { files: orderAsGiven([...out, ...checked.files], paths), workers: checked.workers, crds };
}

/** Results in the order of the input paths (files checked early first otherwise). */
function orderAsGiven(files: CheckedFile[], paths: readonly string[]): CheckedFile[] {
  const rank = new Map(paths.map((path, i) => [path, i]));
  return files
    .map((file, i) => ({ file, i }))
    .sort((a, b) => (rank.get(a.file.file) ?? -1) - (rank.get(b.file.file) ?? -1) || a.i - b.i)
    .map((entry) => entry.file);
}

/** What a validation run leaves for the later stages of `plan`. */
export interface ValidationRun {
  result: ValidateResult;
  /** Every object checked (skipped kinds left out), in input order. */
  documents: ManifestDocument[];
  crds: readonly KubeObject[];
  inventory: Inventory;
  /** The active (unsuppressed) errors of each document checked on this thread. */
  errorsOf(document: ManifestDocument): Finding[];
}

/** Objects known besides the inputs (the cluster snapshot's), for the rules' lookups. */
export interface ValidationContext {
  clusterObjects?: readonly KubeObject[];
}

/** Validates, keeping the documents and the per-document errors for the plan. */
export async function runValidation(input: ValidateInput, options: ValidateOptions = {}, context: ValidationContext = {}): Promise<ValidationRun> {
  const started = performance.now();
  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion);
  const resolved: ValidateOptions = { ...options, kubernetesVersion };
  const { files, workers, crds } = await checkInput(input, resolved);
  try {
    const documents = files.flatMap((f) => f.documents);
    const inventory = new Inventory(options.namespace ?? "default");
    for (const crd of crds) markCrdScope(inventory, crd);
    inventory.addDocuments(documents);
    for (const object of context.clusterObjects ?? []) inventory.add({ object, source: "cluster" });
    const placed = [
      ...files.flatMap((f) => [...f.byDocument].flatMap(([document, findings]) => findings.map((finding) => ({ document, finding })))),
      ...(await runRules(documents, INVENTORY_RULES, { inventory, kubernetesVersion })),
    ];
    const settled = placed.filter((p) => applyRuleSetting(p.finding, options.ruleSettings));
    const errors = new Map<ManifestDocument, Finding[]>();
    for (const { document, finding } of settled) {
      if (finding.severity === "error" && !finding.suppressed) errors.set(document, [...(errors.get(document) ?? []), finding]);
    }
    // Findings about no object: unreadable files, YAML errors, documents without kind.
    const placedFindings = new Set(placed.map((p) => p.finding));
    const loose = files.flatMap((f) => f.findings).filter((f) => !placedFindings.has(f));
    const findings = [...applyRuleSettings(loose, options.ruleSettings), ...settled.map((p) => p.finding)];
    findings.sort(compareFindings);
    const result: ValidateResult = {
      kubernetesVersion,
      findings,
      files: files.map((f) => ({ file: f.file, documents: f.summaries })),
      summary: summarizeFindings(findings, files, performance.now() - started),
    };
    return { result, documents, crds, inventory, errorsOf: (document) => errors.get(document) ?? [] };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

/** Validates manifests; the result is what `-o json` prints. */
export async function validate(input: ValidateInput, options: ValidateOptions = {}): Promise<ValidateResult> {
  return (await runValidation(input, options)).result;
}


function summarizeFindings(findings: Finding[], files: CheckedFile[], durationMs: number): ValidateResult["summary"] {
  const active = findings.filter((f) => !f.suppressed);
  return {
    files: new Set(files.map((f) => f.file)).size,
    documents: files.reduce((n, f) => n + f.documents.length, 0),
    errors: active.filter((f) => f.severity === "error").length,
    warnings: active.filter((f) => f.severity === "warning").length,
    infos: active.filter((f) => f.severity === "info").length,
    suppressed: findings.length - active.length,
    skipped: files.reduce((n, f) => n + f.skipped, 0),
    durationMs: Math.round(durationMs),
  };
}
