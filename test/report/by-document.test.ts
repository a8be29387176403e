import { describe, expect, it } from "vitest";
import { loadText } from "../../src/load/index.js";
import { documentLabel, groupByDocument, qualifiedName, type FileReport } from "../../src/report/by-document.js";
import { reportToFinding } from "../../src/validate/findings.js";
import type { DocumentSummary, Finding, ManifestDocument, ValidateResult } from "../../src/types.js";

function summary(overrides: Partial<DocumentSummary>): DocumentSummary {
  return { file: "f.yaml", index: 0, pointerPrefix: "", line: 1, apiVersion: "v1", kind: "ConfigMap", name: "c", ...overrides };
}

function finding(overrides: Partial<Finding>): Finding {
  return { severity: "error", rule: "schema/type", message: "m", file: "f.yaml", line: 1, column: 1, path: "", ...overrides };
}

function resultOf(documents: DocumentSummary[], findings: Finding[] = []): ValidateResult {
  return {
    kubernetesVersion: "1.36",
    files: [{ file: "f.yaml", documents }],
    findings,
    summary: { files: 1, documents: documents.length, errors: 0, warnings: 0, infos: 0, suppressed: 0, skipped: 0, durationMs: 0 },
  };
}

/** For each item: the object's label and the messages of its findings, or "loose: message". */
function layout(files: FileReport[]): string[][] {
  return files.map((f) =>
    f.items.map((item) =>
      item.kind === "document" ? `${documentLabel(item.document)}: ${item.findings.map((x) => x.message).join(",")}` : `loose: ${item.finding.message}`,
    ),
  );
}

