import { describe, expect, it } from "vitest";
import { secretRequiredKeys } from "../../src/rules/secret/required-keys.js";
import { brief, runRule, yaml } from "./helpers.js";

const secret = (type: string, ...lines: string[]) => yaml("apiVersion: v1", "kind: Secret", "metadata: {name: s}", `type: ${type}`, ...lines);

describe("secret/required-keys", () => {
  it.each([
    ["a TLS Secret with its keys", secret("kubernetes.io/tls", "data: {tls.crt: eA==, tls.key: eA==}")],
    ["a TLS Secret whose keys are in stringData", secret("kubernetes.io/tls", "stringData: {tls.crt: x, tls.key: y}")],
    ["a docker config Secret", secret("kubernetes.io/dockerconfigjson", "data: {.dockerconfigjson: e30=}")],
    ["basic auth with only a password", secret("kubernetes.io/basic-auth", "stringData: {password: x}")],
    ["an Opaque Secret", secret("Opaque", "data: {}")],
    ["a custom type", secret("example.com/anything")],
    ["a service account token Secret with its annotation", yaml("apiVersion: v1", "kind: Secret", "metadata:", "  name: t", "  annotations: {kubernetes.io/service-account.name: app}", "type: kubernetes.io/service-account-token")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(secretRequiredKeys, text)).toEqual([]);
  });

  it.each([
    [
      "a TLS Secret without its key",
      secret("kubernetes.io/tls", "data:", "  tls.crt: eA=="),
      [{ severity: "error", line: 5, column: 1, message: "data[tls.key]: Required value (a Secret of type kubernetes.io/tls needs it)" }],
    ],
    [
      "a docker config Secret with the wrong key",
      secret("kubernetes.io/dockerconfigjson", "data:", "  config.json: e30="),
      [{ severity: "error", line: 5, column: 1, message: "data[.dockerconfigjson]: Required value (a Secret of type kubernetes.io/dockerconfigjson needs it)" }],
    ],
    [
      "an ssh-auth Secret without data",
      secret("kubernetes.io/ssh-auth"),
      [{ severity: "error", line: 4, column: 1, message: "data[ssh-privatekey]: Required value (a Secret of type kubernetes.io/ssh-auth needs it)" }],
    ],
    [
      "basic auth without username and password",
      secret("kubernetes.io/basic-auth", "stringData: {user: x}"),
      [
        { severity: "error", line: 5, column: 1, message: "data[password]: Required value (a Secret of type kubernetes.io/basic-auth needs a username or a password)" },
        { severity: "error", line: 5, column: 1, message: "data[username]: Required value (a Secret of type kubernetes.io/basic-auth needs a username or a password)" },
      ],
    ],
    [
      "a service account token Secret without its annotation",
      secret("kubernetes.io/service-account-token"),
      [{ severity: "error", line: 3, column: 1, message: "metadata.annotations[kubernetes.io/service-account.name]: Required value (it names the ServiceAccount the token is for)" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(secretRequiredKeys, text))).toEqual(expected);
  });
});
