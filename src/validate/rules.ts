// Runs the rules that look up other objects over every document, once all are
// known, and places their reports in files. Documents parsed in workers are
// located by their worker, in one batch.
import { checkRule } from "../rules/index.js";
import type { Rule, RuleContext } from "../rules/types.js";
import type { Finding, ManifestDocument, Report } from "../types.js";
import { reportToFinding } from "./findings.js";
import { RemoteDocument, type ValidationWorker } from "./parallel.js";
import { markSuppressed } from "./suppress.js";
import { appendAll } from "../util/append.js";

interface PendingReport {
  document: ManifestDocument;
  rule: Rule;
  report: Report;
}

function collectReports(documents: readonly ManifestDocument[], rules: readonly Rule[], context: RuleContext): PendingReport[] {
  const out: PendingReport[] = [];
  // Indexed loops: documents × rules iterations, each an iterator result under for...of until V8 optimizes this.
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d]!;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const reports = checkRule(rule, document, context);
      for (let i = 0; i < reports.length; i++) out.push({ document, rule, report: reports[i]! });
    }
  }
  return out;
}

export interface PlacedFinding {
  document: ManifestDocument;
  finding: Finding;
}

async function placeRemote(pending: PendingReport[]): Promise<PlacedFinding[]> {
  const byWorker = new Map<ValidationWorker, PendingReport[]>();
  for (const p of pending) {
    const worker = (p.document as RemoteDocument).worker;
    const list = byWorker.get(worker) ?? [];
    list.push(p);
    byWorker.set(worker, list);
  }
  const out: PlacedFinding[] = [];
  for (const [worker, list] of byWorker) {
    const positions = await worker.locate(
      list.map((p) => ({ document: (p.document as RemoteDocument).id, pointer: p.report.pointer, key: p.report.atKey ?? false })),
    );
    list.forEach((p, i) => {
      const at = positions[i]!;
      const placed: ManifestDocument = { ...p.document, locate: () => at } as ManifestDocument;
      const finding = reportToFinding(placed, p.rule.id, p.rule.severity, p.report);
      out.push({ document: p.document, finding: markSuppressed(p.document.object, [finding])[0]! });
    });
  }
  return out;
}

/** Runs the rules; each finding comes with the document it is about. */
export async function runRules(
  documents: readonly ManifestDocument[],
  rules: readonly Rule[],
  context: RuleContext,
): Promise<PlacedFinding[]> {
  const pending = collectReports(documents, rules, context);
  const local = pending.filter((p) => !(p.document instanceof RemoteDocument));
  const remote = pending.filter((p) => p.document instanceof RemoteDocument);
  const placed = local.map((p) => ({
    document: p.document,
    finding: markSuppressed(p.document.object, [reportToFinding(p.document, p.rule.id, p.rule.severity, p.report)])[0]!,
  }));
  appendAll(placed, await placeRemote(remote));
  return placed;
}