describe("groupByDocument", () => {
  const twoDocuments = [summary({ name: "a", line: 1 }), summary({ name: "b", index: 1, line: 10 })];

  it.each([
    { name: "a line inside the first object", finding: finding({ line: 5, path: "/data/x" }), expected: ["ConfigMap/a: m", "ConfigMap/b: "] },
    { name: "the first line of an object", finding: finding({ line: 10, path: "/apiVersion" }), expected: ["ConfigMap/a: ", "ConfigMap/b: m"] },
    { name: "past the last object's start", finding: finding({ line: 99, path: "/data" }), expected: ["ConfigMap/a: ", "ConfigMap/b: m"] },
    { name: "before any object", finding: finding({ line: 1, column: 1, path: "" }), expected: ["ConfigMap/a: m", "ConfigMap/b: "] },
    {
      name: "a YAML syntax error after an object: no object",
      finding: finding({ rule: "yaml/syntax", line: 5 }),
      expected: ["ConfigMap/a: ", "loose: m", "ConfigMap/b: "],
    },
    {
      name: "an object without kind: no object",
      finding: finding({ rule: "document/missing-kind", line: 12 }),
      expected: ["ConfigMap/a: ", "ConfigMap/b: ", "loose: m"],
    },
    { name: "an unreadable file: no object", finding: finding({ rule: "input/unreadable", line: 1 }), expected: ["ConfigMap/a: ", "loose: m", "ConfigMap/b: "] },
    {
      name: "a duplicate key is about the object it is in",
      finding: finding({ rule: "yaml/duplicate-key", line: 11 }),
      expected: ["ConfigMap/a: ", "ConfigMap/b: m"],
    },
  ])("places $name", ({ finding: f, expected }) => {
    expect(layout(groupByDocument(resultOf(twoDocuments), [f]))).toEqual([expected]);
  });

  it("places a finding before the first object on its own, at its line", () => {
    const late = [summary({ name: "a", line: 4 })];
    expect(layout(groupByDocument(resultOf(late), [finding({ line: 2, rule: "yaml/duplicate-key" })]))).toEqual([["loose: m", "ConfigMap/a: "]]);
  });

  it("tells items of a List apart by pointer, even on one line (flow style)", () => {
    const items = [
      summary({ name: "i0", pointerPrefix: "/items/0", line: 3 }),
      summary({ name: "i1", pointerPrefix: "/items/1", line: 3 }),
      summary({ name: "i10", pointerPrefix: "/items/10", line: 3 }),
    ];
    const findings = [
      finding({ message: "to-i0", line: 3, path: "/items/0/data" }),
      finding({ message: "to-i1", line: 3, path: "/items/1" }),
      finding({ message: "to-i10", line: 3, path: "/items/10/data/x" }),
      finding({ message: "envelope", line: 3, path: "/kind" }),
    ];
    expect(layout(groupByDocument(resultOf(items), findings))).toEqual([
      ["ConfigMap/i0: to-i0", "ConfigMap/i1: to-i1", "ConfigMap/i10: to-i10", "loose: envelope"],
    ]);
  });

  it("keeps files in the result's order, then files known only from findings, sorted", () => {
    const result = resultOf([summary({})]);
    result.files.push({ file: "a-empty.yaml", documents: [] });
    const findings = [finding({ file: "z-gone.yaml", message: "z" }), finding({ file: "b-gone.yaml", message: "b" })];
    expect(groupByDocument(result, findings).map((f) => [f.file, f.items.length])).toEqual([
      ["f.yaml", 1],
      ["a-empty.yaml", 0],
      ["b-gone.yaml", 1],
      ["z-gone.yaml", 1],
    ]);
  });

  it("places the findings of real loaded YAML under the right objects", () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
data:
  a: "1"
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: item0}
  - apiVersion: v1
    kind: Secret
    metadata: {name: item1}
    data: {x: "!!"}
---
apiVersion: v1
kind: Service
metadata:
  name: broken
  labels: {a: [}
---
apiVersion: v1
kind: Pod
metadata:
  name: last
spec: {containers: []}
`;
    const loaded = loadText(text, "mixed.yaml");
    const byName = (name: string): ManifestDocument => loaded.documents.find((d) => d.object.metadata?.name === name)!;
    const findings = [
      ...loaded.findings,
      reportToFinding(byName("first"), "r/first", "error", { pointer: "/data/a", message: "on first" }),
      reportToFinding(byName("item1"), "r/item", "warning", { pointer: "/data/x", message: "on item1" }),
      reportToFinding(byName("item0"), "r/item", "info", { pointer: "/metadata/name", message: "on item0" }),
      reportToFinding(byName("last"), "r/last", "error", { pointer: "/spec/containers", message: "on last" }),
    ];
    // The broken document is one finding, at its first error.
    expect(loaded.findings.map((f) => [f.rule, f.line])).toEqual([["yaml/syntax", 23]]);
    const documents: DocumentSummary[] = loaded.documents.map((d) => ({
      file: d.file,
      index: d.index,
      pointerPrefix: d.pointerPrefix,
      line: d.locate("").line,
      apiVersion: String(d.object.apiVersion),
      kind: String(d.object.kind),
      name: String(d.object.metadata?.name),
    }));
    const result: ValidateResult = { ...resultOf([]), files: [{ file: "mixed.yaml", documents }], findings };
    const items = groupByDocument(result, findings)[0]!.items;
    expect(
      items.map((item) =>
        item.kind === "document" ? [item.document.name, item.findings.map((f) => f.message)] : ["(loose)", [item.finding.rule]],
      ),
    ).toEqual([
      ["first", ["on first"]],
      ["item0", ["on item0"]],
      ["item1", ["on item1"]],
      ["(loose)", ["yaml/syntax"]],
      ["last", ["on last"]],
    ]);
  });
});

describe("object names", () => {
  it.each([
    { document: summary({ apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "team-a" }), label: "Deployment/team-a/web", qualified: "apps/v1/Deployment/team-a/web" },
    { document: summary({ kind: "Namespace", name: "team-a" }), label: "Namespace/team-a", qualified: "v1/Namespace//team-a" },
    { document: summary({ kind: "Job", name: "" }), label: "Job/(unnamed)", qualified: "v1/Job//" },
  ])("$label", ({ document, label, qualified }) => {
    expect(documentLabel(document)).toBe(label);
    expect(qualifiedName(document)).toBe(qualified);
  });
});
