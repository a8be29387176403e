import { describe, expect, it } from "vitest";
import { servicePorts } from "../../src/rules/service/ports.js";
import { brief, runRule, yaml } from "./helpers.js";

const service = (name: string, ...specLines: string[]) => yaml("apiVersion: v1", "kind: Service", `metadata: {name: ${name}}`, "spec:", ...specLines.map((l) => "  " + l));

describe("service/ports", () => {
  it.each([
    ["one unnamed port", service("s", "ports:", "- port: 80")],
    ["named ports", service("s", "ports:", "- {name: http, port: 80}", "- {name: https, port: 443}")],
    ["the same port over TCP and UDP", service("s", "ports:", "- {name: dns, port: 53, protocol: UDP}", "- {name: dns-tcp, port: 53, protocol: TCP}")],
    ["two Services with distinct node ports", service("a", "type: NodePort", "ports: [{port: 80, nodePort: 30001}]") + "---\n" + service("b", "type: NodePort", "ports: [{port: 80, nodePort: 30002}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(servicePorts, text)).toEqual([]);
  });

  it.each([
    [
      "several ports without names",
      service("s", "ports:", "- port: 80", "- port: 443"),
      "1.36",
      [
        { severity: "error", line: 6, column: 5, message: "spec.ports[0].name: Required value (a Service with several ports must name each of them)" },
        { severity: "error", line: 7, column: 5, message: "spec.ports[1].name: Required value (a Service with several ports must name each of them)" },
      ],
    ],
    [
      "two ports with the same name",
      service("s", "ports:", "- name: web", "  port: 80", "- name: web", "  port: 81"),
      "1.36",
      [{ severity: "error", line: 8, column: 11, message: 'spec.ports[1].name: Duplicate value: "web"' }],
    ],
    [
      "the same port and protocol twice",
      service("s", "ports:", "- name: a", "  port: 80", "- name: b", "  port: 80"),
      "1.36",
      [{ severity: "error", line: 8, column: 5, message: 'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}' }],
    ],
    [
      "the same port and protocol twice, before 1.34",
      service("s", "ports:", "- name: a", "  port: 80", "- name: b", "  port: 80"),
      "1.33",
      [{ severity: "error", line: 8, column: 5, message: 'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}' }],
    ],
    [
      "the same node port twice",
      service("s", "type: NodePort", "ports:", "- {name: a, port: 80, nodePort: 30080}", "- {name: b, port: 81, nodePort: 30080}"),
      "1.36",
      [{ severity: "error", line: 8, column: 35, message: "spec.ports[1].nodePort: Duplicate value: 30080" }],
    ],
  ])("reports %s", (_name, text, version, expected) => {
    expect(brief(runRule(servicePorts, text, { kubernetesVersion: version }))).toEqual(expected);
  });

  it("reports a node port another Service of the inputs already has, on the later one", () => {
    const text = service("a", "type: NodePort", "ports: [{port: 80, nodePort: 30080}]") + "---\n" + service("b", "type: NodePort", "ports: [{port: 80, nodePort: 30080}]");
    expect(brief(runRule(servicePorts, text))).toEqual([
      { severity: "error", line: 13, column: 32, message: "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated (by Service default/a)" },
    ]);
  });

  it("reports a node port a Service of the cluster has, but not the Service's own", () => {
    const cluster = service("legacy", "type: NodePort", "ports: [{port: 80, nodePort: 30080}]") + "---\n" + service("a", "type: NodePort", "ports: [{port: 80, nodePort: 30090}]");
    const text = service("a", "type: NodePort", "ports: [{name: w, port: 80, nodePort: 30090}, {name: x, port: 81, nodePort: 30080}]");
    expect(brief(runRule(servicePorts, text, { cluster })).map((f) => f.message)).toEqual([
      "spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated (by Service default/legacy)",
    ]);
  });
});
