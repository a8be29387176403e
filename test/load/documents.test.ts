import { describe, expect, it } from "vitest";
import { loadText } from "../../src/load/index.js";

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

describe("loading documents", () => {
  it("splits multi-document YAML and skips empty documents", () => {
    const result = loadText(`---\n${pod("a")}---\n# only a comment\n---\n${pod("b")}---\n`, "pods.yaml");
    expect(result.documents.map((d) => [d.object.metadata?.name, d.index])).toEqual([
      ["a", 0],
      ["b", 2],
    ]);
    expect(result.findings).toEqual([]);
  });

  it("flattens kind: List and *List kinds, keeping each item's place", () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: one}
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: two
---
apiVersion: v1
kind: PodList
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: p}
`;
    const result = loadText(text, "list.yaml");
    expect(result.documents.map((d) => [d.object.kind, d.object.metadata?.name, d.index, d.pointerPrefix])).toEqual([
      ["ConfigMap", "one", 0, "/items/0"],
      ["ConfigMap", "two", 0, "/items/1"],
      ["Pod", "p", 1, "/items/0"],
    ]);
    expect(result.documents[1]!.locate("/metadata/name")).toEqual({ line: 10, column: 13 });
  });

  it("reads JSON documents", () => {
    const result = loadText('{\n  "apiVersion": "v1",\n  "kind": "Namespace",\n  "metadata": {"name": "team-a"}\n}\n', "ns.json");
    expect(result.documents[0]!.object).toEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } });
    expect(result.documents[0]!.locate("/metadata/name")).toEqual({ line: 4, column: 24 });
  });
});

describe("positions", () => {
  const text = pod("web") + `      ports:
        - containerPort: 80
      env:
`;
  const [doc] = loadText(text, "pod.yaml").documents;
  it.each([
    ["/metadata/name", false, { line: 4, column: 9 }],
    ["/metadata/name", true, { line: 4, column: 3 }],
    ["/spec/containers/0/image", false, { line: 8, column: 14 }],
    ["/spec/containers/0", false, { line: 7, column: 7 }],
    ["/spec/containers/0/ports/0/containerPort", true, { line: 10, column: 11 }],
    // a missing field points at the key of its nearest existing parent
    ["/spec/containers/0/resources/limits", false, { line: 7, column: 7 }],
    ["/spec/nodeSelector", false, { line: 5, column: 1 }],
    // a key with no value points at the key
    ["/spec/containers/0/env", false, { line: 11, column: 7 }],
    ["", false, { line: 1, column: 1 }],
  ])("locates %s (key: %s)", (pointer, key, expected) => {
    expect(doc!.locate(pointer, { key })).toEqual(expected);
  });
});

describe("Kubernetes' YAML 1.1 scalars", () => {
  it.each([
    ["yes", true],
    ["No", false],
    ["on", true],
    ["OFF", false],
    ["y", true],
    ["true", true],
    ["0644", 420],
    ["0x1F", 31],
    ["1_000", 1000],
    ["1.5", 1.5],
    ["~", null],
    ["2024-01-02", "2024-01-02"],
    ["1:20", "1:20"],
    ['"yes"', "yes"],
    ["9000", 9000],
    ["port:9000", "port:9000"],
    // Floats need a digit, as Go's ParseFloat does: "." keys fill every managedFields entry.
    [".", "."],
    ["e5", "e5"],
    [".e5", ".e5"],
    ["-.", "-."],
    [".5", 0.5],
    ["1e3", 1000],
    // Go's ParseInt(text, 0, 64): every prefix Go knows, either case; beyond 64 bits, the text.
    ["0X1F", 31],
    ["0o17", 15],
    ["0O17", 15],
    ["0B101", 5],
    ["0x_1f", 31],
    ["0xFFFFFFFFFFFFFFFF", 18446744073709551615],
    ["0x10000000000000000", "0x10000000000000000"],
    ["0o", "0o"],
  ])("reads %s as %j", (source, expected) => {
    const [doc] = loadText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  value: ${source}\n`).documents;
    expect((doc!.object.data as Record<string, unknown>).value).toEqual(expected);
    // A nil key, or one past int64's range (a uint64), refuses the document (below, and json-keys.test.ts).
    if (expected === null || (typeof expected === "number" && expected >= 2 ** 63)) return;
    const [asKey] = loadText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ${source}: v\n`).documents;
    expect(Object.keys(asKey!.object.data as Record<string, unknown>)).toEqual([String(expected)]);
  });
});

describe("numbers JSON cannot hold", () => {
  // go-yaml reads them as float64, which YAMLToJSON cannot write: kubectl refuses the document.
  it.each([
    [".inf", "+Inf", 5, 13],
    ["-.Inf", "-Inf", 5, 13],
    [".NaN", "NaN", 5, 13],
    ["[1, .inf]", "+Inf", 5, 17],
    // json.Marshal writes a Go map's keys sorted: minReadySeconds comes before replicas.
    [".inf\n  minReadySeconds: .nan", "NaN", 6, 20],
  ])("refuses %s as kubectl does", (source, shown, line, column) => {
    const parsed = loadText(`${pod("ok")}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: ${source}\n`);
    expect(parsed.documents.map((document) => document.object.kind)).toEqual(["Pod"]);
    expect(parsed.findings.map((finding) => [finding.rule, finding.message])).toEqual([
      ["yaml/syntax", `YAML syntax error: error converting YAML to JSON: json: unsupported value: ${shown}`],
    ]);
    expect(parsed.findings[0]!.line - pod("ok").split("\n").length).toBe(line);
    expect(parsed.findings[0]!.column).toBe(column);
  });

  it.each([['".inf"', ".inf"], ["x.inf", "x.inf"], ["'.nan'", ".nan"]])("reads %s as the string %j", (source, expected) => {
    const [doc] = loadText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  value: ${source}\n`).documents;
    expect((doc!.object.data as Record<string, unknown>).value).toBe(expected);
  });
});

