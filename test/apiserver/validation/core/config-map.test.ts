import { describe, expect, it } from "vitest";
import { createPath, yaml } from "../../helpers.js";
import { CONFIG_KEY } from "../../../rules/messages.js";

const configMap = (...lines: string[]) => yaml("apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", ...lines);

describe("validateConfigMap", () => {
  it.each([
    ["file-like keys", configMap("data:", "  app.properties: x", "  LOG_LEVEL: debug", "  .hidden: y")],
    ["binary data beside other keys", configMap("data: {a: x}", "binaryData: {b: eA==}")],
    ["no data at all", configMap()],
    ["keys of a custom resource named ConfigMap", yaml("apiVersion: example.com/v1", "kind: ConfigMap", "metadata: {name: c}", "data: {'a b': x}")],
    ["a total size of exactly 1 MiB", configMap(`data: {a: ${"x".repeat(1024 * 1024)}}`)],
  ])("accepts %s", (_name, text) => {
    expect(createPath(text)).toEqual([]);
  });

  it.each([
    ["a key with a space", configMap("data:", "  my key: x"), [{ severity: "error", line: 5, column: 3, message: `data[my key]: Invalid value: "my key": ${CONFIG_KEY}`, suggestion: "my_key" }]],
    ["a key with a slash in binaryData", configMap("binaryData:", "  conf/app: eA=="), [{ severity: "error", line: 5, column: 3, message: `binaryData[conf/app]: Invalid value: "conf/app": ${CONFIG_KEY}`, suggestion: "conf_app" }]],
    ["a key named ..", configMap("data:", '  "..": x'), [{ severity: "error", line: 5, column: 3, message: `data[..]: Invalid value: "..": must not be '..'` }]],
    ["a key starting with ..", configMap("data:", "  ..data: x"), [{ severity: "error", line: 5, column: 3, message: `data[..data]: Invalid value: "..data": must not start with '..'`, suggestion: "data" }]],
    ["a key in both data and binaryData", configMap("data:", "  a: x", "binaryData:", "  a: eA=="), [{ severity: "error", line: 5, column: 3, message: 'data[a]: Invalid value: "a": duplicate of key present in binaryData' }]],
    ["data over 1 MiB in all", configMap(`data: {a: ${"x".repeat(1024 * 1024)}, b: z}`), [{ severity: "error", line: 1, column: 1, message: ": Too long: may not be more than 1048576 bytes" }]],
  ])("reports %s", (_name, text, expected) => {
    expect(createPath(text)).toEqual(expected);
  });
});
