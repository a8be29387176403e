// The validate pipeline: load → schema → rules → findings, as one result object.
import { relative } from "node:path";
import { globToRegExp, matchesAnyGlob } from "../config/glob.js";
import { expandPaths, parseManifests, readInput, type InputText } from "../load/index.js";
import { INVENTORY_RULES } from "../rules/index.js";
import { DEFAULT_KUBERNETES_VERSION, NEWEST_BUNDLED_VERSION, SUPPORTED_VERSIONS, newerThanBundled } from "../schema/index.js";
import { Inventory } from "../inventory.js";
import type { Finding, KubeObject, ManifestDocument, ValidateResult } from "../types.js";
import { checkParsed, checkParsedLater, createChecker, fileWithFindings, unreadableFile, type CheckedFile, type Checker } from "./check-files.js";
import { notAManifest } from "./not-manifests.js";
import { crdsFromPaths, crdsInTexts, markCrdScope, mentionsCrd } from "./find-crds.js";
import { compareFindings } from "./findings.js";
import type { CheckOptions, ValidateOptions } from "./options.js";
import { checkInParallel, endUnusedWorker, startCreatePathWorker, startWorkers, type ValidationWorker } from "./parallel.js";
import { RemoteCreatePath } from "./remote-create-path.js";
import { runRules } from "./rules.js";
import { applyRuleSetting, applyRuleSettings } from "./suppress.js";
import { checkValidateArguments, checkValidateOptionNames } from "./arguments.js";
import { UsageError } from "../usage-error.js";

export type { ValidateOptions } from "./options.js";

export { UsageError } from "../usage-error.js";

export interface ResolvedVersion {
  /** The bundled release whose schemas and rules are used. */
  release: string;
  /** Set when the release asked for is newer than every bundled one. */
  warning?: string;
}

export function resolveKubernetesVersion(version: string | undefined): ResolvedVersion {
  if (version === undefined || version === "") return { release: DEFAULT_KUBERNETES_VERSION };
  const normalized = version.replace(/^v/, "").split(".").slice(0, 2).join(".");
  if (SUPPORTED_VERSIONS.includes(normalized)) return { release: normalized };
  const newer = newerThanBundled(version);
  if (newer) {
    return {
      release: NEWEST_BUNDLED_VERSION,
      warning: `Kubernetes ${newer} is newer than the releases kubeplan bundles (${SUPPORTED_VERSIONS[0]} to ${NEWEST_BUNDLED_VERSION}): using the schemas of ${NEWEST_BUNDLED_VERSION}`,
    };
  }
  throw new UsageError(`unsupported Kubernetes version "${version}": supported versions are ${SUPPORTED_VERSIONS.join(", ")}, or a newer 1.x release (checked as ${NEWEST_BUNDLED_VERSION})`);
}

/** What to validate: paths (files, directories, `-`), or text already in memory (one text, or several named ones). */
export type ValidateInput = readonly string[] | { text: string; file?: string } | { texts: readonly InputText[] };

interface CheckedInput {
  /** The files with their documents; the documents' findings are in them once `placeFindings` has settled. */
  files: CheckedFile[];
  placeFindings(): Promise<void>;
  workers: ValidationWorker[];
  crds: readonly KubeObject[];
}

/** The inputs, each read once: the texts to check, and the paths that could not be read. */
interface Gathered {
  texts: InputText[];
  unreadable: CheckedFile[];
}

function gatherInputs(input: ValidateInput, options: ValidateOptions): Gathered {
  if ("texts" in input) return { texts: [...input.texts], unreadable: [] };
  if (!Array.isArray(input)) {
    const { text, file = "<stdin>" } = input as { text: string; file?: string };
    return { texts: [{ text, file }], unreadable: [] };
  }
  const expanded = expandPaths(input as readonly string[], options);
  const skip = (options.skipPaths ?? []).map(globToRegExp);
  const ignore = ignorePatterns(options.ignoreFilenamePatterns);
  const gathered: Gathered = { texts: [], unreadable: expanded.errors.map(unreadableFile) };
  for (const path of expanded.files) {
    if (path !== "-" && matchesAnyGlob(relative(process.cwd(), path), skip)) continue;
    if (path !== "-" && ignore.some((pattern) => pattern.test(path))) continue;
    const what = notAManifest(path);
    if (what) {
      gathered.unreadable.push(fileWithFindings(path, [notAManifestFinding(path, what)]));
      continue;
    }
    const read = readInput(path, options);
    if ("message" in read) gathered.unreadable.push(unreadableFile(read));
    else gathered.texts.push(read);
  }
  return gathered;
}

function ignorePatterns(patterns: readonly string[] | undefined): RegExp[] {
  return (patterns ?? []).map((pattern) => {
    try {
      return new RegExp(pattern);
    } catch (error) {
      throw new UsageError(`--ignore-filename-pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`);
    }
  });
}

function notAManifestFinding(file: string, what: string): Finding {
  return { severity: "info", rule: "input/not-a-manifest", message: `skipped: ${what}, not a Kubernetes manifest`, file, line: 1, column: 1, path: "" };
}

/**
 * Every CustomResourceDefinition must be known before any custom resource is
 * checked, wherever it stands: files that define CRDs are parsed first, and
 * checked from that parse on this thread; the other files may go to workers,
 * which start up while the CRDs are read. On two threads, a worker runs the
 * API server's create path of those files instead (remote-create-path.ts).
 */
