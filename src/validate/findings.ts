// Turns a check's report (a pointer inside an object) into a finding placed in a file.
import type { Finding, FindingFix, ManifestDocument, ProposedFix, Report, Severity } from "../types.js";
import { isSecretLike, isSecretPointer, redactSecretTexts, secretTextsOf } from "../util/secret-values.js";
import { boundedText, MAX_MESSAGE_LENGTH } from "../util/bounded-text.js";

/** The secret values of each Secret-like document that has findings, worked out once. */
const secretTexts = new WeakMap<ManifestDocument, string[]>();

/**
 * A message never carries a Secret's value, whatever check wrote it: the
 * checks leave values out where they know them to be secret, and this
 * removes any that a message still quotes.
 */
function withoutSecretValues(document: ManifestDocument, finding: Finding): Finding {
  let texts = secretTexts.get(document);
  if (!texts) {
    texts = secretTextsOf(document.object, (pointer) => document.sourceText?.(pointer));
    secretTexts.set(document, texts);
  }
  const quotesSecret = (text: string) => redactSecretTexts(text, texts) !== text;
  finding.message = redactSecretTexts(finding.message, texts);
  if (finding.suggestion !== undefined && quotesSecret(finding.suggestion)) delete finding.suggestion;
  if (finding.fix && (quotesSecret(finding.fix.description) || finding.fix.edits.some((edit) => quotesSecret(edit.text)))) delete finding.fix;
  return finding;
}

export function reportToFinding(
  document: ManifestDocument,
  rule: string,
  defaultSeverity: Severity,
  report: Report,
): Finding {
  const at = document.locate(report.pointer, { key: report.atKey ?? false });
  const finding: Finding = {
    severity: report.severity ?? defaultSeverity,
    rule,
    message: report.message,
    file: document.file,
    line: at.line,
    column: at.column,
    path: document.pointerPrefix + report.pointer,
  };
  if (report.suggestion !== undefined) finding.suggestion = report.suggestion;
  if (document.rendered) finding.rendered = true;
  const fix = findingFix(document, report);
  if (fix) finding.fix = fix;
  // Shortened after the Secret values are taken out: a cut value would no longer be found whole.
  const safe = isSecretLike(document.object) ? withoutSecretValues(document, finding) : finding;
  return withBoundedText(safe);
}

/** A suggestion or fix as long as the input is no help to read: it is left out, and the message shortened. */
function withBoundedText(finding: Finding): Finding {
  finding.message = boundedText(finding.message);
  const tooLong = (text: string) => text.length > MAX_MESSAGE_LENGTH;
  if (finding.suggestion !== undefined && tooLong(finding.suggestion)) delete finding.suggestion;
  if (finding.fix && (tooLong(finding.fix.description) || finding.fix.edits.some((edit) => tooLong(edit.text)))) delete finding.fix;
  return finding;
}

/**
 * A "did you mean" with one answer names the text to write instead of the
 * key or value the report points at: that replacement is its fix, unless the
 * check proposed one of its own. Other suggestions (where a field belongs, a
 * name to create, a choice of two) are not edits of that text alone.
 */
function proposedFix(report: Report): ProposedFix | undefined {
  if (report.fix) return report.fix;
  const suggestion = report.suggestion;
  if (suggestion === undefined) return undefined;
  const question = `did you mean ${JSON.stringify(suggestion)}?`;
  if (!report.message.endsWith(question) && !report.message.includes(`${question})`)) return undefined;
  const description = `replace with ${JSON.stringify(suggestion)}`;
  return report.atKey
    ? { description: `rename to ${JSON.stringify(suggestion)}`, changes: [{ op: "renameKey", pointer: report.pointer, name: suggestion }] }
    : { description, changes: [{ op: "setValue", pointer: report.pointer, value: suggestion }] };
}

/**
 * The proposed fix as edits of the file, when the loader can make them in
 * place. In a Secret only keys are renamed: any other change would write or
 * move its values.
 */
function findingFix(document: ManifestDocument, report: Report): FindingFix | undefined {
  const proposed = proposedFix(report);
  if (!proposed || !document.edits) return undefined;
  if (isSecretLike(document.object) && proposed.changes.some((change) => change.op !== "renameKey" && isSecretPointer(change.pointer))) return undefined;
  const edits = document.edits(proposed.changes);
  return edits && edits.length > 0 ? { description: proposed.description, edits } : undefined;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The API server's own findings: at one place they keep the order it lists them in (its ErrorList's). */
const API_SERVER_RULE = "apiserver/validation";

/** Stable order for output: by file, then line, column, severity, rule, message (the API server's in its own order). */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.rule === API_SERVER_RULE ? 0 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
