import { describe, expect, it } from "vitest";
import { renderText } from "../../src/report/text.js";
import type { Finding, ValidateResult } from "../../src/types.js";

const finding = (file: string, line: number, severity: Finding["severity"], suppressed = false): Finding => ({
  severity,
  rule: "schema/enum",
  message: `spec.x: problem at ${line}`,
  file,
  line,
  column: 3,
  path: "/spec/x",
  ...(suppressed ? { suppressed } : {}),
});

const result: ValidateResult = {
  kubernetesVersion: "1.36",
  findings: [finding("a.yaml", 2, "error"), finding("a.yaml", 9, "warning"), finding("b.yaml", 1, "info"), finding("b.yaml", 4, "error", true)],
  files: [],
  summary: { files: 2, documents: 3, errors: 1, warnings: 1, infos: 1, suppressed: 1, skipped: 0, durationMs: 12 },
};

describe("text output", () => {
  it("groups by file, hides suppressed findings and ends with the counts", () => {
    expect(renderText(result, { color: false })).toBe(
      [
        "a.yaml:2:3 error spec.x: problem at 2 [schema/enum]",
        "a.yaml:9:3 warning spec.x: problem at 9 [schema/enum]",
        "",
        "b.yaml:1:3 info spec.x: problem at 1 [schema/enum]",
        "",
        "✖ 3 documents in 2 files: 1 error, 1 warning, 1 info, 1 suppressed (12 ms, Kubernetes 1.36)",
        "",
      ].join("\n"),
    );
  });

  it("--quiet shows errors only, without the summary", () => {
    expect(renderText(result, { color: false, quiet: true })).toBe("a.yaml:2:3 error spec.x: problem at 2 [schema/enum]\n");
  });

  it("--summary shows only the counts", () => {
    expect(renderText(result, { color: false, summaryOnly: true })).toMatch(/^✖ 3 documents in 2 files: .*\n$/);
  });

  it("colours severities only when asked", () => {
    const colored = renderText(result, { color: true });
    expect(colored).toContain("\u001b[31merror\u001b[39m");
    expect(colored).toContain("\u001b[33mwarning\u001b[39m");
    expect(renderText(result, { color: false })).not.toContain("\u001b[");
  });
});
