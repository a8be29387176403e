// What `kubeplan fix` prints: the fixes made (or, with --dry-run, the diff of
// each file), then one summary line. Text of the files is made safe for a
// terminal, and a Secret's values in a diff's lines are masked.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { FixedFile, FixRun } from "../fix/index.js";
import { loadText } from "../load/index.js";
import { redactSecretTexts, secretTextsOf } from "../util/secret-values.js";
import { escapeControl, terminalSafe } from "./terminal-safe.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** One line per fix made: where its finding was (in the text as it was then) and its message. */
export function renderFixesMade(run: FixRun): string {
  const lines = run.files.flatMap((file) =>
    file.applied.map(({ finding }) => `${escapeControl(file.file)}:${finding.line}:${finding.column} fixed: ${escapeControl(finding.message)} [${finding.rule}]`),
  );
  return lines.length === 0 ? "" : terminalSafe(lines.join("\n") + "\n");
}

/** Every secret value of the file's Secret-like objects, before and after. */
function secretTexts(file: FixedFile): string[] {
  return [file.before, file.after].flatMap((text) => loadText(text, file.file).documents.flatMap((d) => secretTextsOf(d.object, d.sourceText)));
}

/** The unified diff of a changed file, `a/` and `b/` as git writes them. */
export function renderFixDiff(file: FixedFile): string {
  if (file.before === file.after) return "";
  const patch = createTwoFilesPatch(`a/${file.file}`, `b/${file.file}`, file.before, file.after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
  return terminalSafe(redactSecretTexts(patch, secretTexts(file)));
}

export function renderFixSummary(run: FixRun, dryRun: boolean): string {
  const fixed = run.files.reduce((n, f) => n + f.applied.length, 0);
  const changed = run.files.filter((f) => f.applied.length > 0).length;
  const left = run.files.reduce((n, f) => n + f.remaining.length, 0);
  const head = fixed === 0 ? "nothing to fix" : `${dryRun ? "would fix" : "fixed"} ${plural(fixed, "problem")} in ${plural(changed, "file")}`;
  const tail = left === 0 ? "no problem left" : `${plural(left, "problem")} left (kubeplan validate shows them)`;
  return `${head}; ${tail}\n`;
}
