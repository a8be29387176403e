// GitHub Actions output of `validate`: one workflow command per finding,
// which the runner turns into an annotation on the file and line:
//   ::error file=deploy.yaml,line=14,col=9,title=schema/enum::message
// Suppressed findings are left out.
import type { Finding, Severity, ValidateResult } from "../types.js";
import type { RenderContext } from "./context.js";
import { slashPath } from "./paths.js";
import { shownFindings } from "./shown-findings.js";
import { escapeControl, neutralizeCommandMarks } from "./terminal-safe.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * The runner's escaping of a command's message (its data), then the other
 * control characters and any `##[` the input spells (a line of the log must
 * not carry a second command).
 */
export function escapeData(value: string): string {
  return neutralizeCommandMarks(escapeControl(value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")));
}

/** The runner's escaping of a property value, where `:` and `,` are separators too. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function workflowCommand(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(slashPath(finding.file))}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    // Rendered Helm output: the line is within the template's output, which the title says.
    `title=${escapeProperty(finding.rendered ? `${finding.rule} (in rendered output)` : finding.rule)}`,
  ];
  return `::${COMMAND[finding.severity]} ${properties.join(",")}::${escapeData(finding.message)}`;
}

export function renderGithub(result: ValidateResult, _context: RenderContext): string {
  const findings = shownFindings(result, { includeSuppressed: false });
  return findings.map((f) => workflowCommand(f) + "\n").join("");
}
