import { describe, expect, it } from "vitest";
import { namesConfigKey } from "../../src/rules/names/config-key.js";
import { brief, runRule, yaml } from "./helpers.js";
import { CONFIG_KEY } from "./messages.js";

const configMap = (...lines: string[]) => yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", ...lines);
const secret = (...lines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", ...lines);

describe("names/config-key", () => {
  it.each([
    ["file-like keys", configMap("data:", "  app.properties: x", "  LOG_LEVEL: debug", "  .hidden: y")],
    ["Secret keys in data and stringData", secret("data: {tls.crt: eA==}", "stringData: {password: x}")],
    ["keys of another kind", yaml("apiVersion: example.com/v1", "kind: ConfigMap", "metadata: {name: c}", "data: {'a b': x}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesConfigKey, text)).toEqual([]);
  });

  it.each([
    ["a key with a space", configMap("data:", "  my key: x"), [{ severity: "error", line: 5, column: 3, message: `data[my key]: Invalid value: "my key": ${CONFIG_KEY}`, suggestion: "my_key" }]],
    ["a key with a slash in binaryData", configMap("binaryData:", "  conf/app: eA=="), [{ severity: "error", line: 5, column: 3, message: `binaryData[conf/app]: Invalid value: "conf/app": ${CONFIG_KEY}`, suggestion: "conf_app" }]],
    ["a key named ..", configMap("data:", '  "..": x'), [{ severity: "error", line: 5, column: 3, message: `data[..]: Invalid value: "..": must not be '..'` }]],
    ["a key starting with ..", configMap("data:", "  ..data: x"), [{ severity: "error", line: 5, column: 3, message: `data[..data]: Invalid value: "..data": must not start with '..'`, suggestion: "data" }]],
    ["a Secret stringData key (reported as data, as after the merge)", secret("stringData:", "  db password: x"), [{ severity: "error", line: 5, column: 3, message: `data[db password]: Invalid value: "db password": ${CONFIG_KEY}`, suggestion: "db_password" }]],
    ["a key in both data and binaryData", configMap("data:", "  a: x", "binaryData:", "  a: eA=="), [{ severity: "error", line: 5, column: 3, message: 'data[a]: Invalid value: "a": duplicate of key present in binaryData' }]],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesConfigKey, text))).toEqual(expected);
  });
});
