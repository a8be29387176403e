// One file's text fixed: the certain fixes its findings carry are made one at
// a time, each kept only when the file then has fewer findings (fewer errors,
// or as many and fewer findings in all), until none is left to try. Every fix is tried again after one is kept, so that a second
// run finds nothing to change.
import type { Finding, ValidateResult } from "../types.js";
import { validate, type ValidateOptions } from "../validate/index.js";
import { applyTextEdits } from "./apply-edits.js";

/**
 * Fixes are made only for the schema's findings: they are about the document
 * alone. Others (a reference to a ConfigMap) depend on files that a run over
 * one file does not see.
 */
const FIXED_RULE = /^schema\//;

/** Fixes tried per file, at most: each try validates the file again. */
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

export async function fixText(text: string, file: string, options: ValidateOptions): Promise<FixedText> {
  const check = async (source: string) => activeFindings(await validate({ text: source, file }, { ...options, threads: 1 }));
  let current = text;
  let findings = await check(current);
  const applied: AppliedFix[] = [];
  const tried = new Set<string>();
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const [next] = candidates(findings, file, tried);
    if (!next) break;
    tried.add(fixKey(next));
    const fixed = applyTextEdits(current, next.fix!.edits);
    if (fixed === undefined || fixed === current) continue;
    const after = await check(fixed);
    if (!fewer(after, findings)) continue;
    applied.push({ finding: next, description: next.fix!.description });
    current = fixed;
    findings = after;
    tried.clear();
  }
  return { text: current, applied, remaining: findings };
}
