import { describe, expect, it } from "vitest";
import { secretBase64 } from "../../src/rules/secret/base64.js";
import { decodeBase64 } from "../../src/rules/support/go-base64.js";
import { brief, runRule, yaml } from "./helpers.js";

const secret = (...dataLines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", "data:", ...dataLines.map((l) => "  " + l));

function refusal(kind: string, key: string, offset: number, tail: string): string {
  const error = `illegal base64 data at input byte ${offset}`;
  return `data[${key}]: ${error} (the API server refuses the ${kind}: "${kind} in version \\"v1\\" cannot be handled as a ${kind}: ${error}"; data values must be base64-encoded${tail})`;
}

describe("Go's base64.StdEncoding offsets", () => {
  it.each([
    ["aGVsbG8=", true, -1],
    ["aGVs\nbG8=\n", true, -1],
    ["", true, -1],
    ["aGVsbG8", false, 4],
    ["hello world", false, 5],
    ["a===", false, 1],
    ["YQ=", false, 3],
    ["aGVsbG8=aGVs", false, 8],
    ["YW*j", false, 2],
  ])("%j", (input, ok, offset) => {
    const result = decodeBase64(input);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.offset).toBe(offset);
  });

  it("decodes what it accepts", () => {
    const result = decodeBase64("aGVs\r\nbG8=");
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe("hello");
  });
});

describe("secret/base64", () => {
  it.each([
    ["base64 values", secret("user: YWRtaW4=", "cert: |", "  LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t", "  Cg==")],
    ["values that decode to text", secret("token: dG9rZW4xMjM0")],
    ["plain text under stringData", yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", "stringData: {password: 'hello world'}")],
    ["a ConfigMap's data (plain text)", yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "data: {greeting: hello world}")],
    ["values of other types (the schema layer reports them)", secret("n: 12", "m: [a]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(secretBase64, text)).toEqual([]);
  });

  it.each([
    [
      "a plain text value",
      secret("password: hello world"),
      [{ severity: "error", line: 5, column: 13, message: refusal("Secret", "password", 5, ", put plain text under stringData"), suggestion: "stringData" }],
    ],
    [
      "base64 without its padding",
      secret("user: aGVsbG8"),
      [{ severity: "error", line: 5, column: 9, message: refusal("Secret", "user", 4, ", put plain text under stringData"), suggestion: "stringData" }],
    ],
    [
      "a short word that decodes to binary",
      secret("password: admin123"),
      [{ severity: "warning", line: 5, column: 13, message: "data[password]: the value is valid base64 but decodes to binary data, not text; if it is the plain value, put it under stringData (or base64-encode it)", suggestion: "stringData" }],
    ],
    [
      "a ConfigMap binaryData value that is not base64",
      yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "binaryData:", "  blob: 'abc$'"),
      [{
        severity: "error", line: 5, column: 9,
        message: 'binaryData[blob]: illegal base64 data at input byte 3 (the API server refuses the ConfigMap: "ConfigMap in version \\"v1\\" cannot be handled as a ConfigMap: illegal base64 data at input byte 3"; binaryData values must be base64-encoded, put plain text under data)',
        suggestion: "data",
      }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(secretBase64, text))).toEqual(expected);
  });

  it("never repeats the secret value in a message", () => {
    const findings = runRule(secretBase64, secret("password: s3cr3t-v@lue"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).not.toContain("s3cr3t");
  });
});
