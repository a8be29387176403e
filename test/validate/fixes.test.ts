// A "did you mean" with one answer becomes a fix: the written key or value,
// quotes included, replaced by the suggestion. Other suggestions are no fix.
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

describe("fixes", () => {
  it.each([
    ["a plain enum value", "          imagePullPolicy: always", [["schema/enum", { span: { line: 13, column: 28, endColumn: 34 }, text: "Always" }]]],
    ["a quoted enum value, quotes included", '          imagePullPolicy: "always"', [["schema/enum", { span: { line: 13, column: 28, endColumn: 36 }, text: "Always" }]]],
    ["a misspelt key", "          imagePullPolicyy: Always", [["schema/unknown-field", { span: { line: 13, column: 11, endColumn: 27 }, text: "imagePullPolicy" }]]],
    ["a quantity with two answers", "          resources: {requests: {memory: 256MB}}", [["schema/format", null]]],
    ["a field that belongs elsewhere", "          replicas: 2", [["schema/unknown-field", null]]],
  ])("%s", async (_name, lines, expected) => {
    expect(await fixesOf(deployment(lines))).toEqual(expected);
  });

  it("a kind served under another apiVersion is not fixed by the kind alone", async () => {
    const findings = (await validate({ text: "apiVersion: v1\nkind: Deploymnt\nmetadata: {name: x}\n", file: "x.yaml" })).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("it is served as");
    expect(findings[0]!.fix).toBeUndefined();
  });
});
