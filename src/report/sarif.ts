// SARIF 2.1.0 output of `validate`, as GitHub code scanning takes it: one
// run, the rule table in `tool.driver.rules`, one result per finding with a
// repository-relative location. Suppressed findings stay in, marked with an
// in-source suppression, which is how SARIF says "silenced on purpose".
import type { DocumentSummary, Finding, RuleInfo, Severity, ValidateResult } from "../types.js";
import { arrayOf, recordOf } from "../util/object-access.js";
import { groupByDocument, qualifiedName } from "./by-document.js";
import type { RenderContext } from "./context.js";
import { artifactLocation } from "./paths.js";
import { asText, shownFindings } from "./shown-findings.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** GitHub shows at most this many characters of a rule's full description. */
const FULL_DESCRIPTION_LIMIT = 1000;

type Level = "error" | "warning" | "note";

const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

/** A URI that SARIF's `format: uri` accepts (absolute), or undefined. A README anchor alone is not one. */
function absoluteUri(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : text.slice(0, limit - 1) + "…";
}

/**
 * The catalogue (first entry wins for a repeated id), then rules that only
 * findings name (a rule missing from the catalogue), so every result has a
 * rule to point at.
 */
function ruleTable(catalogue: readonly RuleInfo[], findings: readonly Finding[]): RuleInfo[] {
  const rules = new Map<string, RuleInfo>();
  for (const raw of arrayOf(catalogue)) {
    const entry = recordOf(raw) as Partial<RuleInfo>;
    const id = asText(entry.id);
    if (id === "" || rules.has(id)) continue;
    const severity: Severity = entry.severity === "warning" || entry.severity === "info" ? entry.severity : "error";
    rules.set(id, { id, severity, description: asText(entry.description), helpUri: asText(entry.helpUri) || undefined });
  }
  for (const finding of findings) {
    if (!rules.has(finding.rule)) rules.set(finding.rule, { id: finding.rule, severity: finding.severity, description: "" });
  }
  return [...rules.values()];
}

function reportingDescriptor(rule: RuleInfo): Record<string, unknown> {
  const description = rule.description || rule.id;
  const helpUri = absoluteUri(rule.helpUri);
  const descriptor: Record<string, unknown> = {
    id: rule.id,
    shortDescription: { text: description },
    fullDescription: { text: truncate(description, FULL_DESCRIPTION_LIMIT) },
    help: { text: helpUri ? `${description}\n\nDocumentation: ${helpUri}` : description },
  };
  if (helpUri) descriptor.helpUri = helpUri;
  descriptor.defaultConfiguration = { level: LEVEL[rule.severity] };
  return descriptor;
}

function location(finding: Finding, document: DocumentSummary | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: artifactLocation(finding.file),
      // The finding is one key or value: a region on its line (no end column:
      // SARIF then means "to the end of the line").
      region: { startLine: finding.line, startColumn: finding.column, endLine: finding.line },
    },
  };
  if (document) {
    const logical: Record<string, unknown> = { fullyQualifiedName: qualifiedName(document), kind: "resource" };
    if (document.name) logical.name = document.name;
    out.logicalLocations = [logical];
  }
  return out;
}

function sarifResult(finding: Finding, ruleIndex: number, document: DocumentSummary | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message || finding.rule },
    locations: [location(finding, document)],
  };
  if (finding.suppressed) result.suppressions = [{ kind: "inSource", state: "accepted" }];
  const properties: Record<string, string> = {};
  if (finding.path !== "") properties.path = finding.path;
  if (finding.suggestion !== undefined) properties.suggestion = finding.suggestion;
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

/** The object each finding is about, when it is about one. */
function documentsOfFindings(result: ValidateResult, findings: readonly Finding[]): Map<Finding, DocumentSummary> {
  const out = new Map<Finding, DocumentSummary>();
  for (const file of groupByDocument(result, findings)) {
    for (const item of file.items) {
      if (item.kind === "document") for (const finding of item.findings) out.set(finding, item.document);
    }
  }
  return out;
}

export function renderSarif(result: ValidateResult, context: RenderContext): string {
  const findings = shownFindings(result, { includeSuppressed: true });
  const rules = ruleTable(context?.rules ?? [], findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const documents = documentsOfFindings(result, findings);

  const driver: Record<string, unknown> = { name: "kubeplan" };
  const version = asText(context?.toolVersion);
  if (version !== "") driver.version = version;
  const informationUri = absoluteUri(context?.informationUri);
  if (informationUri) driver.informationUri = informationUri;
  driver.rules = rules.map(reportingDescriptor);

  const run: Record<string, unknown> = {
    tool: { driver },
    columnKind: "utf16CodeUnits",
    results: findings.map((f) => sarifResult(f, ruleIndex.get(f.rule) ?? -1, documents.get(f))),
  };
  const kubernetesVersion = asText(result?.kubernetesVersion);
  if (kubernetesVersion !== "") run.properties = { kubernetesVersion };

  const log = { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
  return JSON.stringify(log, null, 2) + "\n";
}