async function checkInput(input: ValidateInput, options: ValidateOptions): Promise<CheckedInput> {
  const { texts, unreadable } = gatherInputs(input, options);
  const shared = texts.filter((t) => !mentionsCrd(t.text));
  const workers = startWorkers(shared, options);
  const createWorker = workers.length === 0 ? startCreatePathWorker(shared, options) : undefined;
  if (createWorker) workers.push(createWorker);
  if (workers.length === 0) endUnusedWorker();
  try {
    const fromCrdPaths = crdsFromPaths(options.crdPaths ?? [], options);
    const crdProblems = fromCrdPaths.findings.map((f) => fileWithFindings(f.file, [f]));
    const fromInputs = crdsInTexts(texts);
    const crds = [...fromCrdPaths.crds, ...fromInputs.crds];
    const checkOptions: CheckOptions = { ...options, crds };
    const checker = createChecker(checkOptions);
    const parsedHere = fromInputs.parsed.flatMap(({ file, parsed }) => checkParsed(parsed, file, checkOptions, checker));
    let checked: { files: CheckedFile[]; placeFindings(): Promise<void> };
    if (createWorker) {
      const remote = new RemoteCreatePath(createWorker, shared.length, { kubernetesVersion: options.kubernetesVersion ?? "", namespace: options.namespace ?? "default", crds });
      try {
        checked = checkWithRemoteCreatePath(remote, shared, checkOptions, checker);
      } catch (error) {
        remote.abandon();
        throw error;
      }
    } else {
      checked = { files: (await checkInParallel(shared, checkOptions, workers)).files, placeFindings: async () => undefined };
    }
    const files = orderAsGiven([...parsedHere, ...checked.files], texts.map((t) => t.file));
    return { files: [...crdProblems, ...unreadable, ...files], placeFindings: checked.placeFindings, workers, crds };
  } catch (error) {
    await Promise.all(workers.map((w) => w.close()));
    throw error;
  }
}

/**
 * Checks the inputs in order, each input's objects sent to the worker as soon
 * as they are parsed. The findings are placed once the worker is done: the
 * main thread first does what only it does (the rules that look at every
 * document), then takes the create path of the inputs the worker has not
 * begun, then waits for its verdicts.
 */
function checkWithRemoteCreatePath(
  remote: RemoteCreatePath,
  inputs: readonly InputText[],
  options: CheckOptions,
  checker: Checker,
): { files: CheckedFile[]; placeFindings(): Promise<void> } {
  const checking = inputs.map(({ text, file }) => {
    const parsed = parseManifests(text, file);
    return checkParsedLater(parsed, file, options, checker, remote.send(parsed.documents.map((d) => d.object)));
  });
  const placeFindings = async () => {
    const placed = new Set<number>();
    for (let job = remote.takeLast(); job !== undefined; job = remote.takeLast()) {
      checking[job]!.placeFindings();
      placed.add(job);
    }
    await remote.finished();
    checking.forEach((input, job) => {
      if (!placed.has(job)) input.placeFindings();
    });
  };
  return { files: checking.flatMap((input) => input.files), placeFindings };
}

/** Results in the order of the inputs (names known only from `# Source:` comments keep their place within their input). */
function orderAsGiven(files: CheckedFile[], order: readonly string[]): CheckedFile[] {
  const rank = new Map(order.map((file, i) => [file, i]));
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
  checkValidateArguments(input, options);
  const started = process.hrtime.bigint();
  const { release: kubernetesVersion, warning } = resolveKubernetesVersion(options.kubernetesVersion);
  const resolved: ValidateOptions = { ...options, kubernetesVersion };
  const { files, placeFindings, workers, crds } = await checkInput(input, resolved);
  try {
    const documents = files.flatMap((f) => f.documents);
    const inventory = new Inventory(options.namespace ?? "default");
    for (const crd of crds) markCrdScope(inventory, crd);
    inventory.addDocuments(documents);
    for (const object of context.clusterObjects ?? []) inventory.add({ object, source: "cluster" });
    const inventoryFindings = await runRules(documents, INVENTORY_RULES, { inventory, kubernetesVersion });
    // The worker's last verdicts (remote-create-path.ts) are awaited only now: it works on meanwhile.
    await placeFindings();
    const placed = [...files.flatMap((f) => [...f.byDocument].flatMap(([document, findings]) => findings.map((finding) => ({ document, finding })))), ...inventoryFindings];
    const settled = placed.filter((p) => applyRuleSetting(p.finding, options.ruleSettings));
    const errors = new Map<ManifestDocument, Finding[]>();
    for (const { document, finding } of settled) {
      if (finding.severity !== "error" || finding.suppressed) continue;
      const list = errors.get(document);
      if (list) list.push(finding);
      else errors.set(document, [finding]);
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
      summary: summarizeFindings(findings, files, Number(process.hrtime.bigint() - started) / 1e6),
    };
    if (warning) result.warnings = [warning];
    return { result, documents, crds, inventory, errorsOf: (document) => errors.get(document) ?? [] };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

/** Validates manifests; the result is what `-o json` prints. */
export async function validate(input: ValidateInput, options: ValidateOptions = {}): Promise<ValidateResult> {
  checkValidateOptionNames(options);
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
