import { describe, expect, it } from "vitest";
import { servicePorts } from "../../src/rules/service/ports.js";
import { brief, runRule, yaml } from "./helpers.js";

const service = (name: string, ...specLines: string[]) => yaml("apiVersion: v1", "kind: Service", `metadata: {name: ${name}}`, "spec:", ...specLines.map((l) => "  " + l));

describe("service/ports", () => {
  it.each([
    ["one unnamed port", service("s", "ports:", "- port: 80")],
    ["a NodePort Service in the default range", service("s", "type: NodePort", "ports: [{port: 80, nodePort: 30080}]")],
    ["a node port on a ClusterIP Service (the create path refuses it)", service("s", "ports: [{port: 80, nodePort: 8080}]")],
    ["two Services with distinct node ports", service("a", "type: NodePort", "ports: [{port: 80, nodePort: 30001}]") + "---\n" + service("b", "type: NodePort", "ports: [{port: 80, nodePort: 30002}]")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(servicePorts, text)).toEqual([]);
  });

  it("warns about a nodePort outside the default range (the range is configurable)", () => {
    expect(brief(runRule(servicePorts, service("s", "type: NodePort", "ports:", "- port: 80", "  nodePort: 8080")))).toEqual([
      { severity: "warning", line: 8, column: 15, message: "spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767 (the default --service-node-port-range)" },
    ]);
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
