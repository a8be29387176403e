// TAP version 13 output of `validate`, in kubeconform's shape: a test point
// per object, `ok N - file (apiVersion/Kind/namespace/name)`, or
// `not ok N - file (…): message` when it has errors; a finding about no
// object (syntax error, unreadable file) is a point of its own,
// `not ok N - file: message`; a file without objects is `ok N - file (empty)`.
// The plan line `1..N` comes last. Findings of a point follow it as a TAP 13
// YAML block, with their positions.
import { stringify } from "yaml";
import type { Finding, ValidateResult } from "../types.js";
import { groupByDocument, qualifiedName, type FileReport, type ReportItem } from "./by-document.js";
import type { RenderContext } from "./context.js";
import { shownFindings } from "./shown-findings.js";
import { escapeControl, terminalSafe } from "./terminal-safe.js";
import { appendAll } from "../util/append.js";

/** One line (line breaks and the indentation around them become one space), with `#` (which starts a directive) and `\` escaped as TAP 14 specifies. */
function description(text: string): string {
  return escapeControl(text.replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, " ").replace(/\\/g, "\\\\").replace(/#/g, "\\#"));
}

function diagnostics(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const entries = findings.map((f) => ({
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    line: f.line,
    column: f.column,
    path: f.path,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  }));
  const yaml = stringify({ findings: entries }, { lineWidth: 0 }).trimEnd();
  return ["  ---", ...yaml.split("\n").map((line) => `  ${line}`), "  ..."];
}

function testPoint(item: ReportItem, file: string, number: number): string[] {
  const findings = item.kind === "document" ? item.findings : [item.finding];
  const errors = findings.filter((f) => f.severity === "error");
  const status = errors.length > 0 ? "not ok" : "ok";
  const messages = (item.kind === "document" ? errors : findings).map((f) => f.message).join("; ");
  const subject = item.kind === "document" ? `${file} (${qualifiedName(item.document)})` : file;
  const line = messages === "" ? `${status} ${number} - ${subject}` : `${status} ${number} - ${subject}: ${messages}`;
  return [description(line), ...diagnostics(findings)];
}

function fileLines(file: FileReport, firstNumber: number): string[] {
  if (file.items.length === 0) return [`ok ${firstNumber} - ${description(file.file)} (empty)`];
  return file.items.flatMap((item, i) => testPoint(item, file.file, firstNumber + i));
}

export function renderTap(result: ValidateResult, _context: RenderContext): string {
  const findings = shownFindings(result, { includeSuppressed: false });
  const lines = ["TAP version 13"];
  let count = 0;
  for (const file of groupByDocument(result, findings)) {
    appendAll(lines, fileLines(file, count + 1));
    count += Math.max(file.items.length, 1);
  }
  lines.push(`1..${count}`);
  return terminalSafe(lines.join("\n") + "\n");
}
