// One file's text fixed: the certain fixes its findings carry are made one at
// a time, each kept only when the file then has fewer findings (fewer errors,
// or as many and fewer findings in all), until none is left to try. Every fix
// is tried again after one is kept, so that a second run finds nothing to change.
import type { Finding, ValidateResult } from "../types.js";
import { validate, type ValidateOptions } from "../validate/index.js";
import { applyTextEdits } from "./apply-edits.js";

/**
 * Fixes are made only for the findings about the document alone: the schema's
 * and the API server's validation (a closed set's value, with the schema's
 * hint). Others (a reference to a ConfigMap) depend on files that a run over
 * one file does not see.
 */
const FIXED_RULE = /^(schema\/|apiserver\/validation$)/;

/** Fixes tried per file, at most (those tried ahead included): each try validates the file again. */
const MAX_TRIES = 200;

export interface AppliedFix {
  /** The finding as it was when its fix was made (its line and column are of the text at that time). */
  finding: Finding;
  description: string;
}

export interface FixedText {
  text: string;
  applied: AppliedFix[];
  /** The findings of the fixed text. */
  remaining: Finding[];
}

function activeFindings(result: ValidateResult): Finding[] {
  return result.findings.filter((finding) => !finding.suppressed);
}

const errorCount = (findings: readonly Finding[]) => findings.filter((f) => f.severity === "error").length;

/**
 * Errors count first: a key made right may let a check reach what it could
 * not see before (the ConfigMap that `envFrom` names, in another file), a
 * warning for an error.
 */
function fewer(after: readonly Finding[], before: readonly Finding[]): boolean {
  const errors = errorCount(after) - errorCount(before);
  return errors < 0 || (errors === 0 && after.length < before.length);
}

/** What tells a fix apart from the others of the same text. */
function fixKey(finding: Finding): string {
  return JSON.stringify([finding.rule, finding.path, finding.fix?.description, finding.fix?.edits]);
}

function candidates(findings: readonly Finding[], file: string, tried: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => f.fix && f.file === file && FIXED_RULE.test(f.rule) && !tried.has(fixKey(f)));
}

/** Whether the finding the fix was made for is gone (the same rule no longer reports at its path). */
function resolved(finding: Finding, after: readonly Finding[]): boolean {
  return !after.some((f) => f.rule === finding.rule && f.path === finding.path);
}

type Check = (source: string) => Promise<Finding[]>;

interface Progress {
  text: string;
  findings: Finding[];
  applied: AppliedFix[];
  /** Validations left for this file. */
  budget: { tries: number };
}

/**
 * Fixes made greedily. A fix that removes its own finding but lets others be
 * seen (a removed apiVersion made current: the schema now checks the rest;
 * `port:9000` split: the key is misspelt) is kept when fixing what it
 * revealed, in turn, ends with fewer findings; `lookahead` allows that once.
 */
async function fixGreedily(start: Progress, file: string, check: Check, lookahead: boolean): Promise<Progress> {
  const progress = { ...start, applied: [...start.applied] };
  const tried = new Set<string>();
  while (progress.budget.tries > 0) {
    const [next] = candidates(progress.findings, file, tried);
    if (!next) break;
    tried.add(fixKey(next));
    const fixed = applyTextEdits(progress.text, next.fix!.edits);
    if (fixed === undefined || fixed === progress.text) continue;
    progress.budget.tries--;
    const after = await check(fixed);
    const step = { text: fixed, findings: after, applied: [...progress.applied, { finding: next, description: next.fix!.description }], budget: progress.budget };
    let kept: Progress | undefined = fewer(after, progress.findings) ? step : undefined;
    if (!kept && lookahead && resolved(next, after)) {
      const further = await fixGreedily(step, file, check, false);
      if (fewer(further.findings, progress.findings)) kept = further;
    }
    if (!kept) continue;
    Object.assign(progress, { text: kept.text, findings: kept.findings, applied: kept.applied });
    tried.clear();
  }
  return progress;
}

export async function fixText(text: string, file: string, options: ValidateOptions): Promise<FixedText> {
  const check = async (source: string) => activeFindings(await validate({ text: source, file }, { ...options, threads: 1 }));
  const findings = await check(text);
  const done = await fixGreedily({ text, findings, applied: [], budget: { tries: MAX_TRIES } }, file, check, true);
  return { text: done.text, applied: done.applied, remaining: done.findings };
}
