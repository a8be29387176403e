// Text output of `validate`: findings grouped by file, one line each
// (`file:line:col severity message [rule]`), then a summary line.
import type { Finding, ValidateResult } from "../types.js";
import { palette, severityColor, type Palette } from "./colors.js";
import { escapeControl, terminalSafe } from "./terminal-safe.js";

export interface TextOptions {
  color: boolean;
  /** Only errors (`--quiet`). */
  quiet?: boolean;
  /** Only the summary line (`--summary`). */
  summaryOnly?: boolean;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatFinding(finding: Finding, p: Palette): string {
  const where = `${escapeControl(finding.file)}:${finding.line}:${finding.column}`;
  const severity = severityColor(p, finding.severity)(finding.severity);
  return `${where} ${severity} ${escapeControl(finding.message)} ${p.dim(`[${finding.rule}]`)}`;
}

export function summaryLine(result: ValidateResult, p: Palette): string {
  const s = result.summary;
  const counts = [
    p.red(plural(s.errors, "error")),
    p.yellow(plural(s.warnings, "warning")),
    ...(s.infos > 0 ? [plural(s.infos, "info")] : []),
    ...(s.suppressed > 0 ? [`${s.suppressed} suppressed`] : []),
    ...(s.skipped > 0 ? [`${s.skipped} skipped`] : []),
  ];
  const mark = s.errors > 0 ? p.red("✖") : p.green("✔");
  return `${mark} ${plural(s.documents, "document")} in ${plural(s.files, "file")}: ${counts.join(", ")} (${s.durationMs} ms, Kubernetes ${result.kubernetesVersion})`;
}

/** Findings grouped by file (a blank line between files), suppressed ones left out. */
export function findingLines(findings: readonly Finding[], p: Palette): string[] {
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const finding of findings) {
    if (finding.suppressed) continue;
    if (previousFile !== undefined && finding.file !== previousFile) lines.push("");
    lines.push(formatFinding(finding, p));
    previousFile = finding.file;
  }
  return lines;
}

export function renderText(result: ValidateResult, options: TextOptions): string {
  const p = palette(options.color);
  const lines = options.summaryOnly
    ? []
    : findingLines(result.findings.filter((f) => !options.quiet || f.severity === "error"), p);
  if (!options.quiet || options.summaryOnly) {
    if (lines.length > 0) lines.push("");
    lines.push(summaryLine(result, p));
  }
  return lines.length === 0 ? "" : terminalSafe(lines.join("\n") + "\n", { colors: options.color });
}
