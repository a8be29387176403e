import { describe, expect, it } from "vitest";
import { namesPortName } from "../../src/rules/names/port-name.js";
import { brief, runRule, yaml } from "./helpers.js";
import { LABEL } from "./messages.js";

const pod = (...portLines: string[]) =>
  yaml("apiVersion: v1", "kind: Pod", "metadata: {name: p}", "spec:", "  containers:", "  - name: app", "    image: x", "    ports:", ...portLines.map((l) => "    " + l));
const service = (...portLines: string[]) => yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec:", "  ports:", ...portLines.map((l) => "  " + l));

describe("names/port-name", () => {
  it.each([
    ["IANA service names on container ports", pod("- {name: http, containerPort: 80}", "- {name: metrics-9090, containerPort: 9090}", "- {containerPort: 81}")],
    ["15-character container port names", pod("- {name: abcdefghijklmno, containerPort: 80}")],
    ["DNS-1123 labels on Service ports (longer than 15 is fine)", service("- {name: very-long-port-name-for-http, port: 80}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(namesPortName, text)).toEqual([]);
  });

  it.each([
    [
      "a 16-character container port name",
      pod("- {name: abcdefghijklmnop, containerPort: 80}"),
      [{ severity: "error", line: 9, column: 14, message: 'spec.containers[0].ports[0].name: Invalid value: "abcdefghijklmnop": must be no more than 15 characters', suggestion: "abcdefghijklmno" }],
    ],
    [
      "a container port name without letters",
      pod('- {name: "8080", containerPort: 8080}'),
      [{ severity: "error", line: 9, column: 14, message: 'spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)' }],
    ],
    [
      "a container port name with capitals and a double dash",
      pod("- {name: Web--UI, containerPort: 80}"),
      [
        { severity: "error", line: 9, column: 14, message: 'spec.containers[0].ports[0].name: Invalid value: "Web--UI": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', suggestion: "web-ui" },
        { severity: "error", line: 9, column: 14, message: 'spec.containers[0].ports[0].name: Invalid value: "Web--UI": must not contain consecutive hyphens', suggestion: "web-ui" },
      ],
    ],
    [
      "a container port name ending with a dash",
      pod("- {name: http-, containerPort: 80}"),
      [{ severity: "error", line: 9, column: 14, message: 'spec.containers[0].ports[0].name: Invalid value: "http-": must not begin or end with a hyphen', suggestion: "http" }],
    ],
    [
      "a Service port name with an underscore",
      service("- {name: http_alt, port: 8080}"),
      [{ severity: "error", line: 6, column: 12, message: `spec.ports[0].name: Invalid value: "http_alt": ${LABEL}`, suggestion: "http-alt" }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(namesPortName, text))).toEqual(expected);
  });
});
