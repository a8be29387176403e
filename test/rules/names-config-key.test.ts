import { describe, expect, it } from "vitest";
import { namesConfigKey } from "../../src/rules/names/config-key.js";
import { brief, runRule, yaml } from "./helpers.js";
import { CONFIG_KEY } from "./messages.js";

const secret = (...lines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", ...lines);

describe("names/config-key", () => {
  it.each([
    ["Secret keys in data and stringData", secret("data: {tls.crt: eA==}", "stringData: {password: x}")],
    ["ConfigMap keys (the create path checks them)", yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "data: {'a b': x}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesConfigKey, text)).toEqual([]);
  });

  it.each([
    ["a Secret data key with a slash", secret("data:", "  tls/crt: eA=="), [{ severity: "error", line: 5, column: 3, message: `data[tls/crt]: Invalid value: "tls/crt": ${CONFIG_KEY}`, suggestion: "tls_crt" }]],
    ["a Secret stringData key (reported as data, as after the merge)", secret("stringData:", "  db password: x"), [{ severity: "error", line: 5, column: 3, message: `data[db password]: Invalid value: "db password": ${CONFIG_KEY}`, suggestion: "db_password" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesConfigKey, text))).toEqual(expected);
  });
});
