// Runs one rule on YAML text, the way the pipeline does, and returns its findings.
import { Inventory } from "../../src/inventory.js";
import { loadText } from "../../src/load/index.js";
import type { Rule } from "../../src/rules/types.js";
import type { Finding } from "../../src/types.js";
import { compareFindings, reportToFinding } from "../../src/validate/findings.js";

export interface RunOptions {
  kubernetesVersion?: string;
  /** Objects of the cluster snapshot, as YAML. */
  cluster?: string;
}

export interface Brief {
  severity: string;
  line: number;
  column: number;
  message: string;
  suggestion?: string;
}

export function inventoryFor(text: string, cluster?: string): { inventory: Inventory; documents: ReturnType<typeof loadText>["documents"] } {
  const { documents, findings } = loadText(text, "test.yaml");
  if (findings.length > 0) throw new Error("test YAML does not load: " + findings.map((f) => f.message).join("; "));
  const inventory = new Inventory();
  inventory.addDocuments(documents);
  if (cluster) {
    for (const document of loadText(cluster, "cluster.yaml").documents) inventory.add({ object: document.object, source: "cluster" });
  }
  return { inventory, documents };
}

export function runRule(rule: Rule, text: string, options: RunOptions = {}): Finding[] {
  const { inventory, documents } = inventoryFor(text, options.cluster);
  const context = { inventory, kubernetesVersion: options.kubernetesVersion ?? "1.36" };
  const findings = documents.flatMap((document) => rule.check(document, context).map((report) => reportToFinding(document, rule.id, rule.severity, report)));
  for (const finding of findings) if (finding.rule !== rule.id) throw new Error("wrong rule id");
  return findings.sort(compareFindings);
}

/** The parts of findings a test compares. */
export function brief(findings: Finding[]): Brief[] {
  return findings.map((f) => ({
    severity: f.severity,
    line: f.line,
    column: f.column,
    message: f.message,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  }));
}

/** Joins YAML lines, so that tests can count lines. */
export function yaml(...lines: string[]): string {
  return lines.join("\n") + "\n";
}
