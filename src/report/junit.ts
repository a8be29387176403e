// JUnit XML output of `validate`, for the test report views of GitLab,
// Jenkins and the like: a test suite per file, a test case per object. An
// object with errors fails (one <failure> listing them); warnings and infos
// go to its <system-out> and do not fail it. A finding about no object
// (a YAML syntax error, an unreadable file) is a test case of its own, in
// <error>, as JUnit reports a test that could not run.
import type { Finding, ValidateResult } from "../types.js";
import { documentLabel, groupByDocument, type FileReport, type ReportItem } from "./by-document.js";
import type { RenderContext } from "./context.js";
import { shownFindings } from "./shown-findings.js";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./xml.js";
import { terminalSafe } from "./terminal-safe.js";

interface Problem {
  /** `failure` (an object is wrong) or `error` (no object could be checked). */
  element: "failure" | "error";
  findings: Finding[];
}

interface TestCase {
  name: string;
  classname: string;
  problem?: Problem;
  /** Warnings and infos: reported, not failing. */
  notes: Finding[];
}

/** `deploy.yaml:14:9 message [rule]`, one line of a failure. */
function errorLine(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.message} [${finding.rule}]`;
}

/** `deploy.yaml:3:5 warning message [rule]` in <system-out>, where severities mix. */
function noteLine(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.message} [${finding.rule}]`;
}

function testCase(item: ReportItem, file: string): TestCase {
  const findings = item.kind === "document" ? item.findings : [item.finding];
  const name =
    item.kind === "document"
      ? documentLabel(item.document)
      : `${item.finding.rule} at ${item.finding.line}:${item.finding.column}`;
  const errors = findings.filter((f) => f.severity === "error");
  const out: TestCase = { name, classname: file, notes: findings.filter((f) => f.severity !== "error") };
  if (errors.length > 0) out.problem = { element: item.kind === "document" ? "failure" : "error", findings: errors };
  return out;
}

function problemXml(problem: Problem): string {
  // The message attribute is what a CI page shows first: the first error, and how many follow.
  const first = problem.findings[0]!;
  const more = problem.findings.length > 1 ? ` (and ${problem.findings.length - 1} more)` : "";
  const message = `${first.message} [${first.rule}]${more}`;
  const body = problem.findings.map(errorLine).join("\n");
  return `      <${problem.element} message="${attr(message)}" type="${attr(first.rule)}">${text(body)}</${problem.element}>`;
}

function testCaseXml(testCase: TestCase): string {
  const open = `    <testcase name="${attr(testCase.name)}" classname="${attr(testCase.classname)}" file="${attr(testCase.classname)}"`;
  const children: string[] = [];
  if (testCase.problem) children.push(problemXml(testCase.problem));
  if (testCase.notes.length > 0) children.push(`      <system-out>${text(testCase.notes.map(noteLine).join("\n"))}</system-out>`);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, "    </testcase>"].join("\n");
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

function count(cases: readonly TestCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.problem?.element === "failure").length,
    errors: cases.filter((c) => c.problem?.element === "error").length,
  };
}

function suiteXml(file: FileReport): { xml: string; counts: Counts } {
  const cases = file.items.map((item) => testCase(item, file.file));
  const counts = count(cases);
  const open = `  <testsuite name="${attr(file.file)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0"`;
  const xml = cases.length === 0 ? `${open}/>` : [`${open}>`, ...cases.map(testCaseXml), "  </testsuite>"].join("\n");
  return { xml, counts };
}

export function renderJunit(result: ValidateResult, _context: RenderContext): string {
  const findings = shownFindings(result, { includeSuppressed: false });
  const suites = groupByDocument(result, findings).map(suiteXml);
  const total = suites.reduce(
    (sum, s) => ({ tests: sum.tests + s.counts.tests, failures: sum.failures + s.counts.failures, errors: sum.errors + s.counts.errors }),
    { tests: 0, failures: 0, errors: 0 },
  );
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kubeplan" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}">`,
    ...suites.map((s) => s.xml),
    `</testsuites>`,
  ];
  return terminalSafe(lines.join("\n") + "\n");
}
