import { describe, expect, it } from "vitest";
import { secretBase64 } from "../../src/rules/secret/base64.js";
import { brief, runRule, yaml } from "./helpers.js";

const secret = (...dataLines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", "data:", ...dataLines.map((l) => "  " + l));

describe("secret/base64", () => {
  it.each([
    ["base64 of text", secret("user: YWRtaW4=", "token: dG9rZW4xMjM0", "cert: |", "  LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t", "  Cg==")],
    ["long base64 of binary data (a real key)", secret("key: q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQ")],
    ["invalid base64 (the schema layer's format error, not this rule's)", secret("password: hello world", "user: aGVsbG8")],
    ["plain text under stringData", yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", "stringData: {password: admin123}")],
    ["a ConfigMap's data (plain text)", yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "data: {password: admin123}")],
    ["values of other types (the schema layer reports them)", secret("n: 12", "m: [a]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(secretBase64, text)).toEqual([]);
  });

  it.each([
    [
      "a short word that decodes to binary",
      secret("password: admin123"),
      [{ severity: "warning", line: 5, column: 13, message: "data[password]: the value is valid base64 but decodes to binary data, not text; if it is the plain value, put it under stringData (or base64-encode it)", suggestion: "stringData" }],
    ],
    [
      "a ConfigMap binaryData value that looks like a word",
      yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "binaryData:", "  mode: password"),
      [{ severity: "warning", line: 5, column: 9, message: "binaryData[mode]: the value is valid base64 but decodes to binary data, not text; if it is the plain value, put it under data (or base64-encode it)", suggestion: "data" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(secretBase64, text))).toEqual(expected);
  });

  it("never repeats the secret value in a message", () => {
    const findings = runRule(secretBase64, secret("password: s3cr3tpw"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).not.toContain("s3cr3t");
  });
});
