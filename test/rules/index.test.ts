import { describe, expect, it } from "vitest";
import { ALL_RULES, DOCUMENT_RULES, INVENTORY_RULES, runRules } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/types.js";
import { inventoryFor, yaml } from "./helpers.js";

describe("ALL_RULES", () => {
  it("lists each rule once, sorted by id, with an <area>/<name> id and one line of help", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      expect(rule.description).not.toContain("\n");
      expect(rule.description.length).toBeGreaterThan(10);
    }
    expect(ids).toEqual([
      "inputs/duplicate-object",
      "metadata/labels",
      "pod/probe-port-unknown",
      "references/missing",
      "secret/base64",
      "service/ports",
      "service/selector-no-match",
    ]);
  });
});

describe("runRules", () => {
  const text = yaml(
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata: {name: web}",
    "spec:",
    "  selector: {matchLabels: {app: web}}",
    "  template:",
    "    metadata: {labels: {app: web, my key: x}}",
    "    spec:",
    "      containers:",
    "      - name: app",
    "        livenessProbe: {httpGet: {path: /, port: http}}",
    "        image: web:1.0",
  );

  it("places every rule's reports in the file, with the rule's id and severity", () => {
    const { inventory, documents } = inventoryFor(text);
    const findings = runRules(documents, { inventory, kubernetesVersion: "1.36" });
    expect(findings.map((f) => [f.rule, f.severity, f.file, f.line, f.column, f.path])).toEqual([
      ["pod/probe-port-unknown", "warning", "test.yaml", 11, 50, "/spec/template/spec/containers/0/livenessProbe/httpGet/port"],
    ]);
  });

  it("runs only the rules it is given", () => {
    const { inventory, documents } = inventoryFor(text);
    const only = ALL_RULES.filter((r) => r.id === "pod/probe-port-unknown");
    expect(runRules(documents, { inventory, kubernetesVersion: "1.36" }, only).map((f) => f.rule)).toEqual(["pod/probe-port-unknown"]);
  });

  it("lets a report override the rule's severity", () => {
    const service = yaml("apiVersion: v1", "kind: Service", "metadata: {name: s}", "spec: {type: NodePort, ports: [{port: 80, nodePort: 80}]}");
    const { inventory, documents } = inventoryFor(service);
    const findings = runRules(documents, { inventory, kubernetesVersion: "1.36" }, ALL_RULES.filter((r) => r.id === "service/ports"));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["service/ports", "warning"]]);
  });

  it("goes on with the other rules when one fails on an input, and says so", () => {
    const failing: Rule = { id: "test/failing", severity: "error", description: "fails", check: () => { throw new Error("boom"); } };
    const { inventory, documents } = inventoryFor(text);
    const findings = runRules(documents, { inventory, kubernetesVersion: "1.36" }, [failing, ...ALL_RULES]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["test/failing", "warning"],
      ["pod/probe-port-unknown", "warning"],
    ]);
    expect(findings[0]!.message).toBe("rule test/failing could not check this object: boom");
  });

  it("splits the rules into those that see one document and those that look up others", () => {
    expect(INVENTORY_RULES.map((r) => r.id)).toEqual(["inputs/duplicate-object", "references/missing", "service/ports", "service/selector-no-match"]);
    expect(DOCUMENT_RULES.length + INVENTORY_RULES.length).toBe(ALL_RULES.length);
  });
});
