// A "did you mean" with one answer becomes a fix: the written key or value,
// quoted as it was, replaced by the suggestion. Other suggestions are no fix.
import { describe, expect, it } from "vitest";
import { validate } from "../../src/index.js";

const deployment = (containerLines: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${containerLines}
`;

async function fixesOf(text: string): Promise<Array<[string, unknown]>> {
  const result = await validate({ text, file: "web.yaml" });
  return result.findings.map((f) => [f.rule, f.fix ?? null]);
}

/** A fix of edits written as [line, column, endLine, endColumn, text]. */
function fix(description: string, ...edits: Array<[number, number, number, number, string]>) {
  return { description, edits: edits.map(([line, column, endLine, endColumn, text]) => ({ span: { line, column, endLine, endColumn }, text })) };
}

describe("fixes", () => {
  it.each([
    ["a plain enum value", "          imagePullPolicy: always", [["schema/enum", fix('replace with "Always"', [13, 28, 13, 34, "Always"])]]],
    ["a quoted enum value, quotes included", '          imagePullPolicy: "always"', [["schema/enum", fix('replace with "Always"', [13, 28, 13, 36, '"Always"'])]]],
    ["a misspelt key", "          imagePullPolicyy: Always", [["schema/unknown-field", fix('rename to "imagePullPolicy"', [13, 11, 13, 27, "imagePullPolicy"])]]],
    ["a quantity with two answers", "          resources: {requests: {memory: 256MB}}", [["schema/format", null]]],
    ["a field that belongs elsewhere", "          replicas: 2", [["schema/unknown-field", null]]],
  ])("%s", async (_name, lines, expected) => {
    expect(await fixesOf(deployment(lines))).toEqual(expected);
  });

  it("a misspelt key of a Secret is renamed; no fix writes its values", async () => {
    const text = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntyp: Opaque\nstringDta:\n  password: hunter22\n";
    const findings = (await validate({ text, file: "s.yaml" })).findings;
    expect(findings.map((f) => f.fix?.edits.map((e) => e.text))).toEqual([["type"], ["stringData"]]);
    expect(JSON.stringify(findings)).not.toContain("hunter22");
  });

  it("a kind served under another apiVersion is not fixed by the kind alone", async () => {
    const findings = (await validate({ text: "apiVersion: v1\nkind: Deploymnt\nmetadata: {name: x}\n", file: "x.yaml" })).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("it is served as");
    expect(findings[0]!.fix).toBeUndefined();
  });
});
