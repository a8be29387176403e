// Which values are secret: by meaning (a Secret-like kind, any field that is
// not descriptive), never by exact spelling.
import { describe, expect, test } from "vitest";
import type { ManifestDocument } from "../../src/types.js";
import { isSecretKind, isSecretValuePointer, redactSecretTexts, secretTextsOf } from "../../src/util/secret-values.js";
import { reportToFinding } from "../../src/validate/findings.js";

describe("isSecretKind", () => {
  test.each([
    ["Secret", true],
    ["secret", true],
    ["SECRET", true],
    ["Secrets", true],
    ["Secert", true],
    ["Sekret", true],
    ["ConfigMap", false],
    ["Service", false],
    ["SealedSecret", false],
    ["", false],
    [5, false],
    [undefined, false],
    ["Secret".repeat(100_000), false],
  ])("%s → %s", (kind, expected) => {
    expect(isSecretKind(kind)).toBe(expected);
  });
});

describe("isSecretValuePointer", () => {
  const secret = { apiVersion: "v1", kind: "secret", metadata: { name: "x" }, stringdata: { pw: "a" } };
  test.each([
    ["/data/pw", true],
    ["/data", true],
    ["/stringData/pw", true],
    ["/stringdata/pw", true],
    ["/Data/pw/0", true],
    ["/dtaa", true],
    ["/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration", true],
    ["/metadata/annotations/team", false],
    ["/metadata/name", false],
    ["/type", false],
    ["/immutable", false],
    ["/kind", false],
    ["", false],
  ])("%s → %s", (pointer, expected) => {
    expect(isSecretValuePointer(secret, pointer)).toBe(expected);
  });

  test("no value of a ConfigMap is secret", () => {
    expect(isSecretValuePointer({ kind: "ConfigMap", data: { pw: "a" } }, "/data/pw")).toBe(false);
  });
});

describe("secretTextsOf and redactSecretTexts", () => {
  test("every value under a secret field, numbers as written, short and boolean values left out", () => {
    const object = {
      kind: "Secret",
      metadata: { name: "hunter2-name", annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{}}' } },
      type: "Opaque",
      data: { a: "hunter2-data", b: 8675309123, c: true, d: "ab", e: { deeper: ["hunter2-deep"] } },
      Stringdata: { pw: "hunter2-typo" },
    };
    const written = (pointer: string) => ({ "/data/b": "0o100", "/data/c": "true" })[pointer];
    expect(secretTextsOf(object, written).sort()).toEqual(["0o100", "8675309123", "hunter2-data", "hunter2-deep", "hunter2-typo", '{"data":{}}']);
    expect(secretTextsOf({ kind: "ConfigMap", data: { a: "visible" } })).toEqual([]);
  });

  test("a boolean's spelling is not redacted from the message that explains it", () => {
    const message = "stringData.flag: expected a string, got a boolean (YAML reads unquoted true/false, yes/no, on/off as booleans: quote the value)";
    const texts = secretTextsOf({ kind: "Secret", stringData: { flag: true } }, () => "true");
    expect(redactSecretTexts(message, texts)).toBe(message);
  });

  test("a value is replaced as written and as JSON escapes it", () => {
    const texts = secretTextsOf({ kind: "Secret", data: { a: 'say "hi"\n' } });
    expect(redactSecretTexts('x: got "say \\"hi\\"\\n" and say "hi"\n', texts)).toBe('x: got "***" and ***');
  });

  test("findings of a Secret-like document never quote its values, whichever check wrote them", () => {
    const object = { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, data: { token: "tok-8675309" } };
    const document: ManifestDocument = { file: "s.yaml", index: 0, pointerPrefix: "", object, locate: () => ({ line: 1, column: 1 }) };
    const finding = reportToFinding(document, "some/rule", "error", { pointer: "/data/token", message: 'data.token: Invalid value: "tok-8675309"', suggestion: "tok-8675309x" });
    expect(finding.message).toBe('data.token: Invalid value: "***"');
    expect(finding.suggestion).toBeUndefined();
  });
});
