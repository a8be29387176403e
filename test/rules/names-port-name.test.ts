import { describe, expect, it } from "vitest";
import { namesPortName } from "../../src/rules/names/port-name.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL } from "./messages.js";

const service = (...portLines: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec:", "  ports:", ...portLines.map((l) => "  " + l));

describe("names/port-name", () => {
  it.each([
    ["container port names (the API server's validation checks them)", yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec: {containers: [{name: a, image: x, ports: [{name: Web--UI, containerPort: 80}]}]}")],
    ["DNS-1123 labels on Service ports (longer than 15 is fine)", service("- {name: very-long-port-name-for-http, port: 80}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesPortName, text)).toEqual([]);
  });

  it.each([
    [
      "a Service port name with an underscore",
      service("- {name: http_alt, port: 8080}"),
      [{ severity: "error", line: 6, column: 12, message: `spec.ports[0].name: Invalid value: "http_alt": ${LABEL}`, suggestion: "http-alt" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesPortName, text))).toEqual(expected);
  });
});
