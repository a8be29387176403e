// Markdown for a pull-request comment, in the manner of tfcmt and Atlantis:
// the summary line first, then one collapsible section per object with its
// findings, each linked to its file and line. Everything that comes from the
// input is escaped (Markdown, HTML, control characters); Secret values never
// reach a finding's message. A comment longer than GitHub accepts is cut,
// with a note saying how much is left out.
import type { Finding, ValidateResult } from "../types.js";
import { documentLabel, groupByDocument, type ReportItem } from "./by-document.js";
import { palette } from "./colors.js";
import { slashPath } from "./paths.js";
import { shownFindings } from "./shown-findings.js";
import { plural, summaryLine } from "./text.js";
import { maxOf } from "../util/append.js";
import { CONTROL_CHARACTER, neutralizeCommandMarks } from "./terminal-safe.js";

/** GitHub's limit on the body of an issue or pull-request comment, in characters. */
export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Where `file#Lline` links point: a repository's blob URL at a commit. Without it, locations are plain text. */
  linkBase?: string;
}

const SEVERITY_MARK: Record<Finding["severity"], string> = { error: "✖", warning: "⚠", info: "ℹ" };

const SHOWN_AS_CODE = new RegExp(CONTROL_CHARACTER.source, "gu");

/**
 * Control and invisible characters (see CONTROL_CHARACTER) but tabs and line
 * feeds shown as `\u{..}`, and `##[` spelled so that no CI log acts on it:
 * nothing from the input acts on what reads the comment, or on the log it is
 * printed to, or passes for something else.
 */
function visibleControls(text: string): string {
  const shown = text.replace(SHOWN_AS_CODE, (c) => (c === "\t" || c === "\n" ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`));
  return neutralizeCommandMarks(shown);
}

/** Text from the input as HTML text (inside `<summary>` and `<code>`), on one line. */
export function escapeHtml(text: string): string {
  return visibleControls(text)
    .replace(/[\r\n\t]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * Text from the input as Markdown text on one line: HTML escaped, and the
 * punctuation that would make emphasis, code, links (also bare addresses),
 * tables, strikethrough, mentions or issue references backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_[\]|~@#]/g, "\\$&")
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/\b(www)\./gi, "$1\\.");
}

/** A fenced code block that no line of its content can close. */
export function fencedBlock(language: string, lines: readonly string[]): string {
  const content = lines.map(visibleControls).join("\n");
  const longest = maxOf([...content.matchAll(/`+/g)].map((m) => m[0].length), 2);
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${content}\n${fence}`;
}

function location(finding: Finding, options: MarkdownOptions): string {
  const text = escapeMarkdown(`${slashPath(finding.file)}:${finding.line}:${finding.column}`);
  if (!options.linkBase) return text;
  const path = slashPath(finding.file).split("/").map(encodeURIComponent).join("/");
  return `[${text}](${options.linkBase.replace(/\/+$/, "")}/${path}#L${finding.line})`;
}

function findingLine(finding: Finding, options: MarkdownOptions): string {
  return `- ${SEVERITY_MARK[finding.severity]} **${finding.severity}** ${location(finding, options)} ${escapeMarkdown(finding.message)} \`${escapeHtml(finding.rule).replace(/`/g, "'")}\``;
}

function counts(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const infos = findings.length - errors - warnings;
  return [errors > 0 ? plural(errors, "error") : "", warnings > 0 ? plural(warnings, "warning") : "", infos > 0 ? plural(infos, "info") : ""].filter(Boolean).join(", ");
}

/** One `<details>` section per object with findings, and one per file for findings about no object. */
export function findingSections(result: ValidateResult, options: MarkdownOptions): string[] {
  const findings = shownFindings(result, { includeSuppressed: false });
  const sections: string[] = [];
  for (const file of groupByDocument(result, findings)) {
    const loose = file.items.filter((item): item is Extract<ReportItem, { kind: "loose" }> => item.kind === "loose").map((item) => item.finding);
    if (loose.length > 0) sections.push(section(`<code>${escapeHtml(slashPath(file.file))}</code>: ${counts(loose)}`, loose, options));
    for (const item of file.items) {
      if (item.kind !== "document" || item.findings.length === 0) continue;
      const title = `<code>${escapeHtml(documentLabel(item.document))}</code> in <code>${escapeHtml(slashPath(file.file))}</code>: ${counts(item.findings)}`;
      sections.push(section(title, item.findings, options));
    }
  }
  return sections;
}

function section(title: string, findings: readonly Finding[], options: MarkdownOptions): string {
  const mark = SEVERITY_MARK[findings.some((f) => f.severity === "error") ? "error" : findings.some((f) => f.severity === "warning") ? "warning" : "info"];
  return [`<details><summary>${mark} ${title}</summary>`, "", ...findings.map((f) => findingLine(f, options)), "", "</details>"].join("\n");
}

/**
 * The head, then as many sections as fit within GitHub's limit, then a note
 * of what was left out. The head alone always fits (it is a few lines).
 */
export function withinCommentLimit(head: readonly string[], sections: readonly string[], what: string): string {
  let text = head.join("\n\n");
  for (let i = 0; i < sections.length; i++) {
    const left = sections.length - i;
    const note = `\n\n_${left} more ${what} left out: a comment holds at most ${COMMENT_LIMIT} characters. The job's log has them all._\n`;
    const next = `${text}\n\n${sections[i]}`;
    if (next.length + note.length > COMMENT_LIMIT) return text + note;
    text = next;
  }
  return text + "\n";
}

export function renderMarkdown(result: ValidateResult, options: MarkdownOptions = {}): string {
  const head = [`**kubeplan validate** ${escapeMarkdown(summaryLine(result, palette(false)))}`];
  return withinCommentLimit(head, findingSections(result, options), "objects with findings are");
}
