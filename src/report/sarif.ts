// SARIF 2.1.0 output (as published with errata 01), as GitHub code scanning
// takes it: one run, the rule table in `tool.driver.rules` with help in text
// and Markdown, one result per finding with a repository-relative location,
// a fingerprint that does not move with the line, and the fix of a "did you
// mean". Suppressed findings stay in, with an in-source suppression, which is
// how SARIF says "silenced on purpose".
import { crypto } from "../util/on-demand-modules.js";
import type { DocumentSummary, Finding, FindingFix, RuleInfo, Severity, ValidateResult } from "../types.js";
import { arrayOf, recordOf } from "../util/object-access.js";
import { groupByDocument, qualifiedName } from "./by-document.js";
import type { RenderContext } from "./context.js";
import { artifactLocation } from "./paths.js";
import { asText, shownFindings } from "./shown-findings.js";
import { terminalSafeJson } from "./terminal-safe.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** GitHub shows at most this many characters of a rule's full description. */
const FULL_DESCRIPTION_LIMIT = 1000;
/** GitHub code scanning rejects a run with more results than this. */
export const MAX_RESULTS = 25_000;
/** The partialFingerprints key: a finding's rule, file, object and field, stable when lines move. */
const FINGERPRINT_KEY = "kubeplanFinding/v1";

type Level = "error" | "warning" | "note";

const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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

/** What code scanning shows under "Rule help": what the rule checks, how to silence it, where it is documented. */
function ruleHelp(rule: RuleInfo, description: string, helpUri: string | undefined): { text: string; markdown: string } {
  const text = [
    description,
    `Default severity: ${rule.severity}. To silence it for one object, annotate it with kubeplan.io/ignore: ${rule.id}; for every object, set rules: {${rule.id}: off} in .kubeplan.yaml.`,
    ...(helpUri ? [`Documentation: ${helpUri}`] : []),
  ].join("\n\n");
  const markdown = [
    description,
    `Default severity: **${rule.severity}**. To silence it for one object:`,
    ["```yaml", "metadata:", "  annotations:", `    kubeplan.io/ignore: ${rule.id}`, "```"].join("\n"),
    "or for every object, in `.kubeplan.yaml`:",
    ["```yaml", "rules:", `  ${rule.id}: off`, "```"].join("\n"),
    ...(helpUri ? [`[Documentation of \`${rule.id}\`](${helpUri})`] : []),
  ].join("\n\n");
  return { text, markdown };
}

/** `schema/enum` → `#schema-enum`, the README's anchor of each rule. */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-zA-Z0-9]+/g, "-").toLowerCase();
}

/** The rule's own helpUri, else its anchor on kubeplan's home page. */
function helpUriOf(rule: RuleInfo, informationUri: string | undefined): string | undefined {
  const own = absoluteUri(rule.helpUri);
  if (own || !informationUri) return own;
  const page = new URL(informationUri);
  page.hash = ruleAnchor(rule.id);
  return page.href;
}

function reportingDescriptor(rule: RuleInfo, informationUri: string | undefined): Record<string, unknown> {
  const description = rule.description || rule.id;
  const helpUri = helpUriOf(rule, informationUri);
  const descriptor: Record<string, unknown> = {
    id: rule.id,
    shortDescription: { text: description },
    fullDescription: { text: truncate(description, FULL_DESCRIPTION_LIMIT) },
    help: ruleHelp(rule, description, helpUri),
  };
  if (helpUri) descriptor.helpUri = helpUri;
  descriptor.defaultConfiguration = { level: LEVEL[rule.severity] };
  // The group of the rule (schema, admission, ...) as a tag code scanning can filter on.
  descriptor.properties = { tags: ["kubernetes", rule.id.split("/")[0]!] };
  return descriptor;
}

/** Helm output on standard input: the template named by `# Source:`, lines counted in its output. */
const RENDERED = "rendered output (helm template on standard input): the line is within this template's output, not its source";

function location(finding: Finding, document: DocumentSummary | undefined): Record<string, unknown> {
  const artifact: Record<string, unknown> = { ...artifactLocation(finding.file) };
  if (finding.rendered) artifact.description = { text: RENDERED };
  const out: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: artifact,
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

function sarifFix(finding: Finding, fix: FindingFix): Record<string, unknown> {
  return {
    description: { text: fix.description },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(finding.file),
        replacements: fix.edits.map(({ span, text }) => ({
          deletedRegion: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
          insertedContent: { text },
        })),
      },
    ],
  };
}

/**
 * What identifies a finding across runs: its rule, file and the object and
 * field it is about (or its line, for a finding about no object). Lines
 * that move leave it alone; `occurrence` tells apart findings that share
 * all of these.
 */
function fingerprint(finding: Finding, document: DocumentSummary | undefined, occurrence: number): string {
  const where = document ? `${qualifiedName(document)}\u0000${finding.path}` : `line ${finding.line}`;
  const key = [finding.rule, finding.file, where, String(occurrence)].join("\u0000");
  return crypto().createHash("sha256").update(key).digest("hex").slice(0, 32);
}

function sarifResult(finding: Finding, ruleIndex: number, document: DocumentSummary | undefined, occurrence: number): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message || finding.rule },
    locations: [location(finding, document)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, document, occurrence) },
  };
  if (finding.suppressed) result.suppressions = [{ kind: "inSource", status: "accepted", justification: "kubeplan.io/ignore annotation or .kubeplan.yaml" }];
  if (finding.fix) result.fixes = [sarifFix(finding, finding.fix)];
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

/** The findings code scanning accepts: all of them, or the most severe MAX_RESULTS, in their order. */
function withinResultLimit(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_RESULTS) return findings;
  const kept = new Set(
    findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
      .slice(0, MAX_RESULTS)
      .map((entry) => entry.finding),
  );
  return findings.filter((finding) => kept.has(finding));
}

function leftOutNotice(count: number): Record<string, unknown> {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      {
        level: "warning",
        message: { text: `${count} less severe findings are left out: GitHub code scanning accepts at most ${MAX_RESULTS} results per run.` },
      },
    ],
  };
}

export function renderSarif(result: ValidateResult, context: RenderContext): string {
  const all = shownFindings(result, { includeSuppressed: true });
  const findings = withinResultLimit(all);
  const rules = ruleTable(context?.rules ?? [], findings);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const documents = documentsOfFindings(result, findings);

  const driver: Record<string, unknown> = { name: "kubeplan" };
  const version = asText(context?.toolVersion);
  if (version !== "") driver.version = version;
  const informationUri = absoluteUri(context?.informationUri);
  if (informationUri) driver.informationUri = informationUri;
  driver.rules = rules.map((rule) => reportingDescriptor(rule, informationUri));

  const occurrences = new Map<string, number>();
  const results = findings.map((finding) => {
    const document = documents.get(finding);
    const base = fingerprint(finding, document, 0);
    const occurrence = occurrences.get(base) ?? 0;
    occurrences.set(base, occurrence + 1);
    return sarifResult(finding, ruleIndex.get(finding.rule) ?? -1, document, occurrence);
  });

  const run: Record<string, unknown> = { tool: { driver } };
  if (all.length > findings.length) run.invocations = [leftOutNotice(all.length - findings.length)];
  run.columnKind = "utf16CodeUnits";
  run.results = results;
  const kubernetesVersion = asText(result?.kubernetesVersion);
  if (kubernetesVersion !== "") run.properties = { kubernetesVersion };

  const log = { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
  return terminalSafeJson(JSON.stringify(log, null, 2)) + "\n";
}
