import { describe, expect, it } from "vitest";
import { goJson, goQuote, labelSelectorValue, notSupported, rendersCompositeAsJson, stringMapValue } from "../../src/rules/support/field-errors.js";
import { isConfigMapKey, isLabelKey, isPathSegmentName, isValidPortNum } from "../../src/apiserver/apimachinery/validation.js";
import { toDnsName } from "../../src/apiserver/apimachinery/suggestions.js";
import { closest } from "../../src/util/suggest.js";
import { SUBDOMAIN } from "./messages.js";

describe("bad values as kube-apiserver prints them", () => {
  it.each([
    ["1.33", false],
    ["1.34", true],
    ["1.36", true],
    ["v1.28.3", false],
    ["2.0", true],
  ])("composite values are JSON in %s: %s", (version, json) => {
    expect(rendersCompositeAsJson(version)).toBe(json);
  });

  it.each([
    ["plain", '"plain"'],
    ['say "hi"\\', '"say \\"hi\\"\\\\"'],
    ["tab\tnew\nline", '"tab\\tnew\\nline"'],
    ["\u0001", '"\\x01"'],
    [" ~\u007f\u001b", '" ~\\x7f\\x1b"'],
    ["\u0085\u00a0", '"\\u0085\\u00a0"'],
    ["é漢", '"é漢"'],
    ["\u200b", '"\\u200b"'],
    ["\u{1F600}", '"\u{1F600}"'],
  ])("%j with Go's %%q", (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });

  it("writes JSON as encoding/json does: sorted keys, HTML escaped", () => {
    expect(goJson({ b: "<x>", a: ["&"] })).toBe('{"a":["\\u0026"],"b":"\\u003cx\\u003e"}');
    expect(goJson(undefined)).toBe("null");
  });

  it("prints label maps in JSON or Go syntax", () => {
    expect(stringMapValue({ tier: "a", app: "b" }, "1.36")).toBe('{"app":"b","tier":"a"}');
    expect(stringMapValue({ tier: "a", app: "b" }, "1.33")).toBe('map[string]string{"app":"b", "tier":"a"}');
    expect(stringMapValue(undefined, "1.33")).toBe("map[string]string(nil)");
    expect(stringMapValue(undefined, "1.36")).toBe("null");
  });

  it("prints label selectors in JSON or Go syntax", () => {
    const selector = { matchLabels: { app: "x" }, matchExpressions: [{ key: "k", operator: "In", values: ["a", "b"] }, { key: "e", operator: "Exists" }] };
    expect(labelSelectorValue(selector, "1.36")).toBe('{"matchLabels":{"app":"x"},"matchExpressions":[{"key":"k","operator":"In","values":["a","b"]},{"key":"e","operator":"Exists"}]}');
    expect(labelSelectorValue(selector, "1.30")).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"a", "b"}}, v1.LabelSelectorRequirement{Key:"e", Operator:"Exists", Values:[]string(nil)}}}',
    );
    expect(labelSelectorValue({}, "1.30")).toBe("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}");
  });

  it("lists supported values quoted", () => {
    expect(notSupported("spec.x", "true", ["nil", "false"])).toBe('spec.x: Unsupported value: true: supported values: "nil", "false"');
  });
});

describe("name syntax", () => {
  it.each([
    ["/name", ["prefix part must be non-empty"]],
    ["example.com/", ["name part must be non-empty", "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]],
    [`${"p".repeat(254)}/x`, ["prefix part must be no more than 253 bytes"]],
    ["app.kubernetes.io/name", []],
  ])("label key %j", (key, errors) => {
    expect(isLabelKey(key)).toEqual(errors);
  });

  it("counts bytes, not characters, as Go's len() does", () => {
    expect(isLabelKey("é".repeat(32))).toContain("name part must be no more than 63 bytes");
    expect(isConfigMapKey("a".repeat(253))).toEqual([]);
    expect(isConfigMapKey("a".repeat(254))).toEqual(["must be no more than 253 characters"]);
  });

  it.each([
    [0, false],
    [1, true],
    [65535, true],
    [65536, false],
  ])("port number %d", (port, valid) => {
    expect(isValidPortNum(port).length === 0).toBe(valid);
  });

  it("checks path segments the way rest.BeforeCreate does", () => {
    expect(isPathSegmentName(".")).toEqual(["may not be '.'"]);
    expect(isPathSegmentName("a..b")).toEqual([]);
    expect(isPathSegmentName("a/b%")).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe("suggestions", () => {
  it.each([
    ["My_App", "subdomain", "my-app"],
    ["Web..Front", "subdomain", "web.front"],
    ["-x-", "label", "x"],
    ["api.v2", "label", "api-v2"],
    ["2fast", "dns1035", "fast"],
    ["ok", "label", undefined],
    ["___", "label", undefined],
  ] as const)("%j as a %s", (value, kind, expected) => {
    expect(toDnsName(value, kind)).toBe(expected);
  });

  it("suggests close names only", () => {
    expect(closest("confg", ["config", "secret"])).toBe("config");
    expect(closest("database", ["web", "api"])).toBeUndefined();
    expect(closest("x", [])).toBeUndefined();
  });
});
