// The findings a report shows, cleaned up and in a stable order. The result
// object normally comes from the pipeline, but a renderer must not throw on a
// hand-made or damaged one: every field is checked before use.
import type { Finding, FindingFix, Severity, TextEdit, ValidateResult } from "../types.js";
import { arrayOf, recordOf } from "../util/object-access.js";
import { compareFindings } from "../validate/findings.js";
import { boundedText } from "../util/bounded-text.js";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A 1-based position; anything else (missing, 0, negative, fractional, NaN) becomes 1. */
export function positiveInteger(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : 1;
}

export function asText(value: unknown, fallback = ""): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return fallback;
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? fallback;
    } catch {
      return fallback; // a cycle
    }
  }
  return String(value);
}

/** A finding with every field of the contract present and of the right type. */
export function sanitizeFinding(value: unknown): Finding {
  const raw = recordOf(value);
  const severity = SEVERITIES.includes(raw.severity as Severity) ? (raw.severity as Severity) : "error";
  const finding: Finding = {
    severity,
    rule: asText(raw.rule, "unknown") || "unknown",
    message: boundedText(asText(raw.message)),
    file: asText(raw.file, "<unknown>") || "<unknown>",
    line: positiveInteger(raw.line),
    column: positiveInteger(raw.column),
    path: asText(raw.path),
  };
  if (typeof raw.suggestion === "string") finding.suggestion = raw.suggestion;
  if (raw.suppressed === true) finding.suppressed = true;
  if (raw.rendered === true) finding.rendered = true;
  const fix = sanitizeFix(raw.fix);
  if (fix) finding.fix = fix;
  return finding;
}

/** An edit whose span runs forwards (an empty span inserts), or nothing. */
function sanitizeEdit(value: unknown): TextEdit | undefined {
  const raw = recordOf(value);
  const span = recordOf(raw.span);
  const line = positiveInteger(span.line);
  const column = positiveInteger(span.column);
  const endLine = positiveInteger(span.endLine);
  const endColumn = positiveInteger(span.endColumn);
  if (typeof raw.text !== "string" || endLine < line || (endLine === line && endColumn < column)) return undefined;
  return { span: { line, column, endLine, endColumn }, text: raw.text };
}

/** A fix whose every edit is sound, or nothing. */
function sanitizeFix(value: unknown): FindingFix | undefined {
  if (value === undefined) return undefined;
  const raw = recordOf(value);
  const edits = arrayOf(raw.edits).map(sanitizeEdit);
  if (edits.length === 0 || edits.some((edit) => edit === undefined)) return undefined;
  return { description: asText(raw.description), edits: edits as TextEdit[] };
}

export interface ShowOptions {
  /** SARIF keeps suppressed findings (marked as such); every other format drops them. */
  includeSuppressed: boolean;
}

/** The result's findings, sanitized, filtered and sorted by file, line, column, severity, rule, message. */
export function shownFindings(result: ValidateResult, options: ShowOptions): Finding[] {
  const findings = arrayOf(recordOf(result).findings).map(sanitizeFinding);
  const shown = options.includeSuppressed ? findings : findings.filter((f) => !f.suppressed);
  return shown.sort(compareFindings);
}