describe("keys go-yaml reads as nil", () => {
  // sigs.k8s.io/yaml cannot make a JSON key of nil: kubectl refuses the document, printing the value with Go's %+#v.
  it.each([
    ["~: g", 5, 3, '"g"'],
    ["null: g", 5, 3, '"g"'],
    ["NULL: [1, x]", 5, 3, '[]interface {}{1, "x"}'],
    ["? \n", 5, 5, "<nil>"],
    ["&x : {b: 1, a: [~]}", 5, 6, 'map[interface {}]interface {}{"a":[]interface {}{interface {}(nil)}, "b":1}'],
    ["x: 1\n?", 6, 2, "<nil>"],
    // Keys as go-yaml types them (1, 1.5), aliases expanded.
    ["~: {1: a, 1.5: [x, ~], b: &q 3, c: *q}", 5, 3, 'map[interface {}]interface {}{"b":3, "c":3, 1:"a", 1.5:[]interface {}{"x", interface {}(nil)}}'],
  ])("refuses %j", (entry, line, column, shown) => {
    const parsed = loadText(`${pod("ok")}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ${entry}\n`);
    expect(parsed.documents.map((document) => document.object.kind)).toEqual(["Pod"]);
    const offset = pod("ok").split("\n").length;
    expect(parsed.findings.map((finding) => [finding.line - offset, finding.column, finding.message])).toEqual([
      [line, column, `YAML syntax error: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`],
    ]);
  });

  it.each(["Secret", "secret"])("masks the value in a %s", (kind) => {
    const parsed = loadText(`apiVersion: v1\nkind: ${kind}\nmetadata: {name: s}\nstringData:\n  ~: hunter2-password\n`);
    expect(parsed.findings.map((finding) => finding.message)).toEqual([
      "YAML syntax error: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ***",
    ]);
  });

  it.each([['"null": 1'], ["'~': 1"], ["nullable: 1"]])("reads the quoted or longer key of %j", (entry) => {
    const [doc] = loadText(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ${entry}\n`).documents;
    expect(Object.keys(doc!.object.data as object)).toEqual([entry.split(":")[0]!.replace(/["']/g, "")]);
  });
});

describe("broken documents are findings; the others go on", () => {
  it.each([
    {
      name: "syntax error",
      text: `${pod("ok")}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n`,
      rule: "yaml/syntax",
      // Where the list left open starts; kubectl counts the document's lines.
      line: 13,
      message: "YAML syntax error: error converting YAML to JSON: yaml: line 4: did not find expected ',' or ']'",
    },
    {
      name: "duplicate key",
      text: `${pod("ok")}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: z\n`,
      rule: "yaml/duplicate-key",
      line: 14,
      message: 'duplicate key "name": a mapping\'s keys must be unique (the API server would keep only the last value)',
    },
    { name: "a list", text: `${pod("ok")}---\n- a\n- b\n`, rule: "document/not-an-object", line: 10 },
    { name: "a scalar", text: `${pod("ok")}---\njust text\n`, rule: "document/not-an-object", line: 10 },
    { name: "no apiVersion", text: `${pod("ok")}---\nkind: Pod\nmetadata: {name: x}\n`, rule: "document/missing-apiversion", line: 10, message: "apiVersion not set" },
    { name: "no kind", text: `${pod("ok")}---\napiVersion: v1\nmetadata: {name: x}\n`, rule: "document/missing-kind", line: 10, message: "kind not set" },
    { name: "kind not a string", text: `${pod("ok")}---\napiVersion: v1\nkind: [Pod]\n`, rule: "document/missing-kind", line: 11 },
    { name: "a List item that is not an object", text: `${pod("ok")}---\napiVersion: v1\nkind: List\nitems:\n  - 42\n`, rule: "document/not-an-object", line: 13 },
  ])("$name", ({ text, rule, line, message }) => {
    const result = loadText(text, "f.yaml");
    expect(result.documents.map((d) => d.object.metadata?.name)).toContain("ok");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule, line, severity: "error", file: "f.yaml" });
    if (message) expect(result.findings[0]!.message).toBe(message);
  });

  it("keeps a document with a duplicate key, with the last value", () => {
    const result = loadText("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: z\n");
    expect(result.documents[0]!.object.metadata?.name).toBe("z");
  });

  it("names documents after helm's # Source: comments", () => {
    const text = `---\n# Source: web/templates/deployment.yaml\n${pod("a")}---\n# Source: web/templates/service.yaml\n${pod("b")}`;
    expect(loadText(text).documents.map((d) => d.file)).toEqual(["web/templates/deployment.yaml", "web/templates/service.yaml"]);
  });

  it("resolves anchors and merge keys like Kubernetes does", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l {app: web}\n  annotations:\n    <<: *l\n    extra: "1"\n`;
    expect(loadText(text).documents[0]!.object.metadata).toEqual({ name: "x", labels: { app: "web" }, annotations: { app: "web", extra: "1" } });
  });
});
