import { describe, expect, it } from "vitest";
import { Inventory } from "../../src/inventory.js";
import { loadText } from "../../src/load/index.js";
import { inputsDuplicateObject } from "../../src/rules/inputs/duplicate-object.js";
import { reportToFinding } from "../../src/validate/findings.js";
import { brief, runRule, yaml } from "./helpers.js";

const object = (apiVersion: string, kind: string, name: string, namespace?: string, extra = "data: {a: '1'}") =>
  yaml("---", `apiVersion: ${apiVersion}`, `kind: ${kind}`, "metadata:", `  name: ${name}`, ...(namespace ? [`  namespace: ${namespace}`] : []), extra);

describe("inputs/duplicate-object", () => {
  it.each([
    ["same name, different kinds", object("v1", "ConfigMap", "app") + object("v1", "Secret", "app")],
    ["same name, different namespaces", object("v1", "ConfigMap", "app", "a") + object("v1", "ConfigMap", "app", "b")],
    ["same kind name in different API groups", object("apps/v1", "Deployment", "web") + object("example.com/v1", "Deployment", "web")],
    ["objects without a name (generateName creates a new one each time)", yaml("apiVersion: batch/v1", "kind: Job", "metadata: {generateName: x-}", "---", "apiVersion: batch/v1", "kind: Job", "metadata: {generateName: x-}")],
  ])("accepts %s", (_name, text) => {
    expect(runRule(inputsDuplicateObject, text)).toEqual([]);
  });

  it.each([
    [
      "an identical copy",
      object("v1", "ConfigMap", "app") + object("v1", "ConfigMap", "app"),
      [{ severity: "error", line: 11, column: 9, message: 'ConfigMap "app" in namespace "default" is already defined at test.yaml:2 (an identical copy)' }],
    ],
    [
      "a different definition, default namespace written out",
      object("v1", "ConfigMap", "app") + object("v1", "ConfigMap", "app", "default", "data: {a: '2'}"),
      [{ severity: "error", line: 11, column: 9, message: 'ConfigMap "app" in namespace "default" is already defined at test.yaml:2 (a different definition; applying both, this one replaces it)' }],
    ],
    [
      "a Deployment under two versions of the apps group",
      object("apps/v1", "Deployment", "web", undefined, "spec: {}") + object("apps/v1beta2", "Deployment", "web", undefined, "spec: {}"),
      [{ severity: "error", line: 11, column: 9, message: 'Deployment.apps "web" in namespace "default" is already defined at test.yaml:2 (a different definition; applying both, this one replaces it)' }],
    ],
    [
      "a cluster-scoped object",
      object("v1", "Namespace", "team", undefined, "spec: {}") + object("v1", "Namespace", "team", undefined, "spec: {}"),
      [{ severity: "error", line: 11, column: 9, message: 'Namespace "team" is already defined at test.yaml:2 (an identical copy)' }],
    ],
  ])("reports %s", (_name, text, expected) => {
    expect(brief(runRule(inputsDuplicateObject, text))).toEqual(expected);
  });

  it("names the first file when the copies are in two files, and ignores the cluster's object", () => {
    const first = loadText(object("v1", "ConfigMap", "app"), "k8s/one.yaml").documents;
    const second = loadText(object("v1", "ConfigMap", "app"), "k8s/two.yaml").documents;
    const inventory = new Inventory();
    inventory.add({ object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app" } }, source: "cluster" });
    inventory.addDocuments([...first, ...second]);
    const context = { inventory, kubernetesVersion: "1.36" };
    const findings = [...first, ...second].flatMap((d) => inputsDuplicateObject.check(d, context).map((r) => reportToFinding(d, inputsDuplicateObject.id, "error", r)));
    expect(findings.map((f) => [f.file, f.line, f.message])).toEqual([
      ["k8s/two.yaml", 5, 'ConfigMap "app" in namespace "default" is already defined at k8s/one.yaml:2 (an identical copy)'],
    ]);
  });
});

describe("inputs/duplicate-object across directories", () => {
  it.each([
    ["k8s/one.yaml", "k8s/two.yaml", "error", ""],
    ["overlays/dev/app.yaml", "overlays/prod/app.yaml", "warning", "; they are in different directories: fine if they are never applied together"],
  ])("%s then %s: %s", (firstFile, secondFile, severity, suffix) => {
    const first = loadText(object("v1", "ConfigMap", "app"), firstFile).documents;
    const second = loadText(object("v1", "ConfigMap", "app"), secondFile).documents;
    const inventory = new Inventory();
    inventory.addDocuments([...first, ...second]);
    const context = { inventory, kubernetesVersion: "1.36" };
    const findings = [...first, ...second].flatMap((d) => inputsDuplicateObject.check(d, context).map((r) => reportToFinding(d, inputsDuplicateObject.id, "error", r)));
    expect(findings.map((f) => [f.file, f.severity, f.message])).toEqual([
      [secondFile, severity, `ConfigMap "app" in namespace "default" is already defined at ${firstFile}:2 (an identical copy)${suffix}`],
    ]);
  });
});
