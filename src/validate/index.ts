// The validate pipeline: load → schema → rules → findings, as one result object.
import { relative } from "node:path";
import { globToRegExp, matchesAnyGlob } from "../config/glob.js";
import { expandPaths } from "../load/index.js";
import { ALL_RULES } from "../rules/index.js";
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_VERSIONS } from "../schema/index.js";
import { Inventory } from "../inventory.js";
import type { Finding, ValidateResult } from "../types.js";
import { checkText, unreadableFile, type CheckedFile } from "./check-files.js";
import { compareFindings } from "./findings.js";
import type { ValidateOptions } from "./options.js";
import { checkFilesInParallel } from "./parallel.js";
import { runRules } from "./rules.js";
import { applyRuleSettings } from "./suppress.js";

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

async function checkInput(input: ValidateInput, options: ValidateOptions) {
  if (!Array.isArray(input)) {
    const { text, file = "<stdin>" } = input as { text: string; file?: string };
    return { files: checkText(text, file, options), workers: [] };
  }
  const expanded = expandPaths(input as readonly string[]);
  const skip = (options.skipPaths ?? []).map(globToRegExp);
  const files = expanded.files.filter((f) => f === "-" || !matchesAnyGlob(relative(process.cwd(), f), skip));
  const errors = expanded.errors;
  const checked = await checkFilesInParallel(files, options);
  const unreadable: CheckedFile[] = errors.map((e) => unreadableFile(e.file, e.message));
  return { files: [...unreadable, ...checked.files], workers: checked.workers };
}

/** Validates manifests; the result is what `-o json` prints. */
export async function validate(input: ValidateInput, options: ValidateOptions = {}): Promise<ValidateResult> {
  const started = performance.now();
  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion);
  const resolved: ValidateOptions = { ...options, kubernetesVersion };
  const { files, workers } = await checkInput(input, resolved);
  try {
    const documents = files.flatMap((f) => f.documents);
    const inventory = new Inventory(options.namespace ?? "default");
    inventory.addDocuments(documents);
    const ruleFindings = await runRules(documents, ALL_RULES, { inventory, kubernetesVersion });
    const findings = applyRuleSettings([...files.flatMap((f) => f.findings), ...ruleFindings], options.ruleSettings);
    findings.sort(compareFindings);
    return {
      kubernetesVersion,
      findings,
      files: files.map((f) => ({ file: f.file, documents: f.summaries })),
      summary: summarizeFindings(findings, files, performance.now() - started),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
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
