import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPath, createPathMessages, yaml } from "../../helpers.js";
import { CONFIG_KEY } from "../../../rules/messages.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name)).toString("base64");
const secret = (...lines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", ...lines);
const typed = (type: string, ...lines: string[]) => secret(`type: ${type}`, ...lines);
const b64 = (text: string) => Buffer.from(text).toString("base64");
const errors = (text: string, version = "1.36") => createPath(text, version).filter((finding) => finding.severity === "error");

describe("validateSecret: accepted", () => {
  it.each([
    ["keys in data and stringData", secret("data: {tls.crt: eA==}", "stringData: {password: x}")],
    ["a TLS Secret with its keys", typed("kubernetes.io/tls", "stringData: {tls.crt: cert, tls.key: key}")],
    ["a docker config Secret with a JSON object", typed("kubernetes.io/dockerconfigjson", "data: {.dockerconfigjson: e30=}")],
    ["a dockercfg Secret of null", typed("kubernetes.io/dockercfg", "stringData: {.dockercfg: ' null '}")],
    ["basic auth with only a password", typed("kubernetes.io/basic-auth", "stringData: {password: x}")],
    ["basic auth with an empty username", typed("kubernetes.io/basic-auth", "stringData: {username: ''}")],
    ["an ssh-auth Secret", typed("kubernetes.io/ssh-auth", "stringData: {ssh-privatekey: key}")],
    ["an Opaque Secret", typed("Opaque", "data: {}")],
    ["a bootstrap token (no checks of its own)", typed("bootstrap.kubernetes.io/token", "stringData: {token-id: abcdef}")],
    ["a custom type", typed("example.com/anything")],
    ["a service account token Secret with its annotation", yaml("apiVersion: v1", "kind: Secret", "metadata:", "  name: t", "  annotations: {kubernetes.io/service-account.name: app}", "type: kubernetes.io/service-account-token")],
    ["1 MiB of data in all", secret(`stringData: {a: ${"x".repeat(1024 * 1024)}}`)],
  ])("%s", (_name, text) => {
    expect(errors(text)).toEqual([]);
  });
});

describe("validateSecret: rejected", () => {
  it.each([
    ["a data key with a slash", secret("data:", "  tls/crt: eA=="), [{ severity: "error", line: 5, column: 3, message: `data[tls/crt]: Invalid value: "tls/crt": ${CONFIG_KEY}`, suggestion: "tls_crt" }]],
    ["a stringData key (reported as data, as after the merge)", secret("stringData:", "  db password: x"), [{ severity: "error", line: 5, column: 3, message: `data[db password]: Invalid value: "db password": ${CONFIG_KEY}`, suggestion: "db_password" }]],
    ["a data key of ..", secret("stringData:", "  '..': x"), [{ severity: "error", line: 5, column: 3, message: `data[..]: Invalid value: "..": must not be '..'` }]],
    ["a TLS Secret without its key", typed("kubernetes.io/tls", "data:", "  tls.crt: eA=="), [{ severity: "error", line: 5, column: 1, message: "data[tls.key]: Required value" }]],
    ["a TLS Secret without data", typed("kubernetes.io/tls"), [
      { severity: "error", line: 4, column: 1, message: "data[tls.crt]: Required value" },
      { severity: "error", line: 4, column: 1, message: "data[tls.key]: Required value" },
    ]],
    ["a docker config Secret with the wrong key", typed("kubernetes.io/dockerconfigjson", "data:", "  config.json: e30="), [{ severity: "error", line: 5, column: 1, message: "data[.dockerconfigjson]: Required value" }]],
    ["an ssh-auth Secret without data", typed("kubernetes.io/ssh-auth"), [{ severity: "error", line: 4, column: 1, message: "data[ssh-privatekey]: Required value" }]],
    ["an ssh-auth Secret with an empty key", typed("kubernetes.io/ssh-auth", "stringData: {ssh-privatekey: ''}"), [{ severity: "error", line: 5, column: 14, message: "data[ssh-privatekey]: Required value" }]],
    ["basic auth without username and password", typed("kubernetes.io/basic-auth", "stringData: {user: x}"), [
      { severity: "error", line: 5, column: 1, message: "data[username]: Required value" },
      { severity: "error", line: 5, column: 1, message: "data[password]: Required value" },
    ]],
    ["a service account token Secret without its annotation", typed("kubernetes.io/service-account-token"), [{ severity: "error", line: 3, column: 1, message: "metadata.annotations[kubernetes.io/service-account.name]: Required value" }]],
  ])("%s", (_name, text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it.each([
    ["1.36", "may not be more than 1048576 bytes"],
    ["1.31", "must have at most 1048576 bytes"],
  ])("refuses more than 1 MiB of data in all, in the words of %s", (version, detail) => {
    const text = secret(`stringData: {a: ${"x".repeat(1024 * 1024)}, b: z}`);
    expect(createPathMessages(text, version)).toEqual([`data: Too long: ${detail}`]);
  });
});

describe("docker config content, as encoding/json reads it", () => {
  const dockerconfigjson = (content: string) => typed("kubernetes.io/dockerconfigjson", `data: {.dockerconfigjson: '${b64(content)}'}`);
  it.each([
    ["{", "unexpected end of JSON input"],
    ["", "unexpected end of JSON input"],
    ["auths: {}", "invalid character 'a' looking for beginning of value"],
    ["{'auths': {}}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"auths" {}}', "invalid character '{' after object key"],
    ['{"a": 1 "b": 2}', "invalid character '\"' after object key:value pair"],
    ['{"a": [1 2]}', "invalid character '2' after array element"],
    ['{"a": 01}', "invalid character '1' after object key:value pair"],
    ['{"a": 1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a": 1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"a": -x}', "invalid character 'x' in numeric literal"],
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a": nul}', "invalid character '}' in literal null (expecting 'l')"],
    ['{"a": "\\q"}', "invalid character 'q' in string escape code"],
    ['{"a": "\\u12x4"}', "invalid character 'x' in \\u hexadecimal character escape"],
    ['{"a": "tab\there"}', "invalid character '\\t' in string literal"],
    ["{} {}", "invalid character '{' after top-level value"],
    ["[]", "json: cannot unmarshal array into Go value of type map[string]interface {}"],
    ['"auths"', "json: cannot unmarshal string into Go value of type map[string]interface {}"],
    ["42", "json: cannot unmarshal number into Go value of type map[string]interface {}"],
    ["true", "json: cannot unmarshal bool into Go value of type map[string]interface {}"],
  ])("%j: %s", (content, detail) => {
    expect(createPathMessages(dockerconfigjson(content))).toEqual([`data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": ${detail}`]);
  });

  it("reads dockercfg the same way, at the key where it is written", () => {
    expect(errors(typed("kubernetes.io/dockercfg", "stringData:", "  .dockercfg: not json"))).toEqual([
      { severity: "error", line: 6, column: 3, message: `data[.dockercfg]: Invalid value: "<secret contents redacted>": invalid character 'o' in literal null (expecting 'u')` },
    ]);
  });
});

describe("warningsForSecret: a TLS pair that does not load", () => {
  const tls = (crt: string, key: string) => typed("kubernetes.io/tls", "data:", `  tls.crt: ${crt}`, `  tls.key: ${key}`);
  const warnings = (text: string) => createPath(text).filter((finding) => finding.severity === "warning").map((finding) => finding.message);
  const crt = fixture("tls-ec.crt");
  const key = fixture("tls-ec.key");

  it.each([
    ["a matching certificate and key", tls(crt, key), []],
    ["no PEM in the certificate", tls(b64("not a certificate"), key), ["tls: failed to find any PEM data in certificate input"]],
    ["the inputs switched", tls(key, crt), ["tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"]],
    ["no PEM in the key", tls(crt, b64("not a key")), ["tls: failed to find any PEM data in key input"]],
    ["a certificate as the key", tls(crt, crt), ["tls: found a certificate rather than a key in the PEM for the private key"]],
    ["another key of the same type", tls(crt, fixture("tls-other-ec.key")), ["tls: private key does not match public key"]],
    ["a key of another type", tls(crt, fixture("tls-ed25519.key")), ["tls: private key type does not match public key type"]],
    ["a key that does not parse", tls(crt, b64("-----BEGIN PRIVATE KEY-----\neA==\n-----END PRIVATE KEY-----\n")), ["tls: failed to parse private key"]],
  ])("%s", (_name, text, expected) => {
    expect(warnings(text)).toEqual(expected);
  });

  it("stays quick on hostile PEM input", () => {
    const hostile = b64("-----BEGIN X-----\n".repeat(20_000));
    const started = Date.now();
    expect(warnings(tls(hostile, hostile))).toEqual(['tls: failed to find any PEM data in certificate input']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
